/**
 * Reading a policy's text into sentences for the proposal tables (issue 19): any layout — numbered
 * or bare headings, bullets, tables flattened by tabs, lines a PDF wrapped mid-sentence, web-page copy.
 * Sentences and negation come from wink-nlp's bundled English model (loaded once, offline); pure otherwise.
 */
import { createRequire } from 'node:module';
import type { ItemSentence, WinkMethods } from 'wink-nlp';
import type winkNLPType from 'wink-nlp';
import type modelType from 'wink-eng-lite-web-model';
import { longestSentence, longestSiblings } from './bounds.ts';
import { paragraphs } from './text.paragraphs.ts';
import { policyLines } from './text.lines.ts';

/** The model costs about 60 MB and half a second: loaded the first time a policy is read, not when the app starts. */
let loaded: WinkMethods | null = null;
function nlp(): WinkMethods {
  if (!loaded) {
    const require = createRequire(import.meta.url);
    const winkNLP = require('wink-nlp') as typeof winkNLPType;
    const model = require('wink-eng-lite-web-model') as typeof modelType;
    loaded = winkNLP(model, ['sbd', 'negation']);
  }
  return loaded;
}

export interface Sentence {
  /** The sentence as the policy wrote it (markup, bullets and numbering removed). */
  text: string;
  /** Lower case, curly quotes straightened, one space between words: what the patterns read. */
  lower: string;
  /** The line of the file it starts on (1-based). */
  line: number;
  /** The words wink-nlp marks as under a negation ("not", "never", "n't" and what follows), lower case, space-separated; '' if none. */
  negated: string;
  /** The first sentence of a bulleted or numbered list item. */
  item?: boolean;
  /** The sentence before it in the same paragraph (normalised), '' if it opens one: what "it" and "they" may refer to. */
  previous?: string;
  /** For a list item: the sentence ending in a colon that the list hangs from ("Staff are required to:"), normalised. */
  lead?: string;
  /** For a list item: the sentences of the lead's paragraph before the lead, normalised; '' if the lead opens it. */
  leadEarlier?: string;
  /**
   * For a list item with no lead: the paragraph of prose just above its list, normalised ("IF A POST SAYS A MEMBER OF STAFF
   * HAS HARMED A CHILD … it is an allegation. It does not go to Mr Harrow." over "- Tell the Headteacher immediately").
   */
  above?: string;
  /** For a list item: the earlier items of its list, normalised and joined ("The school has one Facebook page." over "Every post is approved…"). */
  siblings?: string;
  /**
   * For a sentence of prose: the paragraph of prose just before its own in the same section, normalised; '' if a heading,
   * a list or a table's row stands between ("…go on the federation Facebook page and website." then "We will not put any
   * child's name with a photo.").
   */
  prior?: string;
  /** The heading the sentence stands under (a short line of its own with no closing stop, "School Website"), normalised; '' if none. */
  heading?: string;
  /** Which section of the page it stands in: 0 before the first heading, then one more at each heading (the heading opens its section). */
  section?: number;
  /** The sentence is a heading (or the page's title: its first line, short and with no closing stop, in any case). */
  isHeading?: boolean;
  /** The sentences before it in the same paragraph, normalised and joined; '' if it opens one. */
  earlier?: string;
  /** The sentence is a table's row flattened by tabs (two cells or more on a line of its own). */
  row?: boolean;
  /**
   * For an answer in a flowchart or a list of questions ("--> YES: Tell the headteacher the same day" under "Does the
   * incident involve a member of staff?"): the question it answers, normalised.
   */
  question?: string;
  /** The page's first line when it reads as a title (up to 15 words, no closing stop), normalised: what the whole page is about. */
  title?: string;
}

/** "e.g." and "i.e." without their full stops, which end no clause: "(e.g. building accounts)", "(e.g. results day) but only…". */
export const withoutAbbreviationStops = (lower: string) => lower.replace(/\b(e\.g|i\.e)\./g, (abbreviation) => abbreviation.replace(/\./g, ''));

