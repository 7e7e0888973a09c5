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
