/** Per-file readers for a OneRoster package: each turns one CSV into records and adds what is wrong to `problems`. */
import { cell, firstCell, readCsvTable, type CsvRow, type CsvTable, type Problem } from './oneroster.csv.ts';
import type { RosterClass, RosterEnrollment, RosterRole, RosterUser } from './oneroster.model.ts';
import { yearGroupFromGrades } from './oneroster.years.ts';
import { fieldLimits } from '../field-limits.ts';

type Content = Uint8Array | string | null;

// A Map, not an object literal, so a role such as "constructor" can't match an inherited property.
const roleKinds = new Map<string, RosterRole>([
  ['student', 'pupil'],
  ['parent', 'carer'],
  ['guardian', 'carer'],
  ['relative', 'carer'],
  ['teacher', 'staff'],
  ['aide', 'staff'],
  ['administrator', 'staff'],
]);
const roleList = 'student, parent, guardian, relative, teacher, aide or administrator';
/** OneRoster 1.1 has no preferred name; exports add one under any of these names. */
const preferredNameColumns = ['preferredGivenName', 'preferredFirstName', 'metadata.preferredName'];
/** Nor a staff start date; exports add one under any of these names (training due dates, AGR-3). */
const startDateColumns = ['metadata.startDate', 'metadata.ext.startDate', 'startDate'];

/** Values of required columns, or null after reporting each blank one (`givenName is missing`). */
function requiredCells(table: CsvTable, row: CsvRow, columns: readonly string[], problems: Problem[]): string[] | null {
  const values = columns.map((column) => cell(table, row, column));
  values.forEach((value, index) => {
    if (value === '') problems.push({ file: table.file, line: row.line, message: `${columns[index]} is missing` });
  });
  return values.includes('') ? null : values;
}

/** Reports each value longer than the app keeps (fieldLimits); returns false if any is. */
function withinLimits(table: CsvTable, row: CsvRow, values: [column: string, value: string | null, limit: number][], problems: Problem[]): boolean {
  let ok = true;
  for (const [column, value, limit] of values) {
    if (value === null || value.length <= limit) continue;
    problems.push({ file: table.file, line: row.line, message: `${column} is ${value.length} characters long; the most allowed is ${limit}` });
    ok = false;
  }
  return ok;
}

/** `status` is active, tobedeleted or blank; the last two mean the record is current. */
function toBeDeleted(table: CsvTable, row: CsvRow, problems: Problem[]): boolean {
  const status = cell(table, row, 'status').toLowerCase();
  if (status === 'tobedeleted') return true;
  if (status !== '' && status !== 'active') {
    problems.push({ file: table.file, line: row.line, message: `unknown status "${cell(table, row, 'status')}" (expected active, tobedeleted or blank)` });
  }
  return false;
}

/** Records each sourcedId and reports a repeat; returns false for a repeat. Every id is kept, even from a bad row,
 * so that one bad row doesn't also make every reference to it read as "does not exist". */
function noteId(table: CsvTable, row: CsvRow, ids: Map<string, number>, problems: Problem[]): boolean {
  const id = cell(table, row, 'sourcedId');
  if (id === '') return true;
  const first = ids.get(id);
  if (first === undefined) {
    ids.set(id, row.line);
    return true;
  }
  problems.push({ file: table.file, line: row.line, message: `sourcedId "${id}" is used twice (first on line ${first})` });
  return false;
}

/** manifest.csv says whether each file is a full export (bulk) or only changes (delta). */
export function readManifest(content: Content | undefined, problems: Problem[]): 'bulk' | 'delta' {
  const table = content == null ? null : readCsvTable('manifest.csv', content, ['propertyName', 'value'], problems);
  let mode: 'bulk' | 'delta' = 'bulk';
  if (!table) return mode;
  for (const row of table.rows) {
    const property = cell(table, row, 'propertyName');
    if (!/^file\.(users|classes|enrollments)$/i.test(property)) continue;
    const value = cell(table, row, 'value').toLowerCase();
    // One delta file makes the package a delta: treating it as bulk would remove everyone it leaves out.
    if (value === 'delta') mode = 'delta';
    else if (value !== 'bulk' && value !== 'absent') {
      problems.push({ file: 'manifest.csv', line: row.line, message: `${property} must be bulk, delta or absent (found "${cell(table, row, 'value')}")` });
    }
  }
  return mode;
}

