/**
 * The one way a date is written for people: "1 December 2026", "1 December 2026 at 3:05pm" — on
 * pages, in e-mails, in the audit log and its CSV. JSON keeps ISO 8601. Days stored as dates
 * (YYYY-MM-DD) are calendar days and never move; moments are shown as the clock read in England.
 */
const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });
const calendarDayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const clockFormat = new Intl.DateTimeFormat('en-GB', { hour: 'numeric', minute: '2-digit', hourCycle: 'h12', timeZone: 'Europe/London' });

const calendarDay = /^\d{4}-\d{2}-\d{2}$/;
const isoDayInLondon = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * The calendar day (YYYY-MM-DD) in England at this moment: the office's "today". One formatter for
 * the app: making one costs far more than using it, and pages ask this many times.
 */
export function londonDay(at: Date = new Date()): string {
  // England's midnight always falls on a whole minute (its offsets are whole hours), so one minute has one day.
  const minute = Math.floor(at.getTime() / 60_000);
  if (minute !== lastDay.minute) lastDay = { minute, day: isoDayInLondon.format(at) };
  return lastDay.day;
}
let lastDay = { minute: Number.NaN, day: '' };

/** Calendar days as written, remembered: a class's register or list writes the same few days many times. */
const writtenDays = new Map<string, string>();

function toDate(value: string | Date): Date | null {
  const date = value instanceof Date ? value : calendarDay.test(value) ? new Date(`${value}T00:00:00Z`) : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "1 December 2026". A YYYY-MM-DD day is that day wherever the server is; a moment is the day in England. */
export function formatDay(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'string' && calendarDay.test(value)) {
    const known = writtenDays.get(value);
    if (known !== undefined) return known;
    const date = toDate(value);
    if (!date) return '';
    const written = calendarDayFormat.format(date);
    if (writtenDays.size >= 5000) writtenDays.clear();
    writtenDays.set(value, written);
    return written;
  }
  const date = toDate(value);
  return date ? dayFormat.format(date) : '';
}

/** "1 December 2026 at 3:05pm", as the clock read in England. */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const date = toDate(value);
  if (!date) return '';
  // en-GB writes "3:05 pm"; schools write "3:05pm".
  const clock = clockFormat.format(date).replace(/\s/g, '').toLowerCase();
  return `${dayFormat.format(date)} at ${clock}`;
}

/** The three boxes of a GOV.UK date input, as typed. */
export interface DayParts {
  day: string;
  month: string;
  year: string;
}

/** A real calendar day from day/month/year boxes ("1", "12", "2026") as YYYY-MM-DD, or null. */
export function dayFromParts(parts: Partial<DayParts> | undefined): string | null {
  const [d, m, y] = [parts?.day, parts?.month, parts?.year].map((v) => (v ?? '').trim());
  if (!/^\d{1,2}$/.test(d) || !/^\d{1,2}$/.test(m) || !/^\d{4}$/.test(y)) return null;
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : null;
}

/** Whether all three boxes were left empty (an optional date not given). */
export const partsEmpty = (parts: Partial<DayParts> | undefined): boolean => ![parts?.day, parts?.month, parts?.year].some((v) => (v ?? '').trim() !== '');

/** YYYY-MM-DD back into boxes, to show a date input filled in again. */
export function partsFromDay(iso: string | null | undefined): DayParts {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  return match ? { day: String(Number(match[3])), month: String(Number(match[2])), year: match[1] } : { day: '', month: '', year: '' };
}

/** A form body's date input fields ("dueAt-day", "dueAt-month", "dueAt-year") for one name. */
export function partsFromBody(body: Record<string, unknown>, name: string): DayParts {
  const field = (suffix: string) => {
    const value = body[`${name}-${suffix}`];
    return typeof value === 'string' ? value : '';
  };
  return { day: field('day'), month: field('month'), year: field('year') };
}

/**
 * What a form's date input says, for a service that checks YYYY-MM-DD: '' when the boxes were left
 * empty, the day when it is a real one, and otherwise text no date check accepts (so the service's
 * message for that field appears).
 */
export function typedDay(body: Record<string, unknown>, name: string): string {
  const parts = partsFromBody(body, name);
  if (partsEmpty(parts)) return '';
  return dayFromParts(parts) ?? `not a date: ${parts.day}/${parts.month}/${parts.year}`;
}
