/**
 * A quick-reference card's two columns set out by spaces, "SITUATION" beside "WHAT TO DO" (or "If you are worried about…"
 * beside "What you do"): each row's situation wraps down the left column while its instructions wrap down the right, so
 * read line by line the two run into each other ("happened online or on a game   Helen the same day before the child
 * goes"). Each row is written out as prose on its first line, the situation then its instructions ("A pupil may be being
 * groomed online. Tell the DSL the same day, in person."), and its other lines left empty, so line numbers stay the
 * page's and the sentence patterns read each instruction under its situation.
 */

/** The left column's heading: the situation. */
const situationHeading =
  /^(situations?|scenarios?|the situation|what has happened|what happened|incidents?|concerns?|if (you are|you're) (worried|concerned) about\b.*|if\b.*|when\b.*|you (see|find|hear|notice)\b.*)$/i;
/** The right column's heading: what staff do. */
const actionHeading = /^(what (to do|you do|you should do|staff (should )?do|happens( next)?)|actions?( to take)?|response|do this|then)\W*$/i;
/** Words a wrapped cell's line ends on when the phrase runs on ("…an account on", "…a nude or"). */
const runsOn = /\b(a|an|the|of|on|in|at|to|for|with|by|and|or|from|that|who|your|their|is|are|has|have|been)$|[,/–—-]$/i;

interface Row {
  first: number;
  left: string[];
  right: string[];
}

/** A tab after a cell pads it to the column, as the page showed it. */
const untabbed = (raw: string, column: number) =>
  raw.replace(/^([^\t]*)\t+/, (_, before: string) => (before.length < column ? before.padEnd(column) : `${before}  `));

/**
 * A line of the table split at the column: its two cells, or null when the line is not in two columns (prose after the
 * table). The gap between the cells may sit a character or two either side of the heading's column; with `lenient`, a
 * cell run into the next ("…a member of staffTell Helen", "…toileting / No photos at all") is split where a capital
 * begins, close to the column.
 */
function cells(raw: string, column: number, lenient: boolean): [string, string] | null {
  const line = untabbed(raw, column);
  if (line.length <= column - 2) return [line.trim(), ''];
  for (const gap of line.matchAll(/\s{2,}/g)) {
    const end = gap.index + gap[0].length;
    if (end >= column - 3 && end <= column + 3) return [line.slice(0, gap.index).trim(), line.slice(end).trim()];
  }
  if (/\s/.test(line[column - 1] ?? ' ')) return [line.slice(0, column).trim(), line.slice(column).trim()];
  if (!lenient) return null;
  const at = (i: number): [string, string] => [line.slice(0, i).trim(), line.slice(i).trim()];
  for (let i = column + 3; i >= column - 3; i--) if (/[a-z][A-Z]/.test(line.slice(i - 1, i + 1))) return at(i);
  for (let i = column + 3; i >= column - 15; i--) if (/ [A-Z]/.test(line.slice(i - 1, i + 1))) return at(i);
  return at(column);
}

/** One cell's lines as prose: a word broken at a hyphen joined, each bullet its own sentence. */
function prose(lines: string[]): string {
  const joined = lines.reduce((text, line) => (!text ? line : /\w-$/.test(text) ? `${text}${line}` : `${text} ${line}`), '');
  return joined
    .split(/\s*[•▪●◦]\s*|^\s*[-*]\s+/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => (/[.!?:;)]$/.test(part) ? part : `${part}.`))
    .join(' ');
}

export function withScenarioRows(text: string): string {
  const lines = text.split('\n');
  for (let at = 0; at < lines.length; at++) {
    const header = /^(\S.*?\S)\s{3,}(\S.*?)\s*$/.exec(lines[at]);
    if (!header || !situationHeading.test(header[1].trim()) || !actionHeading.test(header[2].trim())) continue;
    const column = lines[at].indexOf(header[2], header[1].length);
    const rows: Row[] = [];
    let row: Row | null = null;
    let end = at + 1;
    let previousLeft = '';
    for (; end < lines.length; end++) {
      const raw = lines[end];
      if (!raw.trim()) {
        row = null;
        previousLeft = '';
        continue;
      }
      // (A rule across the page, or another table's heading in capitals, "WHO TO TELL   CONTACT", ends the table.)
      if (/^[\s─━═_=*~-]+$/.test(raw) || (!/[a-z]/.test(raw) && /[A-Z]{2,}\S*\s{3,}\S/.test(raw.trim()))) break;
      // (One line run into the right column is the table's if the lines either side of it are.)
      const between = Boolean(cells(lines[end - 1] ?? '', column, false) && lines[end + 1]?.trim() && cells(lines[end + 1], column, false));
      const split = cells(raw, column, false) ?? (between ? cells(raw, column, true) : null);
      if (!split) break;
      const [left, right] = split;
      const startsRow =
        !row ||
        (/^["“'‘(]?[A-Z0-9]/.test(left) &&
          !runsOn.test(previousLeft) &&
          (!previousLeft || /[).!?]$/.test(previousLeft) || (/^[A-Z]/.test(right) && /[.!?)]$/.test(row.right.at(-1) ?? ''))));
      if (startsRow) {
        row = { first: end, left: [], right: [] };
        rows.push(row);
      }
      if (left) row!.left.push(left);
      if (right) row!.right.push(right);
      previousLeft = left;
    }
    // (Two rows at least, each with both cells: a card, not a heading that happens to sit beside a line of prose.)
    if (rows.length < 2 || rows.some((r) => !r.left.length || !r.right.length)) continue;
    for (const r of rows) {
      const last = rows[rows.indexOf(r) + 1]?.first ?? end;
      const situation = prose(r.left).replace(/\.$/, '');
      lines[r.first] = `${situation}${/[?:]$/.test(situation) ? '' : '.'} ${prose(r.right)}`;
      for (let i = r.first + 1; i < last; i++) lines[i] = '';
    }
    at = end - 1;
  }
  return lines.join('\n');
}
