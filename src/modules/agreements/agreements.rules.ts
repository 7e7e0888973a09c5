import type { Role } from '../../platform/auth/permissions.ts';
import type { Audience, Renewal } from './agreements.defaults.ts';

/** Which of a staff member's roles put them in an agreement's audience: governors and volunteers by their role, everyone else as staff. */
export function staffAudienceOf(roles: readonly string[]): Audience[] {
  const found = new Set<Audience>();
  for (const role of roles as readonly Role[]) {
    if (role === 'governor') found.add('governors');
    else if (role === 'volunteer') found.add('volunteers');
    else found.add('staff');
  }
  return [...found];
}

export const staffInAudience = (roles: readonly string[], audience: readonly string[]): boolean => staffAudienceOf(roles).some((a) => audience.includes(a));

/** 1 September of the school year a date falls in, as YYYY-MM-DD. */
export function schoolYearStart(today: string): string {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  return `${month >= 9 ? year : year - 1}-09-01`;
}

/**
 * Whether a signature still counts under the agreement's renewal rule: "never" keeps any signature
 * of any version; "new-version" asks again when a new text is published; "each-september" asks
 * again every school year as well.
 */
export function signatureCounts(renewal: Renewal, currentVersion: number, signature: { version: number; signedOn: string }, today: string): boolean {
  if (renewal === 'never') return true;
  if (signature.version !== currentVersion) return false;
  if (renewal === 'each-september') return signature.signedOn >= schoolYearStart(today);
  return true;
}

/** A date as the API and forms give it: a real calendar date, not in the future, not before 2000. */
export function signedOnProblem(value: string, today: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return 'Enter the date it was signed as YYYY-MM-DD';
  const date = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) return 'Enter a real date';
  if (value > today) return 'The date it was signed must be today or in the past';
  if (value < '2000-01-01') return 'The date it was signed must be after 2000';
  return null;
}

/** The date from GOV.UK day, month and year fields, or a problem naming what is wrong. */
export function dateFromFields(day: string, month: string, year: string): { date: string } | { problem: string } {
  if (!day.trim() && !month.trim() && !year.trim()) return { problem: 'Enter the date' };
  const d = Number(day),
    m = Number(month),
    y = Number(year);
  if (!Number.isInteger(d) || !Number.isInteger(m) || !Number.isInteger(y) || y < 1000 || y > 9999) return { problem: 'The date must be a real date' };
  const date = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const check = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(check.getTime()) || check.toISOString().slice(0, 10) !== date) return { problem: 'The date must be a real date' };
  return { date };
}

export const todayIso = (now = new Date()): string => now.toISOString().slice(0, 10);
