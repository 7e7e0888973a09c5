/**
 * Settings proposed from a policy's text (issue 19): each with the sentence it rests on, and the
 * rules the product cannot hold listed apart. Never guesses: a setting two sentences disagree on,
 * or one a sentence poisons (a restricted route told to someone who may not see it), gets nothing.
 * Pure and offline; a 20-page policy reads in well under a second. What is read is bounded (bounds.ts), so the longest page the editor takes reads in
 * seconds whatever its shape: the slowest found, 124,000 lines of "No.", took about 10 s on the machine that measured it.
 */
import { ageTable, siteTermsOnly } from './ages.table.ts';
import { concernPatterns, safeguardingPageConcerns } from './concerns.table.ts';
import { concernBlocks } from './concerns.tables.ts';
import { staffActs } from './concerns.words.ts';
import { classPhotosWithoutConsent } from './consent.basis.ts';
import { askedUses, consentPatterns } from './consent.table.ts';
import { namedUses } from './consent.uses.ts';
import { channelConsent } from './consent.channels.ts';
import { usesNamed } from './consent.named.ts';
import { decisionPatterns } from './decisions.table.ts';
import { namesApartFromPhotographs, namesBesidePhotographs, namingEverywhere, namingInScopeOfOpening, onlyNamedInside } from './names.page.ts';
import { othersGuidelines, photoPatterns } from './photos.table.ts';
import { reviewBlocks, reviewPatterns } from './review.table.ts';
import { pageConsent } from './page.ts';
import { checklistPage, markedForm } from './form.marks.ts';
import { formRow } from './page.words.ts';
import { answeredQuestions, consentList, consentTable } from './consent-list.ts';
import { namingRows, namingTable } from './naming.rows.ts';
import { structuralConsent } from './structure.ts';
import { withPostsForAbbreviations } from './people.abbreviations.ts';
import { withScenarioRows } from './tables.scenario.ts';
import { withPostsForLists, withPostsForNames } from './people.roles.ts';
import { withSignerForMe } from './people.signer.ts';
import { readableLines, readPart } from './bounds.ts';
import { normalise, policyLines, sentencesOf, type Line, type Sentence } from './text.ts';
import { deadlineAt } from './concerns.times.ts';
import { withClauseOnLastItem } from './text.lists.ts';
import { withoutTemplateNotes } from './text.notes.ts';
import type { Found } from './types.ts';

export interface Proposal {
  setting: string;
  value: unknown;
  quote: string;
  line: number;
}

export interface Proposals {
  proposals: Proposal[];
  unrepresented: { quote: string; line: number }[];
}

export const sentencePatterns = [...concernPatterns, ...photoPatterns, ...consentPatterns, ...reviewPatterns, ...ageTable, ...decisionPatterns];

/** A sentence that states a rule: what the head should see if no setting holds it. */
const rule =
  /\b(must|should|shall|will not|won't|may not|cannot|can't|are not allowed|is not allowed|not permitted|prohibited|forbidden|never|are asked|are expected|is expected|are required|is required|are responsible|is responsible|will be (reported|referred|dealt|taken|kept|stored|deleted|archived|removed|contacted|told|informed)|are to)\b|\bno\b[^.]{0,40}\b(is|are) (permitted|allowed)\b/;

type Seen = Found & { quote: string; line: number; order: number };

/** Naming values from the strictest: a value is within a ceiling when it is no less strict. */
const namingOrder = ['none', 'first-names', 'full-with-permission'];
const withinCeiling = (value: unknown, ceiling: unknown) =>
  value === ceiling || (namingOrder.includes(value as string) && namingOrder.indexOf(value as string) <= namingOrder.indexOf(ceiling as string));

/**
 * Whom the part of the page a sentence stands in is written for, by its heading or the numbered title above it ("7.
 * Social Media Use – pupils and parents"): staff, pupils, or neither (or both).
 */
