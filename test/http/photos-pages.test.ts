import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csrfFrom, TestBrowser } from '../helpers/app.ts';
import { makeStaff } from '../helpers/factories.ts';
import { multipart, phoneJpeg, photoSchool, storedFiles, type PhotoSchool } from '../helpers/photos.ts';

/** The photo pages over HTTP with real CSRF tokens: upload, tag, publish, decide, take down (CON-6). */
describe('photograph pages', () => {
  let s: PhotoSchool;
  let teacher: TestBrowser;
  let head: TestBrowser;
  let amelia: string;
  let hazel: string;

  const uploadForm = async (browser: TestBrowser, fields: Record<string, string | string[]>, file?: { name: string; content: Uint8Array }) => {
    const page = await browser.get('/photos/new');
    const body = multipart({ _csrf: csrfFrom(page.body), ...fields }, file);
    return browser.request({ method: 'POST', url: '/photos', payload: body.payload, headers: body.headers });
  };

  beforeAll(async () => {
    s = await photoSchool('pglite');
    teacher = new TestBrowser(s.t.app);
    await teacher.signIn(s.teacher);
    head = new TestBrowser(s.t.app);
    await head.signIn(s.head);
    const pupil = await s.pupil('stu-001');
    amelia = pupil.id;
    hazel = pupil.class_id!;
  });
  afterAll(() => s.close());

  it('the menu leads to the photographs, which governors and volunteers cannot see', async () => {
    expect((await teacher.get('/dashboard')).body).toContain('href="/photos"');
    const governor = new TestBrowser(s.t.app);
    await governor.signIn(await makeStaff(s.t.database.db, s.schoolId, ['governor']));
    expect((await governor.get('/photos')).statusCode).toBe(403);
  });

  it('refuses an upload without its CSRF token', async () => {
    const body = multipart(
      { event: 'Trip', 'takenOn-day': '12', 'takenOn-month': '6', 'takenOn-year': '2026', contexts: 'trip' },
      { name: 'a.jpg', content: await phoneJpeg() },
    );
    expect((await teacher.request({ method: 'POST', url: '/photos', payload: body.payload, headers: body.headers })).statusCode).toBe(403);
  });

  it('a swimming photo is refused on the form with the policy’s sentence, linked to the field, and nothing is stored', async () => {
    const response = await uploadForm(
      teacher,
      { event: 'Swimming gala', 'takenOn-day': '12', 'takenOn-month': '6', 'takenOn-year': '2026', contexts: ['swimming'] },
      { name: 'pool.jpg', content: await phoneJpeg() },
    );
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('There is a problem');
    expect(response.body).toContain('href="#contexts"');
    expect(response.body).toContain('Photographs will not be taken of children when wearing swimming costumes or taking part in swimming lessons.');
    expect(response.body).toContain('value="Swimming gala"');
    expect(await storedFiles(s.storageDir)).toEqual([]);
  });

  it('a file that is not a photograph is refused on the form, linked to the file field', async () => {
    const response = await uploadForm(
      teacher,
      { event: 'Trip', 'takenOn-day': '12', 'takenOn-month': '6', 'takenOn-year': '2026', contexts: ['trip'] },
      { name: 'letter.pdf', content: Buffer.from('%PDF-1.4 a letter') },
    );
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('href="#file"');
    expect(response.body).toContain('letter.pdf is not a photograph that can be read');
  });

  it('uploads, tags from the class list, asks to publish; the head approves; a withdrawal puts it on the takedown list', async () => {
    const uploaded = await uploadForm(
      teacher,
      { event: 'Sports Day', 'takenOn-day': '12', 'takenOn-month': '6', 'takenOn-year': '2026', contexts: ['sports-day'], classId: hazel },
      { name: 'IMG_2041.jpg', content: await phoneJpeg() },
    );
    expect(uploaded.statusCode).toBe(303);
    const tagUrl = String(uploaded.headers.location);
    expect(tagUrl).toMatch(/^\/photos\/[0-9a-f-]{36}\/tag\?class=/);
    const id = tagUrl.split('/')[2];
    const tagPage = await teacher.get(tagUrl);
    expect(tagPage.body).toContain('Photograph uploaded. Now say who is in it.');
    expect(tagPage.body).toContain('Amelia Clarke');
    expect(tagPage.body).toContain(`src="/photos/${id}/preview"`);

    const badCount = await teacher.post(`/photos/${id}/tag`, { _csrf: csrfFrom(tagPage.body), pupils: [amelia], unidentified: 'two' });
    expect(badCount.statusCode).toBe(400);
    expect(badCount.body).toContain('href="#unidentified"');
    const tagged = await teacher.post(`/photos/${id}/tag`, { _csrf: csrfFrom(badCount.body), pupils: [amelia], unidentified: '0' });
    expect(tagged.headers.location).toBe(`/photos/${id}`);

    const preview = await teacher.get(`/photos/${id}/preview`);
    expect(preview.headers['content-type']).toBe('image/jpeg');
    expect(preview.headers['cache-control']).toBe('private, no-store');
    const original = await teacher.get(`/photos/${id}/original`);
    expect(original.headers['cache-control']).toBe('private, no-store');
    expect((await s.t.app.inject({ method: 'GET', url: `/photos/${id}/original` })).statusCode).toBe(303);

    // No website consent yet: refused on the form, naming the pupil.
    const refused = await teacher.submit(`/photos/${id}/publish`, `/photos/${id}/publish`, {
      channel: 'website',
      caption: 'Sports day',
      altText: '',
      where: '',
      expressRequestId: '',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Amelia Clarke may not appear in school website: there is no answer on record, which counts as no');
    await s.consent(amelia, 'website', 'granted');
    const asked = await teacher.submit(`/photos/${id}/publish`, `/photos/${id}/publish`, {
      channel: 'website',
      caption: 'Sports day',
      altText: 'Children racing',
      where: 'https://jc.example/news',
      expressRequestId: '',
    });
    expect(asked.headers.location).toBe(`/photos/${id}`);
    expect((await teacher.get(`/photos/${id}`)).body).toContain('Waiting for the headteacher');

    expect((await head.get('/dashboard')).body).toContain('1 photograph is waiting for your decision');
    const queue = await head.get('/photos/approvals');
    expect(queue.body).toContain('Sports Day');
    const requestId = /\/publications\/([0-9a-f-]{36})\/decision/.exec(queue.body)![1];
    const noNote = await head.post(`/photos/${id}/publications/${requestId}/decision`, { _csrf: csrfFrom(queue.body), decision: 'refused', note: '' });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.body).toContain(`href="#note-${requestId}"`);
    const approved = await head.post(`/photos/${id}/publications/${requestId}/decision`, { _csrf: csrfFrom(noNote.body), decision: 'approved', note: '' });
    expect(approved.headers.location).toBe('/photos/approvals');
    const photoPage = await head.get(`/photos/${id}`);
    expect(photoPage.body).toContain('Approved and published');
    expect(photoPage.body).toContain('https://jc.example/news');
    expect(photoPage.body).toContain(`/photos/${id}/publications/${requestId}/file`);

    // A carer withdraws website consent: the head's takedown list shows where the photo is (CON-6).
    const carer = await s.t.database.db.selectFrom('pupil_carers').select('carer_id').where('pupil_id', '=', amelia).executeTakeFirstOrThrow();
    await s.api('PUT', `/api/v1/pupils/${amelia}/consents/website`, s.tokens.office, { decision: 'refused', carerId: carer.carer_id, method: 'phone' });
    const takedowns = await head.get('/consent/takedowns');
    expect(takedowns.body).toContain(`href="/photos/${id}"`);
    expect(takedowns.body).toContain('Sports Day: School website (https://jc.example/news)');
    const down = await head.post(`/photos/${id}/publications/${requestId}/taken-down`, { _csrf: csrfFrom(takedowns.body) });
    expect(down.headers.location).toBe(`/photos/${id}`);
    expect((await head.get(`/photos/${id}`)).body).toContain('Taken down');
    expect((await head.get('/consent/takedowns')).body).not.toContain(`href="/photos/${id}"`);
    const row = await s.t.database.db
      .selectFrom('photo_publication_takedowns as td')
      .innerJoin('photo_publications as pb', 'pb.id', 'td.publication_id')
      .select(['td.taken_down_at', 'td.taken_down_by'])
      .where('pb.request_id', '=', requestId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ taken_down_at: expect.any(Date), taken_down_by: s.head.id });
    // Teachers cannot mark it taken down.
    expect((await teacher.post(`/photos/${id}/publications/${requestId}/taken-down`, { _csrf: csrfFrom(photoPage.body) })).statusCode).toBe(403);
  });
});
