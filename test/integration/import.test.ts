import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/platform/db/database.ts';
import { withSchool } from '../../src/platform/db/school-scope.ts';
import { sql } from 'kysely';
import { createImportService } from '../../src/modules/people/import.service.ts';
import { createConsentRequestService } from '../../src/modules/consent/consent-requests.service.ts';
import type { Actor } from '../../src/platform/auth/actor.ts';
import { loadConfig } from '../../src/config.ts';
import { configureMailSealing } from '../../src/platform/mail/sealed.ts';
import { createTestDatabase, databaseKinds } from '../helpers/database.ts';
import { makeSchool, makeStaff, type TestStaff } from '../helpers/factories.ts';

const fixtureDir = new URL('../fixtures/oneroster/basic', import.meta.url).pathname;
const actor = { id: null, label: 'test' };

function fixtureFiles(): Map<string, string> {
  return new Map(readdirSync(fixtureDir).map((name) => [name, readFileSync(join(fixtureDir, name), 'utf8')]));
}

function writePackage(files: Map<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'roster-'));
  for (const [name, text] of files) writeFileSync(join(dir, name), text);
  return dir;
}

describe.each(databaseKinds())('OneRoster import (%s)', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    // A consent request below e-mails carers: the outbox seals links, as the app does from start-up.
    configureMailSealing(loadConfig({ NODE_ENV: 'test' }).sessionSecret);
  });
  afterAll(() => database.close());

  const pupilsOf = (schoolId: string) =>
    withSchool(database.db, schoolId, (tx) =>
      tx
        .selectFrom('pupils as p')
        .leftJoin('classes as c', 'c.id', 'p.class_id')
        .select(['p.sourced_id', 'p.given_name', 'p.preferred_name', 'p.date_of_birth', 'p.on_roll', 'p.leaving_date', 'c.title'])
        .orderBy('p.sourced_id')
        .execute(),
    );

  it("refreshes the planner's statistics for the tables an import wrote, so the next page view is planned for the school's real size", async () => {
    const school = await makeSchool(database.db);
    const estimate = async () => {
      const { rows } = await sql<{ estimate: number; actual: string }>`
        SELECT (SELECT reltuples FROM pg_class WHERE oid = 'pupils'::regclass) AS estimate, (SELECT count(*) FROM pupils) AS actual`.execute(database.db);
      return { estimate: Number(rows[0].estimate), actual: Number(rows[0].actual) };
    };
    const result = await createImportService(database.schools).importFromPath(school.id, actor, fixtureDir, false);
    expect(result.ok).toBe(true);
    const after = await estimate();
    expect(after.actual).toBeGreaterThan(0);
    // ANALYZE reads every row of a table this small, so the estimate is the count itself.
    expect(after.estimate).toBe(after.actual);
  });

  it('imports a real-world package: BOM, CRLF, quoted commas, extension columns and tobedeleted', async () => {
    const school = await makeSchool(database.db);
    const result = await createImportService(database.schools).importFromPath(school.id, actor, fixtureDir, false);
    expect(result).toMatchObject({
      ok: true,
      outcome: {
        summary: {
          pupils: { created: 11, updated: 0, left: 0 },
          carers: { created: 15 },
          staff: { created: 4 },
          classes: { created: 3 },
        },
      },
    });
    const pupils = await pupilsOf(school.id);
    expect(pupils).toHaveLength(11);
    expect(pupils.find((p) => p.sourced_id === 'stu-012')).toBeUndefined();
    expect(pupils.find((p) => p.sourced_id === 'stu-001')).toMatchObject({ given_name: 'Amelia', title: 'Year 3 Hazel', on_roll: true });
    expect(pupils.every((p) => /^\d{4}-\d{2}-\d{2}$/.test(p.date_of_birth ?? ''))).toBe(true);
    const links = await withSchool(database.db, school.id, (tx) => tx.selectFrom('pupil_carers').select(['relationship', 'parental_responsibility']).execute());
    expect(links.length).toBeGreaterThanOrEqual(11);
    const roles = await withSchool(database.db, school.id, (tx) => tx.selectFrom('staff_roles').select('role').execute());
    expect(roles.map((r) => r.role).sort()).toEqual(['office', 'support-staff', 'teacher', 'teacher']);
  });

  it('a second import of the same export changes nothing and creates no duplicates', async () => {
    const school = await makeSchool(database.db);
    const importer = createImportService(database.schools);
    await importer.importFromPath(school.id, actor, fixtureDir, false);
    const again = await importer.importFromPath(school.id, actor, fixtureDir, false);
    expect(again).toMatchObject({
      ok: true,
      outcome: {
        summary: {
          pupils: { created: 0, updated: 0, left: 0 },
          carers: { created: 0, updated: 0, left: 0 },
          staff: { created: 0, updated: 0 },
          classes: { created: 0, updated: 0 },
        },
      },
    });
    expect(await pupilsOf(school.id)).toHaveLength(11);
  });

  it('a later bulk export moves pupils, marks the missing as left and never deletes them', async () => {
    const school = await makeSchool(database.db);
    const importer = createImportService(database.schools);
    await importer.importFromPath(school.id, actor, fixtureDir, false);
    const files = fixtureFiles();
    // stu-002 leaves (removed from users and enrollments); stu-001 moves from Year 3 Hazel to Year 4 Oak.
    files.set(
      'users.csv',
      files
        .get('users.csv')!
        .split('\r\n')
        .filter((l) => !l.startsWith('stu-002,'))
        .join('\r\n'),
    );
    files.set(
      'enrollments.csv',
      files
        .get('enrollments.csv')!
        .split('\r\n')
        .filter((l) => !l.includes(',stu-002,'))
        .map((l) => (l.includes(',stu-001,') ? l.replace('cls-y3-hazel', 'cls-y4-oak') : l))
        .join('\r\n'),
    );
    files.set(
      'demographics.csv',
      files
        .get('demographics.csv')!
        .split(/\r?\n/)
        .filter((l) => !l.startsWith('stu-002,'))
        .join('\n'),
    );
    const result = await importer.importFromPath(school.id, actor, writePackage(files), false);
    expect(result).toMatchObject({ ok: true, outcome: { summary: { pupils: { created: 0, updated: 1, left: 1 } } } });
    if (!result.ok) return;
    expect(result.outcome.moves).toEqual([{ name: 'Amelia Clarke', from: 'Year 3 Hazel', to: 'Year 4 Oak' }]);
    const pupils = await pupilsOf(school.id);
    expect(pupils).toHaveLength(11);
    expect(pupils.find((p) => p.sourced_id === 'stu-002')).toMatchObject({ on_roll: false, leaving_date: expect.stringMatching(/^\d{4}-/) });
    expect(pupils.find((p) => p.sourced_id === 'stu-001')).toMatchObject({ title: 'Year 4 Oak', on_roll: true });
  });

  it('a pupil marked tobedeleted later is marked as left, not deleted', async () => {
    const school = await makeSchool(database.db);
    const importer = createImportService(database.schools);
    await importer.importFromPath(school.id, actor, fixtureDir, false);
    const files = fixtureFiles();
    files.set('users.csv', files.get('users.csv')!.replace(/^stu-003,active,/m, 'stu-003,tobedeleted,'));
    const result = await importer.importFromPath(school.id, actor, writePackage(files), false);
    expect(result).toMatchObject({ ok: true, outcome: { summary: { pupils: { left: 1 } }, leavers: ["Isla O'Neill"] } });
  });

  it('matches a member of staff added in the app by e-mail instead of duplicating them', async () => {
    const school = await makeSchool(database.db);
    await makeStaff(database.db, school.id, ['office'], { email: 'Office@Hazelwood.example.org' });
    const result = await createImportService(database.schools).importFromPath(school.id, actor, fixtureDir, false);
    expect(result).toMatchObject({ ok: true, outcome: { summary: { staff: { created: 3, updated: 1 } } } });
    const staff = await withSchool(database.db, school.id, (tx) => tx.selectFrom('staff').select('email').execute());
    expect(staff).toHaveLength(4);
  });

  it('a member of staff who has left is signed out everywhere and their API tokens stop working', async () => {
    const school = await makeSchool(database.db);
    const importer = createImportService(database.schools);
    await importer.importFromPath(school.id, actor, fixtureDir, false);
    const green = await withSchool(database.db, school.id, (tx) =>
      tx.selectFrom('staff').select('id').where('sourced_id', '=', 'stf-001').executeTakeFirstOrThrow(),
    );
    await database.db
      .insertInto('sessions')
      .values({ id_hash: `h-${green.id}`, school_id: school.id, staff_id: green.id, expires_at: new Date(Date.now() + 3600_000) })
      .execute();
    await database.db
      .insertInto('api_tokens')
      .values({ school_id: school.id, staff_id: green.id, token_hash: `t-${green.id}` })
      .execute();
    const files = fixtureFiles();
    files.set('users.csv', files.get('users.csv')!.replace(/^stf-001,active,/m, 'stf-001,tobedeleted,'));
    const result = await importer.importFromPath(school.id, actor, writePackage(files), false);
    expect(result).toMatchObject({ ok: true, outcome: { summary: { staff: { left: 1 } } } });
    expect(await database.db.selectFrom('sessions').select('id_hash').where('staff_id', '=', green.id).execute()).toHaveLength(0);
    const token = await database.db.selectFrom('api_tokens').select('revoked_at').where('staff_id', '=', green.id).executeTakeFirstOrThrow();
    expect(token.revoked_at).not.toBeNull();
  });

  it('refuses a package with any invalid row whole, listing every problem, and writes nothing', async () => {
    const school = await makeSchool(database.db);
    const files = fixtureFiles();
    files.set(
      'users.csv',
      files
        .get('users.csv')!
        .replace(/^(stu-004,active,[^,]*,true,org-hazelwood,)student,/m, '$1janitor,')
        .replace(/^(stu-005,active,[^,]*,true,org-hazelwood,student,stu-005,,)[^,]+,/m, '$1,'),
    );
    files.set(
      'enrollments.csv',
      `${files.get('enrollments.csv')!}enr-999,active,2025-09-01T07:30:00.000Z,cls-missing,org-hazelwood,stu-001,student,false,2025-09-01,\r\n`,
    );
    const result = await createImportService(database.schools).importFromPath(school.id, actor, writePackage(files), false);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^users\.csv:\d+: unknown role "janitor"/),
        expect.stringMatching(/^users\.csv:\d+: givenName is missing/),
        expect.stringMatching(/^enrollments\.csv:\d+: class "cls-missing" does not exist/),
      ]),
    );
    expect(await pupilsOf(school.id)).toHaveLength(0);
    const classes = await withSchool(database.db, school.id, (tx) => tx.selectFrom('classes').select('id').execute());
    expect(classes).toHaveLength(0);
  });

  it('a dry run reports what would change and saves nothing', async () => {
    const school = await makeSchool(database.db);
    const result = await createImportService(database.schools).importFromPath(school.id, actor, fixtureDir, true);
    expect(result).toMatchObject({ ok: true, outcome: { summary: { pupils: { created: 11 } } } });
    expect(await pupilsOf(school.id)).toHaveLength(0);
  });

  const staffEmail = (schoolId: string, sourcedId: string) =>
    withSchool(database.db, schoolId, (tx) => tx.selectFrom('staff').select('email').where('sourced_id', '=', sourcedId).executeTakeFirstOrThrow()).then(
      (s) => s.email,
    );

  it('never changes an existing member of staff’s e-mail address: the change is held for the headteacher', async () => {
    const school = await makeSchool(database.db);
    const importer = createImportService(database.schools);
    await importer.importFromPath(school.id, actor, fixtureDir, false);
    const files = fixtureFiles();
    files.set('users.csv', files.get('users.csv')!.replaceAll('r.green@hazelwood.example.org', 'rachel@attacker.example'));
    const dir = writePackage(files);
    const preview = await importer.importFromPath(school.id, actor, dir, true);
    expect(preview).toMatchObject({
      ok: true,
      outcome: { emailChangesHeld: [{ sourcedId: 'stf-001', name: 'Rachel Green', from: 'r.green@hazelwood.example.org', to: 'rachel@attacker.example' }] },
    });
    const result = await importer.importFromPath(school.id, actor, dir, false);
    expect(result).toMatchObject({
      ok: true,
      outcome: { summary: { staff: { updated: 0 } }, emailChangesHeld: [{ sourcedId: 'stf-001', to: 'rachel@attacker.example' }] },
    });
    expect(await staffEmail(school.id, 'stf-001')).toBe('r.green@hazelwood.example.org');
    const held = await withSchool(database.db, school.id, (tx) =>
      tx.selectFrom('staff_email_changes_held').select(['sourced_id', 'from_email', 'to_email', 'applied_at']).execute(),
    );
    expect(held).toEqual([{ sourced_id: 'stf-001', from_email: 'r.green@hazelwood.example.org', to_email: 'rachel@attacker.example', applied_at: null }]);
    // The held change is the school's own: nobody else sees it.
    await database.db.transaction().execute(async (tx) => {
      await sql`SET LOCAL ROLE app_user`.execute(tx);
      expect((await sql<{ n: number }>`SELECT count(*)::int AS n FROM staff_email_changes_held`.execute(tx)).rows[0].n).toBe(0);
    });
    // An export that agrees with the app again drops the held change.
    await importer.importFromPath(school.id, actor, fixtureDir, false);
    expect(await withSchool(database.db, school.id, (tx) => tx.selectFrom('staff_email_changes_held').select('id').execute())).toHaveLength(0);
  });

  it('refuses, line by line, a staff e-mail address that belongs to someone added in the app or appears twice, and writes nothing', async () => {
    const school = await makeSchool(database.db);
    const importer = createImportService(database.schools);
    await importer.importFromPath(school.id, actor, fixtureDir, false);
    await makeStaff(database.db, school.id, ['dsl'], { email: 'dsl@hazelwood.example.org' });
    const files = fixtureFiles();
    files.set('users.csv', files.get('users.csv')!.replaceAll('r.green@hazelwood.example.org', 'dsl@hazelwood.example.org'));
    const clash = await importer.importFromPath(school.id, actor, writePackage(files), false);
    expect(clash).toEqual({
      ok: false,
      problems: [
        expect.stringMatching(/^users\.csv:\d+: the e-mail address dsl@hazelwood\.example\.org belongs to another member of staff \(Test Person \d+\)$/),
      ],
    });
    expect(await staffEmail(school.id, 'stf-001')).toBe('r.green@hazelwood.example.org');

    const fresh = await makeSchool(database.db);
    const twice = fixtureFiles();
    twice.set('users.csv', twice.get('users.csv')!.replaceAll('t.baker@hazelwood.example.org', 'r.green@hazelwood.example.org'));
    const repeated = await importer.importFromPath(fresh.id, actor, writePackage(twice), false);
    expect(repeated).toEqual({
      ok: false,
      problems: [expect.stringMatching(/^users\.csv:\d+: the e-mail address r\.green@hazelwood\.example\.org is also used on line \d+$/)],
    });
    expect(await withSchool(database.db, fresh.id, (tx) => tx.selectFrom('staff').select('id').execute())).toHaveLength(0);
  });

  it('refuses over-long names, e-mail addresses and ids with file:line, and writes nothing', async () => {
    const school = await makeSchool(database.db);
    const files = fixtureFiles();
    files.set(
      'users.csv',
      files
        .get('users.csv')!
        .replace(',Amelia,Clarke,', `,${'A'.repeat(101)},Clarke,`)
        .replace('t.baker@hazelwood.example.org,,,', `${'t'.repeat(250)}@hazelwood.example.org,,,`)
        .replace(/^stu-011,/m, `${'s'.repeat(256)},`),
    );
    files.set('classes.csv', files.get('classes.csv')!.replace('Year 4 Oak', 'O'.repeat(201)));
    const result = await createImportService(database.schools).importFromPath(school.id, actor, writePackage(files), false);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^users\.csv:2: givenName is 101 characters long; the most allowed is 100$/),
        expect.stringMatching(/^users\.csv:\d+: email is 272 characters long; the most allowed is 254$/),
        expect.stringMatching(/^users\.csv:12: sourcedId is 256 characters long; the most allowed is 255$/),
        expect.stringMatching(/^classes\.csv:\d+: title is 201 characters long; the most allowed is 200$/),
      ]),
    );
    expect(await pupilsOf(school.id)).toHaveLength(0);
  });

  it('admission dates come from the enrolments, so the first import is not a school full of new admissions', async () => {
    const school = await makeSchool(database.db, { name: 'Admissions Primary' });
    const importer = createImportService(database.schools);
    await importer.importFromPath(school.id, actor, fixtureDir, false);
    const office: TestStaff = await makeStaff(database.db, school.id, ['office']);
    const officeActor: Actor = {
      staffId: office.id,
      schoolId: school.id,
      schoolName: 'Admissions Primary',
      schoolUrn: '100000',
      name: 'Olive Office',
      email: office.email,
      roles: ['office'],
      via: 'session',
      sessionHash: null,
      twoFactor: 'not-required',
    };
    const requests = createConsentRequestService(database.schools, loadConfig({ NODE_ENV: 'test' }, { baseUrl: 'http://localhost' }));
    const admitted = await withSchool(database.db, school.id, (tx) => tx.selectFrom('pupils').select('admission_date').distinct().execute());
    expect(admitted).toEqual([{ admission_date: '2025-09-01' }]);
    await expect(requests.start(officeActor, { scope: 'new-admissions', admittedSince: '2025-10-01' })).rejects.toThrow('No pupils on roll match that choice');

    // A later export adds a pupil without a start date: first seen today, so a new admission.
    const files = fixtureFiles();
    files.set(
      'users.csv',
      `${files.get('users.csv')!}stu-050,active,2026-01-05T07:30:00.000Z,true,org-hazelwood,student,stu-050,,Nia,Jones,,A100000000050,,,,car-001,03,,,Otter\r\n`,
    );
    const later = await importer.importFromPath(school.id, actor, writePackage(files), false);
    expect(later).toMatchObject({ ok: true, outcome: { summary: { pupils: { created: 1 } } } });
    const started = await requests.start(officeActor, { scope: 'new-admissions', admittedSince: '2025-10-01' });
    expect(started.pupils).toBe(1);
  });

  it('on a first import, a pupil with no start date in the export has no admission date; an invalid one is refused', async () => {
    const school = await makeSchool(database.db);
    const files = fixtureFiles();
    files.set('enrollments.csv', files.get('enrollments.csv')!.replace('stu-001,student,false,2025-09-01', 'stu-001,student,false,'));
    await createImportService(database.schools).importFromPath(school.id, actor, writePackage(files), false);
    const amelia = await withSchool(database.db, school.id, (tx) =>
      tx.selectFrom('pupils').select('admission_date').where('sourced_id', '=', 'stu-001').executeTakeFirstOrThrow(),
    );
    expect(amelia.admission_date).toBeNull();
    files.set('enrollments.csv', files.get('enrollments.csv')!.replace('stu-002,student,false,2025-09-01', 'stu-002,student,false,01/09/2025'));
    const bad = await createImportService(database.schools).importFromPath((await makeSchool(database.db)).id, actor, writePackage(files), false);
    expect(bad).toEqual({ ok: false, problems: ['enrollments.csv:3: beginDate "01/09/2025" is not a real date in the form YYYY-MM-DD'] });
  });
});
