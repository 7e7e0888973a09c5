import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/platform/audit/audit.ts';
import { runPhotoRetention } from '../../src/modules/photos/photos.retention.ts';
import { fileStorage } from '../../src/modules/photos/photos.storage.ts';
import { TestBrowser } from '../helpers/app.ts';
import { databaseKinds } from '../helpers/database.ts';
import { multipart, phoneJpeg, photoSchool, storedFiles, type PhotoSchool } from '../helpers/photos.ts';

const on = (date: string) => new Date(`${date}T02:30:00Z`);

describe.each(databaseKinds())('photo retention across the school year (%s)', (kind) => {
  let s: PhotoSchool;
  let sportsDay: string;
  let starOfTheWeek: string;
  let nextYear: string;
  const run = (date: string) => runPhotoRetention(s.t.database.schools, fileStorage(s.storageDir), 'http://localhost', on(date));
  const photo = (id: string) => s.t.database.db.selectFrom('photos').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const upload = async (event: string, takenOn: string, pupilId: string) => {
    const body = multipart({ event, takenOn, contexts: 'sports-day', pupilIds: pupilId }, { name: 'p.jpg', content: await phoneJpeg() });
    const response = await s.t.app.inject({
      method: 'POST',
      url: '/api/v1/media',
      payload: body.payload,
      headers: { ...body.headers, authorization: `Bearer ${s.tokens.teacher}` },
    });
    return response.json<{ id: string }>().id;
  };

  beforeAll(async () => {
    s = await photoSchool(kind);
    const amelia = (await s.pupil('stu-001')).id;
    await s.consent(amelia, 'displays', 'granted');
    sportsDay = await upload('Sports Day', '2026-06-12', amelia);
    starOfTheWeek = await upload('Star of the Week', '2026-07-03', amelia);
    nextYear = await upload('Harvest assembly', '2026-09-25', amelia);
    const published = await s.api('POST', `/api/v1/media/${sportsDay}/publications`, s.tokens.teacher, { channel: 'display', where: 'Hall' });
    expect(published.statusCode).toBe(201);
    await s.t.database.db.updateTable('photos').set({ evidence_of_achievement: true }).where('id', '=', starOfTheWeek).execute();
  });
  afterAll(() => s.close());

  it('does nothing during the year', async () => {
    expect(await run('2026-07-20')).toEqual({ archived: 0, deleted: 0, notices: 0 });
    expect((await photo(sportsDay)).archived_at).toBeNull();
  });

  it('archives the year’s photographs when it ends: read-only and out of the everyday list', async () => {
    expect(await run('2026-09-01')).toEqual({ archived: 2, deleted: 0, notices: 0 });
    expect((await photo(sportsDay)).archived_at).not.toBeNull();
    expect((await photo(nextYear)).archived_at).toBeNull();
    const teacher = new TestBrowser(s.t.app);
    await teacher.signIn(s.teacher);
    const everyday = (await teacher.get('/photos')).body;
    expect(everyday).toContain('Harvest assembly');
    expect(everyday).not.toContain('Sports Day');
    expect((await teacher.get('/photos?archived=1')).body).toContain('Sports Day');
    expect((await teacher.get(`/photos/${sportsDay}/tag`)).statusCode).toBe(409);
    const refused = await s.api('POST', `/api/v1/media/${sportsDay}/publications`, s.tokens.teacher, { channel: 'display' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ error: 'archived' });
    // Running again the same night changes nothing.
    expect(await run('2026-09-01')).toEqual({ archived: 0, deleted: 0, notices: 0 });
  });

  it('tells the headteacher 14 days before the deletion, once', async () => {
    expect(await run('2027-08-17')).toMatchObject({ notices: 0 });
    expect(await run('2027-08-18')).toMatchObject({ notices: 1 });
    expect(await run('2027-08-25')).toMatchObject({ notices: 0 });
    const mail = await s.t.database.db
      .selectFrom('outbox')
      .select(['to_address', 'subject', 'body_text'])
      .where('subject', 'like', 'Photographs from%')
      .execute();
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({ to_address: s.head.email, subject: 'Photographs from 2025/26 will be deleted on 1 September 2027' });
    expect(mail[0].body_text).toContain('1 photograph from 2025/26');
  });

  it('deletes the original and published copies the following year, keeps evidence of achievement, audits each deletion', async () => {
    const sportsDayFiles = [
      (await photo(sportsDay)).storage_key!,
      ...(await s.t.database.db.selectFrom('photo_publications').select('copy_key').where('photo_id', '=', sportsDay).execute()).map((r) => r.copy_key!),
    ];
    expect(sportsDayFiles).toHaveLength(2);
    for (const key of sportsDayFiles) expect(existsSync(`${s.storageDir}/${key}`)).toBe(true);

    expect(await run('2027-09-01')).toEqual({ archived: 1, deleted: 1, notices: 0 });
    for (const key of sportsDayFiles) expect(existsSync(`${s.storageDir}/${key}`)).toBe(false);
    expect(await photo(sportsDay)).toMatchObject({ storage_key: null, deleted_at: expect.any(Date) });
    expect((await photo(starOfTheWeek)).deleted_at).toBeNull();
    expect((await photo(nextYear)).archived_at).not.toBeNull();
    expect(await storedFiles(s.storageDir)).toHaveLength(2);

    const audit = await s.t.database.db
      .selectFrom('audit_log')
      .select(['action', 'subject_id', 'actor_label', 'detail'])
      .where('action', '=', 'photo.deleted')
      .execute();
    expect(audit).toEqual([
      {
        action: 'photo.deleted',
        subject_id: sportsDay,
        actor_label: 'Photo retention (scheduled)',
        detail: expect.objectContaining({ reason: 'retention', academicYear: '2025/26', publishedCopies: 1 }),
      },
    ]);
    expect(await verifyAuditChain(s.t.database.db)).toMatchObject({ ok: true });
    expect((await s.api('GET', `/api/v1/media/${sportsDay}/publications/00000000-0000-4000-8000-000000000000/file`, s.tokens.teacher)).statusCode).toBe(404);
  });
});
