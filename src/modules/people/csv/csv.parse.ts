/**
 * Plain CSV from any MIS (issue 20, PPL-4): three long-format files — pupils, contacts (one row per
 * pupil–contact link) and staff — read into the same roster the OneRoster import applies, so the
 * dry run, leavers, one transaction and "re-import changes nothing" hold for both. Pure: bytes in,
 * roster or problems out. Any problem refuses the whole import.
 */
import type { ContactLink, RosterClass, RosterEnrollment, RosterPackage, RosterUser } from '../oneroster/oneroster.model.ts';
import { applyOverride, csvFileKinds, fieldsOf, suggestMapping, type ColumnMapping, type CsvFileKind } from './csv.fields.ts';
import { decodeCsvBytes, detectDelimiter, readCsvRecords, type CsvRecord } from './csv.text.ts';
import { readBoolean, readDate, readPriority, readYear, staffKindFromTitle, type Read } from './csv.values.ts';

export interface CsvProblem {
  file: string;
  line: number;
  column: string;
  message: string;
}
export const formatProblem = (p: CsvProblem) => `${p.file}:${p.line}: column "${p.column}": ${p.message}`;

export interface CsvFile {
  /** The file's base name, as problems name it. */
  name: string;
  bytes: Uint8Array;
}
export type CsvFiles = Record<CsvFileKind, CsvFile>;

export interface CsvOptions {
  partial?: boolean;
  /** Column mappings chosen in the preview, by file; otherwise suggested from the headers. */
  mappings?: Partial<Record<CsvFileKind, ColumnMapping>>;
  /** `--map pupils.class="Tutor Grp"`. */
  overrides?: { kind: CsvFileKind; field: string; column: string }[];
  /** Classes already in the app (by MIS id), which staff in a partial import may teach. */
  knownClasses?: ReadonlySet<string>;
}

export interface CsvSheet {
  kind: CsvFileKind;
  name: string;
  headers: string[];
  mapping: ColumnMapping;
}

export interface CsvReading {
  sheets: CsvSheet[];
  problems: CsvProblem[];
  /** Safeguarding points the office should see before applying; never a reason to refuse. */
  warnings: string[];
  counts: { pupils: number; carers: number; staff: number; classes: number };
  roster: RosterPackage | null;
}

interface Row {
  line: number;
  get: (field: string) => string;
  column: (field: string) => string;
}

/** One file: decoded, split, its mapping checked; rows read by field. */
function readSheet(kind: CsvFileKind, file: CsvFile, options: CsvOptions, problems: CsvProblem[]): { sheet: CsvSheet; rows: Row[] } {
  const problem = (line: number, column: string, message: string) => problems.push({ file: file.name, line, column, message });
  const text = decodeCsvBytes(file.bytes);
  const { records, unclosedQuoteLine } = readCsvRecords(text, detectDelimiter(text));
  if (unclosedQuoteLine !== null) problem(unclosedQuoteLine, '', 'a quoted field is never closed (a " is missing)');
  const headerRecord: CsvRecord | undefined = records[0];
  const headers = (headerRecord?.fields ?? []).map((h) => h.replace(/^\uFEFF/, '').trim());
  const chosen = options.mappings?.[kind];
  const mapping = chosen && chosen.length === headers.length ? [...chosen] : suggestMapping(kind, headers);
  const sheet: CsvSheet = { kind, name: file.name, headers, mapping };
  if (!headerRecord) {
    problem(1, '', 'the file is empty (it needs a header line)');
    return { sheet, rows: [] };
  }
  for (const o of options.overrides ?? []) {
    if (o.kind !== kind) continue;
    const refused = applyOverride(kind, headers, mapping, o.field, o.column);
    if (refused) problem(headerRecord.line, o.column, refused);
  }
  const fields = fieldsOf(kind);
  const before = problems.length;
  const columnOf = new Map<string, number>();
  mapping.forEach((field, index) => {
    if (field === null) return;
    const earlier = columnOf.get(field);
    if (earlier === undefined) columnOf.set(field, index);
    else
      problem(
        headerRecord.line,
        headers[index],
        `"${headers[earlier]}" is also mapped to ${fields[field].label}; map one of them to it and the other to "ignored"`,
      );
  });
  for (const [field, spec] of Object.entries(fields)) {
    if (spec.required && !columnOf.has(field)) {
      problem(
        headerRecord.line,
        spec.aliases[0],
        `missing: no column gives the ${spec.label.toLowerCase()} (named, for example, ${spec.aliases.slice(0, 3).join(', ')})`,
      );
    }
  }
  // A file whose columns are wrong is one problem per column, not one per row.
  if (problems.length > before) return { sheet, rows: [] };
  const rows: Row[] = [];
  for (const record of records.slice(1)) {
    if (record.fields.every((f) => f.trim() === '')) continue; // Excel leaves rows of bare delimiters
    if (record.fields.length > headers.length && record.fields.slice(headers.length).some((f) => f.trim() !== '')) {
      problem(record.line, '', `this line has ${record.fields.length} fields but the header has ${headers.length}`);
      continue;
    }
    rows.push({
      line: record.line,
      get: (field) => {
        const index = columnOf.get(field);
        return index === undefined ? '' : (record.fields[index] ?? '').trim();
      },
      column: (field) => {
        const index = columnOf.get(field);
        return index === undefined ? (fields[field]?.label ?? field) : headers[index];
      },
    });
  }
  return { sheet, rows };
}

