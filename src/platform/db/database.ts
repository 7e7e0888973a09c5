import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.ts';
import { WatchActorTables } from '../auth/actor-cache.ts';
import { preparingPool } from './prepared-statements.ts';
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
  /** The embedded instance, when there is one (tests clone it). */
  readonly pglite: PGlite | null;
  close(): Promise<void>;
}

export type DatabaseSource = { url: string } | { pglite: PGlite; ownsPglite?: boolean } | { dataDir: string };

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
    return wrap(pool, 'postgres', null, async () => {});
  }
  const pglite = 'pglite' in source ? source.pglite : await PGlite.create(source.dataDir, { startParams: embeddedStartParams });
  const owns = 'dataDir' in source || source.ownsPglite === true;
  // A single connection: PGlite runs one query at a time, so a transaction must own it
  // until it commits and nobody else may slip a statement into it.
  const pool = new pg.Pool({ ...createPgConfig(pglite), max: 1 });
  return wrap(pool, 'pglite', pglite, async () => {
    if (owns) await pglite.close();
  });
}

/**
 * The embedded server's own memory: PostgreSQL's default 128 MB of shared buffers live inside
 * PGlite's WebAssembly heap and are touched as soon as pages are read, which made an idle app
 * about 500 MB. One school's data fits in far less, and the files are in the operating system's
 * cache besides; 32 MB keeps the page views as fast (bench/README.md) at about 130 MB less.
 */
const embeddedStartParams = [...PGlite.defaultStartParams, '-c', 'shared_buffers=32MB'];

function wrap(pool: pg.Pool, kind: Database['kind'], pglite: PGlite | null, after: () => Promise<void>): Database {
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
    schools: schoolDatabase(db),
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
