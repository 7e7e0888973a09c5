/**
 * A policy's text as lines (issue 19): each with its markup, bullet and clause number removed, and what its raw form says —
 * a list item, a heading's mark, a table's cells, an indent, an arrow, or words carried on from the line above. Read by
 * the patterns that read blocks (signatures, review dates, tables) and, joined into paragraphs, by sentencesOf (text.ts).
 */

/** A line of the file with its markup removed, for the patterns that read blocks (signatures, review dates). */
export interface Line {
  text: string;
  line: number;
  /** The raw line began with a bullet or a list number. */
  bullet?: boolean;
  /** The raw line began with a list number ("3. ", "2) "). */
  numbered?: boolean;
  /** The raw line is marked as a heading: Markdown's "#", a clause number of two parts or more ("9.3 "), or bold throughout. */
  headingMark?: boolean;
  /** A table row flattened to text: its cells (split at tabs, '|' or three or more spaces), cleaned; one cell if it is not a row. */
  cells?: string[];
  /** The line as the file has it (for tables whose rows wrap onto lines of their own). */
  raw?: string;
  /** How many spaces (a tab as four) the raw line starts with. */
  indent?: number;
  /** The raw line starts with an arrow ("→ DSL, immediately."): where the line before it goes. */
  arrow?: boolean;
  /**
   * The raw line carries on the words above rather than starting a list item: a number that closes the bracket the line
   * before opened ("…normally from age" then "13) are asked") or finishes a wrapped line ("…a minimum age of" then "13. We
   * will…"), or a dash aside ("- for example, …") after a wrapped line of prose.
   */
  continuesAbove?: boolean;
}

/** A table's rule, "|---|:---:|" or "+-----+": a line of the table that is no row. */
export const tableRule = (line: Line) => /^[\s|:+-]+$/.test(line.raw ?? line.text);

