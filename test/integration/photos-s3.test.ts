import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { runPhotoRetention } from '../../src/modules/photos/photos.retention.ts';
import { storageFor } from '../../src/modules/photos/photos.storage.ts';
import { openDatabase, type Database } from '../../src/platform/db/database.ts';
import { TestBrowser } from '../helpers/app.ts';
import { databaseKinds } from '../helpers/database.ts';
import { multipart, phoneJpeg, photoSchool, storedFiles, type PhotoSchool } from '../helpers/photos.ts';
import { startS3rver, type TestBucket } from '../helpers/s3.ts';

type App = PhotoSchool['t']['app'];

/**
 * A trust runs two instances of the app on one PostgreSQL (on PGlite, two apps over the one
 * embedded database stand in) and one bucket (s3rver): each serves the photographs the other
 * uploaded, byte for byte, through its own routes, and retention deletes the objects.
 */
describe.each(databaseKinds())('photographs in one bucket shared by two instances (%s)', { timeout: 120_000 }, (kind) => {
  let bucket: TestBucket;
  let s: PhotoSchool;
  let second: Database;
  let a: App;
  let b: App;
  let amelia: string;
  const uploaded: Record<'a' | 'b', { id: string; original: string; copy: string; copyUrl: string }> = {} as never;

  const api = (app: App, method: 'GET' | 'POST', url: string, payload?: object) =>
    app.inject({ method, url, headers: { authorization: `Bearer ${s.tokens.teacher}` }, ...(payload ? { payload } : {}) });

  /** Uploads on one instance and publishes a copy there, as a teacher's phone app would. */
  async function uploadAndPublish(app: App, event: string, takenOn: string) {
    const body = multipart({ event, takenOn, contexts: 'sports-day', pupilIds: amelia }, { name: 'IMG_2041.jpg', content: await phoneJpeg() });
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/media',
      payload: body.payload,
      headers: { ...body.headers, authorization: `Bearer ${s.tokens.teacher}` },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<{ id: string }>().id;
    const published = await api(app, 'POST', `/api/v1/media/${id}/publications`, { channel: 'display', where: 'Hall' });
    expect(published.statusCode, published.body).toBe(201);
    const outcome = published.json<{ id: string; url: string }>();
    const db = s.t.database.db;
    const original = (await db.selectFrom('photos').select('storage_key').where('id', '=', id).executeTakeFirstOrThrow()).storage_key!;
    const copy = (await db.selectFrom('photo_publications').select('copy_key').where('request_id', '=', outcome.id).executeTakeFirstOrThrow()).copy_key!;
    return { id, original, copy, copyUrl: new URL(outcome.url).pathname };
  }

  beforeAll(async () => {
    bucket = await startS3rver();
    s = await photoSchool(kind, { storageDriver: 's3', s3: bucket.config });
    a = s.t.app;
    if (kind === 'postgres') {
      // The second instance's own connections to the same database.
      const { name } = (await sql<{ name: string }>`SELECT current_database() AS name`.execute(s.t.database.db)).rows[0];
      const url = new URL(process.env.TEST_DATABASE_URL!);
      url.pathname = `/${name}`;
      second = await openDatabase({ url: url.toString() });
    } else second = s.t.database;
    b = await buildApp({ config: s.t.config, database: second });
    await b.ready();
    amelia = (await s.pupil('stu-001')).id;
    await s.consent(amelia, 'displays', 'granted');
    uploaded.a = await uploadAndPublish(a, 'Sports Day', '2026-06-12');
    uploaded.b = await uploadAndPublish(b, 'Harvest assembly', '2026-09-25');
  });
  afterAll(async () => {
    await b?.close();
    if (kind === 'postgres') await second?.close();
    await s?.close();
    await bucket?.stop();
  });

  it('keeps originals and published copies in the bucket, nothing in the folder', async () => {
    for (const key of [uploaded.a.original, uploaded.a.copy, uploaded.b.original, uploaded.b.copy]) expect(await bucket.exists(key), key).toBe(true);
    expect(await storedFiles(s.storageDir)).toEqual([]);
  });

  it('serves the published copy the other instance made, with the bytes it stored', async () => {
    for (const [uploader, server] of [
      ['a', b],
      ['b', a],
    ] as const) {
      const stored = (await bucket.object(uploaded[uploader].copy))!;
      const served = await api(server, 'GET', uploaded[uploader].copyUrl);
      expect(served.statusCode).toBe(200);
      expect(served.headers['content-type']).toBe('image/jpeg');
      expect(served.rawPayload.equals(stored)).toBe(true);
      // The copy has no camera or location details: what was stored is the cleaned copy, not the upload.
      expect(served.rawPayload.includes(Buffer.from('iPhone 15 Pro'))).toBe(false);
    }
  });

  it('serves the original the other instance stored, to signed-in staff only', async () => {
    const teacher = new TestBrowser(b);
    await teacher.signIn(s.teacher);
    const original = await teacher.get(`/photos/${uploaded.a.id}/original`);
    expect(original.statusCode).toBe(200);
    expect(original.rawPayload.equals((await bucket.object(uploaded.a.original))!)).toBe(true);
    expect((await b.inject({ method: 'GET', url: `/photos/${uploaded.a.id}/original` })).statusCode).not.toBe(200);
  });

  it('retention deletes the original and published copy from the bucket, and leaves the next year’s', async () => {
    const storage = storageFor(s.t.config);
    await runPhotoRetention(s.t.database.schools, storage, 'http://localhost', new Date('2026-09-01T02:30:00Z'));
    const run = await runPhotoRetention(s.t.database.schools, storage, 'http://localhost', new Date('2027-09-01T02:30:00Z'));
    expect(run.deleted).toBe(1);
    expect(await bucket.exists(uploaded.a.original)).toBe(false);
    expect(await bucket.exists(uploaded.a.copy)).toBe(false);
    expect(await bucket.exists(uploaded.b.original)).toBe(true);
    expect(await bucket.exists(uploaded.b.copy)).toBe(true);
    expect((await api(b, 'GET', uploaded.a.copyUrl)).statusCode).toBe(404);
    expect((await api(a, 'GET', uploaded.b.copyUrl)).statusCode).toBe(200);
  });
});
