/** Cell values as MIS exports write them, read strictly: a value we cannot be sure of is a problem, never a guess. Pure. */
import { yearGroupFromGrades } from '../oneroster/oneroster.years.ts';

export type Read<T> = { ok: true; value: T } | { ok: false; reason: string };

/** T/F, Y/N, Yes/No, True/False, 1/0; blank is no. */
export function readBoolean(cell: string): Read<boolean> {
  const v = cell.trim().toLowerCase();
  if (['', 'f', 'n', 'no', 'false', '0'].includes(v)) return { ok: true, value: false };
  if (['t', 'y', 'yes', 'true', '1'].includes(v)) return { ok: true, value: true };
  return { ok: false, reason: `"${cell.trim()}" is not yes or no (use Y/N, Yes/No, T/F or 1/0)` };
}

/** R, Reception, Y3, Year 3, 3 (and Nursery); blank is no year. */
export function readYear(cell: string): Read<number | null> {
  if (cell.trim() === '') return { ok: true, value: null };
  const year = yearGroupFromGrades(cell.replace(/,/g, ' '));
  return year === null ? { ok: false, reason: `"${cell.trim()}" is not a year group (use R, Reception, Y3, Year 3 or 3)` } : { ok: true, value: year };
}

const isRealDay = (y: number, m: number, d: number) => {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
};
const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** DD/MM/YYYY (also with - or .) or YYYY-MM-DD, never MM/DD; blank is no date. An Excel serial number is refused with the reason. */
export function readDate(cell: string): Read<string | null> {
  const v = cell.trim();
  if (v === '') return { ok: true, value: null };
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(v);
  if (m && isRealDay(+m[1], +m[2], +m[3])) return { ok: true, value: iso(+m[1], +m[2], +m[3]) };
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(v);
  if (m && isRealDay(+m[3], +m[2], +m[1])) return { ok: true, value: iso(+m[3], +m[2], +m[1]) };
  if (/^\d{4,6}(\.\d+)?$/.test(v)) {
    return { ok: false, reason: `"${v}" looks like an Excel date serial number; format the column as a date (DD/MM/YYYY) before exporting` };
  }
  return { ok: false, reason: `"${v}" is not a date (use DD/MM/YYYY or YYYY-MM-DD)` };
}

/** A contact's order: 1 is first; blank is none. */
export function readPriority(cell: string): Read<number | null> {
  const v = cell.trim();
  if (v === '') return { ok: true, value: null };
  return /^\d{1,3}$/.test(v) ? { ok: true, value: Number(v) } : { ok: false, reason: `"${v}" is not a contact order (a whole number, 1 first)` };
}

/**
 * Teacher or support staff, nothing else: a job title never grants the head's, the DSL's or any
 * role that sees safeguarding records. "Headteacher" is a teacher here; the head is set in the app.
 */
export function staffKindFromTitle(title: string, teachesAClass: boolean): 'teacher' | 'aide' {
  const t = title.toLowerCase();
  if (/assistant|\bta\b|hlta|support|mentor|\blsa\b/.test(t)) return 'aide';
  return teachesAClass || /teach|\bhead\b|\bsenc?o\b/.test(t) ? 'teacher' : 'aide';
}
