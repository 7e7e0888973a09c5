import { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import { Migrator, type Migration } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/platform/db/database.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';
import * as foundation from '../../src/platform/db/migrations/20261123T0900_foundation.ts';
import * as consent from '../../src/platform/db/migrations/20261123T1000_consent.ts';
import * as concerns from '../../src/platform/db/migrations/20261123T1100_concerns.ts';
import * as policies from '../../src/platform/db/migrations/20261123T1200_policies.ts';
import * as photos from '../../src/platform/db/migrations/20261123T1300_photos.ts';

/** 20261201T0920_trust_photos keeps what a school already recorded: decisions, takedowns, who was in each publication. */
describe('photo publication history migration', () => {
  let database: Database;
  const ids = { school: '', staff: '', pupil: '', photo: '', approved: '', refused: '', immediate: '', publication: '' };

  beforeAll(async () => {
    database = await openDatabase({ pglite: await PGlite.create(), ownsPglite: true });
    const before: Record<string, Migration> = {
      '20261123T0900_foundation': foundation,
      '20261123T1000_consent': consent,
      '20261123T1100_concerns': concerns,
      '20261123T1200_policies': policies,
      '20261123T1300_photos': photos,
    };
    const migrated = await new Migrator({ db: database.db, provider: { getMigrations: async () => before } }).migrateToLatest();
    expect(migrated.error).toBeUndefined();
    const one = async <T>(query: ReturnType<typeof sql<T>>) => (await query.execute(database.db)).rows[0];
    ids.school = (await one(sql<{ id: string }>`INSERT INTO schools (urn, name) VALUES ('100001', 'Old School') RETURNING id`)).id;
    ids.staff = (
      await one(sql<{ id: string }>`INSERT INTO staff (school_id, given_name, family_name) VALUES (${ids.school}, 'Helen', 'Head') RETURNING id`)
    ).id;
    ids.pupil = (
      await one(sql<{ id: string }>`INSERT INTO pupils (school_id, given_name, family_name) VALUES (${ids.school}, 'Amelia', 'Clarke') RETURNING id`)
    ).id;
    ids.photo = (
      await one(sql<{
        id: string;
      }>`INSERT INTO photos (school_id, event_name, taken_on, contexts, uploaded_by, mime, width, height, byte_size, academic_year, year_ends_on)
      VALUES (${ids.school}, 'Sports Day', '2026-06-12', '{sports-day}', ${ids.staff}, 'image/jpeg', 1, 1, 1, '2025/26', '2026-08-31') RETURNING id`)
    ).id;
    await sql`INSERT INTO photo_pupils (school_id, photo_id, pupil_id) VALUES (${ids.school}, ${ids.photo}, ${ids.pupil})`.execute(database.db);
    const request = async (status: string, decided: boolean, note: string | null) =>
      (
        await one(sql<{ id: string }>`INSERT INTO photo_publication_requests
      (school_id, photo_id, channel, status, requested_by, decided_by, decided_at, decision_note)
      VALUES (${ids.school}, ${ids.photo}, 'website', ${status}, ${ids.staff}, ${decided ? ids.staff : null}, ${decided ? new Date('2026-06-13T10:00:00Z') : null}, ${note}) RETURNING id`)
      ).id;
    ids.approved = await request('published', true, 'Lovely');
    ids.refused = await request('refused', true, 'Not this one');
    ids.immediate = await request('published', false, null);
    ids.publication = (
      await one(sql<{
        id: string;
      }>`INSERT INTO photo_publications (school_id, request_id, photo_id, channel, copy_key, published_by, taken_down_at, taken_down_by)
      VALUES (${ids.school}, ${ids.approved}, ${ids.photo}, 'website', 'published/x.jpg', ${ids.staff}, '2026-07-01T09:00:00Z', ${ids.staff}) RETURNING id`)
    ).id;
    await migrateToLatest(database.db);
  });
  afterAll(() => database.close());

  it('moves decisions and takedowns into their own rows and records who was in each publication', async () => {
    const decisions = await database.db
      .selectFrom('photo_publication_decisions')
      .select(['request_id', 'decision', 'note', 'decided_by', 'decided_at'])
      .orderBy('note')
      .execute();
    expect(decisions).toEqual([
      { request_id: ids.approved, decision: 'approved', note: 'Lovely', decided_by: ids.staff, decided_at: new Date('2026-06-13T10:00:00Z') },
      { request_id: ids.refused, decision: 'refused', note: 'Not this one', decided_by: ids.staff, decided_at: new Date('2026-06-13T10:00:00Z') },
    ]);
    const requests = await database.db.selectFrom('photo_publication_requests').select(['id', 'status']).execute();
    expect(Object.fromEntries(requests.map((r) => [r.id, r.status]))).toEqual({
      [ids.approved]: 'requested',
      [ids.refused]: 'requested',
      [ids.immediate]: 'published',
    });
    expect(await database.db.selectFrom('photo_publication_takedowns').selectAll().execute()).toEqual([
      { publication_id: ids.publication, school_id: ids.school, taken_down_at: new Date('2026-07-01T09:00:00Z'), taken_down_by: ids.staff },
    ]);
    expect(await database.db.selectFrom('photo_publication_pupils').select(['publication_id', 'pupil_id']).execute()).toEqual([
      { publication_id: ids.publication, pupil_id: ids.pupil },
    ]);
  });
});
