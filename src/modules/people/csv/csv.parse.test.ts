import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normaliseHeader, suggestMapping } from './csv.fields.ts';
import { formatProblem, readPlainCsv, type CsvFiles } from './csv.parse.ts';
import { decodeCsvBytes, detectDelimiter, readCsvRecords } from './csv.text.ts';
import { readBoolean, readDate, readYear, staffKindFromTitle } from './csv.values.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
const files = (pupils: string, contacts: string, staff: string): CsvFiles => ({
  pupils: { name: 'pupils.csv', bytes: bytes(pupils) },
  contacts: { name: 'contacts.csv', bytes: bytes(contacts) },
  staff: { name: 'staff.csv', bytes: bytes(staff) },
});
const fixture = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(`test/fixtures/csv/${name}`)) });
const pupilsCsv = 'Adno,Forename,Surname,Reg Group,Year\n1,Amy,Ash,3B,Y3\n2,Ben,Birch,3B,3\n';
const contactsCsv = 'Adno,Contact ID,Forename,Surname,Relationship,Parental Responsibility\n1,C1,Ann,Ash,Mother,Y\n2,C2,Bob,Birch,Father,Y\n';
const staffCsv = 'Staff ID,Forename,Surname,Role,Class\nS1,Cat,Cole,Teacher,3B\n';

describe('decoding', () => {
  it.each([
    ['UTF-8 with BOM', [0xef, 0xbb, 0xbf, 0x5a, 0x6f, 0xc3, 0xab], 'Zoë'],
    ['UTF-8', [0x4f, 0xe2, 0x80, 0x99, 0x42], 'O’B'],
    ['Windows-1252 ë', [0x5a, 0x6f, 0xeb], 'Zoë'],
    ['Windows-1252 right quote 0x92', [0x4f, 0x92, 0x42, 0x72, 0x69, 0x65, 0x6e], 'O’Brien'],
    ['Windows-1252 € and – (0x80, 0x96)', [0x80, 0x20, 0x96], '€ –'],
  ])('%s', (_, input, expected) => expect(decodeCsvBytes(new Uint8Array(input))).toBe(expected));
});

describe('delimiters and records', () => {
  it.each([
    ['a,b;c', ','],
    ['a;b;c', ';'],
    ['a\tb\tc', '\t'],
    ['"x;y",b', ','],
  ])('%j → %j', (line, d) => expect(detectDelimiter(`${line}\n1,2`)).toBe(d));
  it('keeps quoted delimiters and line breaks, and counts physical lines', () => {
    const { records } = readCsvRecords('a;b\r\n"x;1";"two\r\nlines"\r\n\r\n3;"q""uote"\r\n', ';');
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x;1', 'two\r\nlines'] },
      { line: 5, fields: ['3', 'q"uote'] },
    ]);
  });
});

describe('values', () => {
  it.each([
    ['R', 0],
    ['Reception', 0],
    ['Y3', 3],
    ['Year 3', 3],
    ['3', 3],
    ['', null],
  ])('year %j → %j', (cell, year) => expect(readYear(cell)).toEqual({ ok: true, value: year }));
  it('refuses a year it cannot read', () => expect(readYear('Blue').ok).toBe(false));
  it.each([
    ['T', true],
    ['F', false],
    ['Y', true],
    ['n', false],
    ['Yes', true],
    ['No', false],
    ['1', true],
    ['0', false],
    ['', false],
  ])('boolean %j → %j', (cell, value) => expect(readBoolean(cell)).toEqual({ ok: true, value }));
  it.each([
    ['14/03/2019', '2019-03-14'],
    ['2019-03-14', '2019-03-14'],
    ['1/2/2019', '2019-02-01'],
  ])('date %j → %j', (cell, iso) => expect(readDate(cell)).toEqual({ ok: true, value: iso }));
  it.each([
    ['43538', /Excel date serial number/],
    ['03/14/2019', /not a date/],
    ['31/02/2019', /not a date/],
  ])('refuses the date %j', (cell, reason) => {
    const r = readDate(cell);
    expect(r.ok ? '' : r.reason).toMatch(reason);
  });
  it.each([
    ['Class Teacher', false, 'teacher'],
    ['Headteacher', false, 'teacher'],
    ['Designated Safeguarding Lead', true, 'teacher'],
    ['Designated Safeguarding Lead', false, 'aide'],
    ['Teaching Assistant', true, 'aide'],
    ['Office Manager', false, 'aide'],
    ['', true, 'teacher'],
  ])('staff %j (teaches: %j) → %s only', (title, teaches, kind) => expect(staffKindFromTitle(title, teaches)).toBe(kind));
});

describe('headers', () => {
  it.each([['Reg. Group'], ['reg_group'], ['RegGroup'], ['\uFEFFREG GROUP']])('%j is one key', (h) => expect(normaliseHeader(h)).toBe('reggroup'));
  it('uses UPN only when no other id column is present', () => {
    expect(suggestMapping('pupils', ['UPN', 'Adno', 'Forename'])).toEqual([null, 'id', 'forename']);
    expect(suggestMapping('pupils', ['UPN', 'Forename'])).toEqual(['id', 'forename']);
  });
});

