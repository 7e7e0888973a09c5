import { describe, expect, it } from 'vitest';
import {
  answerProgress,
  consentStatus,
  effectiveBasis,
  hasLapsed,
  isWithdrawal,
  keyStage,
  type CarerLink,
  type Decision,
  type LapseContext,
} from './consent.rules.ts';

const mum: CarerLink = { carerId: 'mum', parentalResponsibility: true };
const dad: CarerLink = { carerId: 'dad', parentalResponsibility: true };
const gran: CarerLink = { carerId: 'gran', parentalResponsibility: false };
const now = new Date('2026-11-23T10:00:00Z');
const context: LapseContext = { lapse: 'never', now, currentFormVersion: 1, pupilYearGroup: 3 };

const d = (carerId: string, decision: 'granted' | 'refused', at: string, extra: Partial<Decision> = {}): Decision => ({
  purpose: 'website',
  decision,
  carerId,
  recordedAt: new Date(at),
  formVersion: 1,
  yearGroup: 3,
  ...extra,
});

describe('consentStatus: may this child be photographed for this purpose?', () => {
  it.each([
    ['no answer at all', [], [mum], 'no-answer'],
    ['one carer grants', [d('mum', 'granted', '2026-09-05')], [mum, dad], 'may'],
    ['one carer refuses', [d('mum', 'refused', '2026-09-05')], [mum], 'may-not'],
    ['carers disagree: one refusal wins', [d('mum', 'granted', '2026-09-05'), d('dad', 'refused', '2026-09-06')], [mum, dad], 'may-not'],
    ['carers disagree in the other order', [d('dad', 'refused', '2026-09-05'), d('mum', 'granted', '2026-09-06')], [mum, dad], 'may-not'],
    ['a withdrawal is a later refusal', [d('mum', 'granted', '2026-09-05'), d('mum', 'refused', '2026-10-01')], [mum], 'may-not'],
    ['a refusal later changed to a grant', [d('mum', 'refused', '2026-09-05'), d('mum', 'granted', '2026-10-01')], [mum], 'may'],
    ['a carer without parental responsibility cannot grant', [d('gran', 'granted', '2026-09-05')], [mum, gran], 'no-answer'],
    ['nor refuse', [d('mum', 'granted', '2026-09-05'), d('gran', 'refused', '2026-09-06')], [mum, gran], 'may'],
    ['someone no longer linked to the child does not count', [d('ex', 'granted', '2026-09-05')], [mum], 'no-answer'],
    ['answers for another purpose do not count', [d('mum', 'granted', '2026-09-05', { purpose: 'press' })], [mum], 'no-answer'],
  ] as const)('%s', (_name, decisions, carers, expected) => {
    expect(consentStatus('website', decisions, carers, context)).toBe(expected);
  });

  it('lapsed answers count as no answer', () => {
    const lastYear = [d('mum', 'granted', '2026-06-01')];
    expect(consentStatus('website', lastYear, [mum], { ...context, lapse: 'each-september' })).toBe('no-answer');
    expect(consentStatus('website', [d('mum', 'refused', '2026-06-01')], [mum], { ...context, lapse: 'each-september' })).toBe('no-answer');
  });
});

describe('when consent lapses', () => {
  it.each([
    ['never', d('mum', 'granted', '2019-01-01'), {}, false],
    ['each September: answered this academic year', d('mum', 'granted', '2026-09-01'), { lapse: 'each-september' }, false],
    ['each September: answered last academic year', d('mum', 'granted', '2026-08-31'), { lapse: 'each-september' }, true],
    [
      'key stage: same key stage (Year 3 to Year 6)',
      d('mum', 'granted', '2024-01-01', { yearGroup: 3 }),
      { lapse: 'key-stage-change', pupilYearGroup: 6 },
      false,
    ],
    ['key stage: moved from KS1 to KS2', d('mum', 'granted', '2024-01-01', { yearGroup: 2 }), { lapse: 'key-stage-change', pupilYearGroup: 3 }, true],
    ['key stage: Reception to Year 1', d('mum', 'granted', '2024-01-01', { yearGroup: 0 }), { lapse: 'key-stage-change', pupilYearGroup: 1 }, true],
    [
      'form version: answered the current form',
      d('mum', 'granted', '2024-01-01', { formVersion: 2 }),
      { lapse: 'new-form-version', currentFormVersion: 2 },
      false,
    ],
    ['form version: answered an older form', d('mum', 'granted', '2024-01-01', { formVersion: 1 }), { lapse: 'new-form-version', currentFormVersion: 2 }, true],
  ] as const)('%s', (_name, decision, overrides, expected) => {
    expect(hasLapsed(decision, { ...context, ...overrides })).toBe(expected);
  });

  it('names key stages as English schools do', () => {
    expect([-1, 0, 1, 2, 3, 6, 7, 11, 12, null].map(keyStage)).toEqual(['EYFS', 'EYFS', 'KS1', 'KS1', 'KS2', 'KS2', 'KS3', 'KS4', 'KS5', null]);
  });
});

describe('withdrawals and progress', () => {
  it('a withdrawal is a change from may to anything else', () => {
    expect(isWithdrawal('may', 'may-not')).toBe(true);
    expect(isWithdrawal('no-answer', 'may-not')).toBe(false);
    expect(isWithdrawal('may', 'may')).toBe(false);
  });

  it('classifies a family’s answers as answered, partly answered or not answered', () => {
    expect(answerProgress(['may', 'may-not'])).toBe('answered');
    expect(answerProgress(['may', 'no-answer'])).toBe('partly-answered');
    expect(answerProgress(['no-answer', 'no-answer'])).toBe('not-answered');
  });
});

describe('issue 19: what a purpose rests on, and the pupil who is never photographed', () => {
  const granted = [d('mum', 'granted', '2026-09-05')];
  const refused = [d('mum', 'refused', '2026-09-05')];
  it.each([
    ['opt-out: no answer means may', 'opt-out', [], 'may'],
    ['opt-out: a refusal still wins', 'opt-out', refused, 'may-not'],
    ['opt-out: a grant is may', 'opt-out', granted, 'may'],
    ['public task: no answer needed', 'public-task', [], 'may'],
    ['public task: answers are not asked, so they do not count', 'public-task', refused, 'may'],
    ['consent: no answer is no', 'consent', [], 'no-answer'],
  ] as const)('%s', (_name, basis, decisions, expected) => {
    expect(consentStatus('website', decisions, [mum], context, basis)).toBe(expected);
  });

  it.each(['consent', 'opt-out', 'public-task'] as const)('a pupil who must never be photographed may not, on %s, even with a grant', (basis) => {
    expect(consentStatus('website', granted, [mum], context, basis, { doNotPhotograph: true })).toBe('may-not');
  });

  it('outside school only consent given counts, whatever the document says', () => {
    expect(effectiveBasis({ external: true, basis: 'opt-out' })).toBe('consent');
    expect(effectiveBasis({ external: true, basis: 'public-task' })).toBe('consent');
    expect(effectiveBasis({ external: false, basis: 'opt-out' })).toBe('opt-out');
    expect(effectiveBasis({ external: false })).toBe('consent');
  });
});
