import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/platform/db/database.ts';
import type { PGliteThread } from '../../src/platform/db/pglite-thread.ts';
import { withSchool } from '../../src/platform/db/school-scope.ts';
import { createTestDatabase } from '../helpers/database.ts';

/**
 * The embedded database of a data folder runs on its own thread (issue 17, point 11): while it works
 * on one request, the server goes on answering and rendering others.
 */
describe('the embedded database on its own thread', { timeout: 120_000 }, () => {
  const root = mkdtempSync(join(tmpdir(), 'esafety-pglite-thread-'));
  let database: Database;

  beforeAll(async () => {
    database = await openDatabase({ dataDir: join(root, 'pglite') });
  }, 120_000);
  afterAll(async () => {
    await database?.close();
    rmSync(root, { recursive: true, force: true });
  });

  /** Runs a statement of about a second while counting how often a 10 ms timer gets its turn. */
  async function timerTurnsDuring(run: () => Promise<unknown>): Promise<{ turns: number; ms: number }> {
    let turns = 0;
    const timer = setInterval(() => turns++, 10);
    const started = performance.now();
    try {
      await run();
    } finally {
      clearInterval(timer);
    }
    return { turns, ms: performance.now() - started };
  }
  const longStatement = () => sql`SELECT count(*) FROM generate_series(1, 4000000) AS n WHERE n % 7 = 3`.execute(database.db);

  it('keeps the event loop free while a long statement runs (on the main thread it is not)', async () => {
    const onThread = await timerTurnsDuring(longStatement);
    expect(onThread.ms).toBeGreaterThan(100);
    // The timer ran all through the statement (a busy machine gives it fewer turns, never none).
    expect(onThread.turns).toBeGreaterThanOrEqual(Math.floor(onThread.ms / 10 / 4));

    // The tests' own databases run PGlite on the main thread, as a data folder does with PGLITE_THREAD=main.
    const onMain = await createTestDatabase('pglite');
    try {
      const blocked = await timerTurnsDuring(() => sql`SELECT count(*) FROM generate_series(1, 4000000) AS n WHERE n % 7 = 3`.execute(onMain.db));
      expect(blocked.ms).toBeGreaterThan(100);
      expect(blocked.turns).toBeLessThanOrEqual(1);
    } finally {
      await onMain.close();
    }
  });

  it('answers other statements in turn, in the order they were asked, with results and errors as PostgreSQL gives them', async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => sql<{ n: number; text: string }>`SELECT ${i}::int AS n, ${'Zoë O’Brien ' + i}::text AS text`.execute(database.db)),
    );
    expect(answers.map((a) => a.rows[0])).toEqual(Array.from({ length: 20 }, (_, i) => ({ n: i, text: `Zoë O’Brien ${i}` })));

    const bytes = Buffer.alloc(3 * 1024 * 1024, 7);
    const echoed = await sql<{ b: Buffer }>`SELECT ${bytes}::bytea AS b`.execute(database.db);
    expect(Buffer.compare(echoed.rows[0].b, bytes)).toBe(0);

    await expect(sql`SELECT * FROM no_such_table`.execute(database.db)).rejects.toMatchObject({
      code: '42P01',
      message: 'relation "no_such_table" does not exist',
    });
  });

  it('keeps the connection after a failed pool query, so the next one straight after succeeds', async () => {
    // pg-boss queries through pool.query; a failure used to end the one shared connection under the next caller.
    const results = await Promise.allSettled([database.pool.query('SELECT * FROM no_such_table'), database.pool.query('SELECT 41 + 1 AS answer')]);
    expect(results[0].status).toBe('rejected');
    expect(results[1]).toMatchObject({ status: 'fulfilled', value: { rows: [{ answer: 42 }] } });
    expect((await database.pool.query('SELECT 2 AS two')).rows).toEqual([{ two: 2 }]);
  });

  it('rolls back a failed transaction and commits the next', async () => {
    await sql`CREATE TABLE IF NOT EXISTS thread_check (id int PRIMARY KEY)`.execute(database.db);
    await expect(
      database.db.transaction().execute(async (trx) => {
        await sql`INSERT INTO thread_check VALUES (1)`.execute(trx);
        await sql`INSERT INTO thread_check VALUES (1)`.execute(trx);
      }),
    ).rejects.toMatchObject({ code: '23505' });
    await database.db.transaction().execute(async (trx) => {
      await sql`INSERT INTO thread_check VALUES (2)`.execute(trx);
    });
    const rows = await sql<{ id: number }>`SELECT id FROM thread_check ORDER BY id`.execute(database.db);
    expect(rows.rows).toEqual([{ id: 2 }]);
  });

  it('sends a school’s BEGIN and a read-only COMMIT ahead, keeping each school to its own rows', async () => {
    const schoolA = '0b0f8c2e-7a53-4c41-9d1e-5f2a9c1d0a01';
    const schoolB = '0b0f8c2e-7a53-4c41-9d1e-5f2a9c1d0b02';
    await sql`CREATE ROLE app_user NOLOGIN`.execute(database.db);
    await sql`CREATE TABLE scope_check (school_id uuid NOT NULL, note text NOT NULL)`.execute(database.db);
    await sql`ALTER TABLE scope_check ENABLE ROW LEVEL SECURITY`.execute(database.db);
    await sql`CREATE POLICY one_school ON scope_check USING (school_id = nullif(current_setting('app.school_id', true), '')::uuid)`.execute(database.db);
    await sql`GRANT SELECT, INSERT ON scope_check TO app_user`.execute(database.db);
    await sql`INSERT INTO scope_check VALUES (${schoolA}, 'A'), (${schoolB}, 'B')`.execute(database.db);
    // The tables of the app's own schema are typed; this one is the test's.
    const notes = (schoolId: string) =>
      withSchool(database.db, schoolId, (tx) =>
        (tx as unknown as typeof database.db)
          .selectFrom('scope_check' as never)
          .select(sql<string>`note`.as('note'))
          .execute(),
      );
    const thread = database.pglite as PGliteThread;
    const before = { ...thread.exchanges };

    const [a, b] = await Promise.all([notes(schoolA), notes(schoolB)]);
    expect(a).toEqual([{ note: 'A' }]);
    expect(b).toEqual([{ note: 'B' }]);
    // Each read-only transaction: BEGIN and COMMIT answered ahead, only the SELECT waited for. A's BEGIN
    // crosses to the thread with A's SELECT; A's COMMIT and B's BEGIN with B's SELECT; B's COMMIT, with
    // nothing after it, on its own at the end of the event loop's turn.
    expect(thread.exchanges.sentAhead - before.sentAhead).toBe(4);
    expect(thread.exchanges.waitedFor - before.waitedFor).toBe(2);
    expect(thread.exchanges.posted - before.posted).toBe(2);
    await new Promise(setImmediate);
    expect(thread.exchanges.posted - before.posted).toBe(3);

    // A transaction that writes waits for its COMMIT; what it wrote is there afterwards.
    await withSchool(database.db, schoolA, (tx) => sql`INSERT INTO scope_check VALUES (${schoolA}, 'A2')`.execute(tx));
    expect(thread.exchanges.sentAhead - before.sentAhead).toBe(5);
    expect((await notes(schoolA)).map((n) => n.note).sort()).toEqual(['A', 'A2']);
  });

  it('reports a failed statement sent ahead on the next one, which does not run', async () => {
    const client = await database.pool.connect();
    try {
      // Answered at once (as PostgreSQL would if the role existed); the failure arrives with the next statement.
      await client.query('BEGIN; SET LOCAL ROLE no_such_role');
      await expect(client.query('SELECT 1 AS one')).rejects.toMatchObject({ message: 'role "no_such_role" does not exist' });
      await client.query('ROLLBACK');
      expect((await client.query('SELECT current_user = session_user AS same')).rows).toEqual([{ same: true }]);
    } finally {
      client.release();
    }
  });

  it('copies its files for a backup', async () => {
    const dump = await database.pglite!.dumpDataDir('gzip');
    const bytes = new Uint8Array(await dump.arrayBuffer());
    expect(bytes.byteLength).toBeGreaterThan(100_000);
    expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);
  });
});
