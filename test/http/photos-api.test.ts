import { readFileSync } from 'node:fs';
import exifr from 'exifr';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../helpers/database.ts';
import { heicFixture, multipart, phoneJpeg, photoSchool, png, pngBomb, storedFiles, webp, type PhotoSchool } from '../helpers/photos.ts';

describe.each(databaseKinds())('photographs API: upload, bad files, publishing (%s)', (kind) => {
  let s: PhotoSchool;
  let amelia: string;
  let oliver: string;
  const send = (fields: Record<string, string>, file: { name: string; content: Uint8Array }) => {
    const body = multipart({ event: 'Sports Day', takenOn: '2026-06-12', contexts: 'sports-day', ...fields }, file);
    return s.t.app.inject({
      method: 'POST',
      url: '/api/v1/media',
      payload: body.payload,
      headers: { ...body.headers, authorization: `Bearer ${s.tokens.teacher}` },
    });
  };

  beforeAll(async () => {
    s = await photoSchool(kind);
    amelia = (await s.pupil('stu-001')).id;
    oliver = (await s.pupil('stu-002')).id;
  });
  afterAll(() => s.close());

  it('keeps JPEG, PNG, WebP and iPhone HEIC photographs, the HEIC converted to JPEG', async () => {
    for (const [name, content] of [
      ['phone.jpg', await phoneJpeg()],
      ['drawing.png', await png()],
      ['class.webp', await webp()],
      ['IMG_0001.HEIC', readFileSync(heicFixture)],
    ] as const) {
      const response = await send({ pupilIds: `${amelia},${oliver}`, unidentified: '1' }, { name, content });
      expect(response.statusCode, `${name}: ${response.body}`).toBe(201);
      const { id } = response.json<{ id: string }>();
      const row = await s.t.database.db.selectFrom('photos').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      expect(row).toMatchObject({
        event_name: 'Sports Day',
        taken_on: '2026-06-12',
        contexts: ['sports-day'],
        unidentified_count: 1,
        academic_year: '2025/26',
        year_ends_on: '2026-08-31',
      });
      if (name.endsWith('HEIC')) expect(row).toMatchObject({ mime: 'image/jpeg', width: 120, height: 80 });
      const tags = await s.t.database.db.selectFrom('photo_pupils').select('pupil_id').where('photo_id', '=', id).execute();
      expect(tags.map((t) => t.pupil_id).sort()).toEqual([amelia, oliver].sort());
    }
    expect(await storedFiles(s.storageDir)).toHaveLength(4);
  });

  it('refuses a swimming photograph with the policy’s own sentence, and stores nothing', async () => {
    const before = await storedFiles(s.storageDir);
    const response = await send({ contexts: 'trip,swimming' }, { name: 'pool.jpg', content: await phoneJpeg() });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ error: 'prohibited-context' });
    expect(response.json<{ message: string }>().message).toContain(
      'Photographs will not be taken of children when wearing swimming costumes or taking part in swimming lessons.',
    );
    expect(await storedFiles(s.storageDir)).toEqual(before);
  });

  it('refuses bad files, each with a clear message, and stores nothing', async () => {
    const jpeg = await phoneJpeg(800, 600);
    const oversized = Buffer.concat([jpeg, Buffer.alloc(26 * 1024 * 1024)]);
    const cases: [string, Uint8Array, RegExp][] = [
      [
        'notes.jpg',
        Buffer.from('Dear parents, sports day is on Friday.'),
        /notes\.jpg is not a photograph that can be read\. Upload a JPEG, PNG, WebP or HEIC/,
      ],
      // A chosen file of no bytes is a bad file (422), not a missing one.
      ['blank.jpg', Buffer.alloc(0), /blank\.jpg is empty/],
      ['cut-off.jpg', jpeg.subarray(0, Math.floor(jpeg.length * 0.6)), /cut-off\.jpg is incomplete or damaged/],
      ['bomb.png', await pngBomb(), /bomb\.png says it is 50,000 × 50,000 pixels, which is too large to open safely/],
      ['huge.jpg', oversized, /huge\.jpg is 26(\.\d)? MB\. Photographs can be up to 25 MB: export a smaller copy/],
      [
        'broken.heic',
        Buffer.concat([readFileSync(heicFixture).subarray(0, 40)]),
        /broken\.heic is an iPhone \(HEIC\) photo that could not be read\. On the iPhone, choose Settings, Camera, Formats, Most Compatible/,
      ],
    ];
    const before = await storedFiles(s.storageDir);
    const photosBefore = await s.t.database.db.selectFrom('photos').select('id').execute();
    for (const [name, content, message] of cases) {
      const response = await send({}, { name, content });
      expect(response.statusCode, name).toBe(422);
      expect(response.json(), name).toMatchObject({ error: 'invalid-image', message: expect.stringMatching(message) });
    }
    expect(await storedFiles(s.storageDir)).toEqual(before);
    expect(await s.t.database.db.selectFrom('photos').select('id').execute()).toHaveLength(photosBefore.length);
  });

  it('asks for what is missing', async () => {
    const empty = multipart({ event: '', takenOn: '12/06/2026' });
    const response = await s.t.app.inject({
      method: 'POST',
      url: '/api/v1/media',
      payload: empty.payload,
      headers: { ...empty.headers, authorization: `Bearer ${s.tokens.teacher}` },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ problems: { field: string }[] }>().problems.map((p) => p.field)).toEqual(['event', 'takenOn', 'contexts', 'file']);
    expect((await send({ pupilIds: 'not-a-pupil' }, { name: 'a.png', content: await png() })).statusCode).toBe(400);
  });

  it('publishes to a display at once, as a clean copy: orientation applied, no EXIF, GPS, XMP or IPTC, a random name', async () => {
    await s.consent(amelia, 'displays', 'granted');
    const original = await phoneJpeg(400, 300);
    expect(await sharp(original).metadata()).toMatchObject({ orientation: 6, exif: expect.any(Buffer), xmp: expect.any(Buffer) });
    // An EXIF reader finds where the "phone" was and what it was.
    expect((await exifr.gps(original)).latitude).toBeCloseTo(52.95, 2);
    expect(await exifr.parse(original)).toMatchObject({ Make: 'Apple', Model: 'iPhone 15 Pro' });
    const { id } = (await send({ pupilIds: amelia }, { name: 'amelia-clarke.jpg', content: original })).json<{ id: string }>();

    const before = await s.api('GET', `/api/v1/media/${id}/publications/00000000-0000-4000-8000-000000000000/file`, s.tokens.teacher);
    expect(before.statusCode).toBe(404);

    const published = await s.api('POST', `/api/v1/media/${id}/publications`, s.tokens.teacher, {
      channel: 'display',
      caption: 'Star of the Week: Amelia',
      where: 'Year 3 corridor',
    });
    expect(published.statusCode, published.body).toBe(201);
    const outcome = published.json<{ id: string; status: string; url: string }>();
    expect(outcome).toMatchObject({ status: 'published', url: `http://localhost/api/v1/media/${id}/publications/${outcome.id}/file` });

    const file = await s.api('GET', `/api/v1/media/${id}/publications/${outcome.id}/file`, s.tokens.teacher);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/jpeg');
    expect(file.headers['cache-control']).toBe('private, no-store');
    expect(String(file.headers['content-disposition'])).toMatch(/filename="[0-9a-f]{32}\.jpg"/);
    const copy = await sharp(file.rawPayload).metadata();
    expect(copy).toMatchObject({ format: 'jpeg', width: 300, height: 400 });
    expect(copy.exif).toBeUndefined();
    expect(copy.xmp).toBeUndefined();
    expect(copy.iptc).toBeUndefined();
    expect(copy.orientation).toBeUndefined();
    expect(await exifr.gps(file.rawPayload)).toBeUndefined();
    expect(
      await exifr.parse(file.rawPayload, { tiff: true, exif: true, gps: true, xmp: true, iptc: true, icc: true, jfif: false, ihdr: false }),
    ).toBeUndefined();
    expect(file.rawPayload.includes(Buffer.from('iPhone'))).toBe(false);
    expect(file.rawPayload.includes(Buffer.from('Amelia'))).toBe(false);
    const row = await s.t.database.db.selectFrom('photo_publications').selectAll().where('request_id', '=', outcome.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ channel: 'display', location: 'Year 3 corridor' });
    expect(await s.t.database.db.selectFrom('photo_publication_takedowns').select('publication_id').where('publication_id', '=', row.id).execute()).toEqual([]);
    expect(await s.t.database.db.selectFrom('photo_publication_pupils').select('pupil_id').where('publication_id', '=', row.id).execute()).toEqual([
      { pupil_id: amelia },
    ]);
    expect(row.copy_key).not.toMatch(/amelia|clarke|sports/i);
  });

  it('makes the longest side of a large copy the setting’s 2048 pixels', async () => {
    await s.consent(oliver, 'displays', 'granted');
    const { id } = (
      await send(
        { pupilIds: oliver },
        {
          name: 'big.jpg',
          content: await sharp({ create: { width: 4000, height: 3000, channels: 3, background: '#888' } })
            .jpeg()
            .toBuffer(),
        },
      )
    ).json<{ id: string }>();
    const outcome = (await s.api('POST', `/api/v1/media/${id}/publications`, s.tokens.teacher, { channel: 'display' })).json<{ id: string }>();
    const file = await s.api('GET', `/api/v1/media/${id}/publications/${outcome.id}/file`, s.tokens.teacher);
    expect(await sharp(file.rawPayload).metadata()).toMatchObject({ width: 2048, height: 1536 });
  });

  it('refuses, naming who blocks it and why: no consent, unidentified people, a name outside school', async () => {
    const isla = (await s.pupil('stu-003')).id;
    await s.consent(isla, 'website', 'refused');
    await s.consent(amelia, 'website', 'granted');
    const { id } = (await send({ pupilIds: `${amelia},${isla}`, unidentified: '1' }, { name: 'x.png', content: await png() })).json<{ id: string }>();
    const response = await s.api('POST', `/api/v1/media/${id}/publications`, s.tokens.teacher, {
      channel: 'website',
      caption: 'Isla and Amelia at sports day',
    });
    expect(response.statusCode).toBe(409);
    const body = response.json<{ error: string; reasons: { pupilId: string | null; reason: string }[] }>();
    expect(body.error).toBe('not-allowed');
    expect(body.reasons).toEqual(
      expect.arrayContaining([
        { pupilId: null, reason: expect.stringMatching(/1 person in the photograph is not identified/) },
        { pupilId: isla, reason: expect.stringMatching(/Isla O'Neill may not appear in school website: their carers have said no/) },
        { pupilId: amelia, reason: expect.stringMatching(/The caption gives the name “Amelia”/) },
      ]),
    );
    expect(await s.t.database.db.selectFrom('photo_publication_requests').select('id').where('photo_id', '=', id).execute()).toHaveLength(0);
  });

  it('waits for the headteacher where the policy says; only the head decides; a refusal needs a note', async () => {
    const { id } = (await send({ pupilIds: amelia }, { name: 'y.png', content: await png() })).json<{ id: string }>();
    const asked = await s.api('POST', `/api/v1/media/${id}/publications`, s.tokens.teacher, { channel: 'website', caption: 'Sports day fun' });
    expect(asked.statusCode).toBe(201);
    const request = asked.json<{ id: string; status: string; url?: string }>();
    expect(request).toEqual({ id: request.id, status: 'awaiting-approval' });
    expect((await s.api('GET', `/api/v1/media/${id}/publications/${request.id}/file`, s.tokens.teacher)).statusCode).toBe(404);
    const mail = await s.t.database.db
      .selectFrom('outbox')
      .select(['to_address', 'subject'])
      .where('subject', '=', 'A photograph is waiting for your decision')
      .execute();
    expect(mail.map((m) => m.to_address)).toEqual([s.head.email]);

    const decision = `/api/v1/media/${id}/publications/${request.id}/decision`;
    expect((await s.api('POST', decision, s.tokens.teacher, { decision: 'approved' })).statusCode).toBe(403);
    // The deputy is a leader, but this school's settings give the decision to the headteacher.
    expect((await s.api('POST', decision, s.tokens.deputy, { decision: 'approved' })).statusCode).toBe(403);
    expect((await s.api('POST', decision, s.tokens.head, { decision: 'refused' })).statusCode).toBe(400);

    const approved = await s.api('POST', decision, s.tokens.head, { decision: 'approved', note: 'Lovely' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toEqual({ id: request.id, status: 'published', url: `http://localhost${decision.replace('/decision', '/file')}` });
    expect((await s.api('GET', `/api/v1/media/${id}/publications/${request.id}/file`, s.tokens.teacher)).statusCode).toBe(200);
    expect((await s.api('POST', decision, s.tokens.head, { decision: 'refused', note: 'Changed my mind' })).statusCode).toBe(409);

    const second = (await s.api('POST', `/api/v1/media/${id}/publications`, s.tokens.teacher, { channel: 'social-media' })).json<{ id: string }>();
    await s.consent(amelia, 'social-media', 'granted');
    const third = (await s.api('POST', `/api/v1/media/${id}/publications`, s.tokens.teacher, { channel: 'social-media' })).json<{
      id: string;
      status: string;
    }>();
    expect(third.status).toBe('awaiting-approval');
    const refused = await s.api('POST', `/api/v1/media/${id}/publications/${third.id}/decision`, s.tokens.head, { decision: 'refused', note: 'Not this one' });
    expect(refused.json()).toEqual({ id: third.id, status: 'refused' });
    expect(second).toMatchObject({ error: 'not-allowed' });
  });

  it('checks consent again when the head approves: a withdrawal in between stops it', async () => {
    const noah = (await s.pupil('stu-010')).id;
    await s.consent(noah, 'website', 'granted');
    const { id } = (await send({ pupilIds: noah }, { name: 'z.png', content: await png() })).json<{ id: string }>();
    const request = (await s.api('POST', `/api/v1/media/${id}/publications`, s.tokens.teacher, { channel: 'website' })).json<{ id: string }>();
    await s.consent(noah, 'website', 'refused');
    const response = await s.api('POST', `/api/v1/media/${id}/publications/${request.id}/decision`, s.tokens.head, { decision: 'approved' });
    expect(response.statusCode).toBe(409);
    expect(response.json<{ reasons: { pupilId: string }[] }>().reasons).toEqual([
      { pupilId: noah, reason: expect.stringMatching(/Noah Begum may not appear/) },
    ]);
  });

  it('the press needs express permission for each pupil, chosen by the requester', async () => {
    const ava = (await s.pupil('stu-009')).id;
    await s.consent(ava, 'press', 'granted');
    const { id } = (await send({ pupilIds: ava }, { name: 'p.png', content: await png() })).json<{ id: string }>();
    const without = await s.api('POST', `/api/v1/media/${id}/publications`, s.tokens.teacher, { channel: 'press' });
    expect(without.json<{ reasons: { reason: string }[] }>().reasons[0].reason).toMatch(
      /Newspaper or other media needs express written permission from Ava Thompson’s carers/,
    );
    const requestId = await expressRequestFor(s, ava);
    await s.consent(ava, `express:${requestId}`, 'granted');
    const withPermission = await s.api('POST', `/api/v1/media/${id}/publications`, s.tokens.teacher, { channel: 'press', expressRequestId: requestId });
    expect(withPermission.statusCode, withPermission.body).toBe(201);
    expect(withPermission.json()).toMatchObject({ status: 'awaiting-approval' });
  });
});

/** An express permission request made through the web form, as the office would. */
async function expressRequestFor(s: PhotoSchool, pupilId: string): Promise<string> {
  const { TestBrowser, csrfFrom } = await import('../helpers/app.ts');
  const { makeStaff } = await import('../helpers/factories.ts');
  const office = await makeStaff(s.t.database.db, s.schoolId, ['office']);
  const browser = new TestBrowser(s.t.app);
  await browser.signIn(office);
  const page = await browser.get('/consent/express/new');
  const response = await browser.post('/consent/express', {
    _csrf: csrfFrom(page.body),
    title: 'Sports Day in the Trent Valley News',
    description: 'A photograph in the paper, without names',
    pupils: [pupilId],
  });
  return /\/consent\/requests\/([0-9a-f-]{36})/.exec(String(response.headers.location))![1];
}