/** `ids` holds every sourcedId in the file, or null when the file is missing or unreadable (so nothing is checked against it). */
export function readUsers(content: Content, problems: Problem[]): { list: RosterUser[]; ids: Set<string> | null } {
  const table = content === null ? null : readCsvTable('users.csv', content, ['sourcedId', 'role', 'givenName', 'familyName'], problems);
  const ids = new Map<string, number>();
  const list: RosterUser[] = [];
  if (!table) return { list, ids: null };
  for (const row of table.rows) {
    const unique = noteId(table, row, ids, problems);
    const values = requiredCells(table, row, ['sourcedId', 'role', 'givenName', 'familyName'], problems);
    const deleted = toBeDeleted(table, row, problems);
    const role = cell(table, row, 'role').toLowerCase();
    const kind = roleKinds.get(role);
    if (role !== '' && !kind) problems.push({ file: table.file, line: row.line, message: `unknown role "${cell(table, row, 'role')}" (expected ${roleList})` });
    const preferredName = firstCell(table, row, preferredNameColumns) || null;
    const email = cell(table, row, 'email') || null;
    const startText = firstCell(table, row, startDateColumns);
    const startDate = /^\d{4}-\d{2}-\d{2}(T.*)?$/.test(startText) && isIsoDate(startText.slice(0, 10)) ? startText.slice(0, 10) : null;
    if (startText !== '' && startDate === null)
      problems.push({ file: table.file, line: row.line, message: `start date "${startText.slice(0, 40)}" is not a real date in the form YYYY-MM-DD` });
    const phone = firstCell(table, row, ['phone', 'sms']) || null;
    const agentSourcedIds = [
      ...new Set(
        cell(table, row, 'agentSourcedIds')
          .split(',')
          .map((id) => id.trim())
          .filter(Boolean),
      ),
    ];
    const bounded = withinLimits(
      table,
      row,
      [
        ['sourcedId', cell(table, row, 'sourcedId'), fieldLimits.sourcedId],
        ['givenName', cell(table, row, 'givenName'), fieldLimits.name],
        ['familyName', cell(table, row, 'familyName'), fieldLimits.name],
        ['preferred name', preferredName, fieldLimits.name],
        ['email', email, fieldLimits.email],
        ['phone', phone, fieldLimits.phone],
        ...agentSourcedIds.map((id) => ['an id in agentSourcedIds', id, fieldLimits.sourcedId] as [string, string, number]),
      ],
      problems,
    );
    if (!values || !kind || !unique || !bounded) continue;
    const [sourcedId, , givenName, familyName] = values;
    list.push({
      sourcedId,
      kind,
      oneRosterRole: role,
      givenName,
      familyName,
      preferredName,
      email,
      phone,
      startDate: kind === 'staff' ? startDate : null,
      agentSourcedIds,
      toBeDeleted: deleted,
      line: row.line,
    });
  }
  return { list, ids: new Set(ids.keys()) };
}

const expectedAgents: Record<RosterRole, RosterRole | null> = { pupil: 'carer', carer: 'pupil', staff: null };

/**
 * Checks every agent link and copies it to the other side, so a pupil lists its carers and a carer its pupils
 * whichever side the MIS wrote the link on. A link must join a pupil and a carer.
 */
export function linkAgents(users: { list: RosterUser[] }, knownUsers: ReadonlySet<string>, problems: Problem[]): void {
  const byId = new Map(users.list.map((u) => [u.sourcedId, u]));
  const listed = users.list.map((u) => [u, [...u.agentSourcedIds]] as const);
  for (const [user, agents] of listed) {
    const problem = (message: string) => problems.push({ file: 'users.csv', line: user.line, message });
    for (const agentId of agents) {
      if (!knownUsers.has(agentId)) {
        problem(`agent "${agentId}" does not exist`);
        continue;
      }
      const agent = byId.get(agentId);
      if (!agent) continue; // known to the app already (a delta), or its own row has a problem reported
      const expected = expectedAgents[user.kind];
      if (expected === null) problem(`a ${user.oneRosterRole} cannot have agents (found "${agentId}")`);
      else if (agent.kind !== expected) {
        const wanted = expected === 'carer' ? 'parents, guardians or relatives' : 'students';
        problem(`agent "${agentId}" is a ${agent.oneRosterRole}; a ${user.oneRosterRole}'s agents must be ${wanted}`);
      } else if (!agent.agentSourcedIds.includes(user.sourcedId)) agent.agentSourcedIds.push(user.sourcedId);
    }
  }
}

