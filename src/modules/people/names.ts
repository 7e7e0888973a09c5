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

/**
 * Sorts a list of people (in place) by family name then given name, as people expect (Intl.Collator en-GB), and
 * returns it. Each family name's sort key is worked out once, not at every comparison (the class page sorts on
 * every request).
 */
export function byName<T extends { given_name: string; family_name: string }>(people: T[]): T[] {
  const keys = new Map(people.map((p) => [p, familySortKey(p.family_name)]));
  return people.sort(
    (a, b) =>
      nameCollator.compare(keys.get(a)!, keys.get(b)!) ||
      nameCollator.compare(a.given_name, b.given_name) ||
      nameCollator.compare(a.family_name, b.family_name),
  );
}
