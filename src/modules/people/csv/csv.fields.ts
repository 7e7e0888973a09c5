/**
 * What each of the three files may hold, and the names SIMS, Arbor, Bromcom and ScholarPack give
 * those columns. Headers are compared after normalising (BOM, case and punctuation ignored), so
 * "Reg. Group", "reg_group" and "RegGroup" are one key. Pure.
 */
export type CsvFileKind = 'pupils' | 'contacts' | 'staff';
export const csvFileKinds: readonly CsvFileKind[] = ['pupils', 'contacts', 'staff'];

interface FieldSpec {
  label: string;
  required: boolean;
  aliases: string[];
  /** Used only when no alias is present (UPN stands in for the MIS id). */
  fallbacks?: string[];
}

const pupilId = ['Pupil ID', 'Adno', 'Admission Number', 'Admission No', 'Student ID', 'PupilID', 'MIS ID'];
const email = ['Email', 'Email Address', 'Primary Email', 'Home Email', 'E-mail'];

export const csvFields = {
  pupils: {
    id: { label: 'MIS id', required: true, aliases: pupilId, fallbacks: ['UPN'] },
    forename: { label: 'Forename', required: true, aliases: ['Forename', 'Legal Forename', 'First Name', 'Given Name'] },
    surname: { label: 'Surname', required: true, aliases: ['Surname', 'Legal Surname', 'Last Name', 'Family Name'] },
    preferred: { label: 'Preferred name', required: false, aliases: ['Preferred Forename', 'Known As', 'Preferred Name'] },
    dob: { label: 'Date of birth', required: false, aliases: ['DOB', 'Date of Birth'] },
    class: {
      label: 'Class',
      required: true,
      aliases: ['Reg Group', 'Registration Group', 'Registration Form', 'Tutor Group', 'Form', 'Class', 'Reg'],
    },
    year: { label: 'Year group', required: false, aliases: ['Year', 'Year Group', 'NC Year', 'National Curriculum Year'] },
  },
  contacts: {
    pupilId: { label: 'Pupil’s MIS id', required: true, aliases: pupilId, fallbacks: ['UPN'] },
    id: { label: 'Contact id', required: true, aliases: ['Contact ID', 'Parent ID', 'Guardian ID', 'Contact Number'] },
    forename: { label: 'Forename', required: true, aliases: ['Forename', 'First Name', 'Contact Forename', 'Contact First Name', 'Given Name'] },
    surname: { label: 'Surname', required: true, aliases: ['Surname', 'Last Name', 'Contact Surname', 'Contact Last Name', 'Family Name'] },
    relationship: { label: 'Relationship', required: false, aliases: ['Relationship', 'Relationship to Pupil', 'Relation'] },
    parentalResponsibility: {
      label: 'Parental responsibility',
      required: true,
      aliases: ['Parental Responsibility', 'Legal Guardian', 'Responsibility', 'Has Parental Responsibility'],
    },
    priority: { label: 'Priority', required: false, aliases: ['Priority', 'Contact Order', 'Contact Priority', 'Order'] },
    email: { label: 'E-mail', required: false, aliases: email },
    mobile: { label: 'Mobile', required: false, aliases: ['Mobile', 'Mobile Phone', 'Telephone', 'Mobile Number', 'Phone'] },
    courtOrder: { label: 'Court order', required: false, aliases: ['Court Order', 'Court Order Restricted Access', 'Restricted Access'] },
  },
  staff: {
    id: { label: 'MIS id', required: true, aliases: ['Staff ID', 'Employee ID', 'Staff Code', 'Employee Number'] },
    forename: { label: 'Forename', required: true, aliases: ['Forename', 'Legal Forename', 'First Name', 'Given Name'] },
    surname: { label: 'Surname', required: true, aliases: ['Surname', 'Legal Surname', 'Last Name', 'Family Name'] },
    email: { label: 'E-mail', required: false, aliases: ['Email', 'Email Address', 'Work Email', 'School Email', 'E-mail'] },
    role: { label: 'Role', required: false, aliases: ['Role', 'Job Title', 'Post', 'Staff Role'] },
    classes: { label: 'Classes taught', required: false, aliases: ['Reg Group', 'Tutor Group', 'Class', 'Classes', 'Registration Group', 'Form'] },
  },
} as const satisfies Record<CsvFileKind, Record<string, FieldSpec>>;

export type CsvField<K extends CsvFileKind> = keyof (typeof csvFields)[K] & string;
export const fieldsOf = (kind: CsvFileKind): Record<string, FieldSpec> => csvFields[kind];

/** "Reg. Group", "reg_group", "\uFEFFRegGroup" → "reggroup". */
export const normaliseHeader = (header: string): string =>
  header
    .replace(/^\uFEFF/, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');

/** Column index → field key, or null for a column the import ignores. */
export type ColumnMapping = (string | null)[];

/**
 * The mapping the headers suggest: each field takes the column that names it. When two columns
 * name the same field both are mapped to it, so the choice is the office's (and refused until made).
 */
export function suggestMapping(kind: CsvFileKind, headers: readonly string[]): ColumnMapping {
  const keys = headers.map(normaliseHeader);
  const mapping: ColumnMapping = keys.map(() => null);
  for (const [field, spec] of Object.entries(fieldsOf(kind))) {
    const names = new Set(spec.aliases.map(normaliseHeader));
    let hits = keys.flatMap((k, i) => (names.has(k) ? [i] : []));
    if (hits.length === 0 && spec.fallbacks) {
      const fallback = new Set(spec.fallbacks.map(normaliseHeader));
      hits = keys.flatMap((k, i) => (fallback.has(k) ? [i] : []));
    }
    for (const i of hits) if (mapping[i] === null) mapping[i] = field;
  }
  return mapping;
}

/** `--map pupils.class="Tutor Grp"`: this column is that field, and no other column is. */
export function applyOverride(kind: CsvFileKind, headers: readonly string[], mapping: ColumnMapping, field: string, header: string): string | null {
  if (!(field in fieldsOf(kind))) return `${kind} has no field "${field}" (fields: ${Object.keys(fieldsOf(kind)).join(', ')})`;
  const index = headers.findIndex((h) => normaliseHeader(h) === normaliseHeader(header));
  if (index === -1) return `the ${kind} file has no column "${header}"`;
  mapping.forEach((f, i) => {
    if (f === field) mapping[i] = null;
  });
  mapping[index] = field;
  return null;
}
