/** How a person is named on pages, in messages and in the import's lists: given name, then family name. */
export const personName = (p: { given_name: string; family_name: string }): string => `${p.given_name} ${p.family_name}`;

/** How a pupil is called in school: the preferred name when there is one, with the family name. */
export const pupilDisplayName = (p: { given_name: string; family_name: string; preferred_name?: string | null }): string =>
  `${p.preferred_name && p.preferred_name !== p.given_name ? p.preferred_name : p.given_name} ${p.family_name}`;

/** How names compare in lists: as a school office files them, ignoring case and accents ("Ó" with the O's). */
const nameCollator = new Intl.Collator('en-GB', { sensitivity: 'base', ignorePunctuation: true, numeric: true });

/** Welsh patronymics file under the father's name: "ap Rhys" among the R's. */
const patronymic = /^(ap|ab|ferch|verch)\s+/i;

/** The part of a family name a list is sorted by. */
export const familySortKey = (familyName: string): string => familyName.trim().replace(patronymic, '');

/** Family name, then given name, as people expect (Intl.Collator en-GB). */
export function compareNames(a: { given_name: string; family_name: string }, b: { given_name: string; family_name: string }): number {
  return (
    nameCollator.compare(familySortKey(a.family_name), familySortKey(b.family_name)) ||
    nameCollator.compare(a.given_name, b.given_name) ||
    nameCollator.compare(a.family_name, b.family_name)
  );
}

/** Sorts a list of people (in place) by family name then given name, and returns it. */
export const byName = <T extends { given_name: string; family_name: string }>(people: T[]): T[] => people.sort(compareNames);
