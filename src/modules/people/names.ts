/** How a person is named on pages, in messages and in the import's lists: given name, then family name. */
export const personName = (p: { given_name: string; family_name: string }): string => `${p.given_name} ${p.family_name}`;

/** How a pupil is called in school: the preferred name when there is one, with the family name. */
export const pupilDisplayName = (p: { given_name: string; family_name: string; preferred_name?: string | null }): string =>
  `${p.preferred_name && p.preferred_name !== p.given_name ? p.preferred_name : p.given_name} ${p.family_name}`;
