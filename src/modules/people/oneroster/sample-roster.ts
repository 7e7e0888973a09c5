/**
 * Builds a realistic OneRoster 1.1 CSV package of any size for benchmarks and tests of large imports: a primary
 * school (Reception to Year 6) whose pupils come in families of 1–3 siblings sharing 1–2 carers, with birth dates
 * that fit each pupil's year group. Deterministic for a given seed.
 */
import { boys, girls, grandparents, men, nicknames, surnames, women } from './sample-names.ts';

export { zipRosterFiles } from './oneroster.zip.ts';

export interface GenerateRosterOptions {
  pupils: number;
  /** Defaults to one class per 28 pupils. */
  classes?: number;
  seed?: number;
}

const trees = ['Hazel', 'Oak', 'Ash', 'Birch', 'Willow', 'Rowan', 'Elm', 'Beech', 'Cedar', 'Holly', 'Maple', 'Alder'];
const houses = ['Kestrel', 'Otter', 'Badger', 'Heron'];
const stamp = '2025-09-01T07:30:00.000Z';

/** mulberry32: tiny, seedable and good enough for test data. */
function randomSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function csvLine(fields: readonly (string | number)[]): string {
  return fields.map((f) => (/[",\r\n]/.test(String(f)) ? `"${String(f).replace(/"/g, '""')}"` : String(f))).join(',');
}

function csvFile(header: string, rows: string[][]): string {
  return [header, ...rows.map(csvLine)].join('\r\n') + '\r\n';
}

const id = (prefix: string, n: number) => `${prefix}-${String(n).padStart(5, '0')}`;

export function generateRosterPackage({ pupils, classes, seed = 1 }: GenerateRosterOptions): Map<string, string> {
  const random = randomSource(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const classCount = Math.max(1, classes ?? Math.ceil(pupils / 28));
  const phone = () => `07700 900${String(Math.floor(random() * 1000)).padStart(3, '0')}`;
  const email = (given: string, family: string, n: number) => `${given}.${family}${n}@example.com`.toLowerCase().replace(/[^a-z0-9.@]/g, '');

  // Classes cycle Reception, Year 1 … Year 6 so each year group gets its share.
  const classRows: string[][] = [];
  const classYears: number[] = [];
  for (let c = 0; c < classCount; c++) {
    const year = c % 7;
    const round = Math.floor(c / 7);
    const tree = trees[round % trees.length] + (round >= trees.length ? ` ${Math.floor(round / trees.length) + 1}` : '');
    const title = `${year === 0 ? 'Reception' : `Year ${year}`} ${tree}`;
    classYears.push(year);
    classRows.push([
      id('cls', c + 1),
      'active',
      stamp,
      title,
      year === 0 ? 'R' : String(year).padStart(2, '0'),
      `crs-y${year}`,
      `${year === 0 ? 'R' : year}${tree[0]}`,
      'homeroom',
      `Room ${c + 1}`,
      'org-school',
      'as-2025',
      '',
      '',
      '',
    ]);
  }

  // MIS exports list users grouped by role: pupils, then carers, then staff.
  const userRows = { student: [] as string[][], carer: [] as string[][], staff: [] as string[][] };
  const enrollmentRows: string[][] = [];
  const demographicRows: string[][] = [];
  let carerNumber = 0;
  const user = (
    sourcedId: string,
    status: string,
    role: string,
    username: string,
    given: string,
    family: string,
    mail: string,
    tel: string,
    agents: string[],
    grades: string,
    preferred: string,
    house: string,
  ): string[] => {
    const row = [
      sourcedId,
      status,
      stamp,
      'true',
      'org-school',
      role,
      username,
      '',
      given,
      family,
      '',
      '',
      mail,
      '',
      tel,
      agents.join(','),
      grades,
      '',
      preferred,
      house,
    ];
    userRows[role === 'student' ? 'student' : ['parent', 'guardian', 'relative'].includes(role) ? 'carer' : 'staff'].push(row);
    return row;
  };

  for (let p = 0; p < pupils;) {
    // A family: 1–3 siblings sharing a surname and 1–2 carers (a parent, guardian or grandparent).
    const size = Math.min(pupils - p, random() < 0.72 ? 1 : random() < 0.8 ? 2 : 3);
    const surname = pick(surnames);
    const carers: string[] = [];
    const carerRows: string[][] = [];
    const carerCount = random() < 0.65 ? 2 : 1;
    for (let k = 0; k < carerCount; k++) {
      carerNumber++;
      const kind = random();
      const role = kind < 0.86 ? 'parent' : kind < 0.93 ? 'guardian' : 'relative';
      const [given, family] =
        role === 'relative'
          ? [pick(grandparents)[0], random() < 0.5 ? surname : pick(surnames)]
          : [k === 0 ? pick(women) : pick(men), random() < 0.85 ? surname : pick(surnames)];
      carers.push(id('car', carerNumber));
      const mail = random() < 0.95 ? email(given, family, carerNumber) : '';
      carerRows.push(user(id('car', carerNumber), 'active', role, mail, given, family, mail, random() < 0.9 ? phone() : '', [], '', '', ''));
    }
    // Most MIS exports write the link on the pupil's row; some write it on the carer's. Both must work.
    const linkOnCarer = random() < 0.2;
    const siblings: string[] = [];
    for (let s = 0; s < size; s++, p++) {
      const sourcedId = id('stu', p + 1);
      siblings.push(sourcedId);
      const girl = random() < 0.5;
      const given = pick(girl ? girls : boys);
      const classIndex = p % classCount;
      const year = classYears[classIndex];
      const preferred = nicknames[given] && random() < 0.3 ? nicknames[given] : '';
      user(
        sourcedId,
        'active',
        'student',
        sourcedId,
        given,
        surname,
        '',
        '',
        linkOnCarer ? [] : carers,
        year === 0 ? 'R' : String(year).padStart(2, '0'),
        preferred,
        pick(houses),
      );
      enrollmentRows.push([
        id('enr', p + 1),
        'active',
        stamp,
        id('cls', classIndex + 1),
        'org-school',
        sourcedId,
        'student',
        'false',
        '2025-09-01',
        '2026-07-22',
      ]);
      // English school year: Year N in 2025/26 was born between 1 September (2020 − N) and 31 August (2021 − N).
      const born = new Date(Date.UTC(2020 - year, 8, 1) + Math.floor(random() * 365) * 86_400_000);
      demographicRows.push([
        sourcedId,
        'active',
        stamp,
        born.toISOString().slice(0, 10),
        girl ? 'female' : 'male',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        'GB',
        '',
        '',
        '',
      ]);
    }
    if (linkOnCarer) for (const row of carerRows) row[15] = siblings.join(','); // the agentSourcedIds column
  }

  // Staff: a teacher per class, a teaching assistant per two classes, and the office.
  let staffNumber = 0;
  const addStaff = (role: string, enrolIn: number | null) => {
    staffNumber++;
    const given = random() < 0.7 ? pick(women) : pick(men);
    const family = pick(surnames);
    const mail = `${given[0]}.${family}${staffNumber}@school.example.org`.toLowerCase().replace(/[^a-z0-9.@]/g, '');
    user(id('stf', staffNumber), 'active', role, mail, given, family, mail, '', [], '', '', '');
    if (enrolIn !== null) {
      enrollmentRows.push([
        id('enr-s', staffNumber),
        'active',
        stamp,
        id('cls', enrolIn + 1),
        'org-school',
        id('stf', staffNumber),
        role,
        role === 'teacher' ? 'true' : 'false',
        '2025-09-01',
        '2026-07-22',
      ]);
    }
  };
  for (let c = 0; c < classCount; c++) addStaff('teacher', c);
  for (let c = 0; c < classCount; c += 2) addStaff('aide', c);
  addStaff('administrator', null);
  addStaff('administrator', null);

  const files = new Map<string, string>();
  files.set(
    'manifest.csv',
    csvFile('propertyName,value', [
      ['manifest.version', '1.0'],
      ['oneroster.version', '1.1'],
      ['file.academicSessions', 'bulk'],
      ['file.classes', 'bulk'],
      ['file.courses', 'absent'],
      ['file.demographics', 'bulk'],
      ['file.enrollments', 'bulk'],
      ['file.orgs', 'bulk'],
      ['file.users', 'bulk'],
      ['source.systemName', 'Example MIS'],
    ]),
  );
  files.set(
    'orgs.csv',
    csvFile('sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId', [
      ['org-school', 'active', stamp, 'Example Primary School', 'school', 'URN 100002', ''],
    ]),
  );
  files.set(
    'academicSessions.csv',
    csvFile('sourcedId,status,dateLastModified,title,type,startDate,endDate,parentSourcedId,schoolYear', [
      ['as-2025', 'active', stamp, '2025/26', 'schoolYear', '2025-09-01', '2026-08-31', '', '2026'],
    ]),
  );
  files.set(
    'classes.csv',
    csvFile(
      'sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,location,schoolSourcedId,termSourcedIds,subjects,subjectCodes,periods',
      classRows,
    ),
  );
  files.set(
    'users.csv',
    '\uFEFF' +
      csvFile(
        'sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password,preferredGivenName,metadata.ext.houseGroup',
        [...userRows.student, ...userRows.carer, ...userRows.staff],
      ),
  );
  files.set(
    'enrollments.csv',
    csvFile('sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate', enrollmentRows),
  );
  files.set(
    'demographics.csv',
    csvFile(
      'sourcedId,status,dateLastModified,birthDate,sex,americanIndianOrAlaskaNative,asian,blackOrAfricanAmerican,nativeHawaiianOrOtherPacificIslander,white,demographicRaceTwoOrMoreRaces,hispanicOrLatinoEthnicity,countryOfBirthCode,stateOfBirthAbbreviation,cityOfBirth,publicSchoolResidenceStatus',
      demographicRows,
    ),
  );
  return files;
}
