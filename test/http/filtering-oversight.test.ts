import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withSchool } from '../../src/platform/db/school-scope.ts';
import { tokenHash } from '../../src/platform/auth/secrets.ts';
import { addApiToken } from '../../src/modules/school/school.service.ts';
import { createTestApp, csrfFrom, TestBrowser, type TestApp } from '../helpers/app.ts';
import { makeSchool, makeStaff } from '../helpers/factories.ts';

describe('bans, monitoring alerts and the yearly review (FLT-4, 001 §5, DfE standards)', () => {
  let t: TestApp;
  let schoolId: string;
  let classId: string;
  let pupilId: string;
  let dsl: TestBrowser;
  let teacher: TestBrowser;
  let alertToken: string;
  let headToken: string;
  let headStaff: Awaited<ReturnType<typeof makeStaff>>;

  beforeAll(async () => {
    t = await createTestApp('pglite');
    schoolId = (await makeSchool(t.database.db)).id;
    classId = (
      await t.database.db.insertInto('classes').values({ school_id: schoolId, title: 'Year 6 Ash', year_group: 6 }).returning('id').executeTakeFirstOrThrow()
    ).id;
    pupilId = (
      await t.database.db
        .insertInto('pupils')
        .values({ school_id: schoolId, given_name: 'Amelia', family_name: 'Hart', class_id: classId, sourced_id: 'stu-042' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const dslStaff = await makeStaff(t.database.db, schoolId, ['dsl']);
    const teacherStaff = await makeStaff(t.database.db, schoolId, ['teacher']);
    const head = (headStaff = await makeStaff(t.database.db, schoolId, ['headteacher']));
    dsl = new TestBrowser(t.app);
    await dsl.signIn(dslStaff);
    teacher = new TestBrowser(t.app);
    await teacher.signIn(teacherStaff);
    alertToken = await withSchool(t.database.db, schoolId, (tx) => addApiToken(tx, schoolId, { id: null, label: 'test' }, dslStaff.email, 'monitoring-alerts'));
    headToken = await withSchool(t.database.db, schoolId, (tx) => addApiToken(tx, schoolId, { id: null, label: 'test' }, head.email));
  }, 300_000);
  afterAll(() => t?.close());

  it('a ban with supervised use shows on the class and pupil pages for the class teacher', async () => {
    const year = new Date().getUTCFullYear();
    const bad = await dsl.submit('/filtering/bans/new', '/filtering/bans', {
      pupilId,
      reason: '',
      'startsOn-day': '1',
      'startsOn-month': '1',
      'startsOn-year': String(year),
      'endsOn-day': '31',
      'endsOn-month': '13',
      'endsOn-year': String(year + 1),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Say what happened');
    expect(bad.body).toContain('Ends: enter a real date');
    const saved = await dsl.submit('/filtering/bans/new', '/filtering/bans', {
      pupilId,
      reason: 'Used a proxy site to get round the filter',
      supervisedUse: 'yes',
      'startsOn-day': '1',
      'startsOn-month': '1',
      'startsOn-year': String(year - 1),
      'endsOn-day': '31',
      'endsOn-month': '12',
      'endsOn-year': String(year + 1),
    });
    expect(saved.statusCode, saved.body).toBe(303);
    for (const page of [`/classes/${classId}`, `/pupils/${pupilId}`]) {
      const html = (await teacher.get(page)).body;
      expect(html, page).toContain('Banned from school computers');
      expect(html, page).toContain('only under close supervision');
      expect(html, page).toContain(`until 31 December ${year + 1}`);
    }
  });

  it('the yearly review is recorded and read back through the API, next due a year later', async () => {
    const form: Record<string, string> = { 'completedOn-day': '14', 'completedOn-month': '10', 'completedOn-year': '2026' };
    for (const r of ['head', 'dsl', 'ict', 'governor']) form[`participant-${r}`] = `Person ${r}`;
    for (const k of ['roles', 'yearly-review', 'harmful-content', 'monitoring', 'provider'])
      Object.assign(form, { [`met-${k}`]: 'yes', [`evidence-${k}`]: `Evidence ${k}`, [`actions-${k}`]: '' });
    form['met-provider'] = 'no';
    const refused = await dsl.submit('/filtering/review/new', '/filtering/review', form);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('record the actions agreed');
    form['actions-provider'] = 'Ask the provider for its 2026 statement by half term';
    expect((await dsl.submit('/filtering/review/new', '/filtering/review', form)).statusCode).toBe(303);
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/filtering-reviews', headers: { authorization: `Bearer ${headToken}` } });
    expect(response.statusCode).toBe(200);
    const [review] =
      response.json<{ id: string; completedOn: string; nextDue: string; points: { key: string; met: boolean; evidence: string; actions: string }[] }[]>();
    expect(review).toMatchObject({ completedOn: '2026-10-14', nextDue: '2027-10-14' });
    expect(review.points).toHaveLength(5);
    expect(review.points.find((p) => p.key === 'provider')).toEqual({
      key: 'provider',
      met: false,
      evidence: 'Evidence provider',
      actions: 'Ask the provider for its 2026 statement by half term',
    });
    const home = await dsl.get('/dashboard');
    expect(home.statusCode, String(home.headers.location)).toBe(200);
    expect(home.body).toContain('Next filtering and monitoring review');
  });

  it('alerts come by the token-protected API and by CSV; the DSL opens a concern with one click', async () => {
    const post = (payload: object, token = alertToken) =>
      t.app.inject({ method: 'POST', url: '/api/v1/monitoring-alerts', headers: { authorization: `Bearer ${token}` }, payload });
    const first = await post({
      source: 'Smoothwall Monitor',
      externalId: 'A-1',
      occurredAt: '2026-11-30T10:15:00Z',
      category: 'Self-harm search',
      severity: 'high',
      pupilId,
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ duplicate: false });
    expect(
      (
        await post({ source: 'Smoothwall Monitor', externalId: 'A-1', occurredAt: '2026-11-30T10:15:00Z', category: 'Self-harm search', severity: 'high' })
      ).json(),
    ).toMatchObject({ duplicate: true });
    expect((await post({ source: 'X', occurredAt: 'yesterday', category: 'c', severity: 'high' })).statusCode).toBe(422);
    // The alerts token does nothing else.
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/filtering-reviews', headers: { authorization: `Bearer ${alertToken}` } })).statusCode).toBe(403);

    const page = await dsl.get('/filtering/alerts');
    const csv = 'occurred_at,category,severity,user,pupil,id\n2026-11-29T09:00:00Z,Violent content,medium,ahart,stu-042,B-7\n';
    const boundary = '----esafety';
    const body = [
      `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrfFrom(page.body)}\r\n`,
      `--${boundary}\r\nContent-Disposition: form-data; name="source"\r\n\r\nLightspeed Alert\r\n`,
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="alerts.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n`,
      `--${boundary}--\r\n`,
    ].join('');
    const uploaded = await dsl.request({
      method: 'POST',
      url: '/filtering/alerts/upload',
      payload: body,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(uploaded.statusCode, uploaded.body).toBe(303);
    const listed = (await dsl.get('/filtering/alerts')).body;
    expect(listed).toContain('Violent content');
    expect(listed).toContain('Amelia Hart');

    const alertId = first.json<{ id: string }>().id;
    const opened = await dsl.submit('/filtering/alerts', `/filtering/alerts/${alertId}/triage`, { action: 'concern', note: 'Talk to Amelia today' });
    expect(opened.statusCode).toBe(303);
    expect(opened.headers.location).toMatch(/^\/concerns\/[0-9a-f-]{36}$/);
    const concern = await t.database.db.selectFrom('concerns').select(['summary', 'type']).executeTakeFirstOrThrow();
    expect(concern.summary).toContain('Self-harm search');
    expect((await dsl.submit('/filtering/alerts', `/filtering/alerts/${alertId}/triage`, { action: 'noted', note: 'again' })).statusCode).toBe(409);
  });
  it('the token page makes a scoped token shown once and kept as a hash; the head sees it and revokes it after confirming (issue 12)', async () => {
    const api = (token: string) => t.app.inject({ method: 'GET', url: '/api/v1/filtering-reviews', headers: { authorization: `Bearer ${token}` } });
    const page = await dsl.get('/filtering/tokens');
    expect(page.statusCode).toBe(200);
    // The DSL may receive monitoring alerts but not export the filter lists: only that use is offered, and refused if forced.
    expect(page.body).toContain('value="monitoring-alerts"');
    expect(page.body).not.toContain('value="filter-export"');
    const forced = await dsl.submit('/filtering/tokens', '/filtering/tokens', { scope: 'filter-export', label: 'Pi-hole' });
    expect(forced.statusCode).toBe(400);
    expect(forced.body).toContain('Choose what the token may do');
    expect((await dsl.post('/filtering/tokens', { scope: 'monitoring-alerts', label: 'No CSRF' })).statusCode).toBe(403);
    const made = await dsl.submit('/filtering/tokens', '/filtering/tokens', { scope: 'monitoring-alerts', label: 'Smoothwall Monitor' });
    expect(made.statusCode).toBe(201);
    const token = /id="token">(eso_[\w-]+)</.exec(made.body)?.[1] ?? '';
    expect(token).not.toBe('');
    const row = await t.database.db.selectFrom('api_tokens').selectAll().where('label', '=', 'Smoothwall Monitor').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ scope: 'monitoring-alerts', token_hash: tokenHash(token), revoked_at: null });
    expect(JSON.stringify(row)).not.toContain(token);
    expect((await dsl.get('/filtering/tokens')).body).not.toContain(token);
    // It works as the DSL, for its one use only: anything else is refused, not unknown.
    expect((await api(token)).statusCode).toBe(403);
    // A teacher has no token page; the DSL cannot reach the head's token.
    expect([403, 404]).toContain((await teacher.get('/filtering/tokens')).statusCode);
    const headTokenId = (await t.database.db.selectFrom('api_tokens').select('id').where('token_hash', '=', tokenHash(headToken)).executeTakeFirstOrThrow()).id;
    expect((await dsl.get(`/filtering/tokens/${headTokenId}/revoke`)).statusCode).toBe(404);
    expect((await dsl.submit('/filtering/tokens', `/filtering/tokens/${headTokenId}/revoke`, {})).statusCode).toBe(404);
    // The head sees every token and revokes the DSL's after the confirmation page.
    const head = new TestBrowser(t.app);
    await head.signIn(headStaff);
    expect((await head.get('/filtering/tokens')).body).toContain('Smoothwall Monitor');
    const confirm = await head.get(`/filtering/tokens/${row.id}/revoke`);
    expect(confirm.body).toContain('Revoke this token?');
    expect((await head.post(`/filtering/tokens/${row.id}/revoke`, {})).statusCode).toBe(403);
    expect((await api(token)).statusCode).toBe(403);
    const revoked = await head.submit(`/filtering/tokens/${row.id}/revoke`, `/filtering/tokens/${row.id}/revoke`, {});
    expect(revoked.statusCode).toBe(303);
    expect((await api(token)).statusCode).toBe(401);
    expect((await head.get('/filtering/tokens')).body).not.toContain('Smoothwall Monitor');
    const audited = await t.database.db.selectFrom('audit_log').select('action').where('subject_id', '=', row.id).orderBy('at').execute();
    expect(audited.map((a) => a.action)).toEqual(['api-token.created', 'api-token.revoked']);
  });
});
