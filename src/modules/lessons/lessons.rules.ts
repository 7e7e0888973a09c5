/** Pure decisions for pupils' e-safety lessons (AGR-5), no I/O. */

export const subjects = ['computing', 'pshe', 'assembly'] as const;
export type Subject = (typeof subjects)[number];
export const subjectLabels: Record<Subject, string> = { computing: 'Computing', pshe: 'PSHE', assembly: 'Assembly' };
export const isSubject = (value: string): value is Subject => (subjects as readonly string[]).includes(value);

/** Leaders and the ICT lead (who teaches computing across the school) record for any class; a class teacher for their own. */
export const recordsForAnyClass = (roles: readonly string[]) => roles.some((r) => r === 'headteacher' || r === 'deputy-headteacher' || r === 'ict-lead');

export interface YearCoverage {
  yearGroup: number | null;
  classes: { id: string; title: string; lessons: number; lastTaughtOn: string | null }[];
  lessons: number;
  bySubject: Record<Subject, number>;
  topics: string[];
  /** Classes of the year group with no e-safety lesson this school year. */
  untaught: string[];
  /** Topics of the school's plan that no class of the year group has been taught this school year. */
  plannedMissing: string[];
}

const topicKey = (topic: string) => topic.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en-GB');

/** The head's plan from the settings page's text box: one topic a line, blanks and repeats dropped. */
export function topicsFromText(text: string): string[] {
  const seen = new Set<string>();
  return text
    .split(/\r?\n/)
    .map((t) => t.trim().replace(/\s+/g, ' '))
    .filter((t) => {
      if (t.length < 2 || seen.has(topicKey(t))) return false;
      seen.add(topicKey(t));
      return true;
    });
}

/**
 * Coverage per year group this school year (004 §9.3, §10): how many lessons each class had, in
 * which subjects, the topics taught, the classes still waiting for their first lesson, and the
 * topics of the school's plan not yet taught (a lesson counts when its topic is the plan's topic,
 * in any case and spacing).
 */
export function coverageByYearGroup(
  classes: readonly { id: string; title: string; year_group: number | null }[],
  lessons: readonly { class_id: string; subject: string; topic: string; taught_on: string }[],
  plannedTopics: readonly string[] = [],
): YearCoverage[] {
  const years = new Map<number | null, YearCoverage>();
  for (const c of classes) {
    const year = years.get(c.year_group) ?? {
      yearGroup: c.year_group,
      classes: [],
      lessons: 0,
      bySubject: { computing: 0, pshe: 0, assembly: 0 },
      topics: [],
      untaught: [],
      plannedMissing: [],
    };
    const own = lessons.filter((l) => l.class_id === c.id);
    year.classes.push({
      id: c.id,
      title: c.title,
      lessons: own.length,
      lastTaughtOn:
        own
          .map((l) => l.taught_on)
          .sort()
          .at(-1) ?? null,
    });
    year.lessons += own.length;
    for (const l of own) if (isSubject(l.subject)) year.bySubject[l.subject]++;
    year.topics = [...new Set([...year.topics, ...own.map((l) => l.topic)])].sort((a, b) => a.localeCompare(b));
    if (own.length === 0) year.untaught.push(c.title);
    years.set(c.year_group, year);
  }
  for (const year of years.values()) {
    const taught = new Set(year.topics.map(topicKey));
    year.plannedMissing = plannedTopics.filter((topic) => !taught.has(topicKey(topic)));
  }
  return [...years.values()];
}
