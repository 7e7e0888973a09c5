/**
 * When a leaver's records may go (issue 13, the IRMS toolkit's defaults in the settings): photo
 * consent answers a number of years after the pupil left, child protection records not before the
 * pupil's date of birth plus at least 25 years. Pure: dates in, dates out.
 */

export interface LeaverRetentionSettings {
  consentAnswersYearsAfterLeaving?: number;
  safeguardingYearsAfterBirth?: number;
  deletionNoticeDays: number;
}

/** The floor the settings cannot go below (IRMS: child protection records to date of birth + 25 years). */
export const safeguardingMinimumYears = 25;

export function addYears(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const next = new Date(Date.UTC(y + years, m - 1, d));
  // 29 February moves to 28 February, never into March.
  if (next.getUTCMonth() !== m - 1) next.setUTCDate(0);
  return next.toISOString().slice(0, 10);
}

const addDays = (day: string, days: number) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

export interface LeaverDates {
  /** The day the consent answers may be destroyed, or null while the pupil has not left. */
  consentDestroyOn: string | null;
  /**
   * The first day child protection records may go: date of birth plus the settings' years (never
   * fewer than 25). Null when the date of birth is unknown: then they are kept.
   */
  safeguardingKeptUntil: string | null;
}

export function leaverDates(pupil: { leavingDate: string | null; dateOfBirth: string | null }, settings: LeaverRetentionSettings): LeaverDates {
  const years = Math.max(settings.safeguardingYearsAfterBirth ?? safeguardingMinimumYears, safeguardingMinimumYears);
  return {
    consentDestroyOn: pupil.leavingDate ? addYears(pupil.leavingDate, settings.consentAnswersYearsAfterLeaving ?? 1) : null,
    safeguardingKeptUntil: pupil.dateOfBirth ? addYears(pupil.dateOfBirth, years) : null,
  };
}

/**
 * What the job does with a leaver's consent answers today: destroy them, warn the head first, or
 * wait. Nothing is destroyed before the head has been told: a leaver who came due without a notice
 * (the job was off, or the settings changed) is given one now, for the notice days from today.
 * Returns the day the notice names.
 */
export function consentStep(
  dates: LeaverDates,
  noticedFor: string | undefined,
  today: string,
  noticeDays: number,
): { step: 'destroy' | 'wait' } | { step: 'notice'; destroyOn: string } {
  if (!dates.consentDestroyOn) return { step: 'wait' };
  if (noticedFor !== undefined) return dates.consentDestroyOn <= today && noticedFor <= today ? { step: 'destroy' } : { step: 'wait' };
  if (addDays(today, noticeDays) < dates.consentDestroyOn) return { step: 'wait' };
  const late = addDays(today, noticeDays);
  return { step: 'notice', destroyOn: dates.consentDestroyOn <= today ? late : dates.consentDestroyOn };
}
