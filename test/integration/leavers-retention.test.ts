import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/platform/audit/audit.ts';
import type { Database } from '../../src/platform/db/database.ts';
import { withSchool } from '../../src/platform/db/school-scope.ts';
import { runLeaverRetention } from '../../src/modules/people/leavers.retention.ts';
import { leaverDates } from '../../src/modules/people/leavers.rules.ts';
import { makeConcernSchool, type ConcernSchool } from '../helpers/concerns.ts';
import { createTestDatabase, databaseKinds } from '../helpers/database.ts';

const on = (date: string) => new Date(`${date}T02:50:00Z`);

/**
 * Issue 13: leavers' photo consent answers go a year after they left (the settings' IRMS default),
 * not while a published photograph relies on them, after a notice to the head, each destruction
 * audited; safeguarding records and pupils still on roll are never touched.
 */
describe.each(databaseKinds())('the leavers’ retention job (%s)', (kind) => {
  let database: Database;
  let s: ConcernSchool;
  const pupils: Record<'left2025' | 'published' | 'left2026' | 'onRoll', string> = { left2025: '', published: '', left2026: '', onRoll: '' };
  let concernId: string;
  const run = (date: string) => runLeaverRetention(database.schools, 'http://localhost', on(date));
  const answers = async (pupilId: string) =>
    Number(
      (
        await database.db
          .selectFrom('consent_decisions')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('pupil_id', '=', pupilId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    s = await makeConcernSchool(database.db);
    await withSchool(database.db, s.school.id, async (tx) => {
      const pupil = async (given: string, leaving: string | null) =>
        (
          await tx
            .insertInto('pupils')
            .values({
              school_id: s.school.id,
              given_name: given,
              family_name: 'Leaver',
              date_of_birth: '2015-03-01',
              on_roll: leaving === null,
              leaving_date: leaving,
            })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
      pupils.left2025 = await pupil('Ava', '2025-07-18');
      pupils.published = await pupil('Ben', '2025-07-18');
      pupils.left2026 = s.exPupilId; // left 2026-07-20
      pupils.onRoll = s.pupilId;
      for (const id of Object.values(pupils))
        for (const purpose of ['website', 'displays'])
          await tx
            .insertInto('consent_decisions')
            .values({
              school_id: s.school.id,
              pupil_id: id,
              purpose,
              decision: 'granted',
              carer_id: s.carerId,
              method: 'paper',
              form_version: 1,
              recorded_by_label: 'test',
            })
            .execute();
      // A safeguarding concern about the first leaver: kept to her date of birth + 25 years.
      concernId = (
        await tx
          .insertInto('concerns')
          .values({
            school_id: s.school.id,
            type: 'safeguarding',
            summary: 'Disclosure',
            details: 'Kept',
            occurred_at: '2025-06-01',
            reported_at: new Date('2025-06-01T10:00:00Z'),
            location: 'in-school',
            out_of_hours: false,
            reported_by: s.staff.dsl.id,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
      await tx.insertInto('concern_people').values({ school_id: s.school.id, concern_id: concernId, kind: 'pupil', pupil_id: pupils.left2025 }).execute();
      // Ben is on the school website in a photograph still published.
      const photo = await tx
        .insertInto('photos')
        .values({
          school_id: s.school.id,
          event_name: 'Leavers’ assembly',
          taken_on: '2025-07-10',
          contexts: ['assembly'],
          uploaded_by: s.staff.teacher.id,
          storage_key: null,
          mime: 'image/jpeg',
          width: 10,
          height: 10,
          byte_size: 10,
          academic_year: '2024/25',
          year_ends_on: '2025-08-31',
          archived_at: null,
          deleted_at: null,
          faces_width: null,
          faces_height: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await tx.insertInto('photo_pupils').values({ school_id: s.school.id, photo_id: photo.id, pupil_id: pupils.published, tagged_by: null }).execute();
      const request = await tx
        .insertInto('photo_publication_requests')
        .values({
          school_id: s.school.id,
          photo_id: photo.id,
          channel: 'website',
          express_request_id: null,
          status: 'published',
          requested_by: s.staff.head.id,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await tx
        .insertInto('photo_publications')
        .values({ school_id: s.school.id, request_id: request.id, photo_id: photo.id, channel: 'website', copy_key: null, published_by: s.staff.head.id })
        .execute();
    });
  }, 300_000);
  afterAll(() => database?.close());

  it('keeps child protection records to the date of birth plus at least 25 years, whatever the settings say', () => {
    expect(leaverDates({ leavingDate: '2025-07-18', dateOfBirth: '2015-03-01' }, { deletionNoticeDays: 14 })).toEqual({
      consentDestroyOn: '2026-07-18',
      safeguardingKeptUntil: '2040-03-01',
    });
    expect(
      leaverDates({ leavingDate: null, dateOfBirth: '2016-02-29' }, { safeguardingYearsAfterBirth: 10, deletionNoticeDays: 14 }).safeguardingKeptUntil,
    ).toBe('2041-02-28');
    expect(leaverDates({ leavingDate: '2025-07-18', dateOfBirth: null }, { deletionNoticeDays: 14 }).safeguardingKeptUntil).toBeNull();
  });

  it('destroys a leaver’s answers a year after they left, audited, but not those a publication relies on, nor a safeguarding record', async () => {
    // They came due without a notice (the job was not running then): the head is told first, and nothing goes for the notice days.
    expect(await run('2026-07-19')).toMatchObject({ destroyed: 0, noticed: 2 });
    expect(await answers(pupils.left2025)).toBe(2);
    expect(await run('2026-08-01')).toMatchObject({ destroyed: 0, noticed: 0 });
    const result = await run('2026-08-02');
    expect(result).toMatchObject({ destroyed: 1, answers: 2, held: 1, concernsKept: 1 });
    expect(await answers(pupils.left2025)).toBe(0);
    expect(await answers(pupils.published)).toBe(2);
    expect(await answers(pupils.left2026)).toBe(2);
    expect(await answers(pupils.onRoll)).toBe(2);
    const concern = await database.db.selectFrom('concern_people').select('pupil_id').where('concern_id', '=', concernId).executeTakeFirst();
    expect(concern?.pupil_id).toBe(pupils.left2025);
    const audit = await database.db
      .selectFrom('audit_log')
      .select(['subject_id', 'detail'])
      .where('school_id', '=', s.school.id)
      .where('action', '=', 'consent.destroyed')
      .execute();
    expect(audit).toEqual([{ subject_id: pupils.left2025, detail: { reason: 'retention', answers: 2, leftOn: '2025-07-18' } }]);
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
  });

  it('tells the head once, the notice days before, then destroys on the day', async () => {
    expect((await run('2027-07-01')).noticed).toBe(0);
    expect((await run('2027-07-10')).noticed).toBe(1);
    expect((await run('2027-07-11')).noticed).toBe(0);
    const mail = await database.db.selectFrom('outbox').select(['to_address', 'subject', 'body_text']).where('school_id', '=', s.school.id).execute();
    expect(mail.filter((m) => m.subject.includes('will be destroyed from 20 July 2027'))).toHaveLength(1);
    expect(mail.map((m) => m.body_text).join('\n')).not.toMatch(/Oscar|Reed/);
    expect(await answers(pupils.left2026)).toBe(2);
    expect(await run('2027-07-20')).toMatchObject({ destroyed: 1, held: 1 });
    expect(await answers(pupils.left2026)).toBe(0);
    expect(await answers(pupils.onRoll)).toBe(2);
  });

  it('outside the job the consent history stays append-only: a school’s transaction cannot delete, nor the owner without the retention mark', async () => {
    await expect(
      withSchool(database.db, s.school.id, (tx) => tx.deleteFrom('consent_decisions').where('pupil_id', '=', pupils.onRoll).execute()),
    ).rejects.toThrow();
    await expect(sql`DELETE FROM consent_decisions WHERE pupil_id = ${pupils.onRoll}`.execute(database.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM concerns WHERE id = ${concernId}`.execute(database.db)).rejects.toThrow(/append-only/);
    expect(await answers(pupils.onRoll)).toBe(2);
  });
});