describe('readPlainCsv', () => {
  it('reads the SIMS-style export: classes from reg groups, contacts per link, staff as teacher or support staff', () => {
    const r = readPlainCsv({ pupils: fixture('sims-pupils.csv'), contacts: fixture('sims-contacts.csv'), staff: fixture('sims-staff.csv') });
    expect(r.problems).toEqual([]);
    expect(r.counts).toEqual({ pupils: 4, carers: 4, staff: 4, classes: 2 });
    expect(r.roster!.classes.map((c) => [c.title, c.yearGroup])).toEqual([
      ['Robins', 0],
      ['Kestrels', 3],
    ]);
    expect(r.roster!.users.filter((u) => u.kind === 'staff').map((u) => u.oneRosterRole)).toEqual(['teacher', 'teacher', 'aide', 'teacher']);
    expect(r.roster!.contactLinks!.get('1001:C502')).toMatchObject({ parentalResponsibility: true, courtOrder: true, priority: 2, relationship: 'father' });
    expect(r.roster!.birthDates.get('1001')).toBe('2019-03-14');
    expect(r.warnings.join('\n')).toMatch(/Daniel Okafor \(Amara Okafor\) has a court order/);
    expect(r.warnings.join('\n')).toMatch(/Siobhan Brennan is listed as Mother of Theo Brennan but the parental responsibility column is blank/);
    expect(r.warnings.join('\n')).toMatch(/sims-pupils.csv:4: Isla Whitlock has no contact with parental responsibility/);
  });

  it('reads the Arbor-style export: semicolons, BOM, UTF-8 names', () => {
    const r = readPlainCsv({ pupils: fixture('arbor-pupils.csv'), contacts: fixture('arbor-contacts.csv'), staff: fixture('arbor-staff.csv') });
    expect(r.problems).toEqual([]);
    expect(r.roster!.users.find((u) => u.sourcedId === 'ST-1')).toMatchObject({ givenName: 'Zoë', familyName: 'O’Brien' });
    expect(r.roster!.enrollments.filter((e) => e.role === 'teacher')).toMatchObject([{ classSourcedId: '2W', userSourcedId: 'E-7' }]);
  });

  it.each([
    [
      'a duplicated id, at its second line',
      'Adno,Forename,Surname,Reg Group\n1,Amy,Ash,3B\n1,Ben,Birch,3B\n',
      contactsCsv.split('\n').slice(0, 2).join('\n'),
      staffCsv,
      'pupils.csv:3: column "Adno": the id 1 is also on line 2',
    ],
    [
      'a missing required column',
      'Adno,Forename,Surname\n1,Amy,Ash\n',
      contactsCsv,
      staffCsv,
      'pupils.csv:1: column "Reg Group": missing: no column gives the class',
    ],
    [
      'two columns for one field',
      'Adno,Forename,Surname,Reg Group,Class\n1,Amy,Ash,3B,3B\n',
      contactsCsv,
      staffCsv,
      'pupils.csv:1: column "Class": "Reg Group" is also mapped to Class',
    ],
    [
      'a pupil whose class is unknown',
      'Adno,Forename,Surname,Reg Group\n1,Amy,Ash,\n2,Ben,Birch,3B\n',
      contactsCsv,
      staffCsv,
      'pupils.csv:2: column "Reg Group": blank: the pupil’s class is unknown',
    ],
    [
      'a teacher of an unknown class',
      pupilsCsv,
      contactsCsv,
      'Staff ID,Forename,Surname,Class\nS1,Cat,Cole,4Z\n',
      'staff.csv:2: column "Class": unknown class "4Z"',
    ],
    [
      'an Excel serial date',
      'Adno,Forename,Surname,Reg Group,DOB\n1,Amy,Ash,3B,43538\n2,Ben,Birch,3B,\n',
      contactsCsv,
      staffCsv,
      'pupils.csv:2: column "DOB": "43538" looks like an Excel date serial number',
    ],
  ])('refuses %s with file, line and column', (_, pupils, contacts, staff, expected) => {
    const r = readPlainCsv(files(pupils, contacts, staff));
    expect(r.roster).toBeNull();
    expect(r.problems.map(formatProblem).join('\n')).toContain(expected);
  });

  it('--map chooses the column for a field and leaves the rest ignored', () => {
    const r = readPlainCsv(files('Adno,Forename,Surname,Reg Group,Tutor Grp\n1,Amy,Ash,X,3B\n2,Ben,Birch,X,3B\n', contactsCsv, staffCsv), {
      overrides: [{ kind: 'pupils', field: 'class', column: 'Tutor Grp' }],
    });
    expect(r.problems).toEqual([]);
    expect(r.sheets[0].mapping).toEqual(['id', 'forename', 'surname', null, 'class']);
    expect(r.roster!.classes.map((c) => c.title)).toEqual(['3B']);
  });

  it('a partial file is a delta: nobody missing from it leaves', () => {
    expect(readPlainCsv(files(pupilsCsv, contactsCsv, staffCsv), { partial: true }).roster!.mode).toBe('delta');
    expect(readPlainCsv(files(pupilsCsv, contactsCsv, staffCsv)).roster!.mode).toBe('bulk');
  });
});
