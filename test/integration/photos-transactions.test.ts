import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { withSchool } from '../../src/platform/db/school-database.ts';
import type * as images from '../../src/modules/photos/photos.images.ts';
import { multipart, phoneJpeg, photoSchool, storedFiles, type PhotoSchool } from '../helpers/photos.ts';

/**
 * Issue 9 point 6: decoding an upload and making a published copy (sharp) happen outside the
 * school's transaction. On PGlite there is one connection: a transaction held open during the
 * image work would make every other request wait for it. While the image work runs, the `during`
 * hook asks for another school transaction and notes whether it got one at once.
 */
const probe = vi.hoisted(() => ({
  during: async (_what: string): Promise<void> => {},
}));

vi.mock('../../src/modules/photos/photos.images.ts', async (importOriginal) => {
  const real = await importOriginal<typeof images>();
  return {
    ...real,
    readUpload: async (...args: Parameters<typeof real.readUpload>) => {
      await probe.during('readUpload');
      return real.readUpload(...args);
    },
    publishedCopy: async (...args: Parameters<typeof real.publishedCopy>) => {
      await probe.during('publishedCopy');
      return real.publishedCopy(...args);
    },
  };
});

describe('photographs: image work is done outside the school transaction (pglite)', () => {
  let s: PhotoSchool;
  let amelia: string;
  const seen: string[] = [];
  let meanwhile: (() => Promise<void>) | null = null;

  const upload = (pupilIds: string) => {
    const body = multipart({ event: 'Sports Day', takenOn: '2026-06-12', contexts: 'sports-day', pupilIds }, { name: 'p.jpg', content: phoneJpegBytes });
    return s.t.app.inject({
      method: 'POST',
      url: '/api/v1/media',
      payload: body.payload,
      headers: { ...body.headers, authorization: `Bearer ${s.tokens.teacher}` },
    });
  };
  let phoneJpegBytes: Buffer;
  const files = async (folder: 'originals' | 'published') => (await storedFiles(s.storageDir)).filter((f) => f.includes(`/${folder}/`));

  beforeAll(async () => {
    s = await photoSchool('pglite');
    amelia = (await s.pupil('stu-001')).id;
    phoneJpegBytes = await phoneJpeg();
    probe.during = async (what) => {
      const free = await Promise.race([
        withSchool(s.t.database.schools, s.schoolId, async () => true),
        new Promise<false>((resolve) => setTimeout(() => resolve(false), 5000)),
      ]);
      seen.push(`${what}: ${free ? 'free' : 'blocked'}`);
      const change = meanwhile;
      meanwhile = null;
      if (change) await change();
    };
  });
  afterAll(() => s.close());

  it('decodes an upload with no transaction open', async () => {
    seen.length = 0;
    const response = await upload(amelia);
    expect(response.statusCode, response.body).toBe(201);
    expect(seen).toEqual(['readUpload: free']);
  });

  it('checks the pupils again after decoding, and deletes the stored file when they have left meanwhile', async () => {
    const before = await files('originals');
    meanwhile = async () => {
      await s.t.database.db.updateTable('pupils').set({ on_roll: false }).where('id', '=', amelia).execute();
    };
    const response = await upload(amelia);
    await s.t.database.db.updateTable('pupils').set({ on_roll: true }).where('id', '=', amelia).execute();
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json()).toMatchObject({ error: 'invalid', field: 'pupilIds' });
    expect(await files('originals')).toEqual(before);
  });

  it('makes the published copy with no transaction open, when publishing at once and when the head approves', async () => {
    await s.consent(amelia, 'displays', 'granted');
    await s.consent(amelia, 'website', 'granted');
    const { id } = (await upload(amelia)).json<{ id: string }>();
    seen.length = 0;
    const shown = await s.api('POST', `/api/v1/media/${id}/publications`, s.tokens.teacher, { channel: 'display', where: 'Hall' });
    expect(shown.statusCode, shown.body).toBe(201);
    expect(shown.json()).toMatchObject({ status: 'published' });
    expect(seen).toEqual(['publishedCopy: free']);

    const asked = (await s.api('POST', `/api/v1/media/${id}/publications`, s.tokens.teacher, { channel: 'website' })).json<{ id: string; status: string }>();
    expect(asked.status).toBe('awaiting-approval');
    seen.length = 0;
    const approved = await s.api('POST', `/api/v1/media/${id}/publications/${asked.id}/decision`, s.tokens.head, { decision: 'approved' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'published' });
    expect(seen).toEqual(['publishedCopy: free']);
    expect((await s.api('GET', `/api/v1/media/${id}/publications/${asked.id}/file`, s.tokens.teacher)).statusCode).toBe(200);
  });

  it('checks consent again once the copy is made, and deletes the copy when it was withdrawn meanwhile', async () => {
    await s.consent(amelia, 'displays', 'granted');
    const { id } = (await upload(amelia)).json<{ id: string }>();
    const before = await files('published');
    meanwhile = () => s.consent(amelia, 'displays', 'refused');
    const response = await s.api('POST', `/api/v1/media/${id}/publications`, s.tokens.teacher, { channel: 'display' });
    expect(response.statusCode, response.body).toBe(409);
    expect(response.json()).toMatchObject({ error: 'not-allowed', reasons: [{ pupilId: amelia, reason: expect.any(String) }] });
    expect(await files('published')).toEqual(before);
    expect(await s.t.database.db.selectFrom('photo_publication_requests').select('id').where('photo_id', '=', id).execute()).toHaveLength(0);
  });
});
