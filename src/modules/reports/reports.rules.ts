/**
 * Pure decisions of the governors' report (RPT-2): which numbers are small enough to point at a
 * child, how a count is written, which term a day falls in, and the one sentence saying what
 * changed since last year. No I/O, table-tested.
 */
import { londonDay } from '../../platform/text/dates.ts';
export { londonDay };

/** A count as the report gives it: the number, or "<5" when it could identify a child. */
export type Count = number | '<5';

/** Fewer than five (including none) could point at a child in a school of a few hundred, so it is never given exactly. */
export const smallNumberLimit = 5;

export function suppress(n: number): Count {
  return n < smallNumberLimit ? '<5' : n;
}

/** How a count reads on the page and in the PDF. */
export function countText(count: Count): string {
  return count === '<5' ? 'fewer than 5' : String(count);
}

export interface Period {
  /** The calendar year the academic year starts in: 2026 is 1 September 2026 to 31 August 2027. */
  academicYear: number;
  label: string;
  from: Date;
  /** Exclusive. */
  to: Date;
}

export function periodOf(academicYear: number): Period {
  return {
    academicYear,
    label: `${academicYear}/${String(academicYear + 1).slice(2)}`,
    from: new Date(Date.UTC(academicYear, 8, 1)),
    to: new Date(Date.UTC(academicYear + 1, 8, 1)),
  };
}

/** The academic year a day is in (September to August). */
export const academicYearOf = (date: Date): number => (date.getUTCMonth() >= 8 ? date.getUTCFullYear() : date.getUTCFullYear() - 1);

export const termNames = ['autumn', 'spring', 'summer'] as const;
export type TermKey = (typeof termNames)[number];
export interface TermDates {
  name: TermKey;
  startsOn: string;
  endsOn: string;
}

/** The default English term boundaries, for a school that has not entered its own. */
export function defaultTerms(academicYear: number): TermDates[] {
  const next = academicYear + 1;
  return [
    { name: 'autumn', startsOn: `${academicYear}-09-01`, endsOn: `${academicYear}-12-31` },
    { name: 'spring', startsOn: `${next}-01-01`, endsOn: `${next}-03-31` },
    { name: 'summer', startsOn: `${next}-04-01`, endsOn: `${next}-08-31` },
  ];
}

/**
 * The term a moment falls in, by the school's own dates (London day). A day in a holiday belongs
 * to the term before it (autumn half-term counts as autumn; the Easter holiday as spring).
 */
export function termOf(at: Date, terms: readonly TermDates[]): TermKey {
  const day = londonDay(at);
  const sorted = [...terms].sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  let found: TermKey = sorted[0]?.name ?? 'autumn';
  for (const term of sorted) if (term.startsOn <= day) found = term.name;
  return found;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * One sentence comparing this year's total with last year's. A total that could point at a child
 * and is under 5 is written "fewer than 5", and the difference is then not given either, since it
 * would reveal the small total. `exact` is for counts that are not about children (policies).
 */
export function changeSentence(what: { noun: string; verb: string }, now: number, before: number | null, exact = false): string {
  const small = (n: number) => !exact && n < smallNumberLimit;
  const text = (n: number) => (exact ? String(n) : countText(suppress(n)));
  const lead = `${capitalise(text(now))} ${what.noun} ${what.verb} this year`;
  if (before === null) return `${lead}; there is no record of last year to compare with.`;
  if (small(now) || small(before)) {
    return now === before || (small(now) && small(before))
      ? `${lead}, as last year (${text(before)}).`
      : `${lead}, ${now > before ? 'up' : 'down'} from ${text(before)} last year.`;
  }
  if (now === before) return `${lead}, the same as last year.`;
  const diff = Math.abs(now - before);
  return `${lead}, ${diff} ${now > before ? 'more' : 'fewer'} than last year (${text(before)}).`;
}

/** A share as a whole percentage, or null when there is nothing to share out. */
export function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 100);
}

/** "84% of answers were in, up from 70% last year." */
export function shareSentence(what: string, now: number | null, before: number | null): string {
  if (now === null) return `There is nothing yet to show for ${what}.`;
  if (before === null) return `${capitalise(what)} stands at ${now}%; there is no record of last year to compare with.`;
  if (now === before) return `${capitalise(what)} stands at ${now}%, the same as last year.`;
  return `${capitalise(what)} stands at ${now}%, ${now > before ? 'up' : 'down'} from ${before}% last year.`;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export type ReviewState = 'overdue' | 'due' | 'in-date' | 'no-date';

/** A policy's review: overdue once the date has passed, due within the reminder window, otherwise in date. */
export function reviewState(nextReviewDue: string | null, today: string, reminderWeeks: number): ReviewState {
  if (!nextReviewDue) return 'no-date';
  if (nextReviewDue < today) return 'overdue';
  const soon = new Date(`${today}T00:00:00Z`);
  soon.setUTCDate(soon.getUTCDate() + reminderWeeks * 7);
  return nextReviewDue <= soon.toISOString().slice(0, 10) ? 'due' : 'in-date';
}
