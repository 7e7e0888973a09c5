import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveSettings, currentSettings } from '../../src/modules/settings/settings.service.ts';
import { withSchool } from '../../src/platform/db/school-scope.ts';
import { csrfFrom, TestBrowser } from '../helpers/app.ts';
import { databaseKinds } from '../helpers/database.ts';
import { makeStaff } from '../helpers/factories.ts';
import { multipart, png, photoSchool, type PhotoSchool } from '../helpers/photos.ts';

/** Holes found when the photographs module was attacked (issue 15, points 8a, 11, 12b, 14). */
describe.each(databaseKinds())('photographs: ids, withdrawals, history and who decides (%s)', (kind) => {
  let s: PhotoSchool;
  let teacher: TestBrowser;
  let head: TestBrowser;
  let amelia: string;
  const upload = async (pupilIds: string) => {
    const body = multipart({ event: 'Sports Day', takenOn: '2026-06-12', contexts: 'sports-day', pupilIds }, { name: 'p.png', content: await png() });
    const response = await s.t.app.inject({
      method: 'POST',
      url: '/api/v1/media',
      payload: body.payload,
      headers: { ...body.headers, authorization: `Bearer ${s.tokens.teacher}` },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ id: string }>().id;
  };
  const withdraw = async (pupilId: string, purpose: string) => {
    const carers = await s.t.database.db
      .selectFrom('pupil_carers')
      .select('carer_id')
      .where('pupil_id', '=', pupilId)
      .where('parental_responsibility', '=', true)
      .execute();
    for (const carer of carers) {
      const response = await s.api('PUT', `/api/v1/pupils/${pupilId}/consents/${purpose}`, s.tokens.office, {
        decision: 'refused',
        carerId: carer.carer_id,
        method: 'phone',
      });
      expect(response.statusCode, response.body).toBe(200);
    }
  };

  beforeAll(async () => {
    s = await photoSchool(kind);
    teacher = new TestBrowser(s.t.app);
    await teacher.signIn(s.teacher);
    head = new TestBrowser(s.t.app);
    await head.signIn(s.head);
    amelia = (await s.pupil('stu-001')).id;
  });
  afterAll(() => s.close());

  it('an id that is not a UUID is 404 on every photographs page and API route, never a 500', async () => {
    const photo = await upload(amelia);
    const csrf = csrfFrom((await teacher.get(`/photos/${photo}`)).body);
    const headCsrf = csrfFrom((await head.get(`/photos/${photo}`)).body);
    const pages = [
      '/photos/not-a-uuid',
      '/photos/not-a-uuid/original',
      '/photos/not-a-uuid/preview',
      '/photos/not-a-uuid/tag',
      '/photos/not-a-uuid/publish',
      '/photos/not-a-uuid/publications/not-a-uuid/file',
      `/photos/${photo}/publications/not-a-uuid/file`,
      "/photos/1'%20OR%201=1",
      `/photos/${'a'.repeat(70)}`,
      `/photos/${photo}/publications/${'b'.repeat(70)}/file`,
    ];
    for (const url of pages) expect((await teacher.get(url)).statusCode, url).toBe(404);
    for (const url of ['/photos/not-a-uuid/tag', '/photos/not-a-uuid/publish']) {
      expect((await teacher.post(url, { _csrf: csrf, pupils: [], unidentified: '0', channel: 'display' })).statusCode, url).toBe(404);
    }
    for (const url of [
      '/photos/not-a-uuid/evidence',
      '/photos/not-a-uuid/publications/x/decision',
      `/photos/${photo}/publications/x/decision`,
      `/photos/${photo}/publications/x/taken-down`,
    ]) {
      expect((await head.post(url, { _csrf: headCsrf, evidence: 'yes', decision: 'approved' })).statusCode, url).toBe(404);
    }
    const api: ['GET' | 'POST', string, string, object?][] = [
      ['POST', '/api/v1/media/not-a-uuid/publications', s.tokens.teacher, { channel: 'display' }],
      ['POST', `/api/v1/media/not-a-uuid/publications/${photo}/decision`, s.tokens.head, { decision: 'approved' }],
      ['POST', `/api/v1/media/${photo}/publications/not-a-uuid/decision`, s.tokens.head, { decision: 'approved' }],
      ['GET', `/api/v1/media/${photo}/publications/not-a-uuid/file`, s.tokens.teacher],
      ['GET', '/api/v1/media/not-a-uuid', s.tokens.teacher],
      ['GET', `/api/v1/media/${'c'.repeat(70)}/publications/${photo}/file`, s.tokens.teacher],
    ];
    for (const [method, url, token, payload] of api) {
      const response = await s.api(method, url, token, payload);
      expect(response.statusCode, url).toBe(404);
      expect(response.json(), url).toMatchObject({ error: expect.any(String), message: expect.any(String) });
    }
  });

  it('a child untagged after publication is still found when their consent is withdrawn', async () => {
    await s.consent(amelia, 'displays', 'granted');
    const photo = await upload(amelia);
    const published = await s.api('POST', `/api/v1/media/${photo}/publications`, s.tokens.teacher, { channel: 'display', where: 'Entrance hall' });
    expect(published.json()).toMatchObject({ status: 'published' });
    const tagPage = await teacher.get(`/photos/${photo}/tag`);
    const untagged = await teacher.post(`/photos/${photo}/tag`, { _csrf: csrfFrom(tagPage.body), pupils: [], unidentified: '0' });
    expect(untagged.headers.location).toBe(`/photos/${photo}`);
    expect((await teacher.get(`/photos/${photo}`)).body).toContain('No pupils are tagged yet.');

    await withdraw(amelia, 'displays');
    const takedowns = (await head.get('/consent/takedowns')).body;
    expect(takedowns).toContain(`href="/photos/${photo}"`);
    expect(takedowns).toContain('Sports Day: Display in school (Entrance hall)');
  });

  it('the person the settings name decides publications; others, even leaders, cannot; the head always can', async () => {
    await withSchool(s.t.database.db, s.schoolId, async (tx) => {
      const settings = (await currentSettings(tx, s.schoolId)).settings;
      await saveSettings(
        tx,
        s.schoolId,
        { id: null, label: 'test' },
        { ...settings, decisions: { ...settings.decisions, photoPublication: ['senior-leader'] } },
      );
    });
    const leaderStaff = await makeStaff(s.t.database.db, s.schoolId, ['senior-leader']);
    const leader = new TestBrowser(s.t.app);
    await leader.signIn(leaderStaff);
    const deputy = new TestBrowser(s.t.app);
    await deputy.signIn(await makeStaff(s.t.database.db, s.schoolId, ['deputy-headteacher']));
    const oliver = (await s.pupil('stu-002')).id;
    await s.consent(oliver, 'website', 'granted');
    const photo = await upload(oliver);
    const asked = await s.api('POST', `/api/v1/media/${photo}/publications`, s.tokens.teacher, { channel: 'website', caption: 'Races in the wood' });
    expect(asked.json()).toMatchObject({ status: 'awaiting-approval' });
    const requestId = asked.json<{ id: string }>().id;
    const mail = await s.t.database.db.selectFrom('outbox').select('to_address').where('subject', '=', 'A photograph is waiting for your decision').execute();
    expect(mail.map((m) => m.to_address)).toContain(leaderStaff.email);

    // The teacher and the deputy are not named: no queue, no decision, nothing on the dashboard.
    expect((await teacher.get('/photos/approvals')).statusCode).toBe(403);
    expect((await deputy.get('/photos/approvals')).statusCode).toBe(403);
    expect((await teacher.get('/photos')).body).not.toContain('href="/photos/approvals"');
    expect((await teacher.get('/dashboard')).body).not.toContain('waiting for your decision');
    const teacherCsrf = csrfFrom((await teacher.get(`/photos/${photo}`)).body);
    expect((await teacher.post(`/photos/${photo}/publications/${requestId}/decision`, { _csrf: teacherCsrf, decision: 'approved' })).statusCode).toBe(403);
    expect((await s.api('POST', `/api/v1/media/${photo}/publications/${requestId}/decision`, s.tokens.teacher, { decision: 'approved' })).statusCode).toBe(403);
    expect((await s.api('POST', `/api/v1/media/${photo}/publications/${requestId}/decision`, s.tokens.deputy, { decision: 'approved' })).statusCode).toBe(403);

    // The head may always decide, and still sees the queue.
    expect((await head.get('/photos/approvals')).body).toContain(`/publications/${requestId}/decision`);

    expect((await leader.get('/dashboard')).body).toContain('1 photograph is waiting for your decision');
    expect((await leader.get('/photos')).body).toContain('href="/photos/approvals"');
    const queue = await leader.get('/photos/approvals');
    expect(queue.statusCode).toBe(200);
    expect(queue.body).toContain(`/photos/${photo}/publications/${requestId}/decision`);
    const approved = await leader.post(`/photos/${photo}/publications/${requestId}/decision`, {
      _csrf: csrfFrom(queue.body),
      decision: 'approved',
      note: 'Lovely',
    });
    expect(approved.statusCode, approved.body).toBe(303);
    const page = (await leader.get(`/photos/${photo}`)).body;
    expect(page).toContain('Published');
    expect(page).toContain(`/photos/${photo}/publications/${requestId}/file`);
    expect(page).toMatch(/Decided by[\s\S]{0,300}Test Person \d+, [^<]*: Lovely/);
    expect((await leader.get('/photos/approvals')).body).not.toContain(requestId);
    // A decision is final: deciding again is a conflict, not a rewrite.
    expect(
      (await s.api('POST', `/api/v1/media/${photo}/publications/${requestId}/decision`, s.tokens.head, { decision: 'refused', note: 'No' })).statusCode,
    ).toBe(409);
  });

  it('publication history is append-only: the database refuses to change or delete it, even for the owner', async () => {
    const photo = await upload(amelia);
    await s.consent(amelia, 'displays', 'granted');
    const { id: requestId } = (await s.api('POST', `/api/v1/media/${photo}/publications`, s.tokens.teacher, { channel: 'display' })).json<{ id: string }>();
    const photoPage = await head.get(`/photos/${photo}`);
    expect((await head.post(`/photos/${photo}/publications/${requestId}/taken-down`, { _csrf: csrfFrom(photoPage.body) })).statusCode).toBe(303);
    expect((await head.get(`/photos/${photo}`)).body).toContain('Taken down');
    const tables = [
      'photo_publication_requests',
      'photo_publication_decisions',
      'photo_publications',
      'photo_publication_pupils',
      'photo_publication_takedowns',
    ];
    for (const table of tables) {
      expect((await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(s.t.database.db)).rows[0].n, table).toBeGreaterThan(0);
      await expect(sql`UPDATE ${sql.table(table)} SET school_id = school_id`.execute(s.t.database.db), table).rejects.toThrow(/append-only/);
      await expect(sql`DELETE FROM ${sql.table(table)}`.execute(s.t.database.db), table).rejects.toThrow(/append-only/);
      const grants = await sql<{ update: boolean; delete: boolean; insert: boolean }>`SELECT has_table_privilege('app_user', ${table}, 'UPDATE') AS update,
        has_table_privilege('app_user', ${table}, 'DELETE') AS delete, has_table_privilege('app_user', ${table}, 'INSERT') AS insert`.execute(s.t.database.db);
      expect(grants.rows[0], table).toEqual({ update: false, delete: false, insert: true });
    }
  });
});