function audiences(sentences: Sentence[], lines: Line[]): (order: number) => 'staff' | 'pupils' | null {
  const titleAbove = (line: number) => {
    for (let i = lines.length - 1; i >= 0; i--) {
      if (lines[i].line >= line) continue;
      const raw = (lines[i].raw ?? lines[i].text).trim();
      if (/^(#{1,6}\s*)?\d{1,2}\.?\s+[A-Z][^.:;]{2,80}$/.test(raw)) return normalise(raw);
    }
    return '';
  };
  return (order) => {
    const s = sentences[order];
    if (!s) return null;
    const heading = `${s.heading ?? ''} ${titleAbove(s.line)}`;
    const staff = /\b(staff|employees?|teachers|colleagues|adults)\b/.test(heading);
    const pupils = /\b(pupils?|students?|children|learners?)\b/.test(heading);
    return staff === pupils ? null : staff ? 'staff' : 'pupils';
  };
}

/**
 * Recipients told besides those the sentence just before names ("…tell Mr Hartley. If a pupil has seen it, also tell the
 * designated person.", concerns.table.ts, besides): added to that sentence's list, quoting both sentences. With no list
 * in the sentence just before (or in the one before that, when a wrapped line parted it from its end), such a telling is
 * a step on a condition, not the route, and is dropped.
 */
function withAdditions(all: Seen[]): Seen[] {
  if (!all.some((f) => f.combine === 'adds')) return all;
  const out: Seen[] = [];
  for (const f of all) {
    if (f.combine !== 'adds') {
      out.push(f);
      continue;
    }
    // (Or the one before that, when it stops without ending: a wrapped line of a PDF may part the sentence that names the
    // list, "…tell the Online Safety Lead, who will ask", from its last words, "BayNet to block the site and log it.")
    let at = out.findIndex((g) => g.order === f.order - 1);
    if (at < 0) at = out.findIndex((g) => g.order === f.order - 2 && !/[.!?:;]["'”’)]*$/.test(g.quote.trim()));
    if (at < 0) continue;
    const before = out[at];
    out[at] = { ...before, value: [...new Set([...(before.value as unknown[]), ...(f.value as unknown[])])], quote: `${before.quote} ${f.quote}` };
  }
  return out;
}

function merge(found: Seen[], audienceOf: (order: number) => 'staff' | 'pupils' | null): Proposal[] {
  const bySetting = new Map<string, Seen[]>();
  for (const f of found) {
    const same = bySetting.get(f.setting);
    if (same) same.push(f);
    else bySetting.set(f.setting, [f]);
  }
  const out: (Proposal & { order: number })[] = [];
  for (const [setting, said] of bySetting) {
    if (said.some((f) => f.value === null)) continue;
    const all = withAdditions(said);
    if (!all.length) continue;
    let value: unknown;
    const first = all[0].value as unknown[];
    if (/^concerns\.routes\.[a-z-]+\.notify$/.test(setting)) {
      // Who is told first about a kind of concern, said again with others beside ("tell the DSL" … "tell the DSL or the
      // Head"): the list where the policy first says so; the others are stand-ins or next steps more often than more of
      // the same list. Lists with no one in common disagree: across the keyed sets their union was never the key (18
      // false proposals, none right), so nothing is proposed.
      // (Lists said in parts of the page written for different readers add up: "6. Social media use – staff" … "passed on
      // to the Headteacher", and "8. Blocked content" … "reported to the class teacher".)
      const table = all.filter((f) => f.order === -1);
      const tableFirst = table[0]?.value as unknown[] | undefined;
      if (all.every((f) => (f.value as unknown[]).some((r) => first.includes(r)))) value = first;
      else if (new Set(all.map((f) => audienceOf(f.order))).size > 1) value = [...new Set(all.flatMap((f) => f.value as unknown[]))];
      // (An incident table's row, where it and the prose disagree: the table is where the page sets its routes out.)
      else if (tableFirst && table.length < all.length && table.every((f) => (f.value as unknown[]).some((r) => tableFirst.includes(r)))) value = tableFirst;
      else continue;
    } else if (all.every((f) => f.combine === 'union')) {
      value = [...new Set(all.flatMap((f) => f.value as unknown[]))];
    } else {
      // A ceiling ("no full names": a first name at most) agrees with a stricter rule said elsewhere ("no names").
      // A fallback ("Reviewed by: Local Academy Council") yields to what any other sentence says.
      const said0 = all.some((f) => f.combine !== 'fallback') ? all.filter((f) => f.combine !== 'fallback') : all;
      // "Website: first name and year group only." then "Full names may be used … only where the box has been ticked": first
      // names unless the family says more is the rule the product calls full names with permission.
      // (Only where the exception names full names in a sentence of its own: not "…for Primary pupils we will only give first
      // names, for Secondary pupils we will ask the family first", two rules in one sentence.)
      const fuller = said0.filter((f) => f.value === 'full-with-permission');
      const lifted =
        /^photos\.channels\.[a-z-]+\.naming$/.test(setting) &&
        fuller.length > 0 &&
        // (Pupils' names: not "Staff full names may appear on the website where the member of staff has consented".)
        fuller.every(
          (f) =>
            /\b(full|sur|last|family) ?names?\b/.test(normalise(f.quote)) &&
            !/\b(staff|teachers?|governors?|employees?|colleagues?)\b/.test(normalise(f.quote)),
        ) &&
        said0.every(
          (f) => (f.value === 'full-with-permission' || f.value === 'first-names') && (f.value !== 'first-names' || !fuller.some((g) => g.order === f.order)),
        );
      const said = lifted ? said0.filter((f) => f.value === 'full-with-permission') : said0;
      const plain = said.filter((f) => f.combine !== 'at-most');
      const ceilings = said.filter((f) => f.combine === 'at-most');
      const chosen = plain.length ? plain : said;
      // (Lists of roles compare as sets: "the DSL and the Headteacher" and "Headteacher and DSL" agree.)
      const values = new Set(chosen.map((f) => JSON.stringify(Array.isArray(f.value) ? [...(f.value as unknown[])].sort() : f.value)));
      // The same body with and without "full" ("Full Governing Board" in the header, "the Governing Board" in the text): the
      // fuller name.
      const full = setting === 'policyReview.approvingBody' ? fullerBody(chosen.map((f) => f.value)) : null;
      // ("Approved by the Staffing Committee: 9 July" then "Ratified by the Full Governing Body: 16 July": the one body a
      // sentence says has ratified the policy has the last word. Not "…to be ratified by the FGB", which has not happened.)
      const ratifying =
        setting === 'policyReview.approvingBody'
          ? new Set(chosen.filter((f) => ratifiedBy(normalise(f.quote), String(f.value).toLowerCase())).map((f) => f.value))
          : new Set();
      // Times that disagree for one kind of concern ("report it to the DSL … before the end of the same school day", then "the
      // DSL will decide … within 24 hours"): the time said where the concern is reported, in the sentence that names whom it
      // goes to; the others are steps after it.
      const reportedAt = /^concerns\.routes\.[a-z-]+\.deadline$/.test(setting)
        ? new Set(
            chosen
              .filter(
                (f) =>
                  found.some((g) => g.setting === setting.replace(/deadline$/, 'notify') && g.order === f.order) &&
                  (f.order === -1 || timeOfTheReport(f.quote)),
              )
              .map((f) => f.value),
          )
        : new Set();
      // ("Approved by: Trust Board (Safeguarding Committee)" as the header's label, then "Adopted by LGB: 2 October" in the
      // school's own footer: the header's. Not a header that names a committee beside the board, "Local Governing Body –
      // Welfare Committee", which keyers read either way; nor an earlier or coming approval, "First approved by…".)
      // (Only when whatever disagrees stands below the header: two bodies in the header itself still disagree.)
      const inHeader = (f: Seen) => f.line <= headerLines && approvalLabel(f.quote);
      const header =
        setting === 'policyReview.approvingBody' && chosen.every((f) => inHeader(f) || f.line > headerLines)
          ? new Set(chosen.filter(inHeader).map((f) => f.value))
          : new Set();
      const agreed = values.size === 1 || full !== null;
      const settled = [ratifying, reportedAt, header].find((one) => one.size === 1);
      if (!agreed && !settled) continue;
      value = agreed ? (full ?? chosen[0].value) : [...settled!][0];
      if (!ceilings.every((c) => withinCeiling(value, c.value))) continue;
    }
    const quotes = [...new Set(all.map((f) => f.quote))].slice(0, 3);
    if (setting === 'policyReview.approvingBody' && typeof value === 'string') value = asWritten(value, quotes);
    out.push({ setting, value, quote: quotes.join(' … '), line: all[0].line, order: all[0].order });
  }
  return out.sort((a, b) => a.order - b.order).map(({ order: _order, ...p }) => p);
}

/** How far down a page its header's approval is looked for. */
const headerLines = 25;

/** "Approved by: Trust Board (…)", "| Approved by | Local Governing Body |": the header's label, naming the body alone. */
function approvalLabel(quote: string): boolean {
  const lower = normalise(quote);
  return /^\|?\s*(approved|ratified|adopted|agreed)( by)?\s*[:|]/.test(lower) && !/[-–—,]\s*[^()]*\bcommittee\b/.test(lower.replace(/\([^()]*\)/g, ' '));
}

/** A time said of the report itself, not of what the one told does next: not "…to the DSL, who will decide on next steps within 24 hours". */
function timeOfTheReport(quote: string): boolean {
  const lower = normalise(quote);
  const at = deadlineAt.exec(lower)?.index ?? -1;
  const next = lower.search(/,\s*who\b|\bwho (will|must|should|then)\b/);
  return next < 0 || at < next;
}

/** "Ratified by the Full Governing Body: 16 July 2024": the body named just after has ratified the policy. */
function ratifiedBy(lower: string, body: string): boolean {
  const at = lower.search(/(?<!\b(to be|not yet|yet to be|will be|is to be|awaiting) )\bratified by\b/);
  return at >= 0 && lower.slice(at, at + 20 + body.length).includes(body);
}

/**
 * Names of one body said with and without "full" or whose it is ("Full governing board" and "Governing board", "Governors'
 * Pupil Welfare Committee" and "Pupil Welfare Committee"): the fuller name. (But a committee said with and without "of the
 * Governing Body" after it: the committee's own, shorter, name.)
 */
function fullerBody(values: unknown[]): string | null {
  const names = [...new Set(values.map((v) => String(v).toLowerCase()))];
  if (names.length < 2) return null;
  const named = (name: string) => String(values.find((v) => String(v).toLowerCase() === name));
  // A committee said with and without whose it is after it ("Pupil Welfare Committee of the Governing Body" and "Pupil
  // Welfare Committee"): the committee's own name.
  const own = new Set(names.map((n) => n.replace(/ of the (local |full )?(governing (body|board)|board|governors|lgb|trust( board)?)$/, '')));
  if (own.size === 1 && names.includes([...own][0]) && /\bcommittee$/.test([...own][0])) return named([...own][0]);
  const bare = new Set(names.map((n) => n.replace(/^(full|(the )?[a-z]+( [a-z]+)?('s|s'))\s+/, '')));
  const fullest = names.reduce((a, b) => (b.length > a.length ? b : a));
  // (And a committee's name with a word before it: "PRU Management Committee" and "Management Committee".)
  const shortest = names.reduce((a, b) => (b.length < a.length ? b : a));
  const qualified =
    names.length === 2 && /^[a-z&]+ [a-z&]+ committee$/.test(fullest) && fullest.endsWith(` ${shortest}`) && /^[a-z&]+ committee$/.test(shortest);
  if (bare.size !== 1 && !qualified) return null;
  return named(fullest);
}

/**
 * A body's name as the policy writes it ("PP&C Committee", "Board of Governors"), not as the patterns read it (in lower
 * case): the head sees their own body's name. A name the text does not hold (an abbreviation written out: FGB) stays.
 */
function asWritten(value: string, quotes: string[]): string {
  for (const quote of quotes) {
    const lower = quote.toLowerCase();
    // Lower case may change a string's length (a few letters outside English); then the places do not match.
    if (lower.length !== quote.length) continue;
    const at = lower.search(new RegExp(String.raw`\b${value.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\b`));
    if (at < 0) continue;
    const written = quote.slice(at, at + value.length);
    // A header in capitals ("AGREED BY GOVERNORS:") says nothing of how the name is written.
    return written === written.toUpperCase() ? value : written.replace(/^./, (c) => c.toUpperCase());
  }
  return value;
}

/** "Parents are asked to give consent for the following uses:" and the bullets under it, as one sentence; null if s is no such lead. */
function leadWithList(sentences: Sentence[], order: number): Sentence | null {
  const lead = sentences[order];
  if (!/:$/.test(lead.text)) return null;
  // A short lead ("The form covers:") is read with the sentence before it in its paragraph, which says what the form is;
  // one that opens its paragraph ("You can consent to:") is read on its own.
  const before = lead.text.split(' ').length < 5 && lead.previous ? sentences[order - 1] : lead;
  const items: Sentence[] = [];
  let sentenceItems = true;
  for (const next of sentences.slice(order + 1, order + 16)) {
    if (!next.item) break;
    items.push(next);
    // "c) on our website." after items ending in ";" ends the list; what follows is the next clause. Items that are
    // each a whole sentence ("1. Photographs used in displays.", "2. …") are one list.
    if (!/\.$/.test(next.text)) sentenceItems = false;
    else if (!sentenceItems) break;
  }
  if (!items.length) return null;
  const text = `${before === lead ? '' : `${before.text} `}${lead.text} ${items.map((i) => i.text.replace(/[.;,]$/, '')).join('; ')}.`;
  return { ...lead, text, lower: normalise(text) };
}

/** A use the page says needs no consent (its public task) is no purpose carers are asked about, whatever else reads it so. */
function withoutPublicTaskUses(proposals: Proposal[], sentences: Sentence[]): Proposal[] {
  const publicTask = new Set(
    proposals.filter((p) => /\.basis$/.test(p.setting) && p.value === 'public-task').map((p) => p.setting.replace(/\.basis$/, '.active')),
  );
  // A row of the consent form the carer marks for the use ("Internal displays | ☐ | ☐"), beside a sentence that says it
  // needs no consent: the two disagree, so neither is proposed.
  // (A row whose words end in a full stop reads as two sentences, its boxes the second.)
  const onForm = new Set(
    sentences.flatMap((s, i) =>
      !formRow.test(s.lower) ? [] : namedUses(/^[\s[\]☐□❑yesno/]*$/.test(s.lower) && i > 0 ? `${sentences[i - 1].lower} ${s.lower}` : s.lower),
    ),
  );
  // (Class photographs the page takes on legitimate interests, "not covered by the consent form", are no use asked about either.)
  for (const key of sentences.flatMap(classPhotosWithoutConsent)) publicTask.add(`consent.purposes.${key}.active`);
  return proposals.filter((p) => !(publicTask.has(p.setting) && p.value === true) && !(p.value === 'public-task' && onForm.has(p.setting.split('.')[2])));
}

/**
 * A page written to families: its title names them ("Photographs and online safety: a guide for parents", "Letter to
 * parents") or it opens "Dear Parents". There "If you are worried about a child's safety, please speak to our DSL" is
 * advice to a parent, which keyers leave unkeyed (the keying guide), not how staff route a concern.
 */
function familyPage(lines: Line[], sentences: Sentence[]): boolean {
  const title = sentences[0]?.title ?? '';
  if (/\b(parents?|carers?|families|parent\/carer)('s?|s')?\b/.test(title) && !/\b(staff|governors?)\b/.test(title)) return true;
  return lines.slice(0, 30).some(
    (line, i) =>
      /^\W*dear (parents?|carers?|families|parent\/carers?|parents\/carers|parents and carers|parent or carer)\b/i.test(line.text) ||
      // A subtitle under the school's name: "A guide for parents and carers".
      (i < 12 &&
        line.text.split(/\s+/).length <= 12 &&
        /^\W*(a |an |our )?(short |quick )?(guide|letter|leaflet|booklet|handbook|handout|information sheet|information|note|faqs?) (for|to) (parents?|carers?|families|parents\/carers|parents and carers)\b/i.test(
          line.text,
        )),
  );
}

/**
 * A sentence speaking to the reader ("you", "your"), with no staff as its subject and no route staff follow ("…it has to
 * be passed to the DSL").
 */
const addressesFamily = (s: Sentence) =>
  /\b(you|your)\b/.test(s.lower) &&
  !/\b(staff|members? of staff|teachers|employees|colleagues)\b[^.;]{0,20}\b(must|should|will|shall|are to)\b/.test(s.lower) &&
  // ("The adult will calm and reassure your child … and tell Mrs Pearce": a member of staff as the subject, "your" the child.)
  !staffActs.test(s.lower) &&
  !/\b(is|are|be) (always |then |immediately )?(passed|referred|reported|escalated)\b/.test(s.lower);

export function proposeSettings(page: string): Proposals {
  // A quick-reference card's two columns ("SITUATION" beside "WHAT TO DO") read as prose, a row to a paragraph.
  // (A model policy's bracketed notes to whoever adopts it are no rule of the school's.)
  // (Whole lines up to `longestPage` characters, each cut to `longestLine`, bounds.ts; again once a card's rows are joined.)
  const text = readableLines(withScenarioRows(withoutTemplateNotes(readableLines(readPart(page)))));
  const found: Seen[] = [];
  const used = new Set<number>();
  // (People the page names in place of their posts are read as their posts: "Mrs Garside decides…".)
  // (And "tell me" on a page the head signs: the head.)
  const sentences = withSignerForMe(text, withPostsForLists(withPostsForNames(text, withPostsForAbbreviations(text, withClauseOnLastItem(sentencesOf(text))))));
  // Parents' or visitors' guidelines for their own photographs prohibit no occasion of the school's.
  const othersRules = othersGuidelines(sentences);
  // A letter or guide to families: "you" is a parent, and whom they are asked to speak to is advice, not a route.
  const lines = policyLines(text);
  const toFamilies = familyPage(lines, sentences);
  sentences.forEach((s, order) => {
    for (const pattern of sentencePatterns) {
      for (const f of pattern.read(s)) {
        if (othersRules.has(order) && /^photos\.(prohibitedContexts|contexts\+)$/.test(f.setting)) continue;
        if (f.setting === 'ageLimits.socialMediaMinimumAge' && siteTermsOnly(sentences, order)) continue;
        if (toFamilies && /^concerns\.routes\.[a-z-]+\.(notify|immediate|deadline)$/.test(f.setting) && addressesFamily(s)) continue;
        found.push({ ...f, quote: s.text, line: s.line, order });
        used.add(order);
      }
    }
  });
  // A lead ending in a colon, read with the list items under it, by the patterns made for lists.
  sentences.forEach((s, order) => {
    const list = leadWithList(sentences, order);
    if (!list) return;
    for (const pattern of sentencePatterns.filter((p) => p.readsLists))
      for (const f of pattern.read(list)) {
        found.push({ ...f, quote: list.text, line: s.line, order });
        used.add(order);
      }
  });
  // Consent asked in one place, its uses named in another paragraph, list or section of the page.
  for (const f of structuralConsent(sentences, askedUses)) {
    found.push(f);
    used.add(f.order);
  }
  // A lead that asks for consent, and the items of its list that are about images; a question naming a use, answered by consent.
  for (const f of [...consentList(sentences), ...answeredQuestions(sentences), ...channelConsent(sentences)]) {
    found.push(f);
    used.add(f.order);
  }
  // A page (or a section of images) that asks carers for consent for images: the places it names as the school's uses.
  // (A consent form's rows the carer marks ask about the uses they name.)
  for (const f of checklistPage(sentences) ? [] : [...pageConsent(sentences), ...markedForm(sentences)]) {
    found.push(f);
    used.add(f.order);
  }
  // "Only photographs used for assessment will have a child's name": no names on the channels the page publishes on.
  for (const f of [...onlyNamedInside(sentences), ...namingInScopeOfOpening(sentences)]) {
    found.push(f);
    used.add(f.order);
  }
  // On a safeguarding policy, "Any concerns must be reported to the DSL": safeguarding concerns.
  for (const f of safeguardingPageConcerns(sentences)) {
    found.push(f);
    used.add(f.order);
  }
  // A table whose column says whether each use needs consent: the rows marked yes.
  for (const f of consentTable(lines, sentences)) found.push(f);
  // A table whose column says how pupils are named on each use: the rows that name one channel.
  for (const f of [...namingTable(lines), ...namingRows(lines)]) found.push(f);
  for (const block of [...reviewBlocks, ...concernBlocks]) for (const f of block.read(lines)) found.push({ ...f, order: -1 });
  // An interval worked out from two dates and one a sentence states: when they disagree, merge()
  // proposes neither (the header may be out of date, or the sentence: the head decides).
  const merged = merge(namesBesidePhotographs(namingEverywhere(namesApartFromPhotographs(found, sentences), sentences)), audiences(sentences, lines));
  // A channel the page names pupils on is a use the school makes.
  const proposals = withoutPublicTaskUses(usesNamed(merged, found, sentences), sentences);
  const unrepresented = sentences
    .filter((s, order) => !used.has(order) && s.text.length >= 25 && s.text.split(' ').length >= 5 && rule.test(s.lower))
    .map((s) => ({ quote: s.text, line: s.line }));
  return { proposals, unrepresented };
}
