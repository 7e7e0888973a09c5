/**
 * Dates as policies write them (POL-3): "20.10.21", "20 October 2021", "Autumn 2022", "May 2017".
 * A day is kept as YYYY-MM-DD; a term or a month is kept as the words the policy used, never
 * turned into an invented day. Pure, no I/O.
 */
import { termOfDay, termPeriod, type SchoolTerm } from '../school/school-calendar.ts';

export type PolicyDate =
  | { kind: 'date'; iso: string }
  | { kind: 'term'; text: string; term: 'Autumn' | 'Spring' | 'Summer'; year: number }
  | { kind: 'month'; text: string; month: number; year: number };

const months = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const monthNames = months.map((m) => m[0].toUpperCase() + m.slice(1));

function monthNumber(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return null;
  const index = months.findIndex((m) => m.startsWith(w));
  return index >= 0 ? index + 1 : null;
}

const pad = (n: number) => String(n).padStart(2, '0');
const fullYear = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));

function isoIfReal(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || year < 1990 || year > 2100) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** Patterns tried in order against some text; the first that yields a real date wins. */
const patterns: { pattern: RegExp; read: (m: RegExpExecArray) => PolicyDate | null }[] = [
  {
    // 20.10.21, 20/10/2021, 1-9-2022 (English day-first order)
    pattern: /\b(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})\b/,
    read: (m) => {
      const iso = isoIfReal(fullYear(m[3]), Number(m[2]), Number(m[1]));
      return iso ? { kind: 'date', iso } : null;
    },
  },
  {
    // 2021-10-20
    pattern: /\b(\d{4})-(\d{2})-(\d{2})\b/,
    read: (m) => {
      const iso = isoIfReal(Number(m[1]), Number(m[2]), Number(m[3]));
      return iso ? { kind: 'date', iso } : null;
    },
  },
  {
    // 20 October 2021, 20th Oct 2021
    pattern: /\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9}\.?)\s+(\d{4})\b/,
    read: (m) => {
      const month = monthNumber(m[2]);
      const iso = month ? isoIfReal(Number(m[3]), month, Number(m[1])) : null;
      return iso ? { kind: 'date', iso } : null;
    },
  },
  {
    // Autumn 2022, Spring term 2020, Summer Term 2019
    pattern: /\b(autumn|spring|summer)(?:\s+term)?\s+(\d{4})\b/i,
    read: (m) => {
      const term = (m[1][0].toUpperCase() + m[1].slice(1).toLowerCase()) as 'Autumn' | 'Spring' | 'Summer';
      return { kind: 'term', term, year: Number(m[2]), text: `${term} ${m[2]}` };
    },
  },
  {
    // May 2017, Sept 2018
    pattern: /\b([A-Za-z]{3,9}\.?)\s+(\d{4})\b/,
    read: (m) => {
      const month = monthNumber(m[1]);
      return month ? { kind: 'month', month, year: Number(m[2]), text: `${monthNames[month - 1]} ${m[2]}` } : null;
    },
  },
];

/** The first date, term or month named in `text`, or null when there is none. */
export function parsePolicyDate(text: string): PolicyDate | null {
  for (const { pattern, read } of patterns) {
    const match = pattern.exec(text);
    const found = match ? read(match) : null;
    if (found) return found;
  }
  return null;
}

/** How the import and the API show a date: YYYY-MM-DD, or the policy's own words for a term or month. */
export const policyDateText = (date: PolicyDate | null): string | null => (date === null ? null : date.kind === 'date' ? date.iso : date.text);

const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * The days a date, term or month covers: a review "due Autumn 2022" may happen any time that term,
 * by the school's own term dates when it keeps them.
 */
export function periodOf(date: PolicyDate, terms: readonly SchoolTerm[] = []): { from: string; to: string } {
  if (date.kind === 'date') return { from: date.iso, to: date.iso };
  if (date.kind === 'month')
    return { from: `${date.year}-${pad(date.month)}-01`, to: `${date.year}-${pad(date.month)}-${pad(lastDay(date.year, date.month))}` };
  return termPeriod(date.term, date.year, terms);
}

/** "Autumn 2027": the term a day falls in, by the school's own term dates when it keeps them. */
export const termOf = (iso: string, terms: readonly SchoolTerm[] = []): string => termOfDay(iso, terms);

export function addMonths(iso: string, count: number): string {
  const [year, month, day] = iso.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + count, 1));
  const d = Math.min(day, lastDay(target.getUTCFullYear(), target.getUTCMonth() + 1));
  return `${target.getUTCFullYear()}-${pad(target.getUTCMonth() + 1)}-${pad(d)}`;
}

export function addDays(iso: string, count: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + count * 86_400_000).toISOString().slice(0, 10);
}

export const isoDay = (now: Date): string => now.toISOString().slice(0, 10);
