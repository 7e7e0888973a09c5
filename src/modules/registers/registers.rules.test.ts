import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../settings/settings.defaults.ts';
import { accountDeciders, aYearOn, dateFromParts, isWebAddress, nextPhoneAction, phoneDay, reviewDue, statusOnRequest, tapToUndo } from './registers.rules.ts';

describe('registers rules', () => {
  it('REG-1: the head or deputy approve by default; their own entries are approved at once', () => {
    const deciders = accountDeciders(defaultSettings);
    expect(deciders).toEqual(['headteacher', 'deputy-headteacher']);
    expect(statusOnRequest(['teacher'], deciders)).toBe('requested');
    expect(statusOnRequest(['deputy-headteacher'], deciders)).toBe('approved');
    // A stored document from before decisions.accounts reads the older setting of the same meaning.
    const older = { ...defaultSettings, decisions: { ...defaultSettings.decisions, accounts: undefined, schoolSocialMediaAccounts: ['office' as const] } };
    expect(accountDeciders(older)).toEqual(['office']);
  });

  it.each([
    ['2026-12-01', '2027-12-01'],
    ['2028-02-29', '2029-02-28'],
  ])('a review a year on from %s is %s', (from, to) => expect(aYearOn(from)).toBe(to));

  it('reviews come due on their date, for approved accounts only', () => {
    expect(reviewDue({ status: 'approved', review_on: '2026-12-01' }, '2026-12-01')).toBe(true);
    expect(reviewDue({ status: 'approved', review_on: '2026-12-02' }, '2026-12-01')).toBe(false);
    expect(reviewDue({ status: 'requested', review_on: '2020-01-01' }, '2026-12-01')).toBe(false);
  });

  it('REG-2: a day’s taps as handed in, returned and not returned', () => {
    expect(
      phoneDay([
        { pupilId: 'a', action: 'handed-in' },
        { pupilId: 'b', action: 'handed-in' },
        { pupilId: 'a', action: 'returned' },
        { pupilId: 'c', action: 'returned' },
      ]),
    ).toEqual({ handedIn: ['a', 'b'], returned: ['a'], notReturned: ['b'] });
    // Handed in again after lunch: in the office once more.
    expect(
      phoneDay([
        { pupilId: 'a', action: 'handed-in' },
        { pupilId: 'a', action: 'returned' },
        { pupilId: 'a', action: 'handed-in' },
      ]).notReturned,
    ).toEqual(['a']);
    expect(nextPhoneAction({ handedIn: false, returned: false, exempt: false })).toBe('handed-in');
    expect(nextPhoneAction({ handedIn: true, returned: false, exempt: false })).toBe('returned');
    expect(nextPhoneAction({ handedIn: true, returned: true, exempt: false })).toBeNull();
    expect(nextPhoneAction({ handedIn: false, returned: false, exempt: true })).toBeNull();
  });

  it('REG-2: an undone tap counts as never made; only your own latest tap, with nobody tapping that pupil since, can be undone', () => {
    const taps = [
      { id: '1', pupilId: 'a', action: 'handed-in' as const, recordedBy: 'office' },
      { id: '2', pupilId: 'b', action: 'handed-in' as const, recordedBy: 'office' },
      { id: '3', pupilId: 'b', action: 'undone' as const, undoes: '2', recordedBy: 'office' },
    ];
    expect(phoneDay(taps)).toEqual({ handedIn: ['a'], returned: [], notReturned: ['a'] });
    expect(tapToUndo(taps, 'office')?.id).toBe('1');
    expect(tapToUndo(taps, 'teacher')).toBeNull();
    // The teacher returned Amelia's phone since: the office's hand-in is no longer theirs to undo.
    expect(tapToUndo([...taps, { id: '4', pupilId: 'a', action: 'returned' as const, recordedBy: 'teacher' }], 'office')).toBeNull();
  });

  it('dates from day, month and year fields; web addresses', () => {
    expect(dateFromParts('1', '3', '2027')).toBe('2027-03-01');
    expect(dateFromParts('', '', '')).toBe('');
    expect(dateFromParts('30', '2', '2027')).toBe('invalid');
    expect(isWebAddress('https://www.instagram.com/school')).toBe(true);
    expect(isWebAddress('instagram')).toBe(false);
    expect(isWebAddress('javascript:alert(1)')).toBe(false);
  });
});
