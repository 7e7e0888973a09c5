import { describe, expect, it } from 'vitest';
import { consentStep, leaverDates } from './leavers.rules.ts';

const dates = leaverDates({ leavingDate: '2026-07-20', dateOfBirth: '2016-02-29' }, { deletionNoticeDays: 14 });

describe('a leaver’s consent answers', () => {
  it.each([
    ['before the notice window', undefined, '2027-07-05', { step: 'wait' }],
    ['in the notice window, not yet told', undefined, '2027-07-06', { step: 'notice', destroyOn: '2027-07-20' }],
    ['told, not yet due', '2027-07-20', '2027-07-19', { step: 'wait' }],
    ['told, due', '2027-07-20', '2027-07-20', { step: 'destroy' }],
    ['due but never told: told now, for the notice days', undefined, '2027-09-01', { step: 'notice', destroyOn: '2027-09-15' }],
    ['told late, not yet the day the notice gave', '2027-09-15', '2027-09-14', { step: 'wait' }],
  ] as const)('%s', (_, noticed, today, expected) => {
    expect(consentStep(dates, noticed, today, 14)).toEqual(expected);
  });

  it('waits while the pupil has not left; child protection records to birth + 25 years at least', () => {
    expect(consentStep(leaverDates({ leavingDate: null, dateOfBirth: null }, { deletionNoticeDays: 14 }), undefined, '2040-01-01', 14)).toEqual({
      step: 'wait',
    });
    expect(dates.safeguardingKeptUntil).toBe('2041-02-28');
  });
});
