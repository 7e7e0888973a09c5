/**
 * The consent list (issue 19, round 14): a lead that asks carers for consent and ends in a colon ("By signing the form
 * below you give permission for the school to:", "Things we will need your consent for:"), then the list it governs.
 * Each item is read with the sentences that follow it inside the list (an item's second sentence is still the item), and
 * names a use only if the item is about images: "Display your child's artwork in the hall" is no photograph purpose,
 * "Use photos of your child in the newsletter" is. A sentence pattern cannot see this: the request and the uses it governs
 * stand in different sentences, and an item's channel may stand in the sentence after the one that names the images.
 *
 * Never a guess: a lead that is negated ("we will not need to seek consent:"), conditional, a staff member's permission,
 * a rule for staff or pupils, or an opt-out reads nothing; a use the page gives another basis is left out, and so is a
 * use under a negation.
 */
import { asksConsent, staffPermission } from './consent.asks.ts';
import { sentencesBeforeALead } from './bounds.ts';
import { optsOutOtherwise } from './consent.basis.ts';
import { namedUses } from './consent.uses.ts';
import { otherBases } from './page.opt-out.ts';
import type { StructuralFound } from './structure.ts';
import { stackedTable } from './tables.stacked.ts';
import { normalise, type Sentence } from './text.ts';
import { tableRule, type Line } from './text.lines.ts';

const images =
  /\b(photo(graph)?s?|photographic|photography|photographed|photographing|images?|pictures?|videos?|filmed|filming|footage|recorded|recordings?)\b/;

/**
 * A lead that says what follows needs carers' consent, beyond the sentences asksConsent reads as a request; an opt-in
 * asked of carers is consent ("We therefore require you to opt in to allowing your child's photo to be taken for:").
 */
const leadAsks =
  /\b(need|needs|have|has|will need|are required|is required) to (seek|ask for|request|obtain|get|gain) (your |their |the )?(written |signed |parental |parents'? |carers'? )*(consent|permission)\b|\b(you|parents?|carers?) (are|is) (giving|granting|agreeing to give) (your |their )?(written )?(consent|permission)\b|\b(consent|permission) (is|will be) (needed|required|sought|asked) (for|to|before)\b|\b(things|uses|ways|activities|examples)\b[^:]*\b(need|needs|require|requires|ask for|seek)\b[^:]*\b(consent|permission)\b|\b(consent|permission) (for|to) (the following|these)\b|\b(your|parents'?|carers'?|parental|written|signed) (consent|permission) (to|for):$|\b(require|requires|ask|asks|need|needs|invite|invites) (you|parents?|carers?|families)( and carers)? to opt[- ]in\b|\b(please )?opt[- ]in (to|for)\b[^:]*\b(photo(graph)?s?|images?|pictures?)\b|\b(are|is) asked\b[^:]{0,40}\bto agree( \(or not\))?( separately)? to:$|^(things|uses|what) we (only )?(do|use|publish|share)( photo(graph)?s| images)? (only )?with (your |parents'? |carers'? |parental |written )?(consent|permission)\b[^:]*:$/;

