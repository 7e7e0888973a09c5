import { rmSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/platform/db/database.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';
import type { PGliteThread } from '../../src/platform/db/pglite-thread.ts';
import { statementBuilder } from '../../src/platform/db/read-in-school.ts';
import { readInSchool, withSchool } from '../../src/platform/db/school-database.ts';
import { createTestDatabase, databaseKinds } from '../helpers/database.ts';
import { migratedDataFolder } from '../helpers/data-folder.ts';
import { makeSchool } from '../helpers/factories.ts';

/**
 * A busy page's one question read in a school (issue 17, point 10): on the embedded database as one
 * exchange the app writes itself, on PostgreSQL as a school's transaction of one statement. Either
 * way the same rows, the same types, the same school, and nothing left open when it fails.
 */
const variants = [...databaseKinds(), 'pglite on its thread'] as const;

describe.each(variants)('a school’s one-statement read (%s)', (variant) => {
  let database: Database;
  let folder: string | null = null;
  let schoolA: string;
  let schoolB: string;
  let classId: string;

  beforeAll(async () => {
    if (variant === 'pglite on its thread') {
      folder = migratedDataFolder('esafety-read-in-school-');
      database = await openDatabase({ dataDir: folder });
      await migrateToLatest(database.db);
    } else {
      database = await createTestDatabase(variant);
    }
    schoolA = (await makeSchool(database.db, { name: 'Alder Primary' })).id;
    schoolB = (await makeSchool(database.db, { name: 'Birch Primary' })).id;
    classId = await withSchool(database.schools, schoolA, async (tx) => {
      const { id } = await tx
        .insertInto('classes')
        .values({ school_id: schoolA, sourced_id: 'c1', title: 'Class 1', year_group: 1 })
        .returning('id')
        .executeTakeFirstOrThrow();
      await tx
        .insertInto('pupils')
        .values(
          ['Zoë', 'Ahmed'].map((given_name, i) => ({
            school_id: schoolA,
            sourced_id: `p${i}`,
            given_name,
            family_name: 'O’Brien',
            date_of_birth: '2019-03-0' + (i + 1),
            class_id: id,
          })),
        )
        .execute();
      return id;
    });
  }, 120_000);
  afterAll(async () => {
    await database?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  const pupilsOf = (schoolId: string, ofClass: string) =>
    readInSchool(database.schools, schoolId, `test:read-in-school:pupils:${variant}`, { classId: ofClass }, (v, q) =>
      q.selectFrom('pupils').select(['given_name', 'date_of_birth', 'on_roll']).where('class_id', '=', v.classId).orderBy('given_name'),
    );

  it('reads the school’s rows with the types pg gives (a date as its day, a boolean), and none of another school’s', async () => {
    expect(await pupilsOf(schoolA, classId)).toEqual([
      { given_name: 'Ahmed', date_of_birth: '2019-03-02', on_roll: true },
      { given_name: 'Zoë', date_of_birth: '2019-03-01', on_roll: true },
    ]);
    expect(await pupilsOf(schoolB, classId)).toEqual([]);
    const [who] = await readInSchool(database.schools, schoolA, `test:read-in-school:who:${variant}`, {}, (_, q) =>
      q.selectNoFrom([sql<string>`current_user`.as('role'), sql<string>`current_setting('app.school_id')`.as('school')]),
    );
    expect(who).toEqual({ role: 'app_user', school: schoolA });
  });

  it('reports a failed read as PostgreSQL does and leaves no transaction open: the next reads and writes go on', async () => {
    await expect(pupilsOf(schoolA, 'not-a-class-id')).rejects.toMatchObject({ code: '22P02' });
    // The failed transaction was ended: outside a school the session is itself again, with no school set.
    const { rows } = await database.pool.query<{ school: string | null; same: boolean }>(
      `SELECT nullif(current_setting('app.school_id', true), '') AS school, current_user = session_user AS same`,
    );
    expect(rows).toEqual([{ school: null, same: true }]);
    expect(await pupilsOf(schoolA, classId)).toHaveLength(2);
    // Reads and a write asked together all land, in order; the read after the write sees it.
    const reads = Array.from({ length: 5 }, () => pupilsOf(schoolA, classId));
    await withSchool(database.schools, schoolA, (tx) => tx.updateTable('pupils').set({ on_roll: false }).where('given_name', '=', 'Zoë').execute());
    expect((await Promise.all(reads)).every((r) => r.length >= 1)).toBe(true);
    expect((await pupilsOf(schoolA, classId)).find((p) => p.given_name === 'Zoë')?.on_roll).toBe(false);
    await withSchool(database.schools, schoolA, (tx) => tx.updateTable('pupils').set({ on_roll: true }).execute());
  });

  it('prepares a read afresh when its table changed under it, and reads the new columns', async () => {
    const everything = () =>
      readInSchool(database.schools, schoolA, `test:read-in-school:all:${variant}`, { classId }, (v, q) =>
        q.selectFrom('pupils').selectAll().where('class_id', '=', v.classId),
      );
    expect(Object.keys((await everything())[0])).not.toContain('read_note');
    await sql`ALTER TABLE pupils ADD COLUMN read_note text`.execute(database.db);
    try {
      // PostgreSQL refuses, once, a prepared statement whose columns changed ("cached plan must not change
      // result type"); the read after it is prepared again.
      const after = await everything().catch(async (error: { code?: string }) => {
        expect(error.code).toBe('0A000');
        return everything();
      });
      expect(after).toHaveLength(2);
      expect(Object.keys(after[0])).toContain('read_note');
    } finally {
      await sql`ALTER TABLE pupils DROP COLUMN read_note`.execute(database.db);
    }
    expect(Object.keys((await everything().catch(() => everything()))[0])).not.toContain('read_note');
  });

  it('leaves no prepared statement behind, however many reads fail', async () => {
    // The embedded database's one connection prepares the reads; PostgreSQL's pool prepares nothing by name.
    const embedded = variant !== 'postgres';
    const prepared = async () =>
      Number((await database.pool.query<{ n: string }>(`SELECT count(*) AS n FROM pg_prepared_statements WHERE name LIKE 'esafety_%'`)).rows[0].n);
    await pupilsOf(schoolA, classId);
    const before = await prepared();
    for (let i = 0; i < 20; i++) await expect(pupilsOf(schoolA, 'not-a-class-id')).rejects.toMatchObject({ code: '22P02' });
    expect(await pupilsOf(schoolA, classId)).toHaveLength(2);
    // The failed reads' statements were closed and prepared again: the same number as before them.
    if (embedded) expect(await prepared()).toBe(before);
    // Five first reads of a new statement at once prepare it once: the first, and the others use it.
    const names = () =>
      readInSchool(database.schools, schoolA, `test:read-in-school:names:${variant}`, {}, (_, q) => q.selectFrom('pupils').select('given_name'));
    const answers = await Promise.all(Array.from({ length: 5 }, names));
    expect(answers.every((rows) => rows.length === 2)).toBe(true);
    if (embedded) expect(await prepared()).toBe(before + 1);
  });

  it('refuses a school id that is not one, and its builder cannot run anything itself', async () => {
    await expect(pupilsOf('1 OR true', classId)).rejects.toThrow();
    await expect(statementBuilder.selectFrom('pupils').selectAll().execute()).rejects.toThrow(/only builds statements/);
    // A value the read cannot send is refused before anything is sent; the reads after it go on.
    if (variant !== 'postgres') {
      await expect(
        readInSchool(database.schools, schoolA, `test:read-in-school:date:${variant}`, {}, (_, q) =>
          q.selectNoFrom(sql<Date>`${new Date(0)}::timestamptz`.as('at')),
        ),
      ).rejects.toThrow(/cannot send/);
    }
    expect(await pupilsOf(schoolA, classId)).toHaveLength(2);
  });

  it('answers a long read right; on the thread, as one message, giving the connection back while the database works on it', async () => {
    const thread = variant === 'pglite on its thread' ? (database.pglite as PGliteThread) : null;
    const posted = thread?.exchanges.posted ?? 0;
    expect(await pupilsOf(schoolA, classId)).toHaveLength(2);
    if (thread) expect(thread.exchanges.posted - posted).toBe(1);
    // A read of about a second: on the thread, the next client gets the connection long before its answer comes.
    let slowDone = false;
    const slow = readInSchool(database.schools, schoolA, `test:read-in-school:slow:${variant}`, {}, (_, q) =>
      q.selectNoFrom(sql<number>`(SELECT count(*)::int FROM generate_series(1, 3000000) AS n WHERE n % 7 = 3)`.as('n')),
    ).then((rows) => {
      slowDone = true;
      return rows;
    });
    const client = await database.pool.connect();
    client.release();
    if (thread) expect(slowDone).toBe(false);
    expect(await slow).toEqual([{ n: 428572 }]);
  });
});
