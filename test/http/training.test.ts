import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createImportService } from '../../src/modules/people/import.service.ts';
import { createTrainingService } from '../../src/modules/training/training.service.ts';
import { addApiToken } from '../../src/modules/school/school.service.ts';
import { withSchool } from '../../src/platform/db/school-scope.ts';
import { createTestApp, csrfFrom, TestBrowser, type TestApp } from '../helpers/app.ts';
import { makeSchool, makeStaff, type TestStaff } from '../helpers/factories.ts';

const fixtureDir = new URL('../fixtures/oneroster/basic', import.meta.url).pathname;
const today = new Date().toISOString().slice(0, 10);
const inDays = (n: number) => new Date(Date.now() + n * 86400_000).toISOString().slice(0, 10);

interface DueRow {
  staffId: string;
  name: string;
  course: string;
  dueOn: string;
  status: string;
}

describe('training (AGR-3): courses, completions, due and overdue', () => {
  let t: TestApp;
  let schoolId: string;
  let head: TestStaff;
  let teacher: TestStaff;
  let office: TestStaff;
  const tokens: Record<string, string> = {};
  let rachelId: string;
  let tomId: string;
  let rosterDir: string;

  const api = (who: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { authorization: `Bearer ${tokens[who]}` }, ...(payload ? { payload } : {}) });
  const due = async () => (await api('office', 'GET', '/api/v1/training/due')).json<DueRow[]>();

  beforeAll(async () => {
    t = await createTestApp('pglite');
    schoolId = (await makeSchool(t.database.db)).id;
    head = await makeStaff(t.database.db, schoolId, ['headteacher']);
    teacher = await makeStaff(t.database.db, schoolId, ['teacher']);
    office = await makeStaff(t.database.db, schoolId, ['office']);
    for (const [name, staff] of Object.entries({ head, teacher, office }))
      tokens[name] = await withSchool(t.database.db, schoolId, (tx) => addApiToken(tx, schoolId, { id: null, label: 'test' }, staff.email));
    // Staff who were here long before: created a year ago, induction done.
    await t.database.db
      .updateTable('staff')
      .set({ created_at: sql<Date>`now() - interval '400 days'` })
      .where('school_id', '=', schoolId)
      .execute();
    // New starters arrive from the MIS import today; the export gives Tom Baker's start date (an extension column).
    rosterDir = await mkdtemp(join(tmpdir(), 'esafety-roster-'));
    await cp(fixtureDir, rosterDir, { recursive: true });
    const users = (await readFile(join(rosterDir, 'users.csv'), 'utf8')).split('\n');
    const withStart = users.map((line, i) =>
      !line.trim() ? line : `${line.trimEnd()},${i === 0 ? 'metadata.startDate' : line.startsWith('stf-002,') ? '2026-09-01' : ''}`,
    );
    await writeFile(join(rosterDir, 'users.csv'), withStart.join('\n'));
    await createImportService(t.database.schools).importFromPath(schoolId, { id: null, label: 'test' }, rosterDir, false);
    const staffId = async (email: string) => (await t.database.db.selectFrom('staff').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
    rachelId = await staffId('r.green@hazelwood.example.org');
    tomId = await staffId('t.baker@hazelwood.example.org');
  }, 180_000);
  afterAll(async () => {
    await t.close();
    await rm(rosterDir, { recursive: true, force: true });
  });

  it('a new school has the induction, pupils-at-risk and annual update courses', async () => {
    const response = await api('teacher', 'GET', '/api/v1/training/courses');
    expect(response.statusCode).toBe(200);
    const courses = response.json<{ key: string; dueWithinDays: number; renewalMonths: number | null }[]>();
    expect(courses.map((c) => c.key)).toEqual(expect.arrayContaining(['induction', 'at-risk-pupils', 'annual-update']));
    expect(courses.find((c) => c.key === 'induction')).toMatchObject({ dueWithinDays: 30, renewalMonths: null });
  });

  it('a new starter from the MIS import has induction due 30 days after joining; staff of long standing are overdue', async () => {
    const list = await due();
    expect(list.find((d) => d.staffId === rachelId && d.course === 'induction')).toMatchObject({ name: 'Rachel Green', dueOn: inDays(30), status: 'due' });
    expect(list.find((d) => d.staffId === teacher.id && d.course === 'induction')).toMatchObject({ status: 'overdue' });
    // Earliest first.
    expect(list.map((d) => d.dueOn)).toEqual([...list.map((d) => d.dueOn)].sort());
  });

  it('induction falls due from the start date the MIS gives, and from the one the office types on the staff page', async () => {
    expect((await due()).find((d) => d.staffId === tomId && d.course === 'induction')).toMatchObject({ dueOn: '2026-10-01' });
    const browser = new TestBrowser(t.app);
    await browser.signIn(office);
    const page = await browser.get(`/staff/${rachelId}`);
    expect(page.body).toContain('name="startDate-day"');
    const bad = await browser.submit(`/staff/${rachelId}`, `/staff/${rachelId}/start-date`, {
      'startDate-day': '31',
      'startDate-month': '2',
      'startDate-year': '2026',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('href="#startDate"');
    expect(bad.body).toContain('Enter the start date as a real date');
    const saved = await browser.submit(`/staff/${rachelId}`, `/staff/${rachelId}/start-date`, {
      'startDate-day': '2',
      'startDate-month': '11',
      'startDate-year': '2026',
    });
    expect(saved.statusCode).toBe(303);
    expect((await browser.get(`/staff/${rachelId}`)).body).toContain('value="11"');
    expect((await due()).find((d) => d.staffId === rachelId && d.course === 'induction')).toMatchObject({ dueOn: '2026-12-02' });
    const audit = await t.database.db.selectFrom('audit_log').select('detail').where('action', '=', 'staff.start-date-changed').executeTakeFirstOrThrow();
    expect(audit.detail).toMatchObject({ before: null, after: '2026-11-02' });
    // Emptied again: the day the record was made.
    await browser.submit(`/staff/${rachelId}`, `/staff/${rachelId}/start-date`, { 'startDate-day': '', 'startDate-month': '', 'startDate-year': '' });
    expect((await due()).find((d) => d.staffId === rachelId && d.course === 'induction')).toMatchObject({ dueOn: inDays(30) });
    // A teacher may not change it.
    const teacherBrowser = new TestBrowser(t.app);
    await teacherBrowser.signIn(teacher);
    expect((await teacherBrowser.post(`/staff/${rachelId}/start-date`, { 'startDate-day': '1' })).statusCode).toBe(403);
  });

  it('recording a completion takes the course off the list', async () => {
    const response = await api('office', 'POST', `/api/v1/staff/${rachelId}/training`, { course: 'induction', completedOn: today });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ staffId: rachelId, course: 'induction', completedOn: today });
    const list = await due();
    expect(list.some((d) => d.staffId === rachelId && d.course === 'induction')).toBe(false);
    expect(list.some((d) => d.staffId === rachelId && d.course === 'annual-update')).toBe(true);
  });

  it('a renewed course comes back when it is due again', async () => {
    const done = new Date(Date.now() - 330 * 86400_000).toISOString().slice(0, 10);
    expect((await api('office', 'POST', `/api/v1/staff/${teacher.id}/training`, { course: 'annual-update', completedOn: done })).statusCode).toBe(201);
    const row = (await due()).find((d) => d.staffId === teacher.id && d.course === 'annual-update');
    expect(row?.status).toBe('due');
  });

  it('bad values are 422s naming the field; a teacher records only their own training', async () => {
    for (const [body, field] of [
      [{ course: 'no-such-course', completedOn: today }, 'course'],
      [{ course: 'induction', completedOn: '2026-13-01' }, 'completedOn'],
      [{ course: 'induction', completedOn: inDays(5) }, 'completedOn'],
    ] as const) {
      const response = await api('office', 'POST', `/api/v1/staff/${teacher.id}/training`, body);
      expect(response.statusCode).toBe(422);
      expect(response.json()).toMatchObject({ field });
    }
    expect((await api('teacher', 'POST', `/api/v1/staff/${office.id}/training`, { course: 'induction', completedOn: today })).statusCode).toBe(404);
    expect((await api('teacher', 'POST', `/api/v1/staff/${teacher.id}/training`, { course: 'induction', completedOn: today })).statusCode).toBe(201);
    expect((await api('teacher', 'GET', '/api/v1/training/due')).statusCode).toBe(403);
  });

  it('the headteacher adds a course; everyone owes it from then on', async () => {
    const browser = new TestBrowser(t.app);
    await browser.signIn(head);
    const bad = await browser.submit('/training/courses/new', '/training/courses', { title: '', dueWithinDays: 'soon', renewalMonths: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Enter the course’s name');
    expect(bad.body).toContain('Enter the number of days after joining');
    const added = await browser.submit('/training/courses/new', '/training/courses', {
      title: 'Local authority online safety',
      description: '',
      dueWithinDays: '60',
      renewalMonths: '24',
    });
    expect(added.statusCode).toBe(303);
    expect((await due()).filter((d) => d.course === 'local-authority-online-safety').length).toBeGreaterThan(3);
    const office_ = new TestBrowser(t.app);
    await office_.signIn(office);
    expect((await office_.get('/training/courses/new')).statusCode).toBe(403);
  });

  it('the office records a completion with a certificate on the person’s page, and it can be downloaded', async () => {
    const browser = new TestBrowser(t.app);
    await browser.signIn(office);
    const page = await browser.get(`/training/staff/${rachelId}`);
    expect(page.statusCode).toBe(200);
    const boundary = '----agr' + Math.random().toString(16).slice(2);
    const field = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    const payload = Buffer.concat([
      Buffer.from(
        field('_csrf', csrfFrom(page.body)) +
          field('course', 'at-risk-pupils') +
          field('completedOn-day', today.slice(8)) +
          field('completedOn-month', today.slice(5, 7)) +
          field('completedOn-year', today.slice(0, 4)) +
          field('provider', 'Local authority') +
          `--${boundary}\r\nContent-Disposition: form-data; name="certificate"; filename="cert.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      Buffer.from('%PDF-1.4 certificate'),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const posted = await browser.request({
      method: 'POST',
      url: `/training/staff/${rachelId}`,
      payload,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(posted.statusCode).toBe(303);
    const after = await browser.get(`/training/staff/${rachelId}`);
    expect(after.body).toContain('Local authority');
    const link = /href="(\/training\/certificates\/[^"]+)"/.exec(after.body)![1];
    const file = await browser.get(link);
    expect(file.statusCode).toBe(200);
    expect(file.body).toBe('%PDF-1.4 certificate');
    // A teacher cannot open someone else's certificate or page.
    const teacherBrowser = new TestBrowser(t.app);
    await teacherBrowser.signIn(teacher);
    expect((await teacherBrowser.get(link)).statusCode).toBe(404);
    expect((await teacherBrowser.get(`/training/staff/${rachelId}`)).statusCode).toBe(404);
    expect((await teacherBrowser.get(`/training/staff/${teacher.id}`)).statusCode).toBe(200);
  });

  it('reminds people with training due by e-mail, once a week at most', async () => {
    const service = createTrainingService(t.database.schools, t.config);
    const first = await service.sendReminders();
    expect(first).toBeGreaterThan(0);
    const mail = await t.database.db.selectFrom('outbox').select(['to_address', 'body_text']).where('to_address', '=', teacher.email).executeTakeFirstOrThrow();
    expect(mail.body_text).toContain(`/training/staff/${teacher.id}`);
    expect(await service.sendReminders()).toBe(0);
  });
});
