import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/platform/db/database.ts';
import { createTestDatabase, databaseKinds } from '../helpers/database.ts';

/**
 * Statements with parameters are prepared once per connection (prepared-statements.ts). The pool
 * closes a client that has been idle and makes another: on PGlite the new client shares the one
 * backend, which still holds what the old client prepared. Before the names were kept by
 * connection, the next new statement after that reused a name and failed ("Prepared statements
 * must be unique"), and the page asking it answered 500.
 */
describe.each(databaseKinds())('prepared statements (%s)', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(() => database.close());

  it('keeps answering new and known statements after the pool replaces an idle client', async () => {
    const first = await sql<{ a: number }>`SELECT ${1}::int AS a`.execute(database.db);
    expect(first.rows).toEqual([{ a: 1 }]);
    // The pool closes a client idle for longer than idleTimeoutMillis (10 s unless set).
    (database.pool.options as { idleTimeoutMillis: number }).idleTimeoutMillis = 20;
    await sql`SELECT ${'warm'}::text AS w`.execute(database.db);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(database.pool.totalCount).toBe(0);
    const second = await sql<{ b: string }>`SELECT ${'two'}::text AS b`.execute(database.db);
    expect(second.rows).toEqual([{ b: 'two' }]);
    const again = await sql<{ a: number }>`SELECT ${3}::int AS a`.execute(database.db);
    expect(again.rows).toEqual([{ a: 3 }]);
  });
});