export function readClasses(content: Content, problems: Problem[]): { list: RosterClass[]; ids: Set<string> | null } {
  const table = content === null ? null : readCsvTable('classes.csv', content, ['sourcedId', 'title'], problems);
  const ids = new Map<string, number>();
  const list: RosterClass[] = [];
  if (!table) return { list, ids: null };
  for (const row of table.rows) {
    const unique = noteId(table, row, ids, problems);
    const values = requiredCells(table, row, ['sourcedId', 'title'], problems);
    const deleted = toBeDeleted(table, row, problems);
    const bounded = withinLimits(
      table,
      row,
      [
        ['sourcedId', cell(table, row, 'sourcedId'), fieldLimits.sourcedId],
        ['title', cell(table, row, 'title'), fieldLimits.classTitle],
      ],
      problems,
    );
    if (!values || !unique || !bounded) continue;
    const [sourcedId, title] = values;
    list.push({ sourcedId, title, yearGroup: yearGroupFromGrades(cell(table, row, 'grades')), toBeDeleted: deleted, line: row.line });
  }
  return { list, ids: new Set(ids.keys()) };
}

/** A null `knownClasses` or `knownUsers` means there is nothing to check against; the reason is reported elsewhere. */
export function readEnrollments(
  content: Content,
  knownClasses: ReadonlySet<string> | null,
  knownUsers: ReadonlySet<string> | null,
  problems: Problem[],
): RosterEnrollment[] {
  const columns = ['sourcedId', 'classSourcedId', 'userSourcedId', 'role'];
  const table = content === null ? null : readCsvTable('enrollments.csv', content, columns, problems);
  const ids = new Map<string, number>();
  const list: RosterEnrollment[] = [];
  if (!table) return list;
  for (const row of table.rows) {
    const unique = noteId(table, row, ids, problems);
    const values = requiredCells(table, row, columns, problems);
    const deleted = toBeDeleted(table, row, problems);
    const classId = cell(table, row, 'classSourcedId');
    const userId = cell(table, row, 'userSourcedId');
    const problem = (message: string) => problems.push({ file: 'enrollments.csv', line: row.line, message });
    const bounded = withinLimits(
      table,
      row,
      [
        ['sourcedId', cell(table, row, 'sourcedId'), fieldLimits.sourcedId],
        ['classSourcedId', classId, fieldLimits.sourcedId],
        ['userSourcedId', userId, fieldLimits.sourcedId],
      ],
      problems,
    );
    if (bounded && classId && knownClasses && !knownClasses.has(classId)) problem(`class "${classId}" does not exist`);
    if (bounded && userId && knownUsers && !knownUsers.has(userId)) problem(`user "${userId}" does not exist`);
    // The day the pupil joined the class: a pupil's earliest is their admission date (not the import's day).
    const beginText = cell(table, row, 'beginDate');
    const beginDate = /^\d{4}-\d{2}-\d{2}(T.*)?$/.test(beginText) && isIsoDate(beginText.slice(0, 10)) ? beginText.slice(0, 10) : null;
    if (beginText !== '' && beginDate === null) problem(`beginDate "${beginText.slice(0, 40)}" is not a real date in the form YYYY-MM-DD`);
    if (!values || !unique || !bounded) continue;
    const [sourcedId, classSourcedId, userSourcedId, role] = values;
    list.push({ sourcedId, classSourcedId, userSourcedId, role: role.toLowerCase(), beginDate, toBeDeleted: deleted, line: row.line });
  }
  return list;
}

/** A real calendar date written YYYY-MM-DD (Date alone would roll 2016-02-30 over to 1 March). */
function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** demographics.csv: one row per person, keyed by the person's own sourcedId; only the birth date is used. */
export function readDemographics(content: Content, knownUsers: ReadonlySet<string> | null, problems: Problem[]): Map<string, string> {
  const table = content === null ? null : readCsvTable('demographics.csv', content, ['sourcedId', 'birthDate'], problems);
  const ids = new Map<string, number>();
  const birthDates = new Map<string, string>();
  if (!table) return birthDates;
  for (const row of table.rows) {
    const unique = noteId(table, row, ids, problems);
    const values = requiredCells(table, row, ['sourcedId'], problems);
    toBeDeleted(table, row, problems);
    if (!withinLimits(table, row, [['sourcedId', cell(table, row, 'sourcedId'), fieldLimits.sourcedId]], problems)) continue;
    const birthDate = cell(table, row, 'birthDate');
    const problem = (message: string) => problems.push({ file: 'demographics.csv', line: row.line, message });
    if (values && knownUsers && !knownUsers.has(values[0])) problem(`user "${values[0]}" does not exist`);
    if (birthDate !== '' && !isIsoDate(birthDate)) problem(`birthDate "${birthDate}" is not a real date in the form YYYY-MM-DD`);
    else if (values && unique && birthDate !== '') birthDates.set(values[0], birthDate);
  }
  return birthDates;
}
