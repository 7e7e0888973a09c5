import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withSchool } from '../../src/platform/db/school-scope.ts';
import { createImportService } from '../../src/modules/people/import.service.ts';
import { addApiToken } from '../../src/modules/school/school.service.ts';
import { createConsentService, type PublishedImageFinder } from '../../src/modules/consent/consent.service.ts';
import { actorFor } from '../helpers/concerns.ts';
import { createTestApp, csrfFrom, TestBrowser, type TestApp } from '../helpers/app.ts';
import { databaseKinds } from '../helpers/database.ts';
import { makeSchool, makeStaff, type TestStaff } from '../helpers/factories.ts';

const fixtureDir = new URL('../fixtures/oneroster/basic', import.meta.url).pathname;

describe.each(databaseKinds())('photo consent (%s)', (kind) => {
  let t: TestApp;
  let school: Awaited<ReturnType<typeof makeSchool>>;
  let schoolId: string;
  let officeToken: string;
  let teacherToken: string;
  let office: TestStaff;
  const api = (method: 'GET' | 'PUT', url: string, token: string, payload?: object) =>
    t.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });
  const pupil = (sourcedId: string) =>
    t.database.db
      .selectFrom('pupils')
      .select(['id', 'class_id'])
      .where('sourced_id', '=', sourcedId)
      .where('school_id', '=', schoolId)
      .executeTakeFirstOrThrow();
  const carersOf = (pupilId: string) =>
    t.database.db.selectFrom('pupil_carers').select(['carer_id', 'parental_responsibility']).where('pupil_id', '=', pupilId).execute();

  beforeAll(async () => {
    t = await createTestApp(kind);
    school = await makeSchool(t.database.db, { name: 'John Clifford Primary' });
    schoolId = school.id;
    await createImportService(t.database.schools).importFromPath(schoolId, { id: null, label: 'test' }, fixtureDir, false);
    office = await makeStaff(t.database.db, schoolId, ['office']);
    const teacher = await makeStaff(t.database.db, schoolId, ['teacher']);
    const token = (email: string) => withSchool(t.database.db, schoolId, (tx) => addApiToken(tx, schoolId, { id: null, label: 'test' }, email));
    officeToken = await token(office.email);
    teacherToken = await token(teacher.email);
  });
  afterAll(() => t.close());

  it('lists the default purposes from the policy settings', async () => {
    const purposes = (await api('GET', '/api/v1/consent-purposes', teacherToken)).json<{ key: string; external: boolean; active: boolean }[]>();
    expect(purposes.map((p) => p.key)).toEqual(['displays', 'class-photo', 'publications', 'website', 'social-media', 'press']);
    expect(purposes.find((p) => p.key === 'displays')).toMatchObject({ external: false, active: true });
    expect(purposes.find((p) => p.key === 'website')).toMatchObject({ external: true });
  });

  it('records an answer, shows it in the history, and the photo list follows the rule', async () => {
    const amelia = await pupil('stu-001');
    const [mum, dad] = await carersOf(amelia.id);
    const put = await api('PUT', `/api/v1/pupils/${amelia.id}/consents/website`, officeToken, { decision: 'granted', carerId: mum.carer_id, method: 'paper' });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({
      pupilId: amelia.id,
      purpose: 'website',
      decision: 'granted',
      carerId: mum.carer_id,
      method: 'paper',
      recordedAt: expect.any(String),
      recordedBy: office.id,
    });

    const list = (await api('GET', `/api/v1/classes/${amelia.class_id}/photo-list?purpose=website`, teacherToken)).json<{
      may: string[];
      mayNot: string[];
      noAnswer: string[];
    }>();
    expect(list.may).toEqual([amelia.id]);
    const all = [...list.may, ...list.mayNot, ...list.noAnswer];
    expect(new Set(all).size).toBe(all.length);
    const onRoll = await t.database.db.selectFrom('pupils').select('id').where('class_id', '=', amelia.class_id).where('on_roll', '=', true).execute();
    expect(all.sort()).toEqual(onRoll.map((p) => p.id).sort());

    // The other parent disagrees: one refusal is enough.
    await api('PUT', `/api/v1/pupils/${amelia.id}/consents/website`, officeToken, {
      decision: 'refused',
      carerId: dad.carer_id,
      method: 'phone',
      note: 'Rang the office',
    });
    const consents = (await api('GET', `/api/v1/pupils/${amelia.id}/consents`, officeToken)).json<{
      current: { purpose: string; status: string }[];
      history: unknown[];
    }>();
    expect(consents.current.find((c) => c.purpose === 'website')!.status).toBe('may-not');
    expect(consents.current.find((c) => c.purpose === 'press')!.status).toBe('no-answer');
    expect(consents.history).toHaveLength(2);
    expect(consents.history[0]).toMatchObject({ purpose: 'website', decision: 'refused', carerId: dad.carer_id, method: 'phone' });
    const audit = await t.database.db.selectFrom('audit_log').select('action').where('school_id', '=', schoolId).where('subject_id', '=', amelia.id).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['consent.recorded', 'consent.history-viewed', 'consent.withdrawn']));
  });

  it('a withdrawal raises a takedown task for the headteacher', async () => {
    const tasks = await t.database.db.selectFrom('takedown_tasks').selectAll().where('school_id', '=', schoolId).execute();
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ purpose: 'website', done_at: null });
    const head = await makeStaff(t.database.db, schoolId, ['headteacher']);
    const browser = new TestBrowser(t.app);
    await browser.signIn(head);
    const page = await browser.get('/consent/takedowns');
    expect(page.body).toContain('Amelia Clarke: website');
    const done = await browser.post(`/consent/takedowns/${tasks[0].id}/done`, { _csrf: csrfFrom(page.body) });
    expect(done.headers.location).toBe('/consent/takedowns');
    expect((await browser.get('/consent/takedowns')).body).toContain('Done');
  });

  it('asks the photo library where the children are published once for the whole page of takedown tasks, not once per task', async () => {
    const oliver = await pupil('stu-002');
    const [carer] = (await carersOf(oliver.id)).filter((c) => c.parental_responsibility);
    for (const decision of ['granted', 'refused']) {
      expect(
        (await api('PUT', `/api/v1/pupils/${oliver.id}/consents/website`, officeToken, { decision, carerId: carer.carer_id, method: 'paper' })).statusCode,
      ).toBe(200);
    }
    const asked: unknown[][] = [];
    const finder: PublishedImageFinder = async (...args) => {
      asked.push(args.slice(2));
      return args[2].map((w) => [{ label: `published ${w.pupilId}`, href: null }]);
    };
    const head = actorFor(school, await makeStaff(t.database.db, schoolId, ['headteacher']));
    const tasks = await createConsentService(t.database.schools, t.config, { findPublishedImages: finder }).takedowns(head);
    expect(tasks.length).toBeGreaterThanOrEqual(2);
    expect(asked).toEqual([[tasks.map((task) => ({ pupilId: task.pupil_id, purpose: task.purpose }))]]);
    for (const task of tasks) expect(task.images).toEqual([{ label: `published ${task.pupil_id}`, href: null }]);
  });

  it('takes no answer, on paper either, from a contact restricted by a court order or without parental responsibility', async () => {
    const oliver = await pupil('stu-002');
    const [carer] = await carersOf(oliver.id);
    const answerFrom = () =>
      api('PUT', `/api/v1/pupils/${oliver.id}/consents/press`, officeToken, { decision: 'granted', carerId: carer.carer_id, method: 'paper' });
    const history = async () => (await api('GET', `/api/v1/pupils/${oliver.id}/consents`, officeToken)).json<{ history: unknown[] }>().history.length;
    const before = await history();
    const courtOrder = (on: boolean) =>
      t.database.db.updateTable('pupil_carers').set({ court_order: on }).where('pupil_id', '=', oliver.id).where('carer_id', '=', carer.carer_id).execute();
    await courtOrder(true);
    try {
      const refused = await answerFrom();
      expect(refused.statusCode).toBe(422);
      expect(refused.json()).toMatchObject({ error: 'court_order', message: expect.stringContaining('restricted by a court order') });
      expect(await history()).toBe(before);
    } finally {
      await courtOrder(false);
    }
    const responsibility = (on: boolean) =>
      t.database.db
        .updateTable('pupil_carers')
        .set({ parental_responsibility: on })
        .where('pupil_id', '=', oliver.id)
        .where('carer_id', '=', carer.carer_id)
        .execute();
    await responsibility(false);
    try {
      expect((await answerFrom()).json()).toMatchObject({ error: 'no_parental_responsibility' });
      expect(await history()).toBe(before);
    } finally {
      await responsibility(Boolean(carer.parental_responsibility));
    }
  });

  it('answers an id that is not a UUID with 404 before reading the rest of the request, on pages and in the API', async () => {
    const put = await api('PUT', '/api/v1/pupils/not-a-pupil/consents/website', officeToken, { decision: 'maybe' });
    expect(put.statusCode).toBe(404);
    expect(put.json()).toMatchObject({ error: 'not_found' });
    expect((await api('GET', '/api/v1/pupils/not-a-pupil/consents', officeToken)).statusCode).toBe(404);
    expect((await api('GET', '/api/v1/classes/not-a-class/photo-list?purpose=website', teacherToken)).statusCode).toBe(404);
    const browser = new TestBrowser(t.app);
    await browser.signIn(office);
    for (const url of [`/consent/classes/${'x'.repeat(70)}`, '/consent/requests/not-a-request', `/pupils/${'x'.repeat(70)}/consent`]) {
      const page = await browser.get(url);
      expect(page.statusCode, url).toBe(404);
      expect(page.body, url).toContain('Page not found');
    }
  });

  it('documents the one API error shape on every consent route', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json<{
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    }>();
    const routes = {
      '/api/v1/consent-purposes': 'get',
      '/api/v1/pupils/{id}/consents/{purpose}': 'put',
      '/api/v1/pupils/{id}/consents': 'get',
      '/api/v1/classes/{id}/photo-list': 'get',
    };
    for (const [path, method] of Object.entries(routes)) {
      const { responses } = doc.paths[path][method];
      for (const status of Object.keys(responses).filter((s) => s !== '200')) {
        expect(responses[status], `${method} ${path} ${status}`).toMatchObject({
          content: {
            'application/json': {
              schema: {
                required: ['error', 'message'],
                properties: { error: { type: 'string' }, message: { type: 'string' }, field: { type: 'string' }, problems: { type: 'array' } },
              },
            },
          },
        });
      }
    }
    expect(Object.keys(doc.paths['/api/v1/pupils/{id}/consents/{purpose}'].put.responses).sort()).toEqual(['200', '400', '401', '403', '404', '422']);
  });

  it('answers 404 for an unknown pupil or purpose and 422 for someone who is not the pupil’s carer', async () => {
    const amelia = await pupil('stu-001');
    const other = await pupil('stu-002');
    const [stranger] = await carersOf(other.id);
    const [mum] = await carersOf(amelia.id);
    expect(
      (await api('PUT', `/api/v1/pupils/${amelia.id}/consents/hot-air-balloon`, officeToken, { decision: 'granted', carerId: mum.carer_id, method: 'paper' }))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await api('PUT', '/api/v1/pupils/00000000-0000-0000-0000-000000000000/consents/website', officeToken, {
          decision: 'granted',
          carerId: mum.carer_id,
          method: 'paper',
        })
      ).statusCode,
    ).toBe(404);
    const wrong = await api('PUT', `/api/v1/pupils/${amelia.id}/consents/website`, officeToken, {
      decision: 'granted',
      carerId: stranger.carer_id,
      method: 'paper',
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json()).toMatchObject({ error: 'not_a_carer' });
    expect(
      (await api('PUT', `/api/v1/pupils/${amelia.id}/consents/website`, officeToken, { decision: 'maybe', carerId: mum.carer_id, method: 'paper' })).statusCode,
    ).toBe(400);
    // A teacher consults but does not record.
    expect(
      (await api('PUT', `/api/v1/pupils/${amelia.id}/consents/website`, teacherToken, { decision: 'granted', carerId: mum.carer_id, method: 'paper' }))
        .statusCode,
    ).toBe(403);
  });

  it('the office records a paper answer from the pupil’s page, with clear errors', async () => {
    const browser = new TestBrowser(t.app);
    await browser.signIn(office);
    const isla = await pupil('stu-003');
    const [carer] = (await carersOf(isla.id)).filter((c) => c.parental_responsibility);
    const empty = await browser.submit(`/pupils/${isla.id}/consent`, `/pupils/${isla.id}/consent`, {});
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Choose what the answer is about');
    const saved = await browser.submit(`/pupils/${isla.id}/consent`, `/pupils/${isla.id}/consent`, {
      purpose: 'displays',
      carerId: carer.carer_id,
      decision: 'granted',
      method: 'paper',
    });
    expect(saved.headers.location).toBe(`/pupils/${isla.id}/consent`);
    const page = await browser.get(`/pupils/${isla.id}/consent`);
    expect(page.body).toContain('Answer recorded');
    expect(page.body).toMatch(/Displays in school[\s\S]*Yes/);
    const sheet = await browser.get(`/consent/classes/${isla.class_id}?purpose=displays`);
    expect(sheet.body).toMatch(/id="may">[\s\S]*Isla O&#39;Neill/);
  });

  it('the headteacher retires a purpose, adds one, and a new form version lapses older answers', async () => {
    const head = await makeStaff(t.database.db, schoolId, ['headteacher']);
    const browser = new TestBrowser(t.app);
    await browser.signIn(head);
    const isla = await pupil('stu-003');
    const before = (await api('GET', `/api/v1/pupils/${isla.id}/consents`, officeToken)).json<{ current: { purpose: string; status: string }[] }>();
    expect(before.current.find((c) => c.purpose === 'displays')!.status).toBe('may');
    const page = await browser.get('/consent/settings');
    const form: Record<string, string> = {
      _csrf: csrfFrom(page.body),
      lapse: 'new-form-version',
      reminderAfterDays: '10',
      newFormVersion: 'yes',
      newLabel: 'School app',
      newDescription: 'Photographs in the school’s app for parents, never with names.',
      newExternal: 'yes',
    };
    for (let i = 0; i < 6; i++) {
      if (i !== 5) form[`active-${i}`] = 'yes';
      if (i >= 2) form[`external-${i}`] = 'yes';
    }
    const saved = await browser.post('/consent/settings', form);
    expect(saved.headers.location).toBe('/consent/settings');
    const purposes = (await api('GET', '/api/v1/consent-purposes', teacherToken)).json<{ key: string; active: boolean }[]>();
    expect(purposes.find((p) => p.key === 'press')!.active).toBe(false);
    expect(purposes.find((p) => p.key === 'school-app')).toMatchObject({ active: true, external: true });
    const after = (await api('GET', `/api/v1/pupils/${isla.id}/consents`, officeToken)).json<{
      current: { purpose: string; status: string }[];
      history: unknown[];
    }>();
    expect(after.current.find((c) => c.purpose === 'displays')!.status).toBe('no-answer');
    expect(after.history.length).toBeGreaterThan(0);
    const [carer] = (await carersOf(isla.id)).filter((c) => c.parental_responsibility);
    const retired = await api('PUT', `/api/v1/pupils/${isla.id}/consents/press`, officeToken, {
      decision: 'granted',
      carerId: carer.carer_id,
      method: 'paper',
    });
    expect(retired.statusCode).toBe(422);
    const none = await browser.post('/consent/settings', {
      _csrf: csrfFrom((await browser.get('/consent/settings')).body),
      lapse: 'never',
      reminderAfterDays: '7',
    });
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('Keep at least one purpose');
  });
});
