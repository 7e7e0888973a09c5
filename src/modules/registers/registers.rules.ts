/**
 * Pure decisions for the registers (REG-1…4), no I/O: who approves an account, when its review is
 * due, what the day's phone taps add up to, whether a declaration's details are enough.
 */
import type { Role } from '../../platform/auth/permissions.ts';
import type { PolicySettings } from '../settings/settings.schema.ts';
import { londonDay } from '../../platform/text/dates.ts';
export { londonDay };

/** REG-1 (001 §6): who approves accounts under these settings; the older setting of the same meaning where the new one is absent. */
export const accountDeciders = (settings: PolicySettings): readonly Role[] => settings.decisions.accounts ?? settings.decisions.schoolSocialMediaAccounts;

/** Whether someone holding these roles approves or refuses accounts. */
export const decidesAccounts = (actorRoles: readonly string[], deciders: readonly string[]) => actorRoles.some((role) => deciders.includes(role));

/** A new entry: approved at once when the person asking may approve it, otherwise a request. */
export const statusOnRequest = (actorRoles: readonly string[], deciders: readonly string[]): 'requested' | 'approved' =>
  decidesAccounts(actorRoles, deciders) ? 'approved' : 'requested';

/** The default review date: a year from the given day (YYYY-MM-DD); 29 February becomes 28 February. */
export function aYearOn(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  const next = new Date(Date.UTC(y + 1, m - 1, d));
  if (next.getUTCMonth() !== m - 1) next.setUTCDate(0);
  return next.toISOString().slice(0, 10);
}

/** An approved account's review is due on its date or after. */
export const reviewDue = (account: { status: string; review_on: string }, today: string) => account.status === 'approved' && account.review_on <= today;

export type PhoneAction = 'handed-in' | 'returned';

/** One row of the day's taps as stored: an "undone" row cancels the tap it names. */
export interface PhoneTap {
  id?: string;
  pupilId: string;
  action: PhoneAction | 'undone';
  undoes?: string | null;
  recordedBy?: string;
}

/** The taps still in effect, in order: neither an "undone" row nor a tap it cancelled. */
function liveTaps<T extends PhoneTap>(events: readonly T[]): (T & { action: PhoneAction })[] {
  const undone = new Set(events.map((e) => e.undoes).filter(Boolean));
  return events.filter((e): e is T & { action: PhoneAction } => e.action !== 'undone' && !(e.id && undone.has(e.id)));
}

/**
 * REG-2: one day's taps, in the order they were made, as the three lists the office needs: whose
 * phones came in, whose went back, and whose are still in the office (not collected). A tap that
 * was undone counts as never made.
 */
export function phoneDay(events: readonly PhoneTap[]) {
  const handedIn = new Set<string>();
  const returned = new Set<string>();
  for (const e of liveTaps(events)) {
    if (e.action === 'handed-in') {
      handedIn.add(e.pupilId);
      // A phone handed in again after it went back is in the office once more.
      returned.delete(e.pupilId);
    } else if (handedIn.has(e.pupilId)) returned.add(e.pupilId);
  }
  return { handedIn: [...handedIn], returned: [...returned], notReturned: [...handedIn].filter((id) => !returned.has(id)) };
}

/**
 * The tap this person may undo: their latest tap of the day still in effect, as long as nobody has
 * tapped for that pupil since (undoing it then would also undo what the other person saw).
 */
export function tapToUndo<T extends PhoneTap & { id: string; recordedBy: string }>(
  events: readonly T[],
  staffId: string,
): (T & { action: PhoneAction }) | null {
  const live = liveTaps(events);
  const mine = live.filter((e) => e.recordedBy === staffId).at(-1);
  if (!mine) return null;
  return live.filter((e) => e.pupilId === mine.pupilId).at(-1) === mine ? mine : null;
}

/** What the office may tap next for a pupil: hand in, give back, or nothing (exempt or done). */
export function nextPhoneAction(state: { handedIn: boolean; returned: boolean; exempt: boolean }): PhoneAction | null {
  if (state.exempt) return null;
  if (!state.handedIn || state.returned) return state.returned ? null : 'handed-in';
  return 'returned';
}

/** A real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** A web address the school can open: http or https, with a host. */
export function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}

/** A GOV.UK date input's three fields as YYYY-MM-DD; '' when all are blank; 'invalid' when it is not a real date. */
export function dateFromParts(day: string, month: string, year: string): string {
  const [d, m, y] = [day.trim(), month.trim(), year.trim()];
  if (!d && !m && !y) return '';
  if (!/^\d{1,2}$/.test(d) || !/^\d{1,2}$/.test(m) || !/^\d{4}$/.test(y)) return 'invalid';
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : 'invalid';
}
