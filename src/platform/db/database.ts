import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.ts';
import { WatchActorTables } from '../auth/actor-cache.ts';
import { createEmbeddedDatabase } from './pglite-create.ts';
import { PGliteThread, type EmbeddedEngine } from './pglite-thread.ts';
import { preparingPool } from './prepared-statements.ts';
import { EmbeddedReader } from './read-in-school.ts';
import { schoolDatabase, type SchoolDatabase } from './school-database.ts';
import { SchoolScopeDialect } from './school-scope.ts';
import { connectTimeoutMs } from './startup-errors.ts';

/** The longest one SQL statement may run on PostgreSQL (a migration, an import's largest step). */
export const statementTimeoutMs = 5 * 60_000;

// DATE columns come back as 'YYYY-MM-DD' strings, never as JS Dates shifted by the time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);

export interface Database {
  readonly db: Kysely<DB>;
  /** The handle modules hold: school-scoped transactions only. */
  readonly schools: SchoolDatabase;
  readonly pool: pg.Pool;
  readonly kind: 'pglite' | 'postgres';
  /** The embedded database, when it is one: for a backup's copy of its files. */
  readonly pglite: EmbeddedEngine | null;
  close(): Promise<void>;
}

/**
 * A data folder's database runs on its own thread unless `thread: 'main'` (PGLITE_THREAD=main; the
 * benchmarks compare the two); an instance handed over (tests, restore) runs where it was made.
 */
export type DatabaseSource = { url: string } | { pglite: PGlite; ownsPglite?: boolean } | { dataDir: string; thread?: 'worker' | 'main' };

/**
 * One driver for both databases: PGlite sits behind the same `pg` pool interface as
 * PostgreSQL, so queries, migrations and pg-boss all speak one dialect.
 */
export async function openDatabase(source: DatabaseSource): Promise<Database> {
  if ('url' in source) {
    const pool = new pg.Pool({
      connectionString: source.url,
      max: 10,
      // A server that accepts the connection but never answers fails the attempt instead of
      // hanging (start-up, every request); a statement that runs away is ended by the server.
      connectionTimeoutMillis: connectTimeoutMs,
      statement_timeout: statementTimeoutMs,
      query_timeout: statementTimeoutMs + 10_000,
      keepAlive: true,
    });
    return wrap(pool, 'postgres', null, null, async () => {});
  }
  if ('dataDir' in source) await createIfNew(source.dataDir);
  const pglite: PGlite | PGliteThread =
    'pglite' in source
      ? source.pglite
      : source.thread === 'main'
        ? await PGlite.create(source.dataDir, { startParams: embeddedStartParams })
        : await PGliteThread.open(source.dataDir, embeddedStartParams);
  const owns = 'dataDir' in source || source.ownsPglite === true;
  // A single connection: PGlite runs one query at a time, so a transaction must own it
  // until it commits and nobody else may slip a statement into it. The adapter asks only for
  // `waitReady` and `execProtocolStream`, which the thread offers as PGlite does.
  const pool = new pg.Pool({ ...createPgConfig(pglite as PGlite), max: 1 });
  keepConnectionOnError(pool);
  return wrap(pool, 'pglite', pglite, EmbeddedReader.for(pool, pglite), async () => {
    if (owns) await pglite.close();
  });
}

/**
 * `pool.query` destroys its client when the statement fails. PGlite has one connection, which every
 * client shares; destroying it ends that connection a moment later, after the pool has already handed
 * it to the next caller, whose statement then fails with "Connection terminated unexpectedly" (pg-boss
 * queries through `pool.query`, and one of its expected failures took the next page view with it).
 * A failed statement leaves nothing to clean up here, so the client goes back to the pool as it is.
 */
function keepConnectionOnError(pool: pg.Pool): void {
  const query = async (text: string, values?: unknown[]) => {
    const client = await pool.connect();
    try {
      return await client.query(text, values);
    } finally {
      client.release();
    }
  };
  pool.query = query as unknown as pg.Pool['query'];
}

/**
 * The embedded server's own memory: PostgreSQL's default 128 MB of shared buffers live inside
 * PGlite's WebAssembly heap and are touched as soon as pages are read, which made an idle app
 * about 500 MB. One school's data fits in far less, and the files are in the operating system's
 * cache besides; 16 MB keeps the page views as fast (bench/README.md) at about 140 MB less.
 */
export const embeddedStartParams = [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'];

/** A new folder's database is made in a child process, which gives back the memory initdb used (pglite-create.ts). */
async function createIfNew(dataDir: string): Promise<void> {
  if (!existsSync(join(dataDir, 'PG_VERSION'))) await createEmbeddedDatabase(dataDir, embeddedStartParams);
}

function wrap(pool: pg.Pool, kind: Database['kind'], pglite: EmbeddedEngine | null, reader: EmbeddedReader | null, after: () => Promise<void>): Database {
  // An idle connection dropped by the server (a restart, a failover) must not bring the app down;
  // the pool opens a new one for the next query.
  pool.on('error', (error) => console.error(`A database connection was closed: ${error.message}`));
  // The dialect opens a school's transaction in one round trip (school-scope.ts) and prepares each
  // statement once per connection (prepared-statements.ts); the plugin forgets cached sign-ins when
  // a table they are read from changes (actor-cache.ts).
  const db = new Kysely<DB>({ dialect: new SchoolScopeDialect({ pool: preparingPool(pool) }), plugins: [new WatchActorTables()] });
  let closed = false;
  return {
    db,
    schools: schoolDatabase(db, reader),
    pool,
    kind,
    pglite,
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
      await after();
    },
  };
}
