/**
 * The paragraphs of a policy's lines (text.ts reads them into sentences): where a wrapped line runs on into the next and
 * where a new paragraph, item or table row starts.
 */
import type { Line } from './text.lines.ts';
import { longestParagraph } from './bounds.ts';

/**
 * Paragraphs: a line continues the one before when that did not end a sentence and this one starts
 * in lower case (a PDF's wrapped line). Each paragraph keeps where each of its lines starts.
 */
export interface Paragraph {
  text: string;
  starts: { offset: number; line: number }[];
  bullet: boolean;
  /** The raw line began with a number ("3. "), not a bullet sign. */
  numbered: boolean;
  /** A line of its own whose tabs part two cells or more: a table's row. */
  row?: boolean;
  /** Its one line is marked as a heading ("## …", "9.3 …", bold throughout). */
  headingMark?: boolean;
}

/**
 * The width a hard-wrapped text (a PDF's extracted lines, a plain-text e-mail) breaks its lines at, less a margin: a line at
 * least this long that ends no sentence runs on into the next, even one that starts in capitals ("…under the" then
 * "Anti-Bullying Policy and record it"). Infinity when the text is not wrapped: fewer than three lines in ten near its
 * longest (the 90th percentile of line lengths), lines shorter than 50 characters, or fewer than a dozen lines.
 */
export function wrapWidth(lines: Line[]): number {
  const lengths = lines
    .map((l) => l.text.length)
    .filter((n) => n > 0)
    .sort((a, b) => a - b);
  const width = lengths[Math.floor(lengths.length * 0.9)] ?? 0;
  const near = lengths.filter((n) => n >= width - 25 && n <= width + 10).length;
  return lengths.length >= 12 && width >= 50 && near >= lengths.length * 0.3 ? width - 25 : Infinity;
}

/** A clause's number before its words: "9.1   ", "(b) ". */
const clauseNumber = /^\s*(?:\d{1,2}(?:\.\d{1,2}){0,3}\.?|\([a-z0-9]{1,4}\))[ \t]+(?=\S)/i;

export function paragraphs(lines: Line[]): Paragraph[] {
  const out: Paragraph[] = [];
  let current: Paragraph | null = null;
  const wrapAt = wrapWidth(lines);
  // Blank lines part the paragraphs: at least one line in six is blank.
  const blankParagraphs = lines.filter((l) => !l.text).length * 6 >= lines.length;
  let lastLength = 0;
  let inRow = false;
  let lastField = false;
  // Where a clause's words start after its number ("9.1   All online safety concerns…"): a line indented to there carries
  // on the clause ("      DSL) immediately, and…"), whatever its first letter.
  let hang = 0;
  for (const { text, line, bullet, numbered, tabbed, headingMark, cells, arrow, raw, indent, continuesAbove } of lines as (Line & { tabbed?: boolean })[]) {
    if (!text) {
      current = null;
      lastLength = 0;
      inRow = false;
      hang = 0;
      continue;
    }
    // (Not a short numbered heading over its indented body: "3. Photo consent - the list has changed" then "   Consent is…".)
    const hanging = Boolean(current) && hang >= 3 && indent === hang && lastLength >= 50 && !bullet && (cells?.length ?? 0) < 2;
    const runsOn: boolean =
      /^[a-z(]/.test(text) ||
      // ("…normally from age" then "13) are asked…", "…a minimum age of" then "13. We will not…": a number that belongs to the
      // words above.)
      continuesAbove === true ||
      hanging ||
      // ("…a member of staff, volunteer or governor: tell the" then "Headteacher immediately.": a line that ends on a word no
      // sentence ends on runs on, whatever the next one's first letter.)
      (Boolean(current) &&
        /\s(the|a|an|to|of|and|or|by|with|for|from|into|your|their|our|must|should|shall)$/i.test(current?.text ?? '') &&
        !headingMark &&
        !inRow &&
        (cells?.length ?? 0) < 2) ||
      // (Not a table's rows, by tabs, bars or wide spaces: each is its own.)
      // (Nor a form's fields, "Academy DSL: Mr O. Nnamdi" then "Academy social media accounts:".)
      (lastLength >= wrapAt &&
        !headingMark &&
        !inRow &&
        !lastField &&
        (cells?.length ?? 0) < 2 &&
        /^[A-Z0-9"'“‘]/.test(text) &&
        !/^[A-Z][^.:]{2,40}:(\s|$)/.test(text));
    // A bullet always starts its own item, even after an item that did not end a sentence.
    // (In a hard-wrapped text a full line that ends a sentence runs on too, inside a numbered clause, when the text keeps blank
    // lines between its paragraphs: "3.4 If a member of staff needs a website unblocked, they should ask the Headteacher." then
    // "The Headteacher decides, and…".)
    const fullStop =
      blankParagraphs && lastLength >= wrapAt && hang > 0 && /[.!?]["'”’)]?$/.test(current?.text ?? '') && !clauseNumber.test(raw ?? '') && !bullet;
    // (A bullet's line that ends in a colon and goes on, indented, in lower case: "- A post about the school … that causes
    // concern:" then "  tell the Headteacher.", one item.)
    const bulletRunsOn = Boolean(current?.bullet) && /:$/.test(current?.text ?? '') && /^[a-z]/.test(text) && (indent ?? 0) > 0 && !arrow;
    // (A line of prose that ends in a colon and goes on, in lower case, on the next line: "We do not need consent … for
    // photographs that stay inside school:" then "classroom displays, children's learning journals…", one sentence.)
    const proseRunsOn: boolean =
      Boolean(current && !current.bullet) && /:$/.test(current?.text ?? '') && /^[a-z]/.test(text) && !arrow && (cells?.length ?? 0) < 2 && !inRow;
    // (Not past `longestParagraph` characters, bounds.ts.)
    const joined: boolean =
      Boolean(current && !bullet && (((!/[.!?:;]["'”’)]?$/.test(current.text) || fullStop) && runsOn) || bulletRunsOn || proseRunsOn)) &&
      (current?.text.length ?? 0) < longestParagraph;
    if (current && /^((\[ ?\]|[☐□❑])\s*)+$/.test(text) && !/[.!?:;]["'”’)]?$/.test(current.text) && current.text.split(' ').length <= 15) {
      // A form converted with a cell to a line: "School website (no names)" then "[ ]" and "[ ]" is one row the carer marks.
      current.text += ` ${text}`;
    } else if (current && arrow && !/[.!?:;]["'”’)]?$/.test(current.text)) {
      // "• Online bullying between pupils" then "→ Assistant Headteacher (Pastoral), within 24 hours.": the scenario and
      // where it goes, one sentence as the page shows it (normalise reads the arrow as "goes to").
      current.starts.push({ offset: current.text.length + 1, line });
      current.text += ` → ${text}`;
    } else if (current && joined) {
      current.starts.push({ offset: current.text.length + 1, line });
      current.text += ' ' + text;
    } else {
      current = { text, starts: [{ offset: 0, line }], bullet: Boolean(bullet), numbered: Boolean(numbered), row: Boolean(tabbed), headingMark };
      out.push(current);
    }
    lastLength = text.length;
    // (A paragraph that holds a table's row, by bars or wide spaces, is that row: no line in capitals runs on into it.)
    inRow = (joined && inRow) || (cells?.length ?? 0) >= 2;
    lastField = /^[A-Z][^.:]{2,100}:\s+[^:]{1,40}$/.test(text) && !joined;
    if (!joined) hang = clauseNumber.exec(raw ?? '')?.[0].replace(/\t/g, '    ').length ?? 0;
  }
  return out;
}
