/** Dates as YYYY-MM-DD, counted in UTC so a date never shifts with the server's time zone. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Months later, on the same day or the month's last day (31 January + 1 month = 28 or 29 February). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

export interface CourseRule {
  id: string;
  key: string;
  title: string;
  dueWithinDays: number;
  renewalMonths: number | null;
}

export interface Due {
  staffId: string;
  name: string;
  courseId: string;
  course: string;
  courseTitle: string;
  dueOn: string;
  status: 'due' | 'overdue';
  lastCompletedOn: string | null;
}

/** How far ahead a renewal shows on the due list. */
export const renewalNoticeDays = 60;

/**
 * What each person owes (AGR-3): a course never done is due the given number of days after they
 * joined (induction: 30 by default, so a new starter from the MIS import has it at once); a course
 * that is renewed is due again that many months after the last completion, and shows from 60 days
 * before. Overdue once the date has passed.
 */
export function dueTraining(
  staff: readonly { id: string; name: string; startedOn: string }[],
  courses: readonly CourseRule[],
  completions: readonly { staffId: string; courseId: string; completedOn: string }[],
  today: string,
): Due[] {
  const last = new Map<string, string>();
  for (const c of completions) {
    const key = `${c.staffId}:${c.courseId}`;
    if ((last.get(key) ?? '') < c.completedOn) last.set(key, c.completedOn);
  }
  const horizon = addDays(today, renewalNoticeDays);
  const due: Due[] = [];
  for (const person of staff) {
    for (const course of courses) {
      const done = last.get(`${person.id}:${course.id}`) ?? null;
      let dueOn: string;
      if (!done) dueOn = addDays(person.startedOn, course.dueWithinDays);
      else if (course.renewalMonths === null) continue;
      else {
        dueOn = addMonths(done, course.renewalMonths);
        if (dueOn > horizon) continue;
      }
      due.push({
        staffId: person.id,
        name: person.name,
        courseId: course.id,
        course: course.key,
        courseTitle: course.title,
        dueOn,
        status: dueOn < today ? 'overdue' : 'due',
        lastCompletedOn: done,
      });
    }
  }
  return due.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.name.localeCompare(b.name)));
}
