/**
 * Naming tables (photos.channels.KEY.naming): a table whose column says how pupils are named with their images on each
 * use ("Use | Consent needed? | Names?"), or rows that name one channel and a naming rule whatever their column is headed.
 */
import { channels } from './naming.channels.ts';
import type { StructuralFound } from './structure.ts';
import { answered, consentColumn } from './consent-list.ts';
import { stackedTable } from './tables.stacked.ts';
import { normalise } from './text.ts';
import { tableRule, type Line } from './text.lines.ts';

/** A table's column that says how pupils are named with their images: "Names?", "Name with image?", "Naming". */
const namingColumn = /^(names?|naming|name with (image|photo(graph)?)s?|names? (used|given|shown)|will (names?|the child) be (named|used|given))\??$/;

/**
 * A cell's words in each language it gives, apart at a spaced slash: "Never / Nigdy", "Name / Imię i nazwisko", "Enw / Name"
 * (English first or second): read in each, the first reading that says something is the cell's.
 */
const inEachLanguage = (cell: string) => cell.split(/\s+\/\s+/);

/** A naming cell's rule: "No names", "First name only; no surname". Anything else (a hedge, a choice, a condition) is none. */
function namingCell(cell: string): string | null {
  if (/\b(if|unless|where|when|only with|may be given|agree|agreement|consent|permission)\b/.test(cell)) return null;
  if (/^(no names?|never|none|not named|never named)\b/.test(cell)) return 'none';
  if (/^first names? only\b|^first names?;? no surnames?\b/.test(cell) && !/\bsurnames? (may|will|can)\b/.test(cell)) return 'first-names';
  return null;
}

/**
 * A naming cell in a table whose column is headed otherwise ("Names used?", "What we publish"), read by its words: "Never
 * named", "No names", "First name only – never the surname", "First name and class", "First name may be shown", "Full
 * name only if you tick Question 7". Anything else (a choice, "or no name", a first name and surname) is none.
 */
function namingWords(cell: string): string | null {
  if (/\b(or|and) no names?\b|\bor\b.*\bnames?\b/.test(cell) && !/^no names?\b/.test(cell)) return null;
  if (/^(never named|not named|no names?)\b/.test(cell)) return 'none';
  // ("No surnames.", "No full names": a first name at most, the rule the product calls first names only.)
  if (/^no (sur|last |family |full )names?\b(?![^.;]*\b(or|if|unless|without|except)\b)/.test(cell)) return 'first-names';
  if (/^full names? (only )?(if|where|when|with)\b[^.;]*\b(consent|agree|agreed|agrees|tick|ticked|permission)\b/.test(cell)) return 'full-with-permission';
  if (/\bsurnames? (may|will|can)\b|\b(first names?|forenames?) and (sur|last |family )names?\b/.test(cell)) return null;
  if (
    /^first names?( only)?( (and|plus) (class|form|year group|year|tutor group|house|pathway|course|subject|age)( and (class|form|year group|year|tutor group|house|pathway|course|subject|age))?)?( only)?( may (be shown|appear|be used))?\b(?![^.;]*\b(or|if|unless|sometimes)\b)/.test(
      cell,
    )
  )
    return 'first-names';
  return null;
}

/** A cell of channels and nothing else: "Website and prospectus", "Facebook, Instagram". */
const onlyChannels = (cell: string) =>
  !channels
    .reduce((rest, [, pattern]) => rest.replace(new RegExp(pattern.source, 'g'), ' '), cell)
    .replace(/\b(the|our|school|academy|official|and|or|page|pages|accounts?|feeds?|sites?|printed|news)\b|[.,:*&/]/g, ' ')
    .trim();

const fullNameWithSay =
  /\b(full|sur) ?names?\b[^.;]{0,30}\b(only )?(with|if|where|when|once)\b[^.;]{0,40}\b(consent|permission|ok|okay|agree|agrees|agreed|agreement|forms?|say|ticks?|ticked|approval)\b/;