export const normalise = (text: string) =>
  text
    .toLowerCase()
    // (An address's dots, held apart while sentences are found: sentencesOf.)
    .replace(/\u2024/g, '.')
    .replace(/[‘’`´]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[‐‑–—]/g, '-')
    // An arrow from a scenario to whoever is told ("Online bullying → Head of Year, the same day").
    .replace(/\s*(?:→|⇒|➔|=+>|(?<!-)-{1,2}>)\s*/g, ': goes to ')
    .replace(/\s+/g, ' ')
    // "won't", "don't", "can't": the patterns read "will not", "do not", "cannot".
    .replace(/\bwon't\b/g, 'will not')
    .replace(/\bcan't\b/g, 'cannot')
    .replace(/\bshan't\b/g, 'shall not')
    .replace(/\b(do|does|did|is|are|was|were|should|would|could|must|has|have|had|need)n't\b/g, '$1 not')
    // A college, a pupil referral unit's centre or a pre-school calls itself so where a school says "the school".
    .replace(
      // (Not its leader's post, "the Pre-school Leader", who heads the setting.)
      /\b(the|our|this|a|each|every|any) (sixth[- ]form )?(college|centre|center|unit|pre-?school)('s)?\b(?! (leader|manager)s?\b)/g,
      (_, det: string, _sixth, _place, own?: string) => `${det} school${own ?? ''}`,
    )
    .trim();

/**
 * A numbered line of its own between paragraphs that heads them ("5. An adult or a stranger contacts a student online"),
 * not a step to take ("2. Report what the pupil told you to the DSL") nor a use a form asks about under its lead ("…used
 * in:" then "1. Classroom displays" over "Yes ☐ No ☐").
 */
function standaloneNumbered(text: string, before: string | undefined, after: string): boolean {
  const words = text.replace(/^\s*\d{1,2}[.)]\s*/, '').toLowerCase();
  return (
    !/:$/.test(before ?? '') &&
    !/[☐☑☒□✓✔]|\[ ?\]|\b(tick|signature|signed)\b|\byes\b[^a-z]*\bno\b/i.test(after) &&
    !/^(report|tell|record|log|inform|speak|talk|contact|call|ring|make|keep|do|don't|ask|take|check|pass|send|give|follow|use|turn|close|stay|listen|write|remove|delete|save|screenshot|find|go|get|let|put|show|switch|secure|note|read|sign|return|complete|please)\b/.test(
      words,
    )
  );
}

/** A web or e-mail address: "www.school.sch.uk", "office@school.org.uk", "caeronnen.caerwen.sch.uk/photos". */
const address = /\b[\w.-]*(?:www\.|@)[\w.-]*\w|\b[\w-]+(?:\.[\w-]+)*\.(?:uk|com|org|net|ie|scot|wales|gov|sch|edu)\b(?:\/[^\s)]*)?/gi;

/** More brackets closed than opened: the end of something the line before began. */
const closesEarlier = (text: string) => (text.match(/\)/g)?.length ?? 0) > (text.match(/\(/g)?.length ?? 0);

/** Words that say what a document is: "Social Media Policy", "Photographs: a guide for parents". */
const documentWord =
  /\b(polic(y|ies)|guidance|guide|guidelines|code|procedures?|protocol|agreement|statement|letter|form|leaflet|handbook|booklet|charter|newsletter|faqs?|rules|aup)\b/i;

export function sentencesOf(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  // The last sentence ending in a colon; list items after it hang from it until a paragraph that is no item.
  let lead = '';
  let heading = '';
  let section = 0;
  let firstParagraph = true;
  let leadEarlier = '';
  // The paragraph of prose just above a list that has no lead.
  let above = '';
  // The earlier items of the list being read, up to `longestSiblings` characters.
  let siblings = '';
  // A row of a table flattened by tabs keeps its mark: a request can point to the rows as its list ("each use in the table").
  const raw = text.split(/\r?\n/);
  const all = paragraphs(policyLines(text).map((l, i) => ({ ...l, tabbed: /\S\t+\S/.test(raw[i] ?? '') && (l.cells?.length ?? 0) >= 2 })));
  const first = all[0];
  const titleLike = (p: (typeof all)[number] | undefined) =>
    Boolean(p && p.starts.length === 1 && p.text.split(' ').length <= 15 && !/[.!?:;,]["'”’)]?$/.test(p.text));
  // ("UPPER WYKE AND THORNBY CE PRIMARY FEDERATION" over "Social Media Policy": the school's name, then what the page is;
  // the two lines are its title.)
  const second = all[1];
  const namesDocument = (t: string) => documentWord.test(t);
  const title = !titleLike(first)
    ? ''
    : !namesDocument(first.text) &&
        second &&
        // (A line or two of its own, no list's item, table's row or sentence: not "This policy is published on our website.")
        !second.bullet &&
        !second.row &&
        !/^\|/.test(second.text) &&
        !/[.!?:;,]["'”’]?$/.test(second.text) &&
        second.starts.length <= 2 &&
        second.text.split(' ').length <= 15 &&
        second.starts[0].line <= first.starts[0].line + 3 &&
        namesDocument(second.text)
      ? normalise(`${first.text} ${second.text}`)
      : normalise(first.text);
  all.forEach((paragraph, index) => {
    // "We will not –" over bullets is a lead, as if it ended in a colon; not a heading.
    if (!paragraph.bullet && all[index + 1]?.bullet && /\s[-–—]$/.test(paragraph.text)) paragraph.text = paragraph.text.replace(/\s+[-–—]$/, ':');
    // "…such as your permission to" over bullets that finish it ("take photographs", "use them on the website"): a lead too.
    if (!paragraph.bullet && all[index + 1]?.bullet && /\s(to|for|such as|including|namely)$/i.test(paragraph.text)) paragraph.text = `${paragraph.text}:`;
    // "3. Publication of Pupil Images" between two paragraphs of prose is a numbered heading, not a list item.
    const numberedHeading = paragraph.numbered && all[index + 1] !== undefined && !all[index + 1].bullet && (index === 0 || !all[index - 1].bullet);
    const shortLine =
      (!paragraph.bullet || numberedHeading) &&
      paragraph.starts.length === 1 &&
      // (A line in capitals is a heading up to 16 words, a bilingual one's included: "APPENDIX 2 – GUIDANCE FOR PARENTS AT
      // SCHOOL EVENTS", "ATODIAD C / APPENDIX C: CANIATÂD I DDEFNYDDIO DELWEDDAU / CONSENT TO USE IMAGES OF LEARNERS".)
      (paragraph.text.split(' ').length <= 8 ||
        // (A marked heading may be longer, if it states no rule: "9.3 Concerns about a member of staff, volunteer or visitor".)
        // (Not a wrapped line of a PDF's clause, "1.1 Images of students are personal data under the UK General Data": a blank line follows.)
        // (So may a numbered line of its own between paragraphs, "5. An adult or a stranger contacts a student online".)
        ((paragraph.headingMark || (numberedHeading && standaloneNumbered(paragraph.text, all[index - 1]?.text, all[index + 1].text))) &&
          paragraph.text.split(' ').length <= 16 &&
          !/\b(must|should|shall|will|may|can|cannot)\b/i.test(paragraph.text) &&
          (all[index + 1]?.starts[0].line ?? Infinity) > paragraph.starts[0].line + 1) ||
        // (So may a line of its own over the bullets it heads, "Concerns about a member of staff, volunteer or visitor".)
        (!paragraph.bullet &&
          Boolean(all[index + 1]?.bullet) &&
          all[index + 1]?.starts[0].line === paragraph.starts[0].line + 1 &&
          paragraph.text.split(' ').length <= 16 &&
          !/\b(must|should|shall|will|may|can|cannot|is|are)\b/i.test(paragraph.text)) ||
        (paragraph.text.split(' ').filter((word) => /[A-Za-z0-9]/.test(word)).length <= 16 &&
          !/[a-z]/.test(paragraph.text) &&
          /[A-Z]{2}/.test(paragraph.text))) &&
      // (A question in capitals heads what follows, "WORRIED ABOUT AN ADULT WHO WORKS HERE?".)
      (!/[.!?:;,]["'”’)]?$/.test(paragraph.text) || (/\?$/.test(paragraph.text) && !/[a-z]/.test(paragraph.text) && /[A-Z]{3}/.test(paragraph.text))) &&
      // (Nor the end of a bracket opened on the line before, "FAWS helpers)".)
      !closesEarlier(paragraph.text);
    const isHeading = shortLine && /^[^a-z]/.test(paragraph.text);
    const asItem = paragraph.bullet && !isHeading;
    if (!asItem && !/:$/.test(paragraph.text)) lead = '';
    // A page's title may be in lower case ("photography permissions"): it opens a section, but is no heading for the tables.
    const isTitle = firstParagraph && shortLine;
    firstParagraph = false;
    // A table's row ("Head  Writes the newsletter") opens a section, but names no heading for the sentences after it.
    // (Nor a Markdown table's row, "| School Facebook page | No name |".)
    if (isHeading) heading = paragraph.row || /^\|/.test(paragraph.text) ? '' : normalise(paragraph.text);
    const prior = asItem || isHeading || isTitle || paragraph.row || !all[index - 1] || all[index - 1].bullet ? '' : above;
    if (!asItem) above = isHeading || isTitle || paragraph.row ? '' : normalise(paragraph.text);
    if (!asItem) siblings = '';
    const before = siblings;
    if (asItem && siblings.length < longestSiblings) siblings = siblings ? `${siblings} ${normalise(paragraph.text)}` : normalise(paragraph.text);
    if (isHeading || isTitle) section++;
    // An answer ("Yes: …", "If yes, …") to the paragraph before, a question: that question is its scenario. So is the
    // answer under a short question of one line, just above it or one blank line up, as a page of questions sets them out
    // ("**…a member of staff is worried about something my child says online?**" then "All staff must tell the DSL…").
    const asked = all[index - 1]?.text;
    const questionAbove = all[index - 1]?.starts.length === 1 && all[index - 1].starts[0].line >= paragraph.starts[0].line - 2 && asked.split(' ').length <= 25;
    const question =
      asked && /\?(?:\s*\([^()]*\))?["'”’)]?$/.test(asked) && (/^(?:if )?(?:yes|no)\b/i.test(paragraph.text) || (questionAbove && !paragraph.bullet))
        ? normalise(asked)
        : '';
    const reader = nlp();
    // An address's dots end no sentence ("the school website (www.caeronnen.caerwen.sch.uk)?"): they are held as one-dot
    // leaders, the same length, while the sentences are found, and given back in each sentence's words.
    // (A run of 500 characters or more with no space is no word the page means, and wink-nlp's test for an abbreviation
    // takes time that grows with the square of a word's length: 100,000 such characters took 5.6 s. In such a run every
    // 251st character is read as a space, so its words are 250 characters long and the paragraph keeps its length.)
    paragraph.text = paragraph.text.replace(/\S{500,}/g, (run) => run.replace(/(\S{250})\S/g, '$1 ')).replace(address, (m) => m.replace(/\./g, '\u2024'));
    const doc = reader.readDoc(paragraph.text);
    let from = 0;
    let previous = '';
    const earlier: string[] = [];
    let first = true;
    doc.sentences().each((s: ItemSentence) => {
      const said = s.out();
      if (said.length > longestSentence) {
        from = Math.max(0, paragraph.text.indexOf(said, from)) + said.length;
        first = false;
        return;
      }
      const plain = said.replace(/\u2024/g, '.');
      const at = Math.max(0, paragraph.text.indexOf(said, from));
      from = at + said.length;
      const line = [...paragraph.starts].reverse().find((start) => start.offset <= at)?.line ?? paragraph.starts[0].line;
      const flags = s.tokens().out(reader.its.negationFlag) as unknown as boolean[];
      const words: string[] = s.tokens().out();
      const negated = words.filter((_, i) => flags[i]).join(' ');
      const lower = normalise(plain);
      const item = first && asItem;
      sentences.push({
        text: plain.trim(),
        lower,
        line,
        negated: normalise(negated),
        item,
        previous,
        ...(asItem && lead ? { lead, leadEarlier } : {}),
        ...(asItem && !lead && above ? { above } : {}),
        ...(asItem && before ? { siblings: before } : {}),
        ...(prior ? { prior } : {}),
        ...(heading && !isHeading ? { heading } : {}),
        section,
        ...(isHeading || isTitle ? { isHeading: true } : {}),
        earlier: earlier.join(' '),
        ...(paragraph.row ? { row: true } : {}),
        ...(title ? { title } : {}),
        ...(question ? { question } : {}),
      });
      // ("Some uses … do not need consent. These are:" over its items: the lead that points back is read with what it points to.)
      if (/:$/.test(lower)) {
        lead = /^(these|they|those|this|which)( uses)? (are|is|include|includes)( as follows)?:$/.test(lower) && previous ? `${previous} ${lower}` : lower;
        leadEarlier = earlier.join(' ');
      }
      earlier.push(lower);
      previous = lower;
      first = false;
    });
  });
  return sentences;
}
