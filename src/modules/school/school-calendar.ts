/** English academic years run September to August, in three terms (PPL-1). Pure, no I/O. */
export interface AcademicYear {
  label: string; // "2026/27"
  startsOn: string;
  endsOn: string;
  terms: { name: 'autumn' | 'spring' | 'summer'; startsOn: string; endsOn: string }[];
}

export function academicYearStarting(startYear: number): AcademicYear {
  const next = startYear + 1;
  return {
    label: `${startYear}/${String(next).slice(2)}`,
    startsOn: `${startYear}-09-01`,
    endsOn: `${next}-08-31`,
    // Default boundaries; a school adjusts them to its own term dates.
    terms: [
      { name: 'autumn', startsOn: `${startYear}-09-01`, endsOn: `${startYear}-12-31` },
      { name: 'spring', startsOn: `${next}-01-01`, endsOn: `${next}-03-31` },
      { name: 'summer', startsOn: `${next}-04-01`, endsOn: `${next}-08-31` },
    ],
  };
}

export function academicYearFor(date: Date): AcademicYear {
  const year = date.getUTCFullYear();
  return academicYearStarting(date.getUTCMonth() >= 8 ? year : year - 1);
}

export type TermName = AcademicYear['terms'][number]['name'];

/** "Autumn 2026": a term by its name and the calendar year it starts in. */
export function termLabel(term: { name: TermName; startsOn: string }): string {
  return `${term.name.charAt(0).toUpperCase()}${term.name.slice(1)} ${term.startsOn.slice(0, 4)}`;
}

/** The term a day falls in by the default boundaries: only for a school without term dates of its own. */
export function termName(date: Date): string {
  const day = date.toISOString().slice(0, 10);
  const term = academicYearFor(date).terms.find((t) => t.startsOn <= day && day <= t.endsOn);
  if (!term) throw new Error(`The default terms leave out ${day}`);
  return termLabel(term);
}

/** A term as the school keeps it (the `terms` rows). */
export interface SchoolTerm {
  name: TermName;
  startsOn: string;
  endsOn: string;
}

const termNames: Record<string, TermName> = { autumn: 'autumn', spring: 'spring', summer: 'summer' };

/**
 * "Autumn 2026" for a day (YYYY-MM-DD): the school's own term containing it when it has one, otherwise
 * the default boundaries (a day in a holiday between the school's terms is named by the defaults too).
 */
export function termOfDay(day: string, terms: readonly SchoolTerm[] = []): string {
  const own = terms.find((t) => t.startsOn <= day && day <= t.endsOn);
  return own ? termLabel(own) : termName(new Date(`${day}T12:00:00Z`));
}

/**
 * The days a named term covers ("Autumn", 2027): the school's own dates for that term when it has
 * them, otherwise the default boundaries. The year is the calendar year the term starts in.
 */
export function termPeriod(name: string, year: number, terms: readonly SchoolTerm[] = []): { from: string; to: string } {
  const key = termNames[name.toLowerCase()];
  if (!key) throw new Error(`Not a term: ${name}`);
  const own = terms.find((t) => t.name === key && t.startsOn.startsWith(`${year}-`));
  if (own) return { from: own.startsOn, to: own.endsOn };
  const defaults = academicYearStarting(key === 'autumn' ? year : year - 1).terms.find((t) => t.name === key)!;
  return { from: defaults.startsOn, to: defaults.endsOn };
}

/** The school's own term containing the day when it has one, otherwise the default boundaries'. */
export function currentTermName(ownTerm: { name: TermName; starts_on: string } | undefined, today: Date): string {
  return ownTerm ? termLabel({ name: ownTerm.name, startsOn: ownTerm.starts_on }) : termName(today);
}

export function yearGroupLabel(yearGroup: number | null): string {
  if (yearGroup === null) return 'Mixed or unknown';
  if (yearGroup === 0) return 'Reception';
  if (yearGroup < 0) return 'Nursery';
  return `Year ${yearGroup}`;
}
