/**
 * A table that a PDF or a web page flattened to one cell per line: its header's cells on lines of their own ("Use",
 * "Consent needed?", "Notes"), then each row's cells, as many lines as the header has, until a blank line. Read only when
 * every row fits: a column the caller names (the answer column) holds an answer in every row, and the rows fill the
 * table exactly, so a paragraph of short lines is never taken for one.
 */
import { normalise } from './text.ts';
import { type Line } from './text.lines.ts';
import { longestStackedRun } from './bounds.ts';

export interface StackedTable {
  /** The header's cells, normalised. */
  header: string[];
  /** Which header cell the caller's column pattern matched. */
  column: number;
  /** Each row: its cells (normalised), the first cell's line and the row's words joined by " | ". */
  rows: { cells: string[]; line: number; text: string }[];
}

/** A header cell: a few words with no sentence's full stop. */
const headerCell = (text: string) => text.length > 0 && text.split(/\s+/).length <= 5 && !/[.;:]$/.test(text);

/**
 * The stacked table whose header starts at lines[at], with one header cell matching `column` and every row's cell in
 * that column matching `answer`; null when the lines there are no such table.
 */
export function stackedTable(lines: Line[], at: number, column: RegExp, answer: RegExp): StackedTable | null {
  // (A table opens after a blank line or a sentence's end, not in the middle of a paragraph.)
  const before = lines[at - 1]?.text ?? '';
  if (before && !/[.:]$/.test(before)) return null;
  if ((lines[at].cells?.length ?? 0) > 1) return null;
  // (Counted to `longestStackedRun` lines at most, bounds.ts.)
  let run = 0;
  while (run < longestStackedRun && at + run < lines.length && lines[at + run].text) run++;
  for (let width = 2; width <= 5 && width * 3 <= run; width++) {
    const header = lines.slice(at, at + width).map((l) => normalise(l.text));
    if (!header.every(headerCell)) break;
    const columns = header.map((cell, i) => (column.test(cell) ? i : -1)).filter((i) => i >= 0);
    if (columns.length !== 1 || (run - width) % width !== 0) continue;
    const rows: StackedTable['rows'] = [];
    for (let start = at + width; start < at + run; start += width) {
      const group = lines.slice(start, start + width);
      const cells = group.map((l) => normalise(l.text));
      if (!answer.test(cells[columns[0]].replace(/[.!]$/, ''))) break;
      rows.push({ cells, line: group[0].line, text: group.map((l) => l.text).join(' | ') });
    }
    if (rows.length >= 2 && rows.length * width === run - width) return { header, column: columns[0], rows };
  }
  return null;
}
