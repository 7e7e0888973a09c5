import { describe, expect, it } from 'vitest';
import { currentTermName, termLabel, termName } from './school-calendar.ts';

describe('the term a day is in', () => {
  it('by the default boundaries: autumn from September, spring from January, summer from April', () => {
    const cases: [string, string][] = [
      ['2026-09-01', 'Autumn 2026'],
      ['2026-12-31', 'Autumn 2026'],
      ['2027-01-01', 'Spring 2027'],
      ['2027-03-31', 'Spring 2027'],
      ['2027-04-01', 'Summer 2027'],
      ['2027-08-31', 'Summer 2027'],
      ['2024-02-29', 'Spring 2024'],
    ];
    for (const [day, term] of cases) expect(termName(new Date(`${day}T12:00:00Z`)), day).toBe(term);
  });

  it('names a term by the year it starts in', () => {
    expect(termLabel({ name: 'spring', startsOn: '2027-01-05' })).toBe('Spring 2027');
  });

  it('prefers the school’s own term dates; the default boundaries only where the school has none', () => {
    const lateAugust = new Date('2026-08-28T09:00:00Z');
    expect(termName(lateAugust)).toBe('Summer 2026');
    expect(currentTermName({ name: 'autumn', starts_on: '2026-08-26' }, lateAugust)).toBe('Autumn 2026');
    expect(currentTermName(undefined, lateAugust)).toBe('Summer 2026');
  });
});