/** Markdown emphasis, links, bullets and clause numbers ("6.17.", "1.", "i)", "(a)", "A.") removed from the start of a line. */
export function cleanLine(raw: string): string {
  return (
    raw
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\*\*|__|`/g, '')
      .replace(/^\s*#{1,6}\s*/, '')
      // A flowchart's arrow before its answer ("--> YES: Tell the DSL…", "→ No: go to step 3").
      .replace(/^\s*(?:-+>|=+>|→|⇒|➔)\s*/, '')
      // "YES -> Report to the DSL": the answer, then what to do.
      .replace(/^\s*(yes|no)\s*(?:-+>|=+>|→|⇒|➔)\s*/i, '$1: ')
      // A table row numbered in its first cell ("| 1. Photos of my child on the website | ☐ | ☐ |"): the row, not a list.
      .replace(/^\s*\|\s*(?:\|\s*)?(?:\d{1,2}[.)]|[a-z][.)])\s+(?=\S)/i, '| ')
      // A tick box before a numbered row ("☐ 1. Photographs of my child…"): the box, then the row's words.
      .replace(/^\s*([☐□❑]|\[ ?\])\s*(?:\d{1,2}[.)])\s+(?=\S)/, '$1 ')
      // ("[ ] B – UTC website and printed prospectus": the box, then the option's words.)
      .replace(/^\s*([☐□❑]|\[ ?\])\s*[A-H]\s*[–—-]\s+(?=\S)/, '$1 ')
      .replace(/^\s*(?:(?:[-*•◦▪●·✔✓►▸➢■◆❖➤]|[–—](?=\s))\s*)+/, '')
      // (An indented "> " before each point: a bullet, not a quotation.)
      .replace(/^\s{2,}>\s+/, '')
      .replace(/^\s*(?:\d{1,2}(?:\.\d{1,2}){0,3}[.)]?|[ivx]{1,5}[.)]|\([a-z0-9]{1,4}\)|[a-z][.)]|[A-Z]\d{1,2}(?:\.\d{1,2}){0,2}[.)]?)\s+/i, '')
      .replace(/^\s*(?:(?:[-*•◦▪●·]|[–—](?=\s))\s*)+/, '')
      .replace(/\t+/g, '  ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** A form's or list's label before a dash or colon: "A – School website", "B: Newsletters", "Q2. May we…", "3 - Displays". */
const dashLabel = /^\s*(?:[A-WYZa-wyz]|\d{1,2}|Q\d{1,2})\s*(?:[–—-]|:)\s+(?=\S)|^\s*Q\d{1,2}[.)]\s+/;
// (A clause number of three parts before words in lower case, "6.3.1 the Academy website;", is a list's item.)
const bulletStart =
  /^\s*(?:[-*•◦▪●·–—✔✓►▸➢■◆❖➤]\s+|(?<=^\s{2,})>\s+|\d{1,2}[.)]\s+(?=[A-Za-z])|\d{1,2}\.\d{1,2}\.\d{1,2}\s+(?=[a-z])|[a-z][.)]\s+|\([a-z0-9]{1,3}\)\s+)/;

/**
 * A converted file's tracked changes, read as accepted (the keying guide: struck-out words are read as removed): a deletion
 * ("[~~and is renewed every September~~]{.deletion author=…}", "~~…~~") goes, an insertion ("[…]{.insertion …}") stays
 * without its markup.
 */
const acceptingChanges = (raw: string) =>
  raw
    .replace(/\[[^\]]*\]\{\.deletion\b[^}]*\}/g, '')
    .replace(/\[([^\]]*)\]\{\.insertion\b[^}]*\}/g, '$1')
    .replace(/~~[^~]+~~/g, '');

/** A line that stops in the middle of a phrase, before a number: "…set a minimum age of", "…is 16 in some countries and". */
const wrappedBefore = /\S\s+(?:of|at|is|are|was|were|to|than|under|over|below|above|aged|age|and|or|from|by|with|between)\s*$/i;

/**
 * The number that starts a line finishes the words of the line above ("…have a minimum age of" then "13. We will not
 * help…"), and is no list's: not after a list's "; and" or ", or", not a clause number ("4.2 Photographs"), and not the
 * next item of a numbered list ("1. reassure the pupil and" then "2. tell the DSL").
 */
function wrapsOnto(above: string, raw: string): boolean {
  const number = /^\s*(\d{1,3})(?![.,]?\d)\b/.exec(raw);
  if (!number || !wrappedBefore.test(above) || /[;,]\s*(?:and|or)\s*$/i.test(above)) return false;
  const item = /^\s*(\d{1,3})[.)]\s/.exec(above);
  return !(item && Number(number[1]) === Number(item[1]) + 1);
}

/**
 * A wrapped line of prose carried on by a dash aside: "- for example, …", "– such as …" under a line with no stop at its
 * end. Not under a heading ("### Unsuitable behaviour online", "**Cyberbullying**", a short line), a bullet, or an
 * indented line that carries a bullet on: there the dash starts an item of its own.
 */
const asideOnto = (above: string, raw: string) =>
  /^\s*[-–—]\s+(?:for example|for instance|e\.g\.?|such as)\b/i.test(raw) &&
  /[a-z,]\s*$/i.test(above) &&
  !bulletStart.test(above) &&
  !/^\s{2,}|^\s*(#{1,6}\s|\*\*|\d{1,2}(\.\d{1,2}){0,2}\.?\s)/.test(above) &&
  above.trim().split(/\s+/).length >= 8;

/**
 * A table drawn with box characters ("┌───┬───┐", "│ Situation │ Who │") reads as one drawn with bars: its rules as
 * "|---|---|", its walls as "|".
 */
const boxToBars = (raw: string) =>
  /[│┃║]/.test(raw) || /^\s*[┌┬┐├┼┤└┴┘─━═╔╦╗╠╬╣╚╩╝]+\s*$/.test(raw)
    ? raw
        .replace(/[│┃║]/g, '|')
        .replace(/[┌┬┐├┼┤└┴┘╔╦╗╠╬╣╚╩╝]/g, '|')
        .replace(/[─━═]/g, '-')
    : raw;

export function policyLines(text: string): Line[] {
  return text
    .split(/\r?\n/)
    .map(acceptingChanges)
    .map(boxToBars)
    .map((raw, i, all) => ({
      raw,
      // ("…(or the pupil themselves, normally from age" then "13) are asked to give consent": the number closes the
      // bracket the line before opened, and is no list's.)
      continuesAbove:
        i > 0 &&
        ((/^\s*\d{1,3}\)/.test(raw) && (all[i - 1].match(/\(/g) ?? []).length > (all[i - 1].match(/\)/g) ?? []).length) ||
          // ("…have a minimum age of" then "13. We will not help…": a wrapped line's number finishes the words above it.)
          wrapsOnto(all[i - 1], raw) ||
          // ("…of a member of staff, a student or a volunteer" then "- for example, taking photographs on a personal phone -
          // this must be reported…": a dash aside that a wrapped sentence carries on into, not a bullet of its own.)
          asideOnto(all[i - 1], raw)),
    }))
    .map(({ raw, continuesAbove }, i) => ({
      continuesAbove,
      text: continuesAbove ? raw.trim() : cleanLine(raw.replace(dashLabel, '')),
      line: i + 1,
      // ("  Category B - academy website, printed newsletter and prospectus": a labelled tier is an item of the list above it.)
      bullet: !continuesAbove && (bulletStart.test(raw) || dashLabel.test(raw) || /^\s*(category|tier|level|box|option) [a-z0-9]{1,2}\s*[-–—:=]\s/i.test(raw)),
      numbered: !continuesAbove && /^\s*\d{1,2}[.)]\s+(?=[A-Za-z])/.test(raw),
      headingMark: /^\s*#{1,6}\s|^\s*\d{1,2}(?:\.\d{1,2}){1,2}\.?\s+(?=[A-Z])|^\s*\*\*[^*]+\*\*\s*$/.test(raw),
      cells: raw
        // (A leader of dots parts two cells too: "Concern about a child ........... CPOMS + DSL same day".)
        .split(/\t+|\s*\|\s*|\s{3,}|\s*(?:\.{4,}|…{2,})\s*/)
        .map(cleanLine)
        .filter(Boolean),
      raw,
      indent: (/^[ \t]*/.exec(raw)?.[0] ?? '').replace(/\t/g, '    ').length,
      arrow: /^\s*(?:-+>|=+>|→|⇒|➔)/.test(raw),
    }));
}
