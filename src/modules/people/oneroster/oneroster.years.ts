/**
 * English year group from a OneRoster `grades` field: Year N → N, Reception → 0, Nursery → -1, unknown → null.
 *
 * OneRoster expects US CEDS codes (KG, 01…12), but UK MIS exports put the English year in that field in many
 * spellings: `03`, `3`, `Y3`, `Yr 3`, `Year 3`, `R`, `YR`, `Reception`, `N`, `Nursery`, `FS1`/`FS2`. So a bare
 * number is read as the English year, not as a US grade (which would be one lower).
 */
export function yearGroupFromGrades(grades: string): number | null {
  // Several grades (a mixed-age class) are listed comma-separated; the first one names the class's year.
  const first = (grades.split(',')[0] ?? '').trim().toUpperCase().replace(/\s+/g, ' ');
  if (first === '') return null;

  const year = /^(?:YEAR|YR|Y)? ?-?(\d{1,2})$/.exec(first);
  if (year) {
    const n = Number(year[1]);
    return n <= 13 ? n : null; // Year 13 is the last year of sixth form
  }
  if (/^(?:R|REC|RECEPTION|Y ?R|YEAR R|KG|FS2|F2)$/.test(first)) return 0;
  if (/^(?:N|N1|N2|NUR|NURSERY|PK|PS|PR|FS1|F1)$/.test(first)) return -1;
  return null;
}
