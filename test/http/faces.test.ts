import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishedCopy } from '../../src/modules/photos/photos.images.ts';
import { databaseKinds } from '../helpers/database.ts';
import { classPhoto, classPhotoFaces, detailIn, matchesLabel } from '../helpers/faces.ts';
import { multipart, photoSchool, storedFiles, type PhotoSchool } from '../helpers/photos.ts';

interface Faces {
  status: 'done' | 'pending';
  found: number;
  boxes: { x: number; y: number; width: number; height: number; score: number }[];
}

/** Issue 14 over the API: faces found on upload, tagged one by one, counted by the check, blurred in the copy. */
describe.each(databaseKinds())('faces in photographs (%s)', (kind) => {
  let s: PhotoSchool;
  let pupils: string[];
  const upload = (content: Buffer, name = 'class.jpg') => {
    const body = multipart({ event: 'Class photograph', takenOn: '2026-06-12', contexts: 'lesson' }, { name, content });
    return s.t.app.inject({
      method: 'POST',
      url: '/api/v1/media',
      payload: body.payload,
      headers: { ...body.headers, authorization: `Bearer ${s.tokens.teacher}` },
    });
  };
  const tagFace = (id: string, index: number, body: object) => s.api('PUT', `/api/v1/media/${id}/faces/${index}`, s.tokens.teacher, body);

  beforeAll(async () => {
    s = await photoSchool(kind);
    pupils = await Promise.all(['stu-001', 'stu-002', 'stu-003', 'stu-004'].map(async (p) => (await s.pupil(p)).id));
    // The machine the tests share may be busy: setting up a school and the face finder's first load take their time.
  }, 240_000);
  afterAll(() => s.close());

  it('finds every face on upload and answers the boxes, in pixels of the original, on upload and from GET', async () => {
    const response = await upload(classPhoto());
    expect(response.statusCode, response.body).toBe(201);
    const { id, faces: answered } = response.json<{ id: string; faces: Faces }>();
    let faces = answered;
    if (faces.status === 'pending') {
      // The face finder's first photograph (its model loading) on a busy machine: the upload said so and did not wait.
      expect(faces).toEqual({ status: 'pending', found: 0, boxes: [] });
      await expect
        .poll(async () => (faces = (await s.api('GET', `/api/v1/media/${id}`, s.tokens.teacher)).json<{ faces: Faces }>().faces).status, {
          timeout: 60_000,
          interval: 250,
        })
        .toBe('done');
    }
    expect(faces.status).toBe('done');
    expect(faces.found).toBe(classPhotoFaces.length);
    for (const label of classPhotoFaces)
      expect(
        faces.boxes.some((b) => matchesLabel(b, label)),
        `face at ${label.join(',')}`,
      ).toBe(true);
    for (const b of faces.boxes) expect(b.score).toBeGreaterThan(0.5);

    const got = await s.api('GET', `/api/v1/media/${id}`, s.tokens.teacher);
    expect(got.statusCode).toBe(200);
    expect(got.json()).toMatchObject({ id, event: 'Class photograph', faces, untaggedFaces: classPhotoFaces.length, faceTags: expect.any(Array) });
  });

  it('boxes are given in the original’s pixels after rotation (a phone photo held sideways)', async () => {
    // The same class photograph stored on its side, with an EXIF orientation that turns it upright.
    const sideways = await sharp(classPhoto()).rotate(-90).withMetadata({ orientation: 6 }).jpeg({ quality: 90 }).toBuffer();
    const { faces } = (await upload(sideways, 'sideways.jpg')).json<{ faces: Faces }>();
    expect(faces.found).toBe(classPhotoFaces.length);
    for (const label of classPhotoFaces) expect(faces.boxes.some((b) => matchesLabel(b, label))).toBe(true);
  });

  it('stores boxes only: no face crops among the files, no column that could hold an image or an embedding', async () => {
    const before = await storedFiles(s.storageDir);
    const { id } = (await upload(classPhoto())).json<{ id: string }>();
    const after = await storedFiles(s.storageDir);
    // One new file: the original. Nothing cut out of it.
    expect(after.length - before.length).toBe(1);
    const columns = await s.t.database.db
      .selectFrom('information_schema.columns' as never)
      .select(['column_name' as never, 'data_type' as never])
      .where('table_name' as never, '=', 'photo_faces' as never)
      .execute();
    expect((columns as { column_name: string; data_type: string }[]).map((c) => `${c.column_name}:${c.data_type}`).sort()).toEqual(
      [
        'face_index:integer',
        'height:integer',
        'kind:text',
        'photo_id:uuid',
        'pupil_id:uuid',
        'school_id:uuid',
        'score:real',
        'tagged_at:timestamp with time zone',
        'tagged_by:uuid',
        'width:integer',
        'x:integer',
        'y:integer',
      ].sort(),
    );
    const rows = await s.t.database.db.selectFrom('photo_faces').selectAll().where('photo_id', '=', id).execute();
    expect(rows).toHaveLength(classPhotoFaces.length);
    // The audit says how many, nothing more.
    const audit = await s.t.database.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'photo.faces-found')
      .where('subject_id', '=', id)
      .execute();
    expect(audit.map((a) => a.detail)).toEqual([{ found: classPhotoFaces.length }]);
  });

  it('refuses to publish while a face is unaccounted for, then publishes with the faces of those who may not appear blurred', async () => {
    const original = classPhoto();
    const { id, faces } = (await upload(original)).json<{ id: string; faces: Faces }>();
    const publish = (body: object = {}) => s.api('POST', `/api/v1/media/${id}/publications`, s.tokens.teacher, { channel: 'display', ...body });

    const none = await publish();
    expect(none.statusCode).toBe(409);
    expect(none.json()).toMatchObject({ error: 'not-allowed', reasons: [{ code: 'untagged-faces', count: 6, pupilId: null }] });
    expect(none.json<{ message: string }>().message).toContain('6 faces in this photograph are not yet identified');

    // Four pupils, three with consent for displays, one whose carers said no; one adult.
    for (const pupil of pupils.slice(0, 3)) await s.consent(pupil, 'displays', 'granted');
    await s.consent(pupils[3], 'displays', 'refused');
    for (const [index, pupil] of pupils.entries()) {
      const tagged = await tagFace(id, index, { pupilId: pupil });
      expect(tagged.statusCode, tagged.body).toBe(200);
    }
    expect((await tagFace(id, 4, { kind: 'adult' })).json()).toEqual({ index: 4, pupilId: null, kind: 'adult', untaggedFaces: 1 });

    const one = await publish();
    expect(one.statusCode).toBe(409);
    expect(one.json()).toMatchObject({ reasons: [{ code: 'untagged-faces', count: 1 }] });
    expect(one.json<{ message: string }>().message).toContain('1 face in this photograph is not yet identified');

    // Face 6 is someone who is not a pupil here: accounted for, and blurred as a child whose consent is unknown.
    expect((await tagFace(id, 5, { kind: 'not-a-pupil' })).json()).toMatchObject({ untaggedFaces: 0 });
    // With nothing blurred, the pupil without consent blocks it, by name.
    const unblurred = await publish({ blurFaces: 'none' });
    expect(unblurred.statusCode).toBe(409);
    expect(unblurred.json()).toMatchObject({ reasons: [{ pupilId: pupils[3] }] });

    const published = await publish();
    expect(published.statusCode, published.body).toBe(201);
    const { url } = published.json<{ url: string }>();
    const copy = (await s.api('GET', new URL(url).pathname, s.tokens.teacher)).rawPayload;
    const plain = await publishedCopy(original, 2048);

    // Faces 4 (no consent) and 6 (not a pupil): their detail is gone. Faces 1–3 and 5, and the background, are as they were.
    const blurred = [faces.boxes[3], faces.boxes[5]];
    const kept = [faces.boxes[0], faces.boxes[1], faces.boxes[2], faces.boxes[4]];
    for (const box of blurred) {
      const [before, now] = [await detailIn(plain, box), await detailIn(copy, box)];
      expect(now.edges, `edge energy of a blurred face`).toBeLessThan(before.edges * 0.1);
    }
    for (const box of kept) {
      const [before, now] = [await detailIn(plain, box), await detailIn(copy, box)];
      expect(Math.abs(now.edges - before.edges) / before.edges).toBeLessThan(0.05);
      expect(now.meanDifference(before)).toBeLessThan(2);
    }
    // And the copy is still the metadata-free encode.
    const metadata = await sharp(copy).metadata();
    expect(metadata.exif).toBeUndefined();
    expect(metadata.xmp).toBeUndefined();
  });

  it('says no to a face that is not there, a kind that is not one, and a pupil not on roll', async () => {
    const { id } = (await upload(classPhoto())).json<{ id: string }>();
    expect((await tagFace(id, 6, { kind: 'adult' })).statusCode).toBe(404);
    const badKind = await tagFace(id, 0, { kind: 'teacher' });
    expect(badKind.statusCode).toBe(400);
    expect(badKind.json()).toMatchObject({ error: expect.any(String), message: expect.any(String) });
    expect((await tagFace(id, 0, { pupilId: '00000000-0000-4000-8000-000000000000' })).statusCode).toBe(400);
    expect((await tagFace(id, 0, {})).statusCode).toBe(400);
    // The same pupil cannot be two faces.
    expect((await tagFace(id, 0, { pupilId: pupils[0] })).statusCode).toBe(200);
    const twice = await tagFace(id, 1, { pupilId: pupils[0] });
    expect(twice.statusCode).toBe(400);
    expect(twice.json<{ message: string }>().message).toContain('already face 1');
  });

  it('a photograph without faces publishes as before, and one uploaded before faces were looked for is looked at first', async () => {
    await s.consent(pupils[0], 'displays', 'granted');
    const blank = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#3070b0' } })
      .jpeg()
      .toBuffer();
    const { id, faces } = (await upload(blank)).json<{ id: string; faces: Faces }>();
    expect(faces).toEqual({ status: 'done', found: 0, boxes: [] });
    expect((await s.api('POST', `/api/v1/media/${id}/publications`, s.tokens.teacher, { channel: 'display' })).statusCode).toBe(201);

    // As if uploaded before this feature: faces pending. Publishing looks for them first, and so refuses.
    const old = (await upload(classPhoto())).json<{ id: string }>().id;
    await s.t.database.db.deleteFrom('photo_faces').where('photo_id', '=', old).execute();
    await s.t.database.db.updateTable('photos').set({ faces_status: 'pending', faces_width: null, faces_height: null }).where('id', '=', old).execute();
    expect((await s.api('GET', `/api/v1/media/${old}`, s.tokens.teacher)).json<{ faces: Faces }>().faces.status).toBe('pending');
    const refused = await s.api('POST', `/api/v1/media/${old}/publications`, s.tokens.teacher, { channel: 'display' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ reasons: [{ code: 'untagged-faces', count: 6 }] });
    expect((await s.api('GET', `/api/v1/media/${old}`, s.tokens.teacher)).json<{ faces: Faces }>().faces).toMatchObject({ status: 'done', found: 6 });
  });
});
