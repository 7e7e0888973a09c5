import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRosterFiles, readRosterSource, unzipRoster, zipRosterFiles, type RosterPackage, type RosterParseOptions } from './oneroster.parse.ts';
import { problems, roster } from '../../../../test/helpers/roster.ts';

const basicFolder = join(import.meta.dirname, '../../../../test/fixtures/oneroster/basic');
const basicFiles = () => new Map(readdirSync(basicFolder).map((name) => [name, readFileSync(join(basicFolder, name))]));

const user = (r: RosterPackage, id: string) => {
  const found = r.users.find((u) => u.sourcedId === id);
  if (!found) throw new Error(`no user ${id}`);
  return found;
};

// Read once for the whole file: vitest runs test modules as ESM, so top-level await is fine.
const r = roster(await readRosterSource(basicFolder));

describe('the basic fixture (a small primary school export)', () => {
  it('has the right numbers of pupils, carers, staff, classes and enrollments', () => {
    const kinds = (kind: string) => r.users.filter((u) => u.kind === kind).length;
    expect({
      mode: r.mode,
      pupils: kinds('pupil'),
      carers: kinds('carer'),
      staff: kinds('staff'),
      classes: r.classes.length,
      enrollments: r.enrollments.length,
    }).toEqual({ mode: 'bulk', pupils: 12, carers: 15, staff: 4, classes: 3, enrollments: 16 });
  });

  it.each([
    ['cls-y3-hazel', 'Year 3 Hazel', 3],
    ['cls-y4-oak', 'Year 4 Oak', 4],
    ['cls-r-robins', 'Reception Robins', 0],
  ])('class %s is "%s" in year group %i', (id, title, yearGroup) => {
    expect(r.classes.find((c) => c.sourcedId === id)).toMatchObject({ title, yearGroup, toBeDeleted: false });
  });

  it.each([
    // id, given, family, preferred, role, email, phone, line (BOM and CRLF must not shift lines)
    ['stu-001', 'Amelia', 'Clarke', null, 'student', null, null, 2],
    ['stu-005', 'Alexander', 'Wright', 'Alex', 'student', null, null, 6],
    ['car-004', 'Connor', "O'Neill, Jr", null, 'parent', 'connor.oneill@example.com', '07700 900104', 17],
    ['car-008', 'Margaret', 'Wright', null, 'relative', null, '07700 900108', 21],
    ['stf-003', 'Helen', 'Moss', null, 'aide', 'h.moss@hazelwood.example.org', null, 31],
    ['stf-004', 'Joanne', 'Price', null, 'administrator', 'office@hazelwood.example.org', null, 32],
  ])('%s is %s %s', (id, givenName, familyName, preferredName, oneRosterRole, email, phone, line) => {
    expect(user(r, id)).toMatchObject({ givenName, familyName, preferredName, oneRosterRole, email, phone, line });
  });

  it('links siblings to the carers they share, in both directions', () => {
    expect(user(r, 'stu-001').agentSourcedIds).toEqual(['car-001', 'car-002']);
    expect(user(r, 'stu-006').agentSourcedIds).toEqual(['car-001', 'car-002']);
    expect(user(r, 'car-001').agentSourcedIds).toEqual(['stu-001', 'stu-006']);
    expect(user(r, 'car-014').agentSourcedIds).toEqual(['stu-011', 'stu-012']);
  });

  it("takes a link written only on the carer's row", () => {
    expect(user(r, 'stu-005').agentSourcedIds).toEqual(['car-008', 'car-007']);
    expect(user(r, 'car-007').agentSourcedIds).toEqual(['stu-005']);
  });

  it("records each carer's relationship and each pupil's birth date", () => {
    expect([r.relationships.get('car-001'), r.relationships.get('car-008'), r.relationships.get('car-009')]).toEqual(['parent', 'relative', 'guardian']);
    expect(r.relationships.has('stu-001')).toBe(false);
    expect(r.birthDates.size).toBe(12);
    expect([r.birthDates.get('stu-001'), r.birthDates.get('stu-010')]).toEqual(['2017-10-14', '2021-03-28']);
  });

  it('marks the pupil who left (status tobedeleted) and keeps blank status as current', () => {
    expect(r.users.filter((u) => u.toBeDeleted).map((u) => u.sourcedId)).toEqual(['stu-012']);
    expect(r.enrollments.filter((e) => e.toBeDeleted).map((e) => e.userSourcedId)).toEqual(['stu-012']);
    expect(user(r, 'stu-007').toBeDeleted).toBe(false);
  });

  it('reads the same from a .zip with the files in a sub-folder and macOS litter', () => {
    const files = new Map<string, Uint8Array | string>([...basicFiles()].map(([name, content]) => [`Export 2025-09-01/${name}`, content]));
    files.set('__MACOSX/Export 2025-09-01/._users.csv', 'not a csv');
    const unzipped = unzipRoster(zipRosterFiles(files));
    expect(unzipped.ok && [...unzipped.files.keys()].sort()).toEqual(
      ['classes.csv', 'demographics.csv', 'enrollments.csv', 'manifest.csv', 'users.csv'].map((n) => `Export 2025-09-01/${n}`),
    );
    expect(unzipped.ok && roster(parseRosterFiles(unzipped.files))).toEqual(r);
  });

  it('reads a .zip file from disk, and reports a path that is not there', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oneroster-'));
    try {
      writeFileSync(join(dir, 'export.zip'), zipRosterFiles(basicFiles()));
      expect(roster(await readRosterSource(join(dir, 'export.zip')))).toEqual(r);
      expect(problems(await readRosterSource(join(dir, 'nope.zip')))).toEqual([`${join(dir, 'nope.zip')}: there is no file or folder here`]);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});

describe('what real exports contain', () => {
  it("reads a BOM, CRLF, any header case, quotes, embedded newlines, extension columns and Excel's blank rows", () => {
    const users =
      '\uFEFFSOURCEDID,Status,ROLE,GivenName,familyname,Email,metadata.ext.notes,AgentSourcedIds,X-Local-Id\r\n' +
      'stu-1,active,Student,"Ella, Rose",O"Brien,,"Allergy: nuts,\r\nsee office",car-1,77\r\n' +
      'car-1,,Parent,Siobhan,"O""Brien",s@example.com,,,78\r\n' +
      '\r\n' +
      'stf-1,TOBEDELETED,teacher,Rachel,Green,,,,79\r\n' +
      ',,,,,,,,\r\n';
    const r = roster(parseRosterFiles(new Map([['USERS.CSV', users]])));
    expect(r.users.map((u) => [u.sourcedId, u.kind, u.oneRosterRole, u.givenName, u.familyName, u.line, u.toBeDeleted])).toEqual([
      ['stu-1', 'pupil', 'student', 'Ella, Rose', 'O"Brien', 2, false],
      ['car-1', 'carer', 'parent', 'Siobhan', 'O"Brien', 4, false],
      ['stf-1', 'staff', 'teacher', 'Rachel', 'Green', 6, true],
    ]);
    expect(r).toMatchObject({ mode: 'bulk', classes: [], enrollments: [] });
  });

  it('counts lines correctly after a field that spans lines', () => {
    const users =
      'sourcedId,role,givenName,familyName,metadata.notes\n' + 'stu-1,student,Ava,Lee,"line one\r\nline two\r\nline three"\n' + 'stu-2,janitor,Bob,Lee,\n';
    expect(problems(parseRosterFiles(new Map([['users.csv', users]])))).toEqual([
      'users.csv:5: unknown role "janitor" (expected student, parent, guardian, relative, teacher, aide or administrator)',
    ]);
  });

  it('reads a file saved from Excel as Windows-1252', () => {
    const bytes = new Uint8Array([
      ...Buffer.from('sourcedId,role,givenName,familyName\nstu-1,student,Zo'),
      0xeb,
      ...Buffer.from(',Br'),
      0xfc,
      ...Buffer.from('ck\n'),
    ]);
    expect(roster(parseRosterFiles(new Map([['users.csv', bytes]]))).users[0]).toMatchObject({ givenName: 'Zoë', familyName: 'Brück' });
  });

  it.each(['preferredGivenName', 'preferredFirstName', 'metadata.preferredName'])('takes a preferred name from %s', (column) => {
    const users = `sourcedId,role,givenName,familyName,${column}\nstu-1,student,Alexander,Wright,Alex\nstu-2,student,Mia,Wright,\n`;
    expect(roster(parseRosterFiles(new Map([['users.csv', users]]))).users.map((u) => u.preferredName)).toEqual(['Alex', null]);
  });

  it('takes a member of staff’s start date from an extension column, and refuses one that is not a real date', () => {
    const users = 'sourcedId,role,givenName,familyName,metadata.startDate\nstf-1,teacher,Tom,Baker,2026-09-01\nstf-2,aide,Helen,Moss,\n';
    expect(roster(parseRosterFiles(new Map([['users.csv', users]]))).users.map((u) => u.startDate)).toEqual(['2026-09-01', null]);
    const bad = parseRosterFiles(new Map([['users.csv', 'sourcedId,role,givenName,familyName,metadata.startDate\nstf-1,teacher,Tom,Baker,2026-02-30\n']]));
    expect(bad.ok ? [] : bad.problems).toEqual([expect.stringContaining('start date "2026-02-30" is not a real date')]);
  });

  it('reads the mode from the manifest, and lets a delta refer to classes and people the app already has', () => {
    const files = new Map([
      ['manifest.csv', 'propertyName,value\nfile.users,delta\nfile.classes,absent\nfile.enrollments,delta\n'],
      ['users.csv', 'sourcedId,role,givenName,familyName,agentSourcedIds\nstu-1,student,Ava,Lee,car-old\n'],
      ['enrollments.csv', 'sourcedId,classSourcedId,userSourcedId,role\nenr-1,cls-old,stu-1,student\nenr-2,cls-old,stu-old,Student\n'],
      ['demographics.csv', 'sourcedId,birthDate\nstu-old,2016-02-29\n'],
    ]);
    const options: RosterParseOptions = { knownClassSourcedIds: new Set(['cls-old']), knownUserSourcedIds: new Set(['stu-old', 'car-old']) };
    const r = roster(parseRosterFiles(files, options));
    expect([r.mode, r.enrollments.map((e) => e.role), r.birthDates.get('stu-old'), r.users[0].agentSourcedIds]).toEqual([
      'delta',
      ['student', 'student'],
      '2016-02-29',
      ['car-old'],
    ]);
    expect(problems(parseRosterFiles(files))).toEqual([
      'users.csv:2: agent "car-old" does not exist',
      'classes.csv: the file is missing, but enrollments.csv lists 2 enrollments',
      'enrollments.csv:3: user "stu-old" does not exist',
      'demographics.csv:2: user "stu-old" does not exist',
    ]);
  });
});
