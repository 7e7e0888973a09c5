/**
 * Files that open safely in a spreadsheet (RPT-3). Pure, table-tested.
 *
 * A cell beginning with = + - @, a tab or a carriage return could be read by Excel or LibreOffice
 * as a formula (CSV injection): it gets a leading apostrophe, which the spreadsheet shows as text.
 * The file starts with a UTF-8 byte-order mark so Excel reads accents (Zoë, Siân) correctly.
 */

export type Cell = string | number | null;

const risky = /^[=+\-@\t\r]/;

export function neutralise(value: string): string {
  return risky.test(value) ? `'${value}` : value;
}

function csvField(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  const text = neutralise(cell);
  // Quoted only when it must be (a comma, a line break, or a leading quote): Excel, LibreOffice and
  // Python read a quote inside an unquoted field as itself, so =HYPERLINK("x") stays legible as written.
  return /[,\r\n]/.test(text) || text.startsWith('"') ? `"${text.replace(/"/g, '""')}"` : text;
}

export const utf8Bom = '\uFEFF';

export function toCsv(head: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return utf8Bom + [head, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** Characters XML 1.0 cannot hold at all (control characters other than tab, newline and return) are dropped. */
export function xmlText(value: string): string {
  return value
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** "A", "B", … "Z", "AA": a spreadsheet column's letters. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A file name for a download: the list and the day it was made. */
export const exportFileName = (list: string, format: string, today: Date) => `${list}-${today.toISOString().slice(0, 10)}.${format}`;
