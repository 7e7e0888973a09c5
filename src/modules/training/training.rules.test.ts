import { describe, expect, it } from 'vitest';
import { addDays, addMonths, dueTraining } from './training.rules.ts';

const courses = [
  { id: 'c1', key: 'induction', title: 'Induction', dueWithinDays: 30, renewalMonths: null },
  { id: 'c2', key: 'annual-update', title: 'Annual update', dueWithinDays: 180, renewalMonths: 12 },
];

describe('dates', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2026-11-15', 12, '2027-11-15'],
  ])('%s + %i months = %s', (date, months, expected) => expect(addMonths(date, months)).toBe(expected));
  it('adds days across a month', () => expect(addDays('2026-11-20', 30)).toBe('2026-12-20'));
});

describe('what is due', () => {
  const today = '2026-12-01';

  it('a new starter owes induction 30 days after joining, due until then and overdue after', () => {
    const due = dueTraining([{ id: 's1', name: 'New Starter', startedOn: '2026-11-20' }], courses, [], today);
    expect(due.find((d) => d.course === 'induction')).toMatchObject({ dueOn: '2026-12-20', status: 'due' });
    const late = dueTraining([{ id: 's1', name: 'Old Hand', startedOn: '2026-10-01' }], courses, [], today);
    expect(late.find((d) => d.course === 'induction')).toMatchObject({ dueOn: '2026-10-31', status: 'overdue' });
  });

  it('a course done once is not due again unless it is renewed; a renewal shows from 60 days before', () => {
    const staff = [{ id: 's1', name: 'A', startedOn: '2020-01-01' }];
    expect(
      dueTraining(
        staff,
        courses,
        [
          { staffId: 's1', courseId: 'c1', completedOn: '2020-01-10' },
          { staffId: 's1', courseId: 'c2', completedOn: '2026-06-01' },
        ],
        today,
      ),
    ).toEqual([]);
    const renewal = dueTraining(
      staff,
      courses,
      [
        { staffId: 's1', courseId: 'c1', completedOn: '2020-01-10' },
        { staffId: 's1', courseId: 'c2', completedOn: '2026-01-15' },
      ],
      today,
    );
    expect(renewal).toEqual([expect.objectContaining({ course: 'annual-update', dueOn: '2027-01-15', status: 'due', lastCompletedOn: '2026-01-15' })]);
  });

  it('the latest completion counts, and the list is in date order', () => {
    const due = dueTraining(
      [
        { id: 's1', name: 'B', startedOn: '2026-11-25' },
        { id: 's2', name: 'A', startedOn: '2026-11-01' },
      ],
      [courses[0]],
      [],
      today,
    );
    expect(due.map((d) => d.staffId)).toEqual(['s2', 's1']);
  });
});
