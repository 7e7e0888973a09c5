import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createImportService } from '../../src/modules/people/import.service.ts';
import { addApiToken } from '../../src/modules/school/school.service.ts';
import { withSchool } from '../../src/platform/db/school-scope.ts';
import { createTestApp, TestBrowser, type TestApp } from '../helpers/app.ts';
import { makeSchool, makeStaff, type TestStaff } from '../helpers/factories.ts';
import { deliveredText } from '../helpers/mail.ts';

const fixtureDir = new URL('../fixtures/oneroster/basic', import.meta.url).pathname;
const today = new Date().toISOString().slice(0, 10);

interface Listed {
  id: string;
  key: string;
  title: string;
  audience: string[];
  version: number;
  signed: number;
  outstanding: number;
}

describe('agreements: the API contract and the pages (AGR-1, AGR-2)', () => {
  let t: TestApp;
  let schoolId: string;
  let head: TestStaff;
  let teacher: TestStaff;
  let office: TestStaff;
  let governor: TestStaff;
  const tokens: Record<string, string> = {};
  let hazelId: string;
  let oakId: string;

  const api = (who: string, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: { authorization: `Bearer ${tokens[who]}` }, ...(payload === undefined ? {} : { payload: payload as object }) });
  const list = async (who = 'head') => (await api(who, 'GET', '/api/v1/agreements')).json<Listed[]>();
  const byKey = async (key: string) => (await list()).find((a) => a.key === key)!;
  const one = async <T>(sql: Promise<T | undefined>) => (await sql)!;
  const pupil = (given: string) => one(t.database.db.selectFrom('pupils').select(['id', 'class_id']).where('given_name', '=', given).executeTakeFirst());
  const carer = (email: string) => one(t.database.db.selectFrom('carers').select('id').where('email', '=', email).executeTakeFirst());

  beforeAll(async () => {
    t = await createTestApp('pglite');
    schoolId = (await makeSchool(t.database.db, { name: 'Hazelwood Primary' })).id;
    await createImportService(t.database.schools).importFromPath(schoolId, { id: null, label: 'test' }, fixtureDir, false);
    head = await makeStaff(t.database.db, schoolId, ['headteacher']);
    teacher = await makeStaff(t.database.db, schoolId, ['teacher']);
    office = await makeStaff(t.database.db, schoolId, ['office']);
    governor = await makeStaff(t.database.db, schoolId, ['governor']);
    for (const [name, staff] of Object.entries({ head, teacher, office, governor }))
      tokens[name] = await withSchool(t.database.db, schoolId, (tx) => addApiToken(tx, schoolId, { id: null, label: 'test' }, staff.email));
    hazelId = (await one(t.database.db.selectFrom('classes').select('id').where('title', '=', 'Year 3 Hazel').executeTakeFirst())).id;
    oakId = (await one(t.database.db.selectFrom('classes').select('id').where('title', '=', 'Year 4 Oak').executeTakeFirst())).id;
    await t.database.db.insertInto('class_teachers').values({ school_id: schoolId, class_id: hazelId, staff_id: teacher.id }).execute();
  }, 180_000);
  afterAll(() => t.close());

  it('a new school has the three default agreements, published, with nobody signed yet', async () => {
    const response = await api('teacher', 'GET', '/api/v1/agreements');
    expect(response.statusCode).toBe(200);
    const agreements = response.json<Listed[]>();
    expect(agreements.map((a) => a.key)).toEqual(expect.arrayContaining(['staff-code-of-conduct', 'home-school', 'pupil-rules']));
    for (const a of agreements) {
      expect(a.version).toBe(1);
      expect(a.signed).toBe(0);
      expect(a.outstanding).toBeGreaterThan(0);
    }
    expect((await byKey('staff-code-of-conduct')).audience).toEqual(['staff', 'volunteers', 'governors']);
    expect((await byKey('home-school')).audience).toEqual(['carers']);
    expect((await byKey('pupil-rules')).audience).toEqual(['pupils']);
  });

  it('a member of staff signs online: signed goes up and outstanding down by one', async () => {
    const before = await byKey('staff-code-of-conduct');
    const response = await api('teacher', 'POST', `/api/v1/agreements/${before.id}/signatures`, { staffId: teacher.id, method: 'online', signedOn: today });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ version: 1, method: 'online', signedOn: today });
    const after = await byKey('staff-code-of-conduct');
    expect([after.signed, after.outstanding]).toEqual([before.signed + 1, before.outstanding - 1]);
    // Signing again changes nothing.
    await api('teacher', 'POST', `/api/v1/agreements/${before.id}/signatures`, { staffId: teacher.id, method: 'online', signedOn: today });
    expect((await byKey('staff-code-of-conduct')).signed).toBe(after.signed);
  });

  it('a governor is in the code of conduct’s audience, so the office may record their paper copy', async () => {
    const before = await byKey('staff-code-of-conduct');
    const response = await api('office', 'POST', `/api/v1/agreements/${before.id}/signatures`, {
      staffId: governor.id,
      method: 'paper',
      signedOn: '2026-09-14',
    });
    expect(response.statusCode).toBe(201);
    expect((await byKey('staff-code-of-conduct')).signed).toBe(before.signed + 1);
  });

  it('a person outside the audience is refused with 422 naming the field', async () => {
    const conduct = await byKey('staff-code-of-conduct');
    const homeSchool = await byKey('home-school');
    const rules = await byKey('pupil-rules');
    const sarah = await carer('sarah.clarke@example.com');
    const amelia = await pupil('Amelia');
    const cases: [string, unknown, string][] = [
      [conduct.id, { carerId: sarah.id, method: 'paper', signedOn: today }, 'carerId'],
      [conduct.id, { pupilId: amelia.id, method: 'recorded-by-teacher', signedOn: today }, 'pupilId'],
      [homeSchool.id, { staffId: teacher.id, method: 'online', signedOn: today }, 'staffId'],
      [rules.id, { staffId: office.id, method: 'paper', signedOn: today }, 'staffId'],
      [homeSchool.id, { carerId: sarah.id, pupilId: (await pupil('Oliver')).id, method: 'paper', signedOn: today }, 'pupilId'],
      [homeSchool.id, { carerId: sarah.id, method: 'paper', signedOn: '2026-02-30' }, 'signedOn'],
      [homeSchool.id, { carerId: '8f9d9bb4-6d77-4d58-9b39-0f4d8f7ad6a1', method: 'paper', signedOn: today }, 'carerId'],
    ];
    for (const [id, body, field] of cases) {
      const response = await api('office', 'POST', `/api/v1/agreements/${id}/signatures`, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(422);
      expect(response.json()).toMatchObject({ error: 'invalid', field });
    }
    // Nothing was written by any of them.
    expect((await byKey('home-school')).signed).toBe(0);
    expect((await byKey('pupil-rules')).signed).toBe(0);
  });

  it('a carer’s signature counts once for the child, whichever carer signs', async () => {
    const homeSchool = await byKey('home-school');
    const amelia = await pupil('Amelia');
    const sarah = await carer('sarah.clarke@example.com');
    const david = await carer('david.clarke@example.com');
    const first = await api('office', 'POST', `/api/v1/agreements/${homeSchool.id}/signatures`, {
      carerId: sarah.id,
      pupilId: amelia.id,
      method: 'paper',
      signedOn: today,
    });
    expect(first.statusCode).toBe(201);
    // David has two children at the school: he must say which; for Amelia it counts once with Sarah's.
    const unsaid = await api('office', 'POST', `/api/v1/agreements/${homeSchool.id}/signatures`, { carerId: david.id, method: 'paper', signedOn: today });
    expect(unsaid.statusCode).toBe(422);
    expect(unsaid.json()).toMatchObject({ field: 'pupilId' });
    expect(
      (
        await api('office', 'POST', `/api/v1/agreements/${homeSchool.id}/signatures`, {
          carerId: david.id,
          pupilId: amelia.id,
          method: 'paper',
          signedOn: today,
        })
      ).statusCode,
    ).toBe(201);
    let after = await byKey('home-school');
    expect([after.signed, after.outstanding]).toEqual([1, homeSchool.outstanding - 1]);
    // Rhys has one child on roll: the pupil is understood.
    const rhys = await carer('rhys.evans@example.com');
    expect(
      (await api('office', 'POST', `/api/v1/agreements/${homeSchool.id}/signatures`, { carerId: rhys.id, method: 'online', signedOn: today })).statusCode,
    ).toBe(201);
    after = await byKey('home-school');
    expect([after.signed, after.outstanding]).toEqual([2, homeSchool.outstanding - 2]);
  });

  it('class teachers record pupils of their own classes only; nobody else’s signature is theirs to record', async () => {
    const rules = await byKey('pupil-rules');
    const amelia = await pupil('Amelia');
    const harry = await pupil('Harry');
    expect(
      (await api('teacher', 'POST', `/api/v1/agreements/${rules.id}/signatures`, { pupilId: amelia.id, method: 'recorded-by-teacher', signedOn: today }))
        .statusCode,
    ).toBe(201);
    expect(harry.class_id).toBe(oakId);
    expect(
      (await api('teacher', 'POST', `/api/v1/agreements/${rules.id}/signatures`, { pupilId: harry.id, method: 'recorded-by-teacher', signedOn: today }))
        .statusCode,
    ).toBe(404);
    const conduct = await byKey('staff-code-of-conduct');
    expect(
      (await api('teacher', 'POST', `/api/v1/agreements/${conduct.id}/signatures`, { staffId: office.id, method: 'paper', signedOn: today })).statusCode,
    ).toBe(404);
    expect(
      (await api('teacher', 'POST', `/api/v1/agreements/${conduct.id}/signatures`, { carerId: office.id, method: 'paper', signedOn: today })).statusCode,
    ).toBe(404);
    expect((await byKey('pupil-rules')).signed).toBe(1);
  });

  it('the class sheet records the whole class at once, leaving out the pupils unticked', async () => {
    const rules = await byKey('pupil-rules');
    const browser = new TestBrowser(t.app);
    await browser.signIn(teacher);
    const url = `/agreements/${rules.id}/classes/${hazelId}`;
    const page = await browser.get(url);
    expect(page.statusCode).toBe(200);
    const boxes = [...page.body.matchAll(/name="pupils" type="checkbox" value="([^"]+)" checked/g)].map((m) => m[1]);
    expect(boxes.length).toBe(3); // Amelia signed already
    const [day, month, year] = [today.slice(8), today.slice(5, 7), today.slice(0, 4)];
    const missingDate = await browser.submit(url, url, { pupils: boxes });
    expect(missingDate.statusCode).toBe(400);
    expect(missingDate.body).toContain('Enter the date it was signed');
    const done = await browser.submit(url, url, {
      pupils: boxes.slice(1),
      'signedOn-day': day,
      'signedOn-month': month,
      'signedOn-year': year,
    });
    expect(done.statusCode).toBe(303);
    expect((await byKey('pupil-rules')).signed).toBe(3);
    // Another class's sheet is not this teacher's.
    expect((await browser.get(`/agreements/${rules.id}/classes/${oakId}`)).statusCode).toBe(404);
  });

  it('only the headteacher changes the text; publishing a new version asks staff to sign again', async () => {
    const conduct = await byKey('staff-code-of-conduct');
    expect(conduct.signed).toBeGreaterThan(0);
    const officeBrowser = new TestBrowser(t.app);
    await officeBrowser.signIn(office);
    expect((await officeBrowser.get(`/agreements/${conduct.id}/edit`)).statusCode).toBe(403);

    const browser = new TestBrowser(t.app);
    await browser.signIn(head);
    const edit = await browser.get(`/agreements/${conduct.id}/edit`);
    expect(edit.statusCode).toBe(200);
    const body = /<textarea[^>]*name="body"[^>]*>([\s\S]*?)<\/textarea>/
      .exec(edit.body)![1]
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&')
      .replace(/&quot;/g, '"');
    const form = {
      title: conduct.title,
      audience: ['staff', 'volunteers', 'governors'],
      renewal: 'new-version',
      body: `${body}\n\nNew: no personal phones in classrooms.`,
    };
    const noNote = await browser.submit(`/agreements/${conduct.id}/edit`, `/agreements/${conduct.id}/edit`, { ...form, note: '', action: 'publish' });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.body).toContain('Say what has changed');
    const published = await browser.submit(`/agreements/${conduct.id}/edit`, `/agreements/${conduct.id}/edit`, {
      ...form,
      note: 'Personal phones',
      action: 'publish',
    });
    expect(published.statusCode).toBe(303);
    const after = await byKey('staff-code-of-conduct');
    expect(after.version).toBe(2);
    expect(after.signed).toBe(0);
    expect(after.outstanding).toBe(conduct.signed + conduct.outstanding);
    const page = await browser.get(`/agreements/${conduct.id}`);
    expect(page.body).toContain('no personal phones in classrooms');
  });

  it('a member of staff signs on the page with their typed name and sees it on their own page', async () => {
    const conduct = await byKey('staff-code-of-conduct');
    const browser = new TestBrowser(t.app);
    await browser.signIn(teacher);
    const empty = await browser.submit(`/agreements/${conduct.id}`, `/agreements/${conduct.id}/sign`, { typedName: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Type your full name to sign');
    const signed = await browser.submit(`/agreements/${conduct.id}`, `/agreements/${conduct.id}/sign`, { typedName: 'Test Person' });
    expect(signed.statusCode).toBe(303);
    expect((await browser.get(`/agreements/${conduct.id}`)).body).toContain('You signed version 2');
    const mine = await browser.get(`/agreements/staff/${teacher.id}`);
    expect(mine.body).toContain('Version 2');
    // Someone else's page is not a teacher's to see.
    expect((await browser.get(`/agreements/staff/${office.id}`)).statusCode).toBe(404);
    expect((await byKey('staff-code-of-conduct')).signed).toBe(1);
  });

  it('the office e-mails families a personal link; a carer signs for their children from it', async () => {
    const homeSchool = await byKey('home-school');
    const browser = new TestBrowser(t.app);
    await browser.signIn(office);
    const check = await browser.submit(`/agreements/${homeSchool.id}/families`, `/agreements/${homeSchool.id}/families`, { scope: 'class', classId: hazelId });
    expect(check.statusCode).toBe(200);
    expect(check.body).toContain('Check before you send');
    const before = await t.database.db.selectFrom('outbox').select('id').execute();
    const sent = await browser.post(`/agreements/${homeSchool.id}/families`, {
      _csrf: /name="_csrf" value="([^"]+)"/.exec(check.body)![1],
      scope: 'class',
      classId: hazelId,
      confirm: 'yes',
    });
    expect(sent.statusCode).toBe(303);
    const mails = await t.database.db
      .selectFrom('outbox')
      .select(['to_address', 'body_text', 'sealed_body'])
      .where('id', 'not in', before.length ? before.map((b) => b.id) : ['00000000-0000-0000-0000-000000000000'])
      .execute();
    // Amelia's family has signed; Oliver, Isla and Muhammad's carers are asked.
    expect(mails.map((m) => m.to_address).sort()).toEqual([
      'aoife.oneill@example.com',
      'ayesha.khan@example.com',
      'connor.oneill@example.com',
      'priya.patel@example.com',
    ]);
    for (const m of mails) expect(m.body_text).toContain('(link hidden)');
    const mail = mails.find((m) => m.to_address === 'priya.patel@example.com')!;
    const path = /http:\/\/localhost(\/agreements\/sign\/[A-Za-z0-9_-]+)/.exec(deliveredText(mail))![1];

    const family = new TestBrowser(t.app);
    const page = await family.get(path);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Oliver');
    expect(page.body).not.toContain('Amelia');
    const empty = await family.submit(path, path, { typedName: ' ' });
    expect(empty.statusCode).toBe(400);
    const signed = await family.submit(path, path, { typedName: 'Priya Patel' });
    expect(signed.statusCode).toBe(200);
    expect(signed.body).toContain('Agreement signed');
    expect((await byKey('home-school')).signed).toBe(3);
    const row = await one(t.database.db.selectFrom('agreement_signatures').selectAll().where('typed_name', '=', 'Priya Patel').executeTakeFirst());
    expect(row).toMatchObject({ method: 'online', version: 1 });
    expect((await family.get('/agreements/sign/not-a-real-token-at-all-0000')).statusCode).toBe(404);
  });

  it('the office records a paper copy with a date from day, month and year', async () => {
    const homeSchool = await byKey('home-school');
    const browser = new TestBrowser(t.app);
    await browser.signIn(office);
    const page = await browser.get(`/agreements/${homeSchool.id}/paper`);
    const option = /<option value="(carer:[^"]+)">Ayesha Khan/.exec(page.body)![1];
    const bad = await browser.submit(`/agreements/${homeSchool.id}/paper`, `/agreements/${homeSchool.id}/paper`, {
      person: option,
      'signedOn-day': '31',
      'signedOn-month': '2',
      'signedOn-year': '2026',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('real date');
    const ok = await browser.submit(`/agreements/${homeSchool.id}/paper`, `/agreements/${homeSchool.id}/paper`, {
      person: option,
      'signedOn-day': '2',
      'signedOn-month': '10',
      'signedOn-year': '2026',
    });
    expect(ok.statusCode).toBe(303);
    expect((await byKey('home-school')).signed).toBe(4);
  });
});
