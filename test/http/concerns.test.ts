import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withSchool } from '../../src/platform/db/school-scope.ts';
import { addApiToken } from '../../src/modules/school/school.service.ts';
import { defaultSettings } from '../../src/modules/settings/settings.defaults.ts';
import { currentSettings, saveSettings } from '../../src/modules/settings/settings.service.ts';
import { createTestApp, csrfFrom, TestBrowser, type TestApp } from '../helpers/app.ts';
import { makeConcernSchool, type ConcernSchool } from '../helpers/concerns.ts';
import type { TestStaff } from '../helpers/factories.ts';

const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32)]);

/** A multipart body as a browser sends a form with a file field. */
function multipart(fields: Record<string, string>, file?: { name: string; filename: string; type: string; content: Buffer }) {
  const boundary = '----esafety-test-boundary';
  const parts: Buffer[] = Object.entries(fields).map(([k, v]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.name}"; filename="${file.filename}"\r\nContent-Type: ${file.type}\r\n\r\n`),
      file.content,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const report = (overrides: Record<string, string | string[]> = {}) => ({
  type: 'cyber-bullying',
  summary: 'Name-calling in a game chat',
  details: 'Amelia says two boys call her names on Roblox every evening.',
  occurredAt: '2026-11-20T18:30',
  location: 'out-of-school',
  outOfHours: 'yes',
  platform: 'Roblox',
  ...overrides,
});

describe('concerns over HTTP: pages, forms and the API', () => {
  let t: TestApp;
  let s: ConcernSchool;
  const browsers = new Map<string, TestBrowser>();
  const tokens = new Map<string, string>();
  const as = (who: keyof ConcernSchool['staff']) => browsers.get(who)!;

  beforeAll(async () => {
    t = await createTestApp('pglite');
    s = await makeConcernSchool(t.database.db);
    for (const who of ['teacher', 'classTeacher', 'dsl', 'head', 'office', 'volunteer'] as const) {
      const staff: TestStaff = s.staff[who];
      const browser = new TestBrowser(t.app);
      await browser.signIn(staff);
      browsers.set(who, browser);
      tokens.set(who, await withSchool(t.database.db, s.school.id, (tx) => addApiToken(tx, s.school.id, { id: null, label: 'test' }, staff.email)));
    }
  });
  afterAll(() => t.close());

  const api = (who: string, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    t.app.inject({ method, url, payload: payload as object, headers: { authorization: `Bearer ${tokens.get(who)}` } });

  it('a volunteer reports from the form; the GOV.UK error summary names each missing field first', async () => {
    const form = await as('volunteer').get('/concerns/new');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Bullying by text, messaging, games or social media');
    const empty = await as('volunteer').submit('/concerns/new', '/concerns', { summary: '' });
    expect(empty.statusCode).toBe(400);
    for (const href of ['#type', '#summary', '#details', '#occurredAt', '#location']) expect(empty.body).toContain(`href="${href}"`);
    // The date in day, month and year boxes, with a time, as the form asks for it.
    const withoutOne: Record<string, string | string[]> = report({ pupilIds: s.pupilId });
    delete withoutOne.occurredAt;
    const done = await as('volunteer').submit('/concerns/new', '/concerns', {
      ...withoutOne,
      'occurredAt-day': '20',
      'occurredAt-month': '11',
      'occurredAt-year': '2026',
      'occurredAt-time': '6:30pm',
    });
    expect(done.statusCode).toBe(303);
    const page = await as('volunteer').get(String(done.headers.location));
    expect(page.body).toContain('20 November 2026 at 6:30pm');
    expect(page.body).toContain('Your concern is recorded and has been sent to 2 people.');
    expect(page.body).toContain('You reported this concern');
    expect(page.body).not.toContain('Add an action');
  });

  it('without JavaScript, staff find pupils and carers by name or by class, and searching records nothing', async () => {
    const volunteer = as('volunteer');
    const before = (await volunteer.get('/concerns')).body.match(/href="\/concerns\/[0-9a-f-]{36}"/g)?.length ?? 0;
    const found = await volunteer.submit('/concerns/new', '/concerns', report({ find: 'pupilIds', 'pupilIds-find': 'amel', 'carerIds-find': 'CLARKE' }));
    expect(found.statusCode).toBe(200);
    expect(found.body).toContain(`<input class="govuk-checkboxes__input" id="pupilIds-${s.pupilId}" name="pupilIds" type="checkbox" value="${s.pupilId}">`);
    expect(found.body).toContain(`id="carerIds-${s.carerId}" name="carerIds" type="checkbox" value="${s.carerId}">`);
    expect(found.body).not.toContain(`value="${s.exPupilId}">`);
    expect(found.body).toMatch(/role="status" aria-live="polite">1 found\. Tick the ones to add\./);
    expect(found.body).toContain('value="Name-calling in a game chat"');

    // "Year 3 Hazel, all except…": choose the whole class, then untick.
    const wholeClass = await volunteer.submit('/concerns/new', '/concerns', report({ chooseGroup: 'pupilIds', 'pupilIds-group': 'Year 3 Hazel' }));
    expect(wholeClass.body).toContain(`value="${s.pupilId}" checked>`);
    expect(wholeClass.body).toContain('1 chosen. Untick anyone you did not mean.');
    expect((await volunteer.get('/concerns')).body.match(/href="\/concerns\/[0-9a-f-]{36}"/g)?.length ?? 0).toBe(before);
    expect(found.body).toContain('name="occurredAt-day"');
    expect(found.body).not.toContain('datetime-local');
  });

  it('routes it to the class teacher, who finds it on their list, marks it read, acts and closes it', async () => {
    const list = await as('classTeacher').get('/concerns');
    expect(list.body).toContain('Needs your attention');
    const id = /href="\/concerns\/([0-9a-f-]{36})"/.exec(list.body.split('Needs your attention')[1])![1];
    const url = `/concerns/${id}`;
    expect((await as('classTeacher').submit(url, `${url}/read`, {})).statusCode).toBe(303);
    expect((await as('classTeacher').get('/concerns')).body).toContain('Nothing needs you at the moment.');
    // The policy's step for cyber bullying is offered first.
    expect((await as('classTeacher').get(url)).body).toMatch(/<option value="carers-informed" selected>/);
    const bad = await as('classTeacher').submit(url, `${url}/actions`, { kind: 'expel', note: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('href="#kind"');
    expect(bad.body).toContain('href="#note"');
    await as('classTeacher').submit(url, `${url}/actions`, {
      kind: 'carers-informed',
      note: 'Phoned Amelia’s mother',
      'dueAt-day': '1',
      'dueAt-month': '12',
      'dueAt-year': '2026',
    });
    await as('classTeacher').submit(url, `${url}/decision`, {
      acts: 'yes',
      grounds: ['threatens-community', 'disrupts-school'],
      reasons: 'It carries on in class',
    });
    const closed = await as('classTeacher').submit(url, `${url}/close`, { outcome: 'Both boys’ carers met the head; the chat stopped.' });
    expect(closed.statusCode).toBe(303);
    const page = await as('classTeacher').get(url);
    expect(page.body).toContain('Concern closed with its outcome');
    expect(page.body).toContain('Both boys’ carers met the head; the chat stopped.');
    expect(page.body).toContain('Decided the school will act');
    expect(page.body).toContain('It threatens a member of the school community');
  });

  it('answers 404, not 403, to staff who may not see a record', async () => {
    const { id } = (
      await api('teacher', 'POST', '/api/v1/concerns', {
        type: 'staff-misuse',
        summary: 'A colleague’s post',
        details: 'About a parent',
        occurredAt: new Date().toISOString(),
        location: 'out-of-school',
      })
    ).json<{ id: string }>();
    expect((await as('classTeacher').get(`/concerns/${id}`)).statusCode).toBe(404);
    expect((await as('office').get(`/concerns/${id}`)).statusCode).toBe(404);
    expect((await as('dsl').get(`/concerns/${id}`)).statusCode).toBe(200);
    expect((await api('office', 'GET', `/api/v1/concerns/${id}`)).statusCode).toBe(404);
    const page = await as('office').get('/concerns/new');
    expect((await as('office').post(`/concerns/${id}/actions`, { _csrf: csrfFrom(page.body), kind: 'note', note: 'x' })).statusCode).toBe(404);
  });

  it('keeps an uploaded screenshot, and refuses to keep anything when nude images of a child are involved', async () => {
    const page = await as('teacher').get('/concerns/new');
    const csrf = csrfFrom(page.body);
    const withFile = await as('teacher').request({
      method: 'POST',
      url: '/concerns',
      ...multipart({ _csrf: csrf, ...report() }, { name: 'evidence', filename: 'chat.png', type: 'image/png', content: png }),
    });
    expect(withFile.statusCode).toBe(303);
    const concernPage = await as('teacher').get(String(withFile.headers.location));
    const link = /href="(\/concerns\/[^"]+\/evidence\/[^"]+)"/.exec(concernPage.body)![1];
    const download = await as('teacher').get(link);
    expect(download.headers['content-disposition']).toContain('attachment; filename="chat.png"');
    expect(download.rawPayload.equals(png)).toBe(true);

    // Up to 10 MB is kept; more is refused on the form, with the reason, and nothing is saved.
    const big = Buffer.concat([png, Buffer.alloc(3 * 1024 * 1024)]);
    const kept = await as('teacher').request({
      method: 'POST',
      url: '/concerns',
      ...multipart({ _csrf: csrf, ...report() }, { name: 'evidence', filename: 'big.png', type: 'image/png', content: big }),
    });
    expect(kept.statusCode).toBe(303);
    const tooBig = await as('teacher').request({
      method: 'POST',
      url: '/concerns',
      ...multipart(
        { _csrf: csrf, ...report() },
        { name: 'evidence', filename: 'huge.png', type: 'image/png', content: Buffer.concat([png, Buffer.alloc(10 * 1024 * 1024)]) },
      ),
    });
    expect(tooBig.statusCode).toBe(400);
    expect(tooBig.body).toContain('huge.png is larger than 10 MB');
    expect(tooBig.body).toContain('href="#evidence"');

    const nude = await as('teacher').request({
      method: 'POST',
      url: '/concerns',
      ...multipart({ _csrf: csrf, ...report({ involvesNudeImages: 'yes' }) }, { name: 'evidence', filename: 'image.png', type: 'image/png', content: png }),
    });
    const after = await as('teacher').get(String(nude.headers.location));
    expect(after.body).toContain('Your concern is recorded and the file was not kept. Go to the designated safeguarding lead now.');
    expect(after.body).not.toContain('/evidence/');
  });

  it('shows a carer’s earlier post on a repeat and offers the next step the policy names first', async () => {
    const post = {
      type: 'community-post',
      summary: 'Complaint posted on the village page',
      details: 'About a teacher, by name',
      occurredAt: new Date().toISOString(),
      location: 'out-of-school',
      carerIds: [s.carerId],
    };
    const first = (await api('office', 'POST', '/api/v1/concerns', post)).json<{ id: string }>();
    const second = (await api('office', 'POST', '/api/v1/concerns', post)).json<{ id: string }>();
    const page = await as('head').get(`/concerns/${second.id}`);
    expect(page.body).toContain('Earlier concerns about the same people');
    expect(page.body).toContain(`href="/concerns/${first.id}"`);
    expect(page.body).toContain('Repeated online misconduct: the school may pass the details to the police.');
    expect(page.body).toMatch(/<option value="police-referral" selected>/);
    // The first of the two has no earlier concern: the later report is not "earlier", and nothing points to the police.
    const firstPage = await as('head').get(`/concerns/${first.id}`);
    expect(firstPage.body).not.toContain('Earlier concerns about the same people');
    expect(firstPage.body).not.toContain(`href="/concerns/${second.id}"`);
    expect(firstPage.body).not.toMatch(/<option value="police-referral" selected>/);
  });

  it('prints a pupil’s chronology and shows the head the overview and the dashboard link', async () => {
    const chronology = await as('dsl').get(`/pupils/${s.pupilId}/chronology`);
    expect(chronology.statusCode).toBe(200);
    expect(chronology.body).toContain('Chronology: Amelia Clarke');
    expect(chronology.body).toContain('Carers of the pupils involved told, with advice on closing accounts');
    const overview = await as('head').get('/concerns/overview');
    expect(overview.body).toContain('Open concerns by type and age');
    expect((await as('office').get('/concerns/overview')).statusCode).toBe(403);
    const dashboard = await as('dsl').get('/dashboard');
    expect(dashboard.body).toMatch(/\d+ concerns? needs? your attention/);
  });

  it('API: reports, names the field of anything invalid with 422, returns the timeline, and refuses unknown action kinds', async () => {
    const created = await api('teacher', 'POST', '/api/v1/concerns', {
      type: 'inappropriate-content',
      summary: 'A pop-up advert with violence',
      details: 'On a maths game site in lesson 3',
      occurredAt: '2026-11-23T10:15:00Z',
      location: 'in-school',
      platform: 'A website',
      pupilIds: [s.pupilId],
      others: [],
    });
    expect(created.statusCode).toBe(201);
    const body = created.json<{ id: string; routedTo: { userId: string; reason: string }[] }>();
    expect(Object.keys(body).sort()).toEqual(['id', 'reportedAt', 'reportedBy', 'routedTo', 'status', 'type']);
    expect(body).toMatchObject({ type: 'inappropriate-content', status: 'open', reportedBy: s.staff.teacher.id });
    expect(body.routedTo.map((r) => r.userId)).toEqual([s.staff.classTeacher.id, s.staff.ict.id, s.staff.head.id]);

    for (const [payload, field] of [
      [{ type: 'gossip' }, 'type'],
      [{ summary: undefined }, 'summary'],
      [{ occurredAt: 'yesterday' }, 'occurredAt'],
      [{ location: 'home' }, 'location'],
      [{ pupilIds: ['not-an-id'] }, 'pupilIds'],
    ] as const) {
      const valid: Record<string, unknown> = { type: 'cyber-bullying', summary: 'x', details: 'y', occurredAt: '2026-11-23T10:15:00Z', location: 'in-school' };
      const bad = await api('teacher', 'POST', '/api/v1/concerns', { ...valid, ...payload });
      expect(bad.statusCode, JSON.stringify(payload)).toBe(422);
      expect(bad.json()).toMatchObject({ error: 'invalid', message: expect.any(String), field });
    }

    const action = await api('head', 'POST', `/api/v1/concerns/${body.id}/actions`, {
      kind: 'site-blocked',
      note: 'Blocked the advert network',
      dueAt: '2026-12-01T12:00:00Z',
    });
    expect(action.statusCode).toBe(201);
    expect(action.json()).toMatchObject({
      kind: 'action',
      actionKey: 'site-blocked',
      note: 'Blocked the advert network',
      dueAt: '2026-12-01T12:00:00.000Z',
      by: s.staff.head.id,
    });
    const unknown = await api('head', 'POST', `/api/v1/concerns/${body.id}/actions`, { kind: 'detention', note: 'x' });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json()).toMatchObject({ field: 'kind' });

    expect((await api('office', 'GET', `/api/v1/concerns/${body.id}`)).statusCode).toBe(404);
    const asHead = (await api('head', 'GET', `/api/v1/concerns/${body.id}`)).json<{ timeline: { actionKey: string }[]; routedTo: unknown[] }>();
    expect(asHead.timeline.map((e) => e.actionKey)).toEqual(['site-blocked']);
    expect(asHead.routedTo).toHaveLength(3);
    const asReporter = (await api('teacher', 'GET', `/api/v1/concerns/${body.id}`)).json<{ timeline: unknown[]; status: string; summary: string }>();
    expect(asReporter).toMatchObject({ timeline: [], status: 'open', summary: 'A pop-up advert with violence' });

    const doc = (await t.app.inject({ url: '/api/v1/openapi.json' })).json<{ paths: Record<string, Record<string, { responses: Record<string, unknown> }>> }>();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/concerns', '/api/v1/concerns/{id}', '/api/v1/concerns/{id}/actions', '/api/v1/pupils/{id}/chronology']),
    );
    expect(Object.keys(doc.paths['/api/v1/concerns'].post.responses)).toEqual(expect.arrayContaining(['201', '422']));

    const chronology = await api('classTeacher', 'GET', `/api/v1/pupils/${s.pupilId}/chronology`);
    const items = chronology.json<{ at: string; concernId: string }[]>();
    expect(items.map((i) => i.at)).toEqual([...items.map((i) => i.at)].sort());
    expect(items.some((i) => i.concernId === body.id)).toBe(true);
  });

  it('says a concern happened outside school hours only when the reporter said so, on the page and in the API', async () => {
    const base = { type: 'inappropriate-content', summary: 'A pop-up advert', details: 'On a maths game site', occurredAt: '2026-11-23T10:15:00Z' };
    const inLesson = (await api('teacher', 'POST', '/api/v1/concerns', { ...base, location: 'in-school' })).json<{ id: string }>();
    const evening = (await api('teacher', 'POST', '/api/v1/concerns', { ...base, location: 'out-of-school', outOfHours: true })).json<{ id: string }>();
    expect((await api('head', 'GET', `/api/v1/concerns/${inLesson.id}`)).json()).toMatchObject({ location: 'in-school', outOfHours: false });
    expect((await api('head', 'GET', `/api/v1/concerns/${evening.id}`)).json()).toMatchObject({ location: 'out-of-school', outOfHours: true });
    const lessonPage = (await as('head').get(`/concerns/${inLesson.id}`)).body;
    expect(lessonPage).toContain('In school');
    expect(lessonPage).not.toContain('outside school hours');
    expect((await as('head').get(`/concerns/${evening.id}`)).body).toContain('Out of school, outside school hours');
  });

  it('API: documents the one error shape on every concerns route, and answers 404 to an id that cannot be a concern', async () => {
    const doc = (await t.app.inject({ url: '/api/v1/openapi.json' })).json<{
      paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: { properties?: Record<string, unknown> } }> }> }>>;
    }>();
    for (const [path, method] of [
      ['/api/v1/concerns', 'post'],
      ['/api/v1/concerns/{id}', 'get'],
      ['/api/v1/concerns/{id}/actions', 'post'],
      ['/api/v1/pupils/{id}/chronology', 'get'],
    ] as const) {
      const responses = doc.paths[path][method].responses;
      expect(Object.keys(responses), path).toEqual(expect.arrayContaining(['400', '401', '403', '404', '422']));
      expect(Object.keys(responses['422'].content!['application/json'].schema.properties!).sort(), path).toEqual(['error', 'field', 'message', 'problems']);
    }
    for (const id of ['not-a-concern', 'x'.repeat(80)]) {
      const action = await api('head', 'POST', `/api/v1/concerns/${id}/actions`, { kind: 'note', note: 'x' });
      expect(action.statusCode, id).toBe(404);
      expect(action.json()).toEqual({ error: 'not_found', message: 'Page not found' });
    }
  });

  it('API: accepts every default action key; a retired action is no longer offered, yet the records that show it keep its label', async () => {
    const { id } = (
      await api('teacher', 'POST', '/api/v1/concerns', {
        type: 'filter-circumvention',
        summary: 'A proxy site',
        details: 'Found in the history',
        occurredAt: '2026-11-23T10:15:00Z',
        location: 'in-school',
      })
    ).json<{ id: string }>();
    for (const { key } of defaultSettings.concerns.actions) {
      expect((await api('head', 'POST', `/api/v1/concerns/${id}/actions`, { kind: key, note: `Recorded ${key}` })).statusCode, key).toBe(201);
    }
    await withSchool(t.database.db, s.school.id, async (tx) => {
      const { settings } = await currentSettings(tx, s.school.id);
      const actions = settings.concerns.actions.map((a) => (a.key === 'site-blocked' ? { ...a, retired: true } : a));
      await saveSettings(tx, s.school.id, { id: null, label: 'test' }, { ...settings, concerns: { ...settings.concerns, actions } });
    });
    const retired = await api('head', 'POST', `/api/v1/concerns/${id}/actions`, { kind: 'site-blocked', note: 'Again' });
    expect(retired.statusCode).toBe(422);
    expect(retired.json()).toMatchObject({ field: 'kind' });
    const page = await as('head').get(`/concerns/${id}`);
    expect(page.body).not.toContain('<option value="site-blocked"');
    expect(page.body).toContain('<option value="note"');
    expect(page.body).toContain('Site blocked');
  });
});
