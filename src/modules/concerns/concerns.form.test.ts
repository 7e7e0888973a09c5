import { describe, expect, it } from 'vitest';
import { occurredAtFields, occurredAtFromForm } from './concerns.form.ts';

describe('when it happened, from the day, month and year boxes and the time', () => {
  const at = (time: string, day = '20', month = '11', year = '2026') =>
    occurredAtFromForm({ 'occurredAt-day': day, 'occurredAt-month': month, 'occurredAt-year': year, 'occurredAt-time': time })?.toISOString() ?? null;

  it.each([
    ['3:05pm', '2026-11-20T15:05:00.000Z'],
    ['15:05', '2026-11-20T15:05:00.000Z'],
    ['12am', '2026-11-20T00:00:00.000Z'],
    ['12.30 pm', '2026-11-20T12:30:00.000Z'],
    ['9', '2026-11-20T09:00:00.000Z'],
    ['25:00', null],
    ['13pm', null],
    ['', null],
  ])('%s in November (GMT): %s', (time, expected) => expect(at(time)).toBe(expected));

  it('reads summer dates as British Summer Time, refuses 31 June, and still takes the one-field form', () => {
    expect(at('9:00am', '1', '7')).toBe('2026-07-01T08:00:00.000Z');
    expect(at('9:00am', '31', '6')).toBeNull();
    expect(occurredAtFromForm({ occurredAt: '2026-11-20T18:30' })?.toISOString()).toBe('2026-11-20T18:30:00.000Z');
  });

  it('fills the boxes back in from a moment, London time', () => {
    expect(occurredAtFields(new Date('2026-07-01T08:05:00Z'))).toEqual({
      'occurredAt-day': '1',
      'occurredAt-month': '7',
      'occurredAt-year': '2026',
      'occurredAt-time': '09:05',
    });
  });
});
