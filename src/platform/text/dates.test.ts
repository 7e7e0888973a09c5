import { describe, expect, it } from 'vitest';
import { dayFromParts, formatDateTime, formatDay, londonDay, partsEmpty, partsFromDay } from './dates.ts';

describe('one date format everywhere', () => {
  it.each([
    ['2026-12-01', '1 December 2026'],
    ['2027-06-30', '30 June 2027'],
    [new Date('2026-12-01T23:30:00Z'), '1 December 2026'],
    // Half past midnight in British Summer Time is still the previous day in UTC.
    [new Date('2026-06-30T23:30:00Z'), '1 July 2026'],
    [null, ''],
    ['not a date', ''],
  ])('writes the day %s as "%s"', (value, expected) => {
    expect(formatDay(value)).toBe(expected);
  });

  it.each([
    [new Date('2026-12-01T15:05:00Z'), '1 December 2026 at 3:05pm'],
    [new Date('2026-12-01T00:00:00Z'), '1 December 2026 at 12:00am'],
    [new Date('2026-07-01T11:59:00Z'), '1 July 2026 at 12:59pm'],
    ['2026-12-01T09:30:00.000Z', '1 December 2026 at 9:30am'],
  ])('writes the moment %s as "%s"', (value, expected) => {
    expect(formatDateTime(value)).toBe(expected);
  });

  it.each([
    [{ day: '1', month: '12', year: '2026' }, '2026-12-01'],
    [{ day: ' 09 ', month: '3', year: '2027' }, '2027-03-09'],
    [{ day: '29', month: '2', year: '2027' }, null],
    [{ day: '31', month: '4', year: '2026' }, null],
    [{ day: '1', month: '13', year: '2026' }, null],
    [{ day: '1', month: '12', year: '26' }, null],
    [{ day: '', month: '', year: '' }, null],
  ])('reads the boxes %o as %s', (parts, expected) => {
    expect(dayFromParts(parts)).toBe(expected);
  });

  it('fills the boxes again from a day, and knows when they were left empty', () => {
    expect(partsFromDay('2026-03-09')).toEqual({ day: '9', month: '3', year: '2026' });
    expect(partsFromDay(null)).toEqual({ day: '', month: '', year: '' });
    expect(partsEmpty({ day: ' ', month: '', year: '' })).toBe(true);
    expect(partsEmpty({ day: '1', month: '', year: '' })).toBe(false);
  });

  it("gives England's day, changing at England's midnight in winter and in summer (each minute remembered)", () => {
    expect(londonDay(new Date('2026-12-01T23:59:59Z'))).toBe('2026-12-01');
    expect(londonDay(new Date('2026-12-02T00:00:00Z'))).toBe('2026-12-02');
    expect(londonDay(new Date('2026-06-30T22:59:59Z'))).toBe('2026-06-30');
    expect(londonDay(new Date('2026-06-30T23:00:00Z'))).toBe('2026-07-01');
    // The same minute again, then a moment of another day: each asked for is answered for itself.
    expect(londonDay(new Date('2026-06-30T23:00:30Z'))).toBe('2026-07-01');
    expect(londonDay(new Date('2026-06-30T22:59:30Z'))).toBe('2026-06-30');
  });
});
