import { describe, expect, it } from 'vitest';
import { dateFromFields, schoolYearStart, signatureCounts, signedOnProblem, staffAudienceOf, staffInAudience } from './agreements.rules.ts';

describe('who is in an agreement’s audience', () => {
  it.each([
    [['teacher'], ['staff']],
    [['governor'], ['governors']],
    [['volunteer'], ['volunteers']],
    [
      ['office', 'governor'],
      ['staff', 'governors'],
    ],
  ])('%j → %j', (roles, audience) => expect(staffAudienceOf(roles)).toEqual(audience));

  it('a governor is not asked to sign what is only for staff', () => {
    expect(staffInAudience(['governor'], ['staff'])).toBe(false);
    expect(staffInAudience(['governor'], ['staff', 'governors'])).toBe(true);
    expect(staffInAudience(['teacher'], ['carers', 'pupils'])).toBe(false);
  });
});

describe('whether a signature still counts', () => {
  const today = '2026-12-01';
  it.each([
    ['never', 3, { version: 1, signedOn: '2020-01-01' }, true],
    ['new-version', 2, { version: 1, signedOn: '2026-11-01' }, false],
    ['new-version', 2, { version: 2, signedOn: '2025-01-01' }, true],
    ['each-september', 1, { version: 1, signedOn: '2026-08-31' }, false],
    ['each-september', 1, { version: 1, signedOn: '2026-09-01' }, true],
    ['each-september', 2, { version: 1, signedOn: '2026-10-01' }, false],
  ] as const)('%s, current version %i, %j → %s', (renewal, current, signature, counts) =>
    expect(signatureCounts(renewal, current, signature, today)).toBe(counts),
  );

  it('the school year starts on 1 September', () => {
    expect(schoolYearStart('2026-12-01')).toBe('2026-09-01');
    expect(schoolYearStart('2027-08-31')).toBe('2026-09-01');
    expect(schoolYearStart('2027-09-01')).toBe('2027-09-01');
  });
});

describe('dates', () => {
  it.each([
    ['2026-11-30', null],
    ['2026-12-02', 'The date it was signed must be today or in the past'],
    ['2026-02-30', 'Enter a real date'],
    ['30/11/2026', 'Enter the date it was signed as YYYY-MM-DD'],
    ['1999-12-31', 'The date it was signed must be after 2000'],
  ])('%s → %s', (value, problem) => expect(signedOnProblem(value, '2026-12-01')).toBe(problem));

  it('reads GOV.UK date fields', () => {
    expect(dateFromFields('3', '9', '2026')).toEqual({ date: '2026-09-03' });
    expect(dateFromFields('31', '2', '2026')).toEqual({ problem: 'The date must be a real date' });
    expect(dateFromFields('', '', '')).toEqual({ problem: 'Enter the date' });
  });
});
