import { describe, expect, it } from 'vitest';
import { addMonths, parsePolicyDate, periodOf, policyDateText, termOf } from './policies.dates.rules.ts';
import { isOverdue, nextReviewAfter, reminderIsDue, reviewDue } from './policies.rules.ts';
import type { SchoolTerm } from '../school/school-calendar.ts';

describe('dates as policies write them', () => {
  it.each([
    // The seeds' own forms (001, 003, 000, 004) …
    ['20.10.21', '2021-10-20'],
    ['21.10.21', '2021-10-21'],
    ['Autumn 2015', 'Autumn 2015'],
    ['Autumn 2022', 'Autumn 2022'],
    ['May 2017', 'May 2017'],
    ['April 2017', 'April 2017'],
    // … and their neighbours.
    ['Date 20.10.21', '2021-10-20'],
    ['20/10/2021', '2021-10-20'],
    ['1-9-2022', '2022-09-01'],
    ['2021-10-20', '2021-10-20'],
    ['20 October 2021', '2021-10-20'],
    ['3rd Sept 2019', '2019-09-03'],
    ['spring term 2020', 'Spring 2020'],
    ['SUMMER 2019', 'Summer 2019'],
    ['Sept 2018', 'September 2018'],
    ['31.02.21', null],
    ['13.13.21', null],
    ['Policy Created in 2017', null],
    ['The Governing Body', null],
    ['', null],
  ])('%s → %s', (text, expected) => {
    expect(policyDateText(parsePolicyDate(text))).toBe(expected);
  });

  it('gives the days a term or month covers, so a review "due Autumn 2022" is overdue only after that term', () => {
    expect(periodOf(parsePolicyDate('Autumn 2022')!)).toEqual({ from: '2022-09-01', to: '2022-12-31' });
    expect(periodOf(parsePolicyDate('Spring 2023')!)).toEqual({ from: '2023-01-01', to: '2023-03-31' });
    expect(periodOf(parsePolicyDate('Summer 2023')!)).toEqual({ from: '2023-04-01', to: '2023-08-31' });
    expect(periodOf(parsePolicyDate('February 2024')!)).toEqual({ from: '2024-02-01', to: '2024-02-29' });
  });

  it("measures a term by the school's own term dates when it keeps them, the defaults otherwise", () => {
    const terms = [
      { name: 'autumn', startsOn: '2027-09-06', endsOn: '2027-12-17' },
      { name: 'spring', startsOn: '2028-01-04', endsOn: '2028-03-31' },
      { name: 'summer', startsOn: '2028-04-18', endsOn: '2028-07-21' },
    ] as const satisfies readonly SchoolTerm[];
    expect(periodOf(parsePolicyDate('Autumn 2027')!, terms)).toEqual({ from: '2027-09-06', to: '2027-12-17' });
    expect(periodOf(parsePolicyDate('Summer 2028')!, terms)).toEqual({ from: '2028-04-18', to: '2028-07-21' });
    // A year the school has not set up yet falls back to the default boundaries.
    expect(periodOf(parsePolicyDate('Autumn 2029')!, terms)).toEqual({ from: '2029-09-01', to: '2029-12-31' });
    expect(termOf('2028-04-20', terms)).toBe('Summer 2028');
    // The Easter holiday is in no term of the school's; the defaults name it.
    expect(termOf('2028-04-05', terms)).toBe('Summer 2028');
    const review = reviewDue({ next_review_due: null, next_review_term: 'Autumn 2027' }, terms);
    expect(isOverdue(review, '2027-12-18')).toBe(true);
    expect(isOverdue(reviewDue({ next_review_due: null, next_review_term: 'Autumn 2027' }), '2027-12-18')).toBe(false);
  });

  it.each([
    ['2026-10-14', 12, '2027-10-14', 'Autumn 2027'],
    ['2026-01-31', 1, '2026-02-28', 'Spring 2026'],
    ['2015-11-01', 36, '2018-11-01', 'Autumn 2018'],
    ['2026-05-20', 12, '2027-05-20', 'Summer 2027'],
  ])('approved %s, reviewed every %i months → next review %s (%s)', (approved, months, date, term) => {
    expect(nextReviewAfter(approved, months)).toEqual({ date, term });
    expect(addMonths(approved, months)).toBe(date);
    expect(termOf(date)).toBe(term);
  });

  it('is overdue after the day, or after the term, and reminds the given weeks before', () => {
    expect(reviewDue({ next_review_due: '2027-10-14', next_review_term: 'Autumn 2027' })).toEqual({
      due: '2027-10-14',
      overdueAfter: '2027-10-14',
      term: 'Autumn 2027',
    });
    expect(reviewDue({ next_review_due: null, next_review_term: 'Autumn 2027' })).toEqual({
      due: '2027-09-01',
      overdueAfter: '2027-12-31',
      term: 'Autumn 2027',
    });
    const byDate = reviewDue({ next_review_due: '2027-10-14', next_review_term: null })!;
    expect(isOverdue(byDate, '2027-10-14')).toBe(false);
    expect(isOverdue(byDate, '2027-10-15')).toBe(true);
    expect(reminderIsDue(byDate, '2027-09-01', 6)).toBe(false);
    expect(reminderIsDue(byDate, '2027-09-02', 6)).toBe(true);
    expect(isOverdue(reviewDue({ next_review_due: null, next_review_term: 'Autumn 2022' }), '2022-12-31')).toBe(false);
    expect(isOverdue(reviewDue({ next_review_due: null, next_review_term: 'Autumn 2022' }), '2023-01-01')).toBe(true);
    expect(isOverdue(null, '2030-01-01')).toBe(false);
  });
});
