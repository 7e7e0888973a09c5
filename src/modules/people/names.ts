/** How a pupil is called in school: the preferred name when there is one, with the family name. */
export const pupilDisplayName = (p: { given_name: string; family_name: string; preferred_name?: string | null }): string =>
  `${p.preferred_name && p.preferred_name !== p.given_name ? p.preferred_name : p.given_name} ${p.family_name}`;
