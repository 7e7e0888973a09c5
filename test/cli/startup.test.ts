import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { DataDirInUseError, lockDataDir, processStartTime } from '../../src/platform/db/data-dir-lock.ts';
import { openDatabase } from '../../src/platform/db/database.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';
import { openAppDatabase } from '../../src/platform/db/open.ts';

const root = new URL('../..', import.meta.url).pathname;

/** Starts the real server (npm start's entry) and waits for it to exit or to say it is running. */
function startServer(env: Record<string, string>, wrap: string[] = [], limitMs = 60_000): Promise<{ code: number | null; output: string; ms: number }> {
  const started = Date.now();
  const command = [process.execPath, '--import', 'tsx', 'src/server.ts'];
  const [program, ...args] = [...wrap, ...command];
  const child = spawn(program, args, { cwd: root, env: { ...process.env, NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', DATABASE_URL: '', ...env } });
  let output = '';
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), limitMs);
    const collect = (d: Buffer) => {
      output += d.toString();
      if (output.includes('eSafety Office is running')) child.kill('SIGTERM');
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output, ms: Date.now() - started });
    });
  });
}

describe('start-up says what is wrong, in words', { timeout: 120_000 }, () => {
  let silent: Server;
  const sockets: Socket[] = [];
  let silentPort = 0;
  const folders: string[] = [];
  const folder = () => {
    const dir = mkdtempSync(join(tmpdir(), 'esafety-start-'));
    folders.push(dir);
    return dir;
  };

  beforeAll(async () => {
    // A "database server" on loopback that accepts connections and never says a word.
    silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    silentPort = (silent.address() as { port: number }).port;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
    for (const dir of folders) rmSync(dir, { recursive: true, force: true });
  });

  it('gives up on a database server that accepts connections but never answers, naming it', async () => {
    const result = await startServer({ DATABASE_URL: `postgres://esafety:secret@127.0.0.1:${silentPort}/esafety` });
    expect(result.code).toBe(1);
    expect(result.output).toContain(`The database server at 127.0.0.1:${silentPort} (DATABASE_URL) did not answer within 10 seconds`);
    expect(result.output).not.toContain('secret');
    expect(result.ms).toBeLessThan(45_000);
  });

  it('says a malformed DATABASE_URL is not a PostgreSQL address, instead of "getaddrinfo ENOTFOUND base"', async () => {
    for (const [url, words] of [
      ['esafety', 'DATABASE_URL is not a PostgreSQL address'],
      ['localhost:5432/esafety', 'DATABASE_URL must start with postgres://'],
      ['mysql://u:hunter2@db/esafety', 'DATABASE_URL must start with postgres://'],
    ]) {
      const error = await openAppDatabase(loadConfig({ NODE_ENV: 'test', DATABASE_URL: url }), 'test').catch((e: unknown) => e);
      expect((error as Error).message).toContain(words);
      expect((error as Error).message).toContain('postgres://USER:PASSWORD@HOST:5432/DATABASE');
      expect((error as Error).message).not.toContain('ENOTFOUND');
      expect((error as Error).message).not.toContain('hunter2');
    }
  });

  it('names a database server that does not exist or does not listen', async () => {
    const unknown = await openAppDatabase(loadConfig({ NODE_ENV: 'test', DATABASE_URL: 'postgres://u@no-such-host.invalid/esafety' }), 'test').catch(
      (e: unknown) => e,
    );
    expect((unknown as Error).message).toContain('The database server "no-such-host.invalid" in DATABASE_URL could not be found');
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as { port: number }).port;
    await new Promise((resolve) => closed.close(resolve));
    const refused = await openAppDatabase(loadConfig({ NODE_ENV: 'test', DATABASE_URL: `postgres://u@127.0.0.1:${port}/esafety` }), 'test').catch(
      (e: unknown) => e,
    );
    expect((refused as Error).message).toContain(`Nothing accepts connections at 127.0.0.1:${port}`);
  });

  it('takes over a stale lock whose PID now belongs to another live process, and says how to recover from a real one', async () => {
    const dataDir = folder();
    const other = spawn('sleep', ['60']);
    try {
      await new Promise((r) => setTimeout(r, 100));
      const lockPath = join(dataDir, 'esafety.lock');
      // As after a container restart: the PID in the lock is alive, but it is some other program.
      writeFileSync(lockPath, JSON.stringify({ pid: other.pid, what: 'server', host: hostname(), processStart: '12345' }));
      lockDataDir(dataDir, 'test')();
      // A lock written before start times were recorded, naming a live process that is not eSafety Office.
      writeFileSync(lockPath, JSON.stringify({ pid: other.pid, what: 'server' }));
      lockDataDir(dataDir, 'test')();

      // The holder really runs (its start time matches): refused, with who, where and what to do.
      writeFileSync(lockPath, JSON.stringify({ pid: other.pid, what: 'server', host: hostname(), processStart: processStartTime(other.pid!) }));
      const refused = (() => {
        try {
          lockDataDir(dataDir, 'test');
        } catch (error) {
          return error;
        }
      })();
      expect(refused).toBeInstanceOf(DataDirInUseError);
      expect((refused as Error).message).toContain(`process ${other.pid} on ${hostname()}`);
      expect((refused as Error).message).toContain(`delete ${lockPath} and start again`);

      // The lock a real process writes says who holds it.
      rmSync(lockPath);
      const release = lockDataDir(dataDir, 'server');
      const written = JSON.parse(readFileSync(lockPath, 'utf8')) as Record<string, unknown>;
      expect(written).toMatchObject({ pid: process.pid, what: 'server', host: hostname(), processStart: processStartTime(process.pid) });
      release();
    } finally {
      other.kill();
    }
  });

  it('names the migration that failed, and says in words when it failed before any migration', async () => {
    const pglite = await PGlite.create();
    const database = await openDatabase({ pglite, ownsPglite: true });
    try {
      // Something in the way of a later migration: the earlier ones run, that one fails.
      await database.pool.query('CREATE TABLE sign_in_counters (x int)');
      const error = await migrateToLatest(database.db).catch((e: unknown) => e);
      expect((error as Error).message).toMatch(/^Database migration "20261201T0910_trust_platform" failed: relation "sign_in_counters" already exists/);
      // The migrations' own table unreadable: no migration to name, the problem in words.
      await database.pool.query('DROP TABLE IF EXISTS kysely_migration');
      await database.pool.query('CREATE TABLE kysely_migration (nonsense int)');
      const before = await migrateToLatest(database.db).catch((e: unknown) => e);
      expect((before as Error).message).toMatch(/^The database could not be checked for migrations: .*column/);
    } finally {
      await database.close();
    }
  });

  const canMount = spawnSync('unshare', ['--user', '--map-root-user', '--mount', 'true']).status === 0;

  // Starting PGlite takes a while on a busy machine: these two allow for it.
  it.skipIf(!canMount)('says the disk is full when the data folder has no room on first start (a 1 MB disk)', { timeout: 200_000 }, async () => {
    const dataDir = folder();
    const result = await startServer(
      { DATA_DIR: dataDir },
      ['unshare', '--user', '--map-root-user', '--mount', 'sh', '-c', `mount -t tmpfs -o size=1m tmpfs "${dataDir}" && exec "$0" "$@"`],
      180_000,
    );
    expect(result.code).toBe(1);
    expect(result.output).toContain(`The disk that holds the data folder ${dataDir} (DATA_DIR) is full`);
    expect(result.output).not.toMatch(/ErrnoError|errno/);
  });

  it.skipIf(!canMount)('says the data folder is read-only on first start', { timeout: 200_000 }, async () => {
    const dataDir = folder();
    const result = await startServer(
      { DATA_DIR: dataDir },
      [
        'unshare',
        '--user',
        '--map-root-user',
        '--mount',
        'sh',
        '-c',
        `mount -t tmpfs -o size=64m tmpfs "${dataDir}" && mount -o remount,ro "${dataDir}" && exec "$0" "$@"`,
      ],
      180_000,
    );
    expect(result.code).toBe(1);
    expect(result.output).toContain(`The disk that holds the data folder ${dataDir} (DATA_DIR) is read-only`);
    expect(result.output).not.toMatch(/EROFS:|ErrnoError/);
  });
});
