import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createImportService } from '../../src/modules/people/import.service.ts';
import { addApiToken } from '../../src/modules/school/school.service.ts';
import { withSchool } from '../../src/platform/db/school-scope.ts';
import { createTestApp, TestBrowser, type TestApp } from '../helpers/app.ts';
import { makeSchool, makeStaff, type TestStaff } from '../helpers/factories.ts';

const fixtureDir = new URL('../fixtures/oneroster/basic', import.meta.url).pathname;
const today = new Date().toISOString().slice(0, 10);
const tomorrow = new Date(Date.now() + 86400_000).toISOString().slice(0, 10);

/** Pupils' e-safety lessons (AGR-5) and e-safety events with who came (AGR-4). */
describe('e-safety lessons and events', () => {
  let t: TestApp;
  let schoolId: string;
  let teacher: TestStaff;
  let office: TestStaff;
  let hazel: string;
  let oak: string;
  const tokens: Record<string, string> = {};
  const api = (who: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { authorization: `Bearer ${tokens[who]}` }, ...(payload ? { payload } : {}) });
  const idOf = async (table: 'classes' | 'carers' | 'pupils', column: 'title' | 'email' | 'sourced_id', value: string) =>
    (await t.database.db.selectFrom(table).select('id').where(column, '=', value).executeTakeFirstOrThrow()).id;

  beforeAll(async () => {
    t = await createTestApp('pglite');
    schoolId = (await makeSchool(t.database.db)).id;
    await createImportService(t.database.schools).importFromPath(schoolId, { id: null, label: 'test' }, fixtureDir, false);
    teacher = await makeStaff(t.database.db, schoolId, ['teacher']);
    office = await makeStaff(t.database.db, schoolId, ['office']);
    const ictLead = await makeStaff(t.database.db, schoolId, ['ict-lead']);
    for (const [name, staff] of Object.entries({ teacher, office, ictLead }))
      tokens[name] = await withSchool(t.database.db, schoolId, (tx) => addApiToken(tx, schoolId, { id: null, label: 'test' }, staff.email));
    hazel = await idOf('classes', 'title', 'Year 3 Hazel');
    oak = await idOf('classes', 'title', 'Year 4 Oak');
    await t.database.db.insertInto('class_teachers').values({ school_id: schoolId, class_id: hazel, staff_id: teacher.id }).execute();
  }, 180_000);
  afterAll(() => t.close());

  it('a class teacher records lessons for their own class; other classes are not theirs; bad values name the field', async () => {
    const lesson = { classId: hazel, subject: 'computing', topic: 'SMART rules', taughtOn: today };
    const recorded = await api('teacher', 'POST', '/api/v1/lessons', lesson);
    expect(recorded.statusCode, recorded.body).toBe(201);
    expect(recorded.json()).toMatchObject({ classId: hazel, subject: 'computing', topic: 'SMART rules', taughtOn: today });
    expect((await api('teacher', 'POST', '/api/v1/lessons', { ...lesson, classId: oak })).statusCode).toBe(404);
    for (const [change, field] of [
      [{ subject: 'maths' }, 'subject'],
      [{ topic: ' ' }, 'topic'],
      [{ taughtOn: tomorrow }, 'taughtOn'],
      [{ classId: crypto.randomUUID() }, 'classId'],
    ] as const) {
      const refused = await api('teacher', 'POST', '/api/v1/lessons', { ...lesson, ...change });
      expect(refused.statusCode).toBe(422);
      expect(refused.json()).toMatchObject({ field });
    }
    expect((await api('office', 'POST', '/api/v1/lessons', lesson)).statusCode).toBe(403);
    // The ICT lead teaches computing across the school.
    expect((await api('ictLead', 'POST', '/api/v1/lessons', { ...lesson, classId: oak, subject: 'assembly', topic: 'Kind words online' })).statusCode).toBe(
      201,
    );
    const listed = (await api('office', 'GET', `/api/v1/lessons?classId=${hazel}`)).json<{ topic: string; classTitle: string }[]>();
    expect(listed).toEqual([expect.objectContaining({ topic: 'SMART rules', classTitle: 'Year 3 Hazel' })]);
  });

  it('the head sets the topics each year group is taught; the lessons page names those a year group has not had yet', async () => {
    const head = new TestBrowser(t.app);
    await head.signIn(await makeStaff(t.database.db, schoolId, ['headteacher']));
    const plan = await head.get('/lessons/settings');
    expect(plan.body).toContain('Tell: telling an adult when something online upsets you');
    const saved = await head.submit('/lessons/settings', '/lessons/settings', { topics: 'SMART rules\nPasswords are private\n' });
    expect(saved.statusCode).toBe(303);
    const page = (await head.get('/lessons')).body;
    expect(page).toContain('The school’s plan: 2 topics');
    // Year 3 had "SMART rules" (the first test); Year 4 had only another topic.
    const row = (label: string) => page.slice(page.indexOf(`>${label}<`), page.indexOf('</tr>', page.indexOf(`>${label}<`)));
    expect(row('Year 3')).toContain('>Passwords are private</td>');
    expect(row('Year 4')).toContain('>SMART rules; Passwords are private</td>');
    expect((await head.submit('/lessons/settings', '/lessons/settings', { topics: 'x'.repeat(201) })).statusCode).toBe(400);
    const teacherBrowser = new TestBrowser(t.app);
    await teacherBrowser.signIn(teacher);
    expect((await teacherBrowser.get('/lessons/settings')).statusCode).toBe(403);
    expect((await teacherBrowser.get('/lessons/new')).body).toContain('<option value="Passwords are private">');
  });

  it('the lessons page shows coverage by year group; the form keeps to GOV.UK errors; the class page shows the class’s lessons', async () => {
    const browser = new TestBrowser(t.app);
    await browser.signIn(teacher);
    const [day, month, year] = [today.slice(8), today.slice(5, 7), today.slice(0, 4)];
    const empty = await browser.submit('/lessons/new', '/lessons', {
      classId: hazel,
      subject: 'pshe',
      topic: '',
      'taughtOn-day': day,
      'taughtOn-month': month,
      'taughtOn-year': year,
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('href="#topic"');
    const saved = await browser.submit('/lessons/new', '/lessons', {
      classId: hazel,
      subject: 'pshe',
      topic: 'Telling an adult',
      'taughtOn-day': day,
      'taughtOn-month': month,
      'taughtOn-year': year,
    });
    expect(saved.statusCode).toBe(303);
    const page = await browser.get('/lessons');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('SMART rules, Telling an adult');
    expect(page.body).toContain('Computing 1, PSHE 1');
    // Reception's Robins have had no lesson yet.
    expect(page.body).toMatch(/govuk-tag--yellow">\s*Reception Robins/);
    const classPage = await browser.get(`/classes/${hazel}`);
    // Read back with the class page's one statement: the lesson's day as a date, then its topic.
    expect(classPage.body).toMatch(/<li>\d{1,2} [A-Z][a-z]+ \d{4}: Telling an adult<\/li>/);
  });

  it('the office adds an event for a class and records who came; someone from another class is refused', async () => {
    const browser = new TestBrowser(t.app);
    await browser.signIn(office);
    const noDate = await browser.submit('/events/new', '/events', { kind: 'meeting', title: 'Keeping children safe online', classId: hazel });
    expect(noDate.statusCode).toBe(400);
    expect(noDate.body).toContain('href="#heldOn"');
    const added = await browser.submit('/events/new', '/events', {
      kind: 'meeting',
      title: 'Keeping children safe online',
      classId: hazel,
      notes: 'In the hall after school',
      'heldOn-day': '14',
      'heldOn-month': '10',
      'heldOn-year': '2026',
    });
    expect(added.statusCode).toBe(303);
    const url = added.headers.location as string;
    const page = await browser.get(url);
    expect(page.body).toContain('Sarah Clarke');
    expect(page.body).toContain('Amelia Clarke');
    // Oak's families are not this event's.
    expect(page.body).not.toContain('Emma Wright');
    const [sarah, amelia] = [await idOf('carers', 'email', 'sarah.clarke@example.com'), await idOf('pupils', 'sourced_id', 'stu-001')];
    const saved = await browser.submit(url, `${url}/attendance`, { carers: sarah, pupils: amelia, staff: [office.id, teacher.id] });
    expect(saved.statusCode).toBe(303);
    expect((await browser.get(url)).body).toMatch(new RegExp(`value="${sarah}" checked`));
    expect((await browser.get('/events')).body).toContain('1 carers, 1 pupils, 2 staff');
    const [listed] = (await api('office', 'GET', '/api/v1/events')).json<{ id: string; classId: string; attended: object }[]>();
    expect(listed).toMatchObject({ classId: hazel, heldOn: '2026-10-14', attended: { carers: 1, pupils: 1, staff: 2 } });
    const emma = await idOf('carers', 'email', 'emma.wright@example.com');
    const refused = await api('office', 'POST', `/api/v1/events/${listed.id}/attendance`, { carerIds: [emma] });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ field: 'carerIds' });
    const badKind = await api('office', 'POST', '/api/v1/events', { kind: 'party', title: 'Disco', heldOn: '2026-10-14' });
    expect(badKind.json()).toMatchObject({ field: 'kind' });
    expect((await api('teacher', 'GET', '/api/v1/events')).statusCode).toBe(403);
    expect((await browser.get(`/classes/${hazel}`)).body).toContain('Keeping children safe online');
  });
});
