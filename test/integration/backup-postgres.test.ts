import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { openDatabase, type Database } from '../../src/platform/db/database.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';
import { heldAfterRestore } from '../../src/platform/backup/restore.ts';
import { configureMailSealing } from '../../src/platform/mail/sealed.ts';
import { chainOf, cli, seed, tablesOf } from '../helpers/backup.ts';

/**
 * On the shared PostgreSQL of this machine (never TEST_DATABASE_URL: these databases are this
 * file's own, named esafety_bkp_*, and dropped at the end). Skipped only when no PostgreSQL answers
 * and CI is not 'true'.
 */
const server = process.env.BACKUP_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function reachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: server, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}
const available = await reachable();
const suite = available || process.env.CI === 'true' ? describe : describe.skip;

const urlOf = (base: string, name: string) => {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
};

async function admin<T>(base: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

suite('backups and restores on PostgreSQL', { timeout: 600_000 }, () => {
  const tag = `${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const sourceName = `esafety_bkp_${tag}`;
  const copyName = `esafety_bkp_${tag}_copy`;
  const root = mkdtempSync(join(tmpdir(), 'esafety-bkp-pg-'));
  const env = (dir: string, database: string) => ({ DATA_DIR: join(root, dir), DATABASE_URL: database });
  let source: Database;
  let photos: string[];
  let before: Record<string, number>;

  beforeAll(async () => {
    await admin(server, async (c) => {
      await c.query(`CREATE DATABASE ${sourceName}`);
      await c.query(`CREATE DATABASE ${copyName}`);
    });
    const config = loadConfig({ NODE_ENV: 'test', ...env('source', urlOf(server, sourceName)) });
    configureMailSealing(config.sessionSecret);
    source = await openDatabase({ url: urlOf(server, sourceName) });
    await migrateToLatest(source.db);
    ({ photos } = await seed(source, config));
    before = await tablesOf(source);
  }, 600_000);
  afterAll(async () => {
    await source?.close();
    if (available)
      await admin(server, async (c) => {
        await c.query(`DROP DATABASE IF EXISTS ${sourceName} WITH (FORCE)`);
        await c.query(`DROP DATABASE IF EXISTS ${copyName} WITH (FORCE)`);
      });
    rmSync(root, { recursive: true, force: true });
  });

  it('backs up with pg_dump and restores into an empty database with every row, the audit chain and every photograph', async () => {
    const file = join(root, 'backup.tar');
    const backup = await cli(['backup', '--out', file], env('source', urlOf(server, sourceName)));
    expect(backup).toMatchObject({ code: 0, out: expect.stringMatching(/Backed up \d+ tables .* and 6 photographs/) });
    expect(execFileSync('tar', ['-tf', file], { encoding: 'utf8' })).toMatch(/^database\/postgres\.dump\ndatabase\/roles\.sql\nstorage\/originals\//);

    const restore = await cli(['restore', file], env('copy', urlOf(server, copyName)));
    expect(restore).toMatchObject({ code: 0, err: '' });
    expect(restore.out).toContain('4 e-mails were waiting to be sent when the backup was made: they are held');
    expect(await cli(['audit', 'verify'], env('copy', urlOf(server, copyName)))).toMatchObject({
      code: 0,
      out: expect.stringContaining('matches the latest anchor of 2 schools'),
    });

    const copy = await openDatabase({ url: urlOf(server, copyName) });
    try {
      const after = await tablesOf(copy);
      expect(after).toEqual(before);
      expect(await chainOf(copy)).toEqual(await chainOf(source));
      const held = await copy.db.selectFrom('outbox').select('last_error').where('sent_at', 'is', null).execute();
      expect(held.map((m) => m.last_error)).toEqual(Array(4).fill(heldAfterRestore));
      // app_user's grants came back: a school's transaction sees its own pupils.
      const { rows } = await copy.pool.query<{ ok: boolean }>(`SELECT has_table_privilege('app_user', 'pupils', 'SELECT') AS ok`);
      expect(rows[0].ok).toBe(true);
    } finally {
      await copy.close();
    }
    for (const key of photos)
      expect(readFileSync(join(root, 'copy', 'storage', key)).equals(readFileSync(join(root, 'source', 'storage', key))), key).toBe(true);

    const again = await cli(['restore', file], env('again', urlOf(server, sourceName)));
    expect(again).toMatchObject({ code: 1, err: expect.stringMatching(/already has \d+ tables: restore only into an empty database/) });
    expect(existsSync(join(root, 'again', 'storage'))).toBe(false);
    expect(await tablesOf(source)).toEqual({ ...before, backup_runs: before.backup_runs + 1 });
  });

  // A fresh cluster of our own (initdb), where app_user has never existed: the shared server's
  // cluster-wide role must not be dropped under the other tests using it.
  const initdb = '/usr/lib/postgresql/15/bin/initdb';
  const canMakeCluster = existsSync(initdb) && (process.getuid?.() !== 0 || spawnSync('id', ['postgres']).status === 0);
  (canMakeCluster ? it : it.skip)('restores into a fresh PostgreSQL cluster where app_user does not exist yet', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'esafety-bkp-cluster-'));
    const asPostgres = (command: string, args: string[]) =>
      process.getuid?.() === 0
        ? execFileSync('runuser', ['-u', 'postgres', '--', command, ...args], { stdio: 'pipe' })
        : execFileSync(command, args, { stdio: 'pipe' });
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    if (process.getuid?.() === 0) {
      const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
      const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
      chownSync(dir, uid, gid);
    }
    const data = join(dir, 'data');
    asPostgres(initdb, ['-D', data, '--auth=trust', '-U', 'postgres', '--no-sync']);
    asPostgres('/usr/lib/postgresql/15/bin/pg_ctl', [
      '-D',
      data,
      '-w',
      '-l',
      join(dir, 'log'),
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`,
      'start',
    ]);
    try {
      const fresh = `postgres://postgres@127.0.0.1:${port}/postgres`;
      await admin(fresh, async (c) => {
        expect((await c.query(`SELECT 1 FROM pg_roles WHERE rolname = 'app_user'`)).rowCount).toBe(0);
        await c.query('CREATE DATABASE esafety');
      });
      const restore = await cli(['restore', join(root, 'backup.tar')], env('fresh', urlOf(fresh, 'esafety')));
      expect(restore).toMatchObject({ code: 0, err: '', out: expect.stringContaining('Created the database roles app_user, esafety_platform.') });
      const copy = await openDatabase({ url: urlOf(fresh, 'esafety') });
      try {
        expect(await tablesOf(copy)).toEqual(before);
      } finally {
        await copy.close();
      }
      expect(await cli(['audit', 'verify'], env('fresh', urlOf(fresh, 'esafety')))).toMatchObject({ code: 0 });
    } finally {
      asPostgres('/usr/lib/postgresql/15/bin/pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
