/**
 * CON-5: "no consent on record means no". Pure decisions about photo consent, with no I/O, so the
 * rule every page and the photo library rely on is one function, tested by table.
 */
export type ConsentStatus = 'may' | 'may-not' | 'no-answer';
export type Lapse = 'never' | 'each-september' | 'key-stage-change' | 'new-form-version';

export interface Decision {
  purpose: string;
  decision: 'granted' | 'refused';
  carerId: string;
  recordedAt: Date;
  formVersion: number;
  /** The pupil's year group when the answer was given. */
  yearGroup: number | null;
}

export interface CarerLink {
  carerId: string;
  parentalResponsibility: boolean;
}

export interface LapseContext {
  lapse: Lapse;
  now: Date;
  currentFormVersion: number;
  pupilYearGroup: number | null;
}

/** Key stages in England: EYFS (Nursery, Reception), KS1 (Years 1–2), KS2 (3–6), KS3 (7–9), KS4 (10–11), 16+. */
export function keyStage(yearGroup: number | null): string | null {
  if (yearGroup === null) return null;
  if (yearGroup <= 0) return 'EYFS';
  if (yearGroup <= 2) return 'KS1';
  if (yearGroup <= 6) return 'KS2';
  if (yearGroup <= 9) return 'KS3';
  if (yearGroup <= 11) return 'KS4';
  return 'KS5';
}

/** 1 September of the academic year that contains `date`. */
export function academicYearStart(date: Date): Date {
  const year = date.getUTCMonth() >= 8 ? date.getUTCFullYear() : date.getUTCFullYear() - 1;
  return new Date(Date.UTC(year, 8, 1));
}

export function hasLapsed(decision: Decision, context: LapseContext): boolean {
  switch (context.lapse) {
    case 'never':
      return false;
    case 'each-september':
      return decision.recordedAt < academicYearStart(context.now);
    case 'key-stage-change':
      return keyStage(decision.yearGroup) !== keyStage(context.pupilYearGroup);
    case 'new-form-version':
      return decision.formVersion < context.currentFormVersion;
  }
}

/**
 * Issue 19: what a purpose rests on. 'consent': carers are asked and no answer means no.
 * 'opt-out' (inside school only): no answer means may, any refusal still wins. 'public-task'
 * (inside school only): no consent is asked, so answers do not count.
 */
export type Basis = 'consent' | 'opt-out' | 'public-task';

/** The basis the rules apply: outside school only consent given counts, whatever a stored document says. */
export const effectiveBasis = (purpose: { external: boolean; basis?: Basis }): Basis => (purpose.external ? 'consent' : (purpose.basis ?? 'consent'));

/** Issue 19: the pupil who must never be photographed or published (a court order, a safeguarding reason) overrides every basis. */
export interface PupilRestriction {
  doNotPhotograph: boolean;
}

/**
 * For one pupil and one purpose: no (current) answer → may not be photographed; the latest answer
 * of any carer with parental responsibility is a refusal → may not; otherwise a grant → may.
 * Answers from people without parental responsibility do not count either way. An opt-out
 * purpose reads no answer as may; a public-task purpose is always may; a pupil who must never be
 * photographed may not, whatever anyone answered (issue 19).
 */
export function consentStatus(
  purpose: string,
  decisions: readonly Decision[],
  carers: readonly CarerLink[],
  context: LapseContext,
  basis: Basis = 'consent',
  pupil: PupilRestriction = { doNotPhotograph: false },
): ConsentStatus {
  if (pupil.doNotPhotograph) return 'may-not';
  if (basis === 'public-task') return 'may';
  const responsible = new Set(carers.filter((c) => c.parentalResponsibility).map((c) => c.carerId));
  const latestByCarer = new Map<string, Decision>();
  for (const d of decisions) {
    if (d.purpose !== purpose || !responsible.has(d.carerId) || hasLapsed(d, context)) continue;
    const before = latestByCarer.get(d.carerId);
    if (!before || d.recordedAt >= before.recordedAt) latestByCarer.set(d.carerId, d);
  }
  const latest = [...latestByCarer.values()];
  if (latest.some((d) => d.decision === 'refused')) return 'may-not';
  if (latest.some((d) => d.decision === 'granted') || basis === 'opt-out') return 'may';
  return 'no-answer';
}

/** A refusal that follows a grant for the same purpose is a withdrawal (CON-6). */
export function isWithdrawal(before: ConsentStatus, after: ConsentStatus): boolean {
  return before === 'may' && after !== 'may';
}

export type Progress = 'answered' | 'partly-answered' | 'not-answered';

/** How far a pupil's family has got with the current purposes. */
export function answerProgress(statuses: readonly ConsentStatus[]): Progress {
  const answered = statuses.filter((s) => s !== 'no-answer').length;
  if (answered === 0) return 'not-answered';
  return answered === statuses.length ? 'answered' : 'partly-answered';
}

/** A request reaching more families than this is shown for checking before anything is sent. */
export const handfulOfFamilies = 5;
export const needsCheckBeforeSending = (familiesEmailed: number): boolean => familiesEmailed > handfulOfFamilies;
