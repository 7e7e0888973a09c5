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
import { normalise, sentencesOf, type Sentence } from './text.ts';
import { policyLines, type Line } from './text.lines.ts';
import { withClauseOnLastItem } from './text.lists.ts';
import { withoutTemplateNotes } from './text.notes.ts';
import { audiences, merge, type Seen } from './merge.ts';
import type { Proposal, Proposals } from './types.ts';

export type { Proposal, Proposals } from './types.ts';

export const sentencePatterns = [...concernPatterns, ...photoPatterns, ...consentPatterns, ...reviewPatterns, ...ageTable, ...decisionPatterns];

/** A sentence that states a rule: what the head should see if no setting holds it. */
const rule =
  /\b(must|should|shall|will not|won't|may not|cannot|can't|are not allowed|is not allowed|not permitted|prohibited|forbidden|never|are asked|are expected|is expected|are required|is required|are responsible|is responsible|will be (reported|referred|dealt|taken|kept|stored|deleted|archived|removed|contacted|told|informed)|are to)\b|\bno\b[^.]{0,40}\b(is|are) (permitted|allowed)\b/;

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