export function readPlainCsv(files: CsvFiles, options: CsvOptions = {}): CsvReading {
  const problems: CsvProblem[] = [];
  const warnings: string[] = [];
  const read = Object.fromEntries(csvFileKinds.map((kind) => [kind, readSheet(kind, files[kind], options, problems)])) as Record<
    CsvFileKind,
    ReturnType<typeof readSheet>
  >;
  const sheets = csvFileKinds.map((kind) => read[kind].sheet);
  const headerProblems = problems.length > 0;

  const users: RosterUser[] = [];
  const enrollments: RosterEnrollment[] = [];
  const birthDates = new Map<string, string>();
  const contactLinks = new Map<string, ContactLink>();
  const user = (kind: RosterUser['kind'], role: string, id: string, row: Row, given: string, family: string, extra: Partial<RosterUser> = {}): RosterUser => ({
    sourcedId: id,
    kind,
    oneRosterRole: role,
    givenName: given,
    familyName: family,
    preferredName: null,
    email: null,
    phone: null,
    startDate: null,
    agentSourcedIds: [],
    toBeDeleted: false,
    line: row.line,
    ...extra,
  });

  /** A value read from a cell, or a problem at its line and column. */
  const value = <T>(file: string, row: Row, field: string, reader: (cell: string) => Read<T>, fallback: T): T => {
    const r = reader(row.get(field));
    if (r.ok) return r.value;
    problems.push({ file, line: row.line, column: row.column(field), message: r.reason });
    return fallback;
  };
  const requireCell = (file: string, row: Row, field: string, what: string): string => {
    const v = row.get(field);
    if (v === '') problems.push({ file, line: row.line, column: row.column(field), message: `blank: every row needs ${what}` });
    return v;
  };
  /** The first line of each id; a second one is a problem at the second line. */
  const unique = (file: string, seen: Map<string, number>, key: string, row: Row, field: string, shown: string): boolean => {
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, row.line);
      return true;
    }
    problems.push({ file, line: row.line, column: row.column(field), message: `${shown} is also on line ${first}` });
    return false;
  };

  // --- pupils ---
  const pupilsFile = files.pupils.name;
  const pupilSeen = new Map<string, number>();
  const pupilNames = new Map<string, { name: string; line: number }>();
  const classYears = new Map<string, (number | null)[]>();
  for (const row of read.pupils.rows) {
    const id = requireCell(pupilsFile, row, 'id', 'the pupil’s MIS id');
    const given = requireCell(pupilsFile, row, 'forename', 'a forename');
    const family = requireCell(pupilsFile, row, 'surname', 'a surname');
    const dob = value(pupilsFile, row, 'dob', readDate, null);
    const year = value(pupilsFile, row, 'year', readYear, null);
    const className = row.get('class');
    if (className === '') problems.push({ file: pupilsFile, line: row.line, column: row.column('class'), message: 'blank: the pupil’s class is unknown' });
    if (!id || !unique(pupilsFile, pupilSeen, id, row, 'id', `the id ${id}`)) continue;
    users.push(user('pupil', 'student', id, row, given, family, { preferredName: row.get('preferred') || null }));
    pupilNames.set(id, { name: `${given} ${family}`, line: row.line });
    if (dob) birthDates.set(id, dob);
    if (className) {
      classYears.set(className, [...(classYears.get(className) ?? []), year]);
      enrollments.push({
        sourcedId: `${className}:${id}`,
        classSourcedId: className,
        userSourcedId: id,
        role: 'student',
        beginDate: null,
        toBeDeleted: false,
        line: row.line,
      });
    }
  }
  const classes: RosterClass[] = [...classYears].map(([name, years]) => ({
    sourcedId: name,
    title: name,
    yearGroup: commonest(years),
    toBeDeleted: false,
    line: 0,
  }));

  // --- contacts: one row per pupil–contact link; a contact with several children repeats ---
  const contactsFile = files.contacts.name;
  const linkSeen = new Map<string, number>();
  const carers = new Map<string, RosterUser>();
  for (const row of read.contacts.rows) {
    const pupilId = requireCell(contactsFile, row, 'pupilId', 'the pupil’s MIS id');
    const id = requireCell(contactsFile, row, 'id', 'the contact’s id');
    const given = row.get('forename');
    const family = requireCell(contactsFile, row, 'surname', 'a surname');
    const relationship = row.get('relationship');
    const pr = value(contactsFile, row, 'parentalResponsibility', readBoolean, false);
    const courtOrder = value(contactsFile, row, 'courtOrder', readBoolean, false);
    const priority = value(contactsFile, row, 'priority', readPriority, null);
    if (pupilId && !pupilNames.has(pupilId)) {
      problems.push({ file: contactsFile, line: row.line, column: row.column('pupilId'), message: `no pupil has the id ${pupilId} in ${pupilsFile}` });
      continue;
    }
    if (!pupilId || !id || !unique(contactsFile, linkSeen, `${pupilId}:${id}`, row, 'id', `contact ${id} for pupil ${pupilId}`)) continue;
    if (!carers.has(id)) {
      const carer = user('carer', 'guardian', id, row, given, family, { email: row.get('email') || null, phone: row.get('mobile') || null });
      carers.set(id, carer);
      users.push(carer);
    }
    contactLinks.set(`${pupilId}:${id}`, {
      pupilSourcedId: pupilId,
      carerSourcedId: id,
      relationship: relationship.toLowerCase() || 'contact',
      parentalResponsibility: pr,
      priority,
      courtOrder,
    });
    const who = `${given} ${family}`.trim();
    const pupil = pupilNames.get(pupilId)!.name;
    if (row.get('parentalResponsibility') === '' && /^(mother|father|mum|dad|parent)$/i.test(relationship)) {
      warnings.push(
        `${contactsFile}:${row.line}: ${who} is listed as ${relationship} of ${pupil} but the parental responsibility column is blank, so they are treated as without it; check with the family`,
      );
    }
    if (courtOrder)
      warnings.push(`${contactsFile}:${row.line}: ${who} (${pupil}) has a court order: imported, but never sent a consent request, link or letter`);
    else if (!pr)
      warnings.push(
        `${contactsFile}:${row.line}: ${who} (${pupil}) has no parental responsibility: imported, but never sent a consent request, link or letter`,
      );
  }
  for (const [id, { name, line }] of pupilNames) {
    const responsible = [...contactLinks.values()].some((l) => l.pupilSourcedId === id && l.parentalResponsibility && !l.courtOrder);
    if (!responsible) warnings.push(`${pupilsFile}:${line}: ${name} has no contact with parental responsibility, so nobody can be asked for consent`);
  }

  // --- staff: teacher or support staff, never more ---
  const staffFile = files.staff.name;
  const staffSeen = new Map<string, number>();
  for (const row of read.staff.rows) {
    const id = requireCell(staffFile, row, 'id', 'the member of staff’s MIS id');
    const given = requireCell(staffFile, row, 'forename', 'a forename');
    const family = requireCell(staffFile, row, 'surname', 'a surname');
    const taught = row
      .get('classes')
      .split(/[,;]/)
      .map((c) => c.trim())
      .filter(Boolean);
    for (const c of taught) {
      if (!classYears.has(c) && !options.knownClasses?.has(c)) {
        problems.push({ file: staffFile, line: row.line, column: row.column('classes'), message: `unknown class "${c}": no pupil in ${pupilsFile} is in it` });
      }
    }
    if (!id || !unique(staffFile, staffSeen, id, row, 'id', `the id ${id}`)) continue;
    users.push(user('staff', staffKindFromTitle(row.get('role'), taught.length > 0), id, row, given, family, { email: row.get('email') || null }));
    for (const c of taught) {
      enrollments.push({ sourcedId: `${c}:${id}`, classSourcedId: c, userSourcedId: id, role: 'teacher', beginDate: null, toBeDeleted: false, line: row.line });
    }
  }

  const counts = { pupils: read.pupils.rows.length, carers: carers.size, staff: read.staff.rows.length, classes: classes.length };
  const ok = problems.length === 0 && !headerProblems;
  return {
    sheets,
    problems,
    warnings,
    counts,
    roster: ok ? { mode: options.partial ? 'delta' : 'bulk', classes, users, enrollments, birthDates, relationships: new Map(), contactLinks } : null,
  };
}

/** The year most of a class's pupils are in (a mixed-age class takes its larger year). */
function commonest(years: (number | null)[]): number | null {
  const tally = new Map<number, number>();
  for (const y of years) if (y !== null) tally.set(y, (tally.get(y) ?? 0) + 1);
  let best: number | null = null;
  for (const [y, n] of tally) if (best === null || n > tally.get(best)! || (n === tally.get(best)! && y > best)) best = y;
  return best;
}
