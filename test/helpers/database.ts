import { readFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { embeddedStartParams, openDatabase, type Database } from '../../src/platform/db/database.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';

export type DatabaseKind = 'pglite' | 'postgres';

/**
 * Every database tier runs on PGlite, and on PostgreSQL too when TEST_DATABASE_URL is set.
 * Under CI=true PostgreSQL is required: a suite that quietly skipped it would prove nothing.
 */
export function databaseKinds(): DatabaseKind[] {
  if (process.env.TEST_DATABASE_URL) return ['pglite', 'postgres'];
  if (process.env.CI === 'true') throw new Error('CI=true but TEST_DATABASE_URL is not set: the PostgreSQL tests must run in CI');
  return ['pglite'];
}

/** Where global set-up leaves the migrated PGlite data folder as a tarball, for every test file to load. */
export const pgliteTemplateEnv = 'ESAFETY_PGLITE_TEMPLATE';

/** A fresh PGlite with every migration applied (the slow part: starting PGlite's own initdb and migrating). */
export async function migratedPglite(): Promise<PGlite> {
  // 1 MB write-ahead log segments instead of 16: the template every test database loads is 36 MB
  // instead of 45, and loads about a tenth quicker (measured). Nothing the tests check depends on it.
  const pglite = await PGlite.create({ initDbStartParams: ['--wal-segsize=1'], startParams: embeddedStartParams });
  const database = await openDatabase({ pglite });
  await migrateToLatest(database.db);
  await database.pool.end();
  return pglite;
}

/**
 * The migrated data folder as a tarball for test databases to load, without PostgreSQL's two
 * template databases (template0 and template1: 15 of its 36 MB). The tests never create a
 * database inside PGlite, and unpacking those files was about a third of every load (measured).
 */
export async function templateTarball(pglite: PGlite): Promise<Buffer<ArrayBuffer>> {
  const { rows } = await pglite.query<{ oid: number }>("SELECT oid::int AS oid FROM pg_database WHERE datname IN ('template0', 'template1')");
  const dump = new Uint8Array(await (await pglite.dumpDataDir('none')).arrayBuffer());
  return withoutFolders(
    dump,
    rows.map(({ oid }) => `/base/${oid}/`),
  );
}

/** A tar archive without the entries under the given folders (plain ustar, as PGlite writes it). */
function withoutFolders(tar: Uint8Array, folders: string[]): Buffer<ArrayBuffer> {
  const text = new TextDecoder();
  const field = (at: number, length: number) => text.decode(tar.subarray(at, at + length)).replace(/\0.*$/s, '');
  const kept: Uint8Array[] = [];
  let offset = 0;
  while (offset + 512 <= tar.length && tar[offset] !== 0) {
    const prefix = field(offset + 345, 155);
    const name = prefix ? `${prefix}/${field(offset, 100)}` : field(offset, 100);
    const size = Number.parseInt(field(offset + 124, 12).trim() || '0', 8);
    const end = offset + 512 + Math.ceil(size / 512) * 512;
    if (!folders.some((folder) => `/${name.replace(/^\/+/, '')}`.startsWith(folder))) kept.push(tar.subarray(offset, end));
    offset = end;
  }
  kept.push(new Uint8Array(1024));
  return Buffer.concat(kept);
}

let template: Promise<Blob> | null = null;

/**
 * The migrated data folder every test database starts from. Global set-up makes it once per run
 * (test/global-setup.ts); scripts outside vitest (benchmarks) migrate one in their own process.
 */
function pgliteTemplate(): Promise<Blob> {
  template ??= (async () => {
    const file = process.env[pgliteTemplateEnv];
    if (file) return new Blob([await readFile(file)]);
    const pglite = await migratedPglite();
    const dump = await templateTarball(pglite);
    await pglite.close();
    return new Blob([dump]);
  })();
  return template;
}

/** Forgets the migrated template, for scripts (benchmarks) that must exit by themselves. */
export function closePgliteTemplate(): Promise<void> {
  template = null;
  return Promise.resolve();
}

async function postgresDatabase(): Promise<Database> {
  const url = new URL(process.env.TEST_DATABASE_URL!);
  // esafety_test_<run>_…: global set-up drops those of runs that have ended (test/global-setup.ts).
  const name = `esafety_test_${process.env.ESAFETY_TEST_RUN ?? process.pid}_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const templateName = process.env.ESAFETY_PG_TEMPLATE;
  if (!templateName)
    throw new Error('No migrated PostgreSQL template: the PostgreSQL tests run under vitest, whose global set-up makes it (test/global-setup.ts)');
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`CREATE DATABASE ${name} TEMPLATE ${templateName}`);
        break;
      } catch (error) {
        // Two files copying the template at the same moment: wait and try again.
        if (attempt > 20 || !/being accessed by other users/.test((error as Error).message)) throw error;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
  } finally {
    await admin.end();
  }
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  return {
    ...database,
    async close() {
      await database.close();
      const dropper = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

/** A fresh, migrated, empty database of the given kind. Close it when done. */
export async function createTestDatabase(kind: DatabaseKind): Promise<Database> {
  if (kind === 'postgres') return postgresDatabase();
  // The app's own memory settings: PostgreSQL's default 128 MB of shared buffers made each load
  // take twice as long (measured), and no test database comes near 16 MB.
  const pglite = await PGlite.create({ loadDataDir: await pgliteTemplate(), startParams: embeddedStartParams });
  return openDatabase({ pglite, ownsPglite: true });
}
