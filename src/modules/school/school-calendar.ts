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

export function termName(date: Date): string {
  const month = date.getUTCMonth();
  const year = date.getUTCFullYear();
  if (month >= 8) return `Autumn ${year}`;
  if (month <= 2) return `Spring ${year}`;
  return `Summer ${year}`;
}

export function yearGroupLabel(yearGroup: number | null): string {
  if (yearGroup === null) return 'Mixed or unknown';
  if (yearGroup === 0) return 'Reception';
  if (yearGroup < 0) return 'Nursery';
  return `Year ${yearGroup}`;
}
