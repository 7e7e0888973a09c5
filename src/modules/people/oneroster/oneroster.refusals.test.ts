import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateRosterPackage } from './sample-roster.ts';
import { parseRosterFiles, readRosterSource, unzipRoster, yearGroupFromGrades, zipRosterFiles } from './oneroster.parse.ts';
import { cpuStopwatch } from '../../../../test/helpers/cpu.ts';
import { problems, roster } from '../../../../test/helpers/roster.ts';

/** Refusing a OneRoster package (each problem as file:line: message), unsafe uploads, year groups, large generated packages. */

describe('refusing a package, with each problem as file:line: message', () => {
  const base = {
    'users.csv':
      'sourcedId,status,role,givenName,familyName,email,agentSourcedIds\n' +
      'stu-1,active,student,Amelia,Clarke,,car-1\n' +
      'car-1,active,parent,Sarah,Clarke,sarah@example.com,\n' +
      'stf-1,active,teacher,Rachel,Green,r.green@example.org,\n',
    'classes.csv': 'sourcedId,status,title,grades\ncls-1,active,Year 3 Hazel,03\n',
    'enrollments.csv': 'sourcedId,status,classSourcedId,userSourcedId,role\nenr-1,active,cls-1,stu-1,student\nenr-2,active,cls-1,stf-1,teacher\n',
    'demographics.csv': 'sourcedId,birthDate\nstu-1,2017-10-14\n',
  } as Record<string, string>;
  const build = (changes: Record<string, string | undefined>) =>
    new Map(Object.entries({ ...base, ...changes }).filter((e): e is [string, string] => e[1] !== undefined));
  const addUser = (line: string) => ({ 'users.csv': base['users.csv'] + line + '\n' });

  it('accepts the unchanged base package', () => {
    expect(roster(parseRosterFiles(build({}))).users).toHaveLength(3);
  });

  it.each<[string, Record<string, string | undefined>, string[]]>([
    [
      'an unknown role',
      addUser('stf-2,active,janitor,Bob,Smith,,'),
      ['users.csv:5: unknown role "janitor" (expected student, parent, guardian, relative, teacher, aide or administrator)'],
    ],
    [
      'a role that is an object property name',
      addUser('stf-2,active,constructor,Bob,Smith,,'),
      ['users.csv:5: unknown role "constructor" (expected student, parent, guardian, relative, teacher, aide or administrator)'],
    ],
    ['a missing given name', addUser('stf-2,active,teacher,,Smith,,'), ['users.csv:5: givenName is missing']],
    ['a missing column', { 'users.csv': 'sourcedId,role,familyName\nstu-1,student,Clarke\n' }, ['users.csv:1: column "givenName" is missing']],
    [
      'a column given twice',
      { 'demographics.csv': 'sourcedId,birthDate,BirthDate\nstu-1,2017-10-14,2017-10-14\n' },
      ['demographics.csv:1: column "BirthDate" appears twice'],
    ],
    [
      'an agent who is not in users.csv',
      { 'users.csv': base['users.csv'].replace(',car-1\n', ',"car-1,car-9"\n') },
      ['users.csv:2: agent "car-9" does not exist'],
    ],
    [
      'a pupil whose agent is a teacher',
      { 'users.csv': base['users.csv'].replace(',car-1\n', ',stf-1\n') },
      ['users.csv:2: agent "stf-1" is a teacher; a student\'s agents must be parents, guardians or relatives'],
    ],
    [
      'an enrollment in a class that does not exist',
      { 'enrollments.csv': base['enrollments.csv'] + 'enr-3,active,cls-9,stu-1,student\n' },
      ['enrollments.csv:4: class "cls-9" does not exist'],
    ],
    [
      'an enrollment of someone not in users.csv',
      { 'enrollments.csv': base['enrollments.csv'] + 'enr-3,active,cls-1,stu-9,student\n' },
      ['enrollments.csv:4: user "stu-9" does not exist'],
    ],
    [
      'an impossible birth date',
      { 'demographics.csv': 'sourcedId,birthDate\nstu-1,2017-02-30\n' },
      ['demographics.csv:2: birthDate "2017-02-30" is not a real date in the form YYYY-MM-DD'],
    ],
    [
      'a birth date written the British way',
      { 'demographics.csv': 'sourcedId,birthDate\nstu-1,14/10/2017\n' },
      ['demographics.csv:2: birthDate "14/10/2017" is not a real date in the form YYYY-MM-DD'],
    ],
    ['a repeated sourcedId', addUser('stu-1,active,student,Jack,Clarke,,car-1'), ['users.csv:5: sourcedId "stu-1" is used twice (first on line 2)']],
    [
      'an unclosed quote',
      addUser('stf-2,active,teacher,"Bob,Smith,,'),
      ['users.csv:5: could not read this line: a quoted field is never closed (a " is missing)'],
    ],
    ['a line with too few fields', addUser('stf-2,active,teacher,Bob'), ['users.csv:5: could not read this line: expected 7 fields but found 4']],
    ['an unknown status', addUser('stf-2,archived,teacher,Bob,Smith,,'), ['users.csv:5: unknown status "archived" (expected active, tobedeleted or blank)']],
    ['no users.csv', { 'users.csv': undefined }, ['users.csv: the file is missing; every OneRoster package needs users.csv']],
    ['an empty users.csv', { 'users.csv': '' }, ['users.csv:1: the file is empty (it needs a header line)']],
    ['enrollments without classes.csv', { 'classes.csv': undefined }, ['classes.csv: the file is missing, but enrollments.csv lists 2 enrollments']],
    [
      'classes without enrollments.csv in a full export',
      { 'enrollments.csv': undefined },
      ['enrollments.csv: the file is missing, but classes.csv lists 1 class; a full export needs both'],
    ],
    [
      'a manifest with an unknown mode',
      { 'manifest.csv': 'propertyName,value\nfile.users,full\n' },
      ['manifest.csv:2: file.users must be bulk, delta or absent (found "full")'],
    ],
    ['users.csv twice', { 'export/Users.csv': base['users.csv'] }, ['users.csv: the package holds this file twice ("users.csv" and "export/Users.csv")']],
  ])('%s', (_name, changes, expected) => {
    expect(problems(parseRosterFiles(build(changes)))).toEqual(expected);
  });

  it('lists every problem in every file, in file and line order', () => {
    const files = build({
      'manifest.csv': 'propertyName,value\nfile.users,full\n',
      'users.csv': base['users.csv'] + 'stf-2,active,janitor,,Smith,,\nstu-2,gone,student,Ava,Lee,,car-7\n',
      'enrollments.csv': base['enrollments.csv'] + 'enr-3,active,cls-9,stu-9,student\nenr-1,active,cls-1,stu-2,student\n',
      'demographics.csv': 'sourcedId,birthDate\nstu-1,2017-13-01\nstu-2,2018-01-01\n',
    });
    expect(problems(parseRosterFiles(files))).toEqual([
      'manifest.csv:2: file.users must be bulk, delta or absent (found "full")',
      'users.csv:5: givenName is missing',
      'users.csv:5: unknown role "janitor" (expected student, parent, guardian, relative, teacher, aide or administrator)',
      'users.csv:6: unknown status "gone" (expected active, tobedeleted or blank)',
      'users.csv:6: agent "car-7" does not exist',
      'enrollments.csv:4: class "cls-9" does not exist',
      'enrollments.csv:4: user "stu-9" does not exist',
      'enrollments.csv:5: sourcedId "enr-1" is used twice (first on line 2)',
      'demographics.csv:2: birthDate "2017-13-01" is not a real date in the form YYYY-MM-DD',
    ]);
  });

  it('stops the list at 200 problems and says how many more', () => {
    const rows = Array.from({ length: 250 }, (_, i) => `x-${i},active,janitor,Bob,Smith,,`).join('\n');
    const list = problems(parseRosterFiles(build({ 'users.csv': base['users.csv'] + rows + '\n' })));
    expect(list).toHaveLength(201);
    expect([list[0], list[199], list[200]]).toEqual([
      'users.csv:5: unknown role "janitor" (expected student, parent, guardian, relative, teacher, aide or administrator)',
      'users.csv:204: unknown role "janitor" (expected student, parent, guardian, relative, teacher, aide or administrator)',
      '…and 50 more',
    ]);
  });
});

