import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withSchool } from '../../src/platform/db/school-scope.ts';
import { addApiToken } from '../../src/modules/school/school.service.ts';
import { createTestApp, TestBrowser, type TestApp } from '../helpers/app.ts';
import { makeConcernSchool, type ConcernSchool } from '../helpers/concerns.ts';

/** Exports (RPT-3) and subject access over HTTP: safe CSV, a sortable .xlsx, who may, and the audit. */
describe('exports', () => {
  let t: TestApp;
  let s: ConcernSchool;
  let concernId: string;
  const tokens = new Map<string, string>();
  const api = (who: string, url: string) => t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${tokens.get(who)}` } });

  beforeAll(async () => {
    t = await createTestApp('pglite');
    s = await makeConcernSchool(t.database.db);
    concernId = await withSchool(t.database.db, s.school.id, async (tx) => {
      for (const who of ['office', 'teacher', 'dsl'] as const)
        tokens.set(who, await addApiToken(tx, s.school.id, { id: null, label: 'test' }, s.staff[who].email));
      await tx
        .insertInto('pupils')
        .values([
          { school_id: s.school.id, given_name: '=HYPERLINK("x")', family_name: 'Attack', class_id: s.classId },
          { school_id: s.school.id, given_name: '+SUM(1,2)', family_name: '@Dash', class_id: s.classId },
          { school_id: s.school.id, given_name: 'Zoë', family_name: 'Ñúñez', class_id: s.classId },
        ])
        .execute();
      const concern = await tx
        .insertInto('concerns')
        .values({
          school_id: s.school.id,
          type: 'cyber-bullying',
          summary: 'Messages from Jayden Moss',
          details: 'Jayden Moss and Poppy sent Amelia unkind messages.',
          occurred_at: new Date(),
          location: 'out-of-school',
          reported_by: s.staff.teacher.id,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await tx
        .insertInto('concern_people')
        .values([
          { school_id: s.school.id, concern_id: concern.id, kind: 'pupil', pupil_id: s.pupilId },
          { school_id: s.school.id, concern_id: concern.id, kind: 'other', name: 'Jayden Moss' },
        ])
        .execute();
      return concern.id;
    });
  }, 400_000);
  afterAll(() => t?.close());

  it('GET /api/v1/exports/pupils.csv is UTF-8 CSV with a BOM, and formula-like names are neutralised', async () => {
    const response = await api('office', '/api/v1/exports/pupils.csv');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect([...response.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(response.body).toContain(`'=HYPERLINK("x")`);
    expect(response.body).not.toMatch(/(^|,)=HYPERLINK/m);
    expect(response.body).toContain(`'+SUM(1,2)`);
    expect(response.body).toContain(`'@Dash`);
    expect(response.body).toContain('Zoë');
    expect(response.body).toContain('Ñúñez');
    expect(response.body.split('\r\n')[0]).toBe('\uFEFFSurname,First name,Preferred name,Date of birth,Class,Year group,Admitted,Left,On roll');
  });

  it('the same list as .xlsx has a frozen header with filters on every column', async () => {
    const response = await api('office', '/api/v1/exports/pupils.xlsx');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const files = unzipSync(new Uint8Array(response.rawPayload));
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']);
    expect(sheet).toMatch(/<autoFilter ref="A1:I\d+"\/>/);
    expect(sheet).toContain('state="frozen"');
    expect(sheet).toContain('=HYPERLINK(&quot;x&quot;)');
    expect(sheet).not.toContain('<f>');
  });

  it('the concerns overview carries no summary, description or name, and only the head and DSLs get it; every download is audited', async () => {
    const concerns = await api('dsl', '/api/v1/exports/concerns.csv');
    expect(concerns.statusCode).toBe(200);
    expect(concerns.body).toContain('Cyber bullying');
    expect(concerns.body).not.toMatch(/Jayden|Amelia|Messages from/);
    expect([403, 404]).toContain((await api('office', '/api/v1/exports/concerns.csv')).statusCode);
    expect([403, 404]).toContain((await api('teacher', '/api/v1/exports/pupils.csv')).statusCode);
    expect((await api('office', '/api/v1/exports/nothing.csv')).statusCode).toBe(404);
    expect((await api('office', '/api/v1/exports/consent.csv')).body).toContain('Year 3 Hazel');
    const audited = await t.database.db
      .selectFrom('audit_log')
      .select('detail')
      .where('school_id', '=', s.school.id)
      .where('action', '=', 'export.downloaded')
      .execute();
    expect(audited.map((a) => a.detail.list)).toEqual(['pupils', 'pupils', 'concerns', 'consent']);
  });

  it('staff download from the exports page with their session', async () => {
    const office = new TestBrowser(t.app);
    await office.signIn(s.staff.office);
    const page = await office.get('/exports');
    expect(page.body).toContain('href="/exports/pupils.xlsx"');
    expect(page.body).not.toContain('/exports/concerns.csv');
    expect((await office.get('/exports/publications.csv')).statusCode).toBe(200);
  });

  it('subject access: the head downloads a zip with the pupil’s concerns, other people’s names redacted and withheld records left out', async () => {
    const head = new TestBrowser(t.app);
    await head.signIn(s.staff.head);
    const form = await head.get(`/pupils/${s.pupilId}/subject-access`);
    expect(form.statusCode).toBe(200);
    const response = await head.submit(`/pupils/${s.pupilId}/subject-access`, `/pupils/${s.pupilId}/subject-access`, { redact: 'Poppy' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/zip');
    const files = unzipSync(new Uint8Array(response.rawPayload));
    const json = strFromU8(files['pupil.json']);
    expect(json).toContain('Amelia');
    expect(json).toContain('[redacted] and [redacted] sent Amelia unkind messages.');
    expect(json).not.toMatch(/Jayden|Poppy/);
    expect(strFromU8(files['pupil.html'])).toContain('Information Hazel Lane Primary holds about Amelia Clarke');
    const withheld = await head.submit(`/pupils/${s.pupilId}/subject-access`, `/pupils/${s.pupilId}/subject-access`, { withhold: concernId });
    const record = JSON.parse(strFromU8(unzipSync(new Uint8Array(withheld.rawPayload))['pupil.json'])) as { concerns: unknown[]; concernsWithheld: number };
    expect(record).toMatchObject({ concerns: [], concernsWithheld: 1 });
    const teacher = new TestBrowser(t.app);
    await teacher.signIn(s.staff.teacher);
    expect([403, 404]).toContain((await teacher.get(`/pupils/${s.pupilId}/subject-access`)).statusCode);
  });
});