/** The lead denies, conditions or opts out: "we will not need consent:", "unless you object:", "if you agree:". */
const notARequest = /\b(not|no|never|without|unless|except|don't|doesn't|won't|if|whether|opt out|opt-out|object|objects|objection)\b/;
const ruleSubject = /^(staff|pupils?|students?|visitors?|employees?|volunteers?|governors?|members of staff|no one|nobody|anyone)\b(?!')/;

/** A lead that lists the ways the school uses images: "Images may be used in the following ways:", "We use photographs:". */
const usesLead =
  /^((the )?(photo(graph)?s|images|pictures|videos)( and (photo(graph)?s|images|pictures|videos))?( of ([a-z']+ ){1,3})? (may|will|can|might|are|could) (also )?(be )?used\b[^:]*|(we|the (school|academy|nursery|setting)) (may|will|can|might)? ?(use|uses) (photo(graph)?s|images|pictures|videos)( of ([a-z']+ ){1,3})?\b[^:]*):$/;

/** The page's opt-out, anywhere: a uses lead is read only where carers' consent is the basis. */
const pageOptOut =
  /\bunless (you|a parent|the parent|parents|carers?|families) (tell|inform|notify|object|let|ask)s?\b|(?<!\bopt[- ]in,? (or|and) (to )?|\bopt[- ]in ?\/ ?)\bopt(ed|ing)? out\b|\bunless (specific |any |an )?objections?\b|\bif you (do not|don't|would not|would prefer not|prefer not|object)\b/;

/**
 * A uses lead governed by a request for consent for images near it (its own section or the one before): "We will not use
 * images for publicity without parents' consent." then "Images may be used in the following ways:" and the list.
 */
function governedUsesLead(sentences: Sentence[], at: number): boolean {
  const lead = sentences[at];
  if (lead.item || !usesLead.test(lead.lower) || notARequest.test(lead.lower)) return false;
  if (sentences.some((s) => pageOptOut.test(s.lower) || optsOutOtherwise(s.lower))) return false;
  const near = (s: Sentence) => (lead.section ?? 0) - (s.section ?? 0) <= 1 && (lead.section ?? 0) >= (s.section ?? 0);
  return sentences
    .slice(0, at)
    .some(
      (s) =>
        near(s) &&
        images.test(s.lower) &&
        asksConsent(s) &&
        !staffPermission(s.lower) &&
        !ruleSubject.test(s.lower) &&
        !/\b(if|unless|should)\b/.test(
          s.lower.replace(/\bunless ((the|their|your|prior|express|explicit|written|signed|parental) ){0,3}(permission|consent)\b/, ''),
        ),
    );
}

/** "It asks you to say yes or no to each of these:", "You can say yes or no separately to:" (the carers' answer to each use). */
const yesOrNoLead =
  /^(it|the form|this form|the slip|this slip|you|parents|carers|families)( and carers)? (asks?( you| parents| carers)? to say|can say|may say|are asked to say|will be asked to say) yes or no( separately)? to( each of)?( these| the following)?( uses| purposes)?( separately)?:$/;

function isConsentLead(s: Sentence): boolean {
  if (!/:$/.test(s.lower) || s.item) return false;
  // (With no word of images near it, each item must name images itself.)
  if (yesOrNoLead.test(s.lower)) return true;
  // ("…asked to agree (or not) to:" offers a choice; it denies nothing.)
  if (notARequest.test(s.lower.replace(/\(or not\)/g, '')) || ruleSubject.test(s.lower) || staffPermission(s.lower)) return false;
  return asksConsent(s) || leadAsks.test(s.lower);
}

const tickEachLead =
  /\b(tick|choose|circle|select|mark|answer|say)( either)? "?yes"?( or |\/| \/ )"?no"?( separately)? (for|to|against) (each|every)( one| line| use| purpose)?( of)?( these| the following| the uses| them)?( uses| purposes)?( below)?:$/;
const countedChoicesLead =
  /^(there are|it has|the form has|this form has|the section has)( (two|three|four|five|six|seven|eight|\d+))?( separate)? (options|choices|tick ?boxes|boxes|parts|questions)\b[^:]{0,40}:$/;

/**
 * A consent form's questions as a list: "The photograph consent form asks separately about:", or "…complete the Photograph
 * Consent Form. The form asks about each of the following:" (the form the sentence before names). Each item is a place
 * the form asks about images, so an item need not say "photographs" itself ("(i) the school website;").
 */
function formQuestionsLead(s: Sentence, sectionOf: () => string = () => ''): boolean {
  if (!/:$/.test(s.lower) || s.item) return false;
  const section = sectionOf();
  // ("…choose separately whether the school may use their child's image:" is a choice, not a condition.)
  // "We send home a Photo Permission Form. It asks whether we may use photos of your child:" (a question, not a condition).
  // ("…complete the Image Consent Form. It has three separate parts which can be answered separately:")
  if (
    (/^(it|the form|this form|the slip|this slip) asks( you| parents| carers)? (whether|if)\b[^:]*:$/.test(s.lower) ||
      /^(it|the form|this form) (has|contains|includes) ([a-z]+ )?(separate )?(parts|sections|questions|tick ?boxes|boxes|choices)\b[^:]*:$/.test(s.lower)) &&
    // (The question's "whether" or "if" is no condition; "…whether you object:" still is an opt-out.)
    !notARequest.test(s.lower.replace(/\b(whether|if)\b/g, ''))
  )
    return /\b(forms?|slips?)\b/.test(`${s.previous ?? ''} ${s.lower}`) && images.test(`${s.previous ?? ''} ${s.lower}`);
  // ("…and you can say yes to some and no to others:" offers a choice; it denies nothing.)
  if (
    notARequest.test(
      s.lower
        .replace(/\b(separately|individually) whether\b/, 'separately')
        .replace(/\byes (to|or) ((some|each|any|all|every|one) (and|or) )?no\b( to [a-z]+)?/g, ''),
    )
  )
    return false;
  const form =
    /\b(the|this|our|each) (([a-z]+ ){0,2}(photo(graph)?|image|consent|media) )?(forms?|slips?) (asks?|covers?)( you| parents| carers)?( separately| individually)? (about|for|whether)\b/.exec(
      s.lower,
    );
  // "There are separate choices for:", "The enrolment form has separate tick boxes for:" after or in a sentence about
  // consent for photographs.
  const context = `${s.lower} ${s.previous ?? ''} ${s.heading ?? ''}`;
  // ("The form has a separate tick box for each of these uses:", "Separate answers are given for:")
  if (
    /\b(separate|individual) (choices?|tick ?box(es)?|boxes|questions?|options?|consents?|answers?)\b([a-z ]{0,30})? (for|about|on|to)( each of( these| the following)?( uses| purposes)?)?:$/.test(
      s.lower,
    )
  )
    return (
      /\b(consent|permission|asked|asks|choices?|forms?|answers?)\b/.test(context) && images.test(`${context} ${s.earlier ?? ''} ${s.title ?? ''} ${section}`)
    );
  // "It asks you to say yes or no to each of these:", "You can say yes or no separately to:" (the carers' answer to each use).
  if (yesOrNoLead.test(s.lower)) return images.test(`${context} ${s.earlier ?? ''} ${s.title ?? ''} ${section}`);
  // "We ask you to tick yes or no for each of the following:", "There are four options, each ticked separately:", "There
  // are three separate tick boxes:" (a form's choices about images, one for each use).
  // ("…are asked to give consent using the Trust's four photo consent categories:" over "Category B - academy website…".)
  if (
    tickEachLead.test(s.lower) ||
    countedChoicesLead.test(s.lower) ||
    /\b(consent|permission)\b[^:]{0,60}\b(categories|options|tiers|levels)\b[^:]{0,20}:$/.test(s.lower)
  )
    return /\b(consent|permission|form)\b/.test(`${context} ${section}`) && images.test(`${context} ${s.earlier ?? ''} ${s.title ?? ''} ${section}`);
  // "Families are asked separately about each of these uses:", "Parents may choose separately whether the school may use
  // their child's image:", "The consent form covers each use separately:" (on a page or under a heading of images).
  if (
    /\b(asked|asks?|choose|chooses|decide|decides|indicate|covers?|lists?|sought|requested|obtained|give|gives|given|recorded)\b[^:]{0,40}\b(separately|seperately|individually|one by one)\b[^:]{0,60}:$/.test(
      s.lower,
    ) ||
    /\b(covers?|lists?) (each|every) (use|purpose|way)s? (separately|individually)( [a-z]+)?:$/.test(s.lower) ||
    /\b(consent|permission)s? (is|are) (asked for |sought |given |requested |recorded )?separate(ly)? (for|about|on)( each of)?( these| the following)?( uses| purposes)?:$/.test(
      s.lower,
    )
  )
    return /\b(consent|permission|asked|choose|form)\b/.test(context) && images.test(`${context} ${s.earlier ?? ''} ${s.title ?? ''} ${section}`);
  if (!form) return false;
  return Boolean(form[2])
    ? images.test(s.lower) || /\bconsent\b/.test(form[2])
    : // ("The form asks separately for consent to:" says itself that it asks for consent.)
      /\b(consent|permission)\b/.test(`${s.previous ?? ''} ${s.lower}`) &&
        images.test(`${s.previous ?? ''} ${s.heading ?? ''} ${s.earlier ?? ''} ${s.title ?? ''} ${section}`);
}

/**
 * A lead that makes the uses below it depend on carers' consent: "Depending on the permissions given, photographs may be
 * used:", "Subject to your consent, images will be used:". Every item is a use of images (the lead says so).
 */
const consentedUsesLead =
  /^(depending on|subject to|according to|in line with|with) (the |your |parents'? |carers'? |written |parental )*(permissions?|consents?)\b[^:]*\b(photo(graph)?s|images|pictures|videos)\b[^:]*\b(may|will|can|could|are)\b[^:]*\bused\b[^:]*:$/;

/** The sentences of a lead's section before it (its heading included): what the page says the form is about. */
function sectionBefore(sentences: Sentence[], at: number): string {
  const section = sentences[at].section;
  const before: string[] = [];
  // (At most `sentencesBeforeALead` sentences back, bounds.ts.)
  for (let i = at - 1; i >= 0 && i >= at - sentencesBeforeALead && sentences[i].section === section; i--) before.push(sentences[i].lower);
  return before.join(' ');
}

/** A table row flattened to text: tab-separated cells, or a Markdown row ("| 1 | School website | …"). */
const tableRow = (s: Sentence) => s.row === true || /^\|/.test(s.text);

/**
 * The rows of a table that follows a lead ("Consent is given separately for each of the following:"), each row's
 * sentences as one block; none when the table has a column of its own saying whether consent is needed (the consent
 * table reader's), or the lead is not straight above it.
 */
function tableRowsAfter(sentences: Sentence[], at: number): Sentence[][] {
  const rows: Sentence[][] = [];
  for (let i = at + 1; i < sentences.length && tableRow(sentences[i]); i++) {
    const s = sentences[i];
    if (rows.length && rows[rows.length - 1][0].line === s.line) rows[rows.length - 1].push(s);
    else rows.push([s]);
  }
  if (!rows.length || rows[0][0].line - sentences[at].line > 3) return [];
  const header = rows[0]
    .map((s) => s.lower)
    .join(' ')
    .split(/\s*(?:\||\t)\s*/);
  return header.some((cell) => consentColumn.test(cell.trim())) ? [] : rows;
}

/** An item that is opt-out ("…unless you tell us") or conditional: no use the carer consents to. */
const notConsented = (lower: string) => /\b(unless|opt(ed|ing)? out|object|objects)\b|\bif you (do not|don't)\b/.test(lower);

/** The uses some words of a list name, as consent asked for, less those the page gives another basis. */
function asked(words: Sentence, quote: string, order: number, otherBasis: Set<string>): StructuralFound[] {
  return namedUses(words.lower, words.negated)
    .filter((key) => !otherBasis.has(key))
    .map((key) => ({ setting: `consent.purposes.${key}.active`, value: true, quote, line: words.line, order }));
}

/**
 * A form's questions listed in the sentence that leads them: "Consent is separate for: (a) internal displays, (b) the
 * website…". The words before the colon are read as a lead of its own; each use after it is one the form asks about.
 */
function inlineList(sentences: Sentence[], at: number, otherBasis: Set<string>): StructuralFound[] {
  const said = sentences[at];
  const colon = said.lower.indexOf(': ');
  if (colon < 0 || said.item || tableRow(said)) return [];
  const lead = { ...said, lower: said.lower.slice(0, colon + 1) };
  if (!formQuestionsLead(lead, () => sectionBefore(sentences, at))) return [];
  const items = { ...said, lower: said.lower.slice(colon + 2) };
  return notConsented(items.lower) ? [] : asked(items, said.text, at, otherBasis);
}

/**
 * A table straight after a paragraph that says the form asks about each use, in a sentence of its own: "The form lists
 * each use separately. You can agree to some and not others." The sentence is read as a lead ("…separately:").
 */
function tableAfterStatement(sentences: Sentence[], at: number, otherBasis: Set<string>): StructuralFound[] {
  const said = sentences[at];
  if (said.item || tableRow(said) || !/\.$/.test(said.lower) || !sentences[at + 1]) return [];
  // The paragraph's last sentences before the table: this one, or this one and a short one after it.
  const next = sentences[at + 1];
  const tableAt = tableRow(next) ? at + 1 : next.previous === said.lower && sentences[at + 2] && tableRow(sentences[at + 2]) ? at + 1 : -1;
  if (tableAt < 0) return [];
  const lead = { ...said, lower: said.lower.replace(/\.$/, ':') };
  if (!formQuestionsLead(lead, () => sectionBefore(sentences, at))) return [];
  return tableRowsAfter(sentences, tableAt)
    .filter((row) => !row.some((s) => notConsented(s.lower)))
    .flatMap((row) => row.flatMap((s) => asked(s, `${said.text} … ${s.text}`, sentences.indexOf(s), otherBasis)));
}

/** Consent uses named by the items of a list whose lead asks for consent. */
export function consentList(sentences: Sentence[]): StructuralFound[] {
  const otherBasis = otherBases(sentences);
  const found: StructuralFound[] = [];
  sentences.forEach((_, at) => found.push(...inlineList(sentences, at, otherBasis), ...tableAfterStatement(sentences, at, otherBasis)));
  sentences.forEach((said, at) => {
    // (A list item may lead a list of its own: "- Consent is asked separately for each of these uses:" then indented items.)
    const hangs = (s: Sentence | undefined) => s !== undefined && (s.lead === said.lower || (said.item === true && s.lead === said.lower.replace(/:$/, '')));
    // (Its "previous" is then the item before it in its own list: "- …complete the form, which includes a photograph consent section.")
    const lead = said.item && hangs(sentences[at + 1]) ? { ...said, item: false, previous: said.previous || (sentences[at - 1]?.lower ?? '') } : said;
    const governed =
      (lead === said && governedUsesLead(sentences, at)) ||
      formQuestionsLead(lead, () => sectionBefore(sentences, at)) ||
      (!lead.item && consentedUsesLead.test(lead.lower));
    if (!governed && !isConsentLead(lead)) return;
    // The list: the sentences after the lead that hang from it, grouped by item (an item and the sentences after it).
    const blocks: Sentence[][] = [];
    for (let i = at + 1; i < sentences.length && hangs(sentences[i]); i++) {
      const s = sentences[i];
      // (Items of the same list as the lead item end with the one that ends the sentence: "a) …in these ways:", "b) in
      // the prospectus;", "c) on our website.", "d) The class photograph is taken every summer.")
      // (Not an indented list's items, which go on in lower case: "- the school website." then "- the school Instagram account".)
      if (lead !== said && s.item && /\.$/.test(sentences[i - 1].text) && /^[A-Z]/.test(s.text)) break;
      if (s.item || !blocks.length) blocks.push([s]);
      else blocks[blocks.length - 1].push(s);
    }
    // ("You can choose YES or NO for each of the following:" over a table: each row is an item.)
    if (!blocks.length) blocks.push(...tableRowsAfter(sentences, at));
    for (const block of blocks) {
      // Under a uses lead (or a form's questions) every item is about images (the lead says so); under a consent lead the
      // item must say it.
      if (!governed && !block.some((s) => images.test(s.lower))) continue;
      if (block.some((s) => notConsented(s.lower))) continue;
      // A use under a negation is none: namedUses leaves out what the negation covers.
      for (const s of block) found.push(...asked(s, `${lead.text} … ${s.text}`, sentences.indexOf(s), otherBasis));
    }
  });
  return found;
}

/** An answer that makes the use its question names depend on the carers' consent: "Only if you have given consent.", "Yes, with your permission." */
const consentAnswer =
  /^((yes|no)[,.;:!-]* )?(but )?(only )?(with|if|once|when|where|after|provided( that)?)\b[^.?]{0,60}\b(your|you|parents?|carers?|families|their)\b[^.?]{0,40}\b(consent|permission|agreed|agree|consented)\b|^((yes|no)[,.;:!-]* )?(we|the school|the academy|the nursery) (always |will |first )*(ask|asks|seek|seeks|need|needs|request|requests) (for )?(your|parents'?|carers'?|their|written|signed|parental| )+(consent|permission)\b/;

/**
 * A question that names a use of the child's image, answered by its consent: "Will my child's photograph go on the
 * website?" then "Only if you have agreed on the consent form." The question names the use, the answer governs it.
 * Never from an answer that opts out ("unless you tell us") or denies ("No, we never…"), nor a question about someone
 * else's photographs (parents', the press's own).
 */
export function answeredQuestions(sentences: Sentence[]): StructuralFound[] {
  const otherBasis = otherBases(sentences);
  const found: StructuralFound[] = [];
  sentences.forEach((question, at) => {
    const answer = sentences[at + 1];
    if (!answer || !/\?$/.test(question.text) || !consentAnswer.test(answer.lower)) return;
    if (/\b(unless|opt(ed|ing)? out|object|objects|not|never|don't|doesn't|won't)\b/.test(answer.lower)) return;
    if (
      !images.test(`${question.lower} ${question.heading ?? ''}`) ||
      /\b(can|may|could) (i|we|parents?|carers?) (take|film|record|photograph|post|share)\b/.test(question.lower)
    )
      return;
    for (const key of namedUses(question.lower, question.negated)) {
      if (otherBasis.has(key)) continue;
      found.push({ setting: `consent.purposes.${key}.active`, value: true, quote: `${question.text} ${answer.text}`, line: question.line, order: at });
    }
  });
  return found;
}

/** A table's column that says whether a use needs consent: "Consent needed?", "Permission required", "Consent sought". */
export const consentColumn =
  /^(parental |parents'? |carers'? |written )?(consent|permission)( (needed|required|sought|asked|asked for|given))?\??$|^(needs?|requires?) (parental |written )?(consent|permission)\??$|^(is )?(consent|permission) (needed|required)\??$/;
/** A consent column's answer, yes or no, in a table stacked one cell per line. */
export const answered = /^(yes|no|y|n|n\/a|not (needed|required)|required|needed|✓|✔|✗|✘)\b/;
/** A cell marked yes: "Yes", "✓", "Yes – "Website"", "Yes, for each occasion" (not a form's "Yes / No"). */
const yes = /^(yes|y|required|needed|✓|✔|☑|x)$|^yes\b(?!\s*\/\s*no)(?=\s*[-–—,;:(("'])/;

/**
 * A table flattened to text whose column says whether each use needs consent ("Use of images | Consent needed?", then
 * "School website | Yes"): the rows marked yes name the uses consent is asked for; a row marked no names none. Only a
 * table about images (its header, or the heading or lines just above it).
 */
export function consentTable(lines: Line[], sentences: Sentence[]): StructuralFound[] {
  const otherBasis = otherBases(sentences);
  const found: StructuralFound[] = [];
  // The uses a row marked yes names, beside the column that says so.
  const rowUses = (cells: string[], column: number, quote: string, line: number) => {
    if (!yes.test(cells[column].replace(/[.!]$/, ''))) return;
    for (const key of namedUses(cells.filter((_, i) => i !== column).join('; ')))
      if (!otherBasis.has(key)) found.push({ setting: `consent.purposes.${key}.active`, value: true, quote, line, order: -1 });
  };
  lines.forEach((header, at) => {
    const above = lines
      .slice(Math.max(0, at - 4), at)
      .map((l) => l.text)
      .join(' ');
    // (Or stacked one cell per line, as a PDF flattens it: "Use" / "Consent needed?" / "Notes", then three lines a row.)
    const stacked = stackedTable(lines, at, consentColumn, answered);
    if (stacked && images.test(normalise(`${stacked.header.join(' ')} ${above}`)))
      for (const row of stacked.rows) rowUses(row.cells, stacked.column, `${stacked.header.join(' | ')} … ${row.text}`, row.line);
    const cells = (header.cells ?? []).map((c) => normalise(c));
    if (cells.length < 2) return;
    const columns = cells.map((c, i) => (consentColumn.test(c) ? i : -1)).filter((i) => i >= 0);
    if (columns.length !== 1 || !images.test(normalise(`${cells.join(' ')} ${above}`))) return;
    for (const row of lines.slice(at + 1, at + 30)) {
      // (A Markdown table's rule under its header, "|---|---|", is no row.)
      if (!row.text || tableRule(row)) continue;
      const rowCells = (row.cells ?? []).map((c) => normalise(c));
      if (rowCells.length !== cells.length) break;
      rowUses(rowCells, columns[0], `${header.text} … ${row.text}`, row.line);
    }
  });
  return found;
}