describe('unsafe or broken uploads', () => {
  const notAZip = 'This upload is not a valid .zip file. Export the OneRoster CSV files again and upload the .zip as it is.';
  /** Rewrites the uncompressed size in every central-directory entry, as a zip bomb would declare it. */
  const declaring = (zip: Uint8Array, size: number) => {
    const copy = zip.slice();
    const view = new DataView(copy.buffer);
    for (let i = 0; i + 46 <= copy.length; i++) if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, size, true);
    return copy;
  };

  it.each<[string, Uint8Array, string[]]>([
    ['a CSV uploaded instead of a zip', new TextEncoder().encode('sourcedId,role\nstu-1,student\n'), [notAZip]],
    ['a damaged zip', zipRosterFiles(new Map([['users.csv', 'x']])).slice(0, 30), [notAZip]],
    [
      'a zip with 51 files',
      zipRosterFiles(new Map(Array.from({ length: 51 }, (_, i) => [`file${i}.csv`, 'x']))),
      ['The .zip holds 51 files; a OneRoster package has at most 50. Check you chose the right file.'],
    ],
    [
      'a zip that claims to unpack to 250 MB',
      declaring(zipRosterFiles(new Map([['users.csv', 'x'.repeat(1000)]])), 250 * 1024 * 1024),
      ['The .zip would unpack to 250 MB; the most this app accepts is 200 MB.'],
    ],
  ])('refuses %s', (_name, zip, expected) => {
    expect(unzipRoster(zip)).toEqual({ ok: false, problems: expected });
  });

  it('refuses the same through readRosterSource without throwing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oneroster-'));
    try {
      writeFileSync(join(dir, 'users.zip'), 'sourcedId,role\n');
      expect(problems(await readRosterSource(join(dir, 'users.zip')))).toEqual([notAZip]);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});