/**
 * Rows of a table that name one channel and how pupils are named there, whatever its column is headed: "| School website
 * | News stories | First name only – never the surname |", "| Newsletter | Yes, with consent | First name and class |".
 * Two such rows at least, in one table, so that a lone cell elsewhere reads nothing.
 */
export function namingRows(lines: Line[]): StructuralFound[] {
  const found: StructuralFound[] = [];
  let block: StructuralFound[] = [];
  const flush = () => {
    if (block.length >= 2) found.push(...block);
    block = [];
  };
  for (const row of lines) {
    const cells = (row.cells ?? []).map((c) => normalise(c));
    if (cells.length < 2 || !/\||\t/.test(row.raw ?? '')) {
      flush();
      continue;
    }
    const at = cells.findIndex((c, i) => i > 0 && namingWords(c) !== null);
    if (at < 0) continue;
    const keys = channels.filter(([, pattern]) => cells.slice(0, at).some((c) => pattern.test(c))).map(([key]) => key);
    // (One channel, or a first cell of channels alone: "Website and prospectus".)
    if (keys.length !== 1 && !(keys.length > 1 && at === 1 && onlyChannels(cells[0]))) continue;
    // ("First name + course | Full name only with the Appendix 1 form": a first name beside a full name given with the
    // family's say is two rules for the channel, and neither is proposed.)
    const value = namingWords(cells[at]);
    const fullWithSay = value === 'first-names' && cells.slice(at).some((c) => fullNameWithSay.test(c));
    for (const key of keys)
      block.push({ setting: `photos.channels.${key}.naming`, value: fullWithSay ? null : value, quote: row.text, line: row.line, order: -1 });
  }
  flush();
  // (A table stacked one cell per line, as a PDF flattens it: "Use" / "Consent needed?" / "Notes", then a row's three lines.)
  lines.forEach((_, at) => {
    const stacked = stackedTable(lines, at, consentColumn, answered);
    if (!stacked) return;
    for (const row of stacked.rows) {
      const keys = channels.filter(([, pattern]) => pattern.test(row.cells[0])).map(([key]) => key);
      if (keys.length !== 1 && !(keys.length > 1 && onlyChannels(row.cells[0]))) continue;
      const value = row.cells.find((cell, i) => i > 0 && i !== stacked.column && namingWords(cell) !== null);
      if (value)
        block.push(...keys.map((key) => ({ setting: `photos.channels.${key}.naming`, value: namingWords(value), quote: row.text, line: row.line, order: -1 })));
    }
    flush();
  });
  return found;
}

/**
 * A table flattened to text whose column says how pupils are named on each use ("Use | Consent needed? | Names?", then
 * "School website | Yes | No names"): each row whose first cell names one channel sets that channel's naming rule.
 */
export function namingTable(lines: Line[]): StructuralFound[] {
  const found: StructuralFound[] = [];
  lines.forEach((header, at) => {
    const cells = (header.cells ?? []).map((c) => normalise(c));
    if (cells.length < 2) return;
    const column = cells.findIndex((c) => inEachLanguage(c).some((words) => namingColumn.test(words)));
    if (column <= 0) return;
    for (const row of lines.slice(at + 1, at + 30)) {
      // (A Markdown table's rule under its header, "|---|---|", is no row.)
      if (!row.text || tableRule(row)) continue;
      const rowCells = (row.cells ?? []).map((c) => normalise(c));
      if (rowCells.length !== cells.length) break;
      const keys = channels.filter(([, pattern]) => pattern.test(rowCells[0])).map(([key]) => key);
      const value = inEachLanguage(rowCells[column]).map(namingCell).find(Boolean) ?? null;
      if (keys.length !== 1 || !value) continue;
      found.push({ setting: `photos.channels.${keys[0]}.naming`, value, quote: `${header.text} … ${row.text}`, line: row.line, order: -1 });
    }
  });
  return found;
}