describe('yearGroupFromGrades', () => {
  it.each<[string, number | null]>([
    ['03', 3],
    ['3', 3],
    ['Y3', 3],
    ['Yr 3', 3],
    ['Year 3', 3],
    ['year  11', 11],
    ['13', 13],
    ['03,04', 3],
    [' 06 ', 6],
    ['R', 0],
    ['Reception', 0],
    ['YR', 0],
    ['Year R', 0],
    ['KG', 0],
    ['00', 0],
    ['FS2', 0],
    ['N', -1],
    ['Nursery', -1],
    ['PK', -1],
    ['PS', -1],
    ['FS1', -1],
    ['', null],
    ['14', null],
    ['UG', null],
    ['Other', null],
    ['Year Three', null],
  ])('%j → %s', (grades, expected) => {
    expect(yearGroupFromGrades(grades)).toBe(expected);
  });
});

describe('generated packages (large imports)', () => {
  it('parses 2,000 pupils with their carers quickly', () => {
    const files = generateRosterPackage({ pupils: 2000, seed: 7 });
    const elapsed = cpuStopwatch();
    const r = roster(parseRosterFiles(files));
    expect(elapsed()).toBeLessThan(2000);

    const pupils = r.users.filter((u) => u.kind === 'pupil');
    const carers = r.users.filter((u) => u.kind === 'carer');
    expect(pupils).toHaveLength(2000);
    expect(pupils.every((p) => p.agentSourcedIds.length >= 1 && p.agentSourcedIds.length <= 2)).toBe(true);
    expect(pupils.every((p) => r.birthDates.has(p.sourcedId))).toBe(true);
    expect(carers.some((c) => c.agentSourcedIds.length >= 2)).toBe(true); // siblings sharing a carer
    expect(new Set(carers.map((c) => r.relationships.get(c.sourcedId)))).toEqual(new Set(['parent', 'guardian', 'relative']));
    expect(r.classes).toHaveLength(72);
    expect(r.enrollments.filter((e) => e.role === 'student')).toHaveLength(2000);
  });

  it("gives each pupil a birth date that fits their class's year group", () => {
    const r = roster(parseRosterFiles(generateRosterPackage({ pupils: 300, classes: 7, seed: 3 })));
    const yearOf = new Map(r.classes.map((c) => [c.sourcedId, c.yearGroup ?? NaN]));
    for (const e of r.enrollments.filter((e) => e.role === 'student')) {
      const born = r.birthDates.get(e.userSourcedId) ?? '';
      const year = yearOf.get(e.classSourcedId) ?? NaN;
      expect(born >= `${2020 - year}-09-01` && born <= `${2021 - year}-08-31`).toBe(true);
    }
  });

  it('is the same for the same seed, and survives a trip through a .zip', () => {
    const files = generateRosterPackage({ pupils: 50, seed: 9 });
    expect(generateRosterPackage({ pupils: 50, seed: 9 })).toEqual(files);
    expect(generateRosterPackage({ pupils: 50, seed: 10 })).not.toEqual(files);
    const unzipped = unzipRoster(zipRosterFiles(files));
    expect(unzipped.ok && roster(parseRosterFiles(unzipped.files)).users.length).toBe(roster(parseRosterFiles(files)).users.length);
  });
});
