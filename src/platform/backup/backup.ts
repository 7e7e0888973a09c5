import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, sep } from 'node:path';
import type { Kysely } from 'kysely';
import pg from 'pg';
import type { Config } from '../../config.ts';
import { anchorFileName } from '../audit/anchors.ts';
import type { Database } from '../db/database.ts';
import type { DB } from '../db/schema.ts';
import { NotABackupError, TarReader, TarWriter, type WrittenEntry } from './archive.ts';

export const backupFormat = 'esafety-office-backup';
export const manifestEntry = 'manifest.json';

/** What a backup holds, written last into it: enough to check every byte before anything is restored. */
export interface BackupManifest {
  readonly format: typeof backupFormat;
  readonly version: 1;
  readonly createdAt: string;
  readonly database: WrittenEntry & { readonly kind: 'pglite' | 'postgres'; readonly serverVersion: string };
  /**
   * The roles the database's grants and row-level security name, which live outside any one
   * database on PostgreSQL: restore creates them (NOLOGIN) when missing and makes the restoring
   * account a member, as the first migration does. The same SQL is in the backup as roles.sql.
   */
  readonly roles: readonly { readonly name: string; readonly login: false }[];
  readonly migrations: readonly string[];
  /** Every table's row count at the moment of the backup (public schema; the job queue is not kept). */
  readonly tables: Readonly<Record<string, number>>;
  readonly photographs: readonly WrittenEntry[];
  readonly auditAnchors: WrittenEntry | null;
  /**
   * With STORAGE_DRIVER=s3 the photographs are in a bucket and are not copied into the backup
   * (`photographs` then holds only files still in STORAGE_DIR, such as ones not yet moved). Absent
   * in backups made with the folder driver.
   */
  readonly photographBucket?: { readonly endpoint: string; readonly bucket: string };
}

export interface BackupSummary {
  readonly file: string;
  readonly bytes: number;
  readonly tables: number;
  readonly rows: number;
  readonly photographs: number;
  readonly photographBytes: number;
  /** Where the photographs not in the backup are (STORAGE_DRIVER=s3): bucket "NAME" at ENDPOINT. */
  readonly photographBucket: string | null;
}

// The roles the dump's grants and policies name; a fresh cluster has neither.
const roles = [
  { name: 'app_user', login: false as const },
  { name: 'esafety_platform', login: false as const },
];
export const rolesSql = (names: readonly { name: string }[]) =>
  names
    .map(
      ({ name }) =>
        `DO $$ BEGIN\n  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${name}') THEN\n    CREATE ROLE ${name} NOLOGIN;\n  END IF;\nEND $$;\nGRANT ${name} TO CURRENT_USER;\n`,
    )
    .join('');

type Query = (text: string) => Promise<{ rows: Record<string, unknown>[] }>;

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Every table of the public schema and its row count, read in whatever snapshot `query` sees. */
export async function countTables(query: Query): Promise<Record<string, number>> {
  const { rows } = await query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`);
  const counts: Record<string, number> = {};
  for (const row of rows) {
    const table = String(row.tablename);
    const result = await query(`SELECT count(*)::bigint AS n FROM public.${quoteIdent(table)}`);
    counts[table] = Number(result.rows[0].n);
  }
  return counts;
}

async function migrationsApplied(query: Query): Promise<string[]> {
  const { rows } = await query(
    `SELECT name FROM kysely_migration WHERE EXISTS (SELECT 1 FROM pg_tables WHERE schemaname = 'public' AND tablename = 'kysely_migration') ORDER BY name`,
  );
  return rows.map((r) => String(r.name));
}

/** Runs a command, resolving when it exits 0; otherwise the error carries what it printed. */
export function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new Error(`${command} was not found: install the PostgreSQL client programs (the same major version as the server, or newer) and put them on PATH`)
          : error,
      ),
    );
    child.on('close', (code) => (code === 0 ? resolve(output) : reject(new Error(`${command} failed: ${output.trim().split('\n').slice(-5).join(' ')}`))));
  });
}

/** The URL without its password (kept out of the process list), and the password for PGPASSWORD. */
export function forTools(url: string): { url: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return { url: parsed.toString(), env: password ? { ...process.env, PGPASSWORD: password } : { ...process.env } };
}

/** Photographs on disk under STORAGE_DIR, each with its size and time, in a stable order (half-written files skipped). */
function listPhotographs(storageDir: string): { path: string; key: string; size: number; mtime: Date }[] {
  if (!existsSync(storageDir)) return [];
  const found: { path: string; key: string; size: number; mtime: Date }[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const info = statSync(path);
      if (info.isDirectory()) walk(path);
      else if (info.isFile() && !name.endsWith('.partial'))
        found.push({ path, key: relative(storageDir, path).split(sep).join('/'), size: info.size, mtime: info.mtime });
    }
  };
  walk(storageDir);
  return found;
}

interface DatabaseSnapshot {
  kind: 'pglite' | 'postgres';
  serverVersion: string;
  tables: Record<string, number>;
  migrations: string[];
  /** Adds the database's own file to the archive. */
  write(tar: TarWriter): Promise<WrittenEntry>;
  /** Ends the snapshot (PostgreSQL keeps a transaction open until pg_dump has read everything). */
  release(): Promise<void>;
}

/**
 * The embedded database, copied whole. The pool has one connection: holding it means no
 * transaction of the app or of the job queue is open, so the copy has only committed work. A
 * CHECKPOINT first leaves nothing for recovery to replay.
 */
async function pgliteSnapshot(database: Database): Promise<DatabaseSnapshot> {
  const pglite = database.pglite;
  if (!pglite) throw new Error('The embedded database is not open in this process');
  const client = await database.pool.connect();
  try {
    const query: Query = (text) => client.query(text);
    const tables = await countTables(query);
    const migrations = await migrationsApplied(query);
    const serverVersion = String((await query('SHOW server_version')).rows[0].server_version);
    await client.query('CHECKPOINT');
    const dump = Buffer.from(await (await pglite.dumpDataDir('gzip')).arrayBuffer());
    return {
      kind: 'pglite',
      serverVersion,
      tables,
      migrations,
      write: (tar) => tar.addBuffer('database/pglite.tar.gz', dump),
      release: async () => {},
    };
  } finally {
    client.release();
  }
}

/**
 * PostgreSQL, with pg_dump in the custom format. The row counts are read in the same snapshot
 * pg_dump uses (exported from a repeatable-read transaction that stays open until it is done), so
 * they describe exactly what the dump holds. The job queue (schema pgboss) is left out: pg-boss
 * makes it again on start, and stale "active" jobs would only hold later ones back.
 */
async function postgresSnapshot(url: string, workDir: string): Promise<DatabaseSnapshot> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const snapshot = String((await client.query<{ s: string }>('SELECT pg_export_snapshot() AS s')).rows[0].s);
    const query: Query = (text) => client.query(text);
    const tables = await countTables(query);
    const migrations = await migrationsApplied(query);
    const serverVersion = String((await query('SHOW server_version')).rows[0].server_version);
    return {
      kind: 'postgres',
      serverVersion,
      tables,
      migrations,
      async write(tar) {
        const dumpPath = join(workDir, 'database.dump');
        const tool = forTools(url);
        await run('pg_dump', ['--format=custom', `--snapshot=${snapshot}`, '--exclude-schema=pgboss', `--file=${dumpPath}`, `--dbname=${tool.url}`], tool.env);
        const info = await stat(dumpPath);
        return tar.addFile('database/postgres.dump', dumpPath, info.size, info.mtime);
      },
      async release() {
        await client.query('COMMIT').catch(() => {});
        await client.end();
      },
    };
  } catch (error) {
    await client.end().catch(() => {});
    throw error;
  }
}

export interface BackupOptions {
  readonly config: Config;
  /** The open embedded database (the server's, or the command's own); not needed on PostgreSQL. */
  readonly database?: Database;
  readonly out: string;
}

/**
 * Writes one backup file: the audit anchors (read first, so every anchor in it is older than the
 * database copy), the database, every photograph, and last the manifest with each part's size and
 * SHA-256. Written under a temporary name and renamed when complete: a crash leaves no file that
 * looks like a backup.
 */
export async function createBackup({ config, database, out }: BackupOptions): Promise<BackupSummary> {
  if (existsSync(out)) throw new Error(`${out} already exists: choose a new file name for the backup`);
  await mkdir(dirname(out), { recursive: true, mode: 0o700 });
  const partial = join(dirname(out), `.${basename(out)}.${randomBytes(4).toString('hex')}.partial`);
  const workDir = await mkdtemp(join(tmpdir(), 'esafety-backup-'));
  const tar = await TarWriter.create(partial);
  let snapshot: DatabaseSnapshot | null = null;
  try {
    const anchorsPath = join(config.dataDir, anchorFileName);
    const anchors = existsSync(anchorsPath) ? readFileSync(anchorsPath) : null;
    snapshot = config.databaseUrl ? await postgresSnapshot(config.databaseUrl, workDir) : await pgliteSnapshot(requireDatabase(database));
    const databaseEntry = await snapshot.write(tar);
    await snapshot.release();
    await tar.addBuffer('database/roles.sql', Buffer.from(rolesSql(roles)));
    const photographs: WrittenEntry[] = [];
    for (const file of listPhotographs(config.storageDir)) {
      try {
        photographs.push(await tar.addFile(`storage/${file.key}`, file.path, file.size, file.mtime));
      } catch (error) {
        // Deleted by retention since it was listed: the database copy, taken earlier, may still name it.
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
    const auditAnchors = anchors ? await tar.addBuffer(`audit/${anchorFileName}`, anchors) : null;
    const manifest: BackupManifest = {
      format: backupFormat,
      version: 1,
      createdAt: new Date().toISOString(),
      database: { ...databaseEntry, kind: snapshot.kind, serverVersion: snapshot.serverVersion },
      roles,
      migrations: snapshot.migrations,
      tables: snapshot.tables,
      photographs,
      auditAnchors,
      ...(config.s3 ? { photographBucket: { endpoint: config.s3.endpoint, bucket: config.s3.bucket } } : {}),
    };
    await tar.addBuffer(manifestEntry, Buffer.from(JSON.stringify(manifest, null, 2)));
    await tar.finish();
    await rename(partial, out);
    const { size } = await stat(out);
    return {
      file: out,
      bytes: size,
      tables: Object.keys(manifest.tables).length,
      rows: Object.values(manifest.tables).reduce((a, b) => a + b, 0),
      photographs: photographs.length,
      photographBytes: photographs.reduce((a, p) => a + p.bytes, 0),
      photographBucket: manifest.photographBucket ? bucketName(manifest.photographBucket) : null,
    };
  } catch (error) {
    await snapshot?.release().catch(() => {});
    await tar.abandon();
    await rm(partial, { force: true });
    throw error;
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

function requireDatabase(database: Database | undefined): Database {
  if (!database?.pglite) throw new Error('The embedded database is not open in this process');
  return database;
}

/** Opens a backup and checks every part against the manifest before anything is restored. */
export async function openVerifiedBackup(path: string): Promise<{ reader: TarReader; manifest: BackupManifest }> {
  if (!existsSync(path)) throw new Error(`There is no file at ${path}`);
  const reader = await TarReader.open(path).catch((error: unknown) => {
    throw error instanceof NotABackupError ? error : new NotABackupError('it is not a tar file');
  });
  try {
    const entry = reader.find(manifestEntry);
    if (!entry) throw new NotABackupError('it has no manifest (was it copied completely?)');
    let manifest: BackupManifest;
    try {
      manifest = JSON.parse((await reader.read(entry)).toString('utf8')) as BackupManifest;
    } catch {
      throw new NotABackupError('its manifest cannot be read');
    }
    if (manifest.format !== backupFormat || manifest.version !== 1) throw new NotABackupError('it was not made by eSafety Office (or by a newer version)');
    for (const part of [manifest.database, ...manifest.photographs, ...(manifest.auditAnchors ? [manifest.auditAnchors] : [])]) {
      const stored = reader.find(part.entry);
      if (!stored) throw new NotABackupError(`${part.entry} is missing from it`);
      if (stored.size !== part.bytes || (await reader.sha256(stored)) !== part.sha256)
        throw new NotABackupError(`${part.entry} is damaged (its checksum does not match)`);
    }
    return { reader, manifest };
  } catch (error) {
    await reader.close();
    throw error;
  }
}

/** Notes a backup (or a failed one) for the home page. */
export async function recordBackupRun(
  db: Kysely<DB>,
  run:
    | { startedAt: Date; trigger: 'nightly' | 'command'; ok: true; file: string; bytes: number }
    | { startedAt: Date; trigger: 'nightly' | 'command'; ok: false; error: string },
): Promise<void> {
  await db
    .insertInto('backup_runs')
    .values(
      run.ok
        ? { started_at: run.startedAt, trigger: run.trigger, ok: true, file_name: run.file, bytes: run.bytes }
        : { started_at: run.startedAt, trigger: run.trigger, ok: false, error: run.error.slice(0, 500) },
    )
    .execute();
}

export const bucketName = (b: { endpoint: string; bucket: string }) => `bucket "${b.bucket}" at ${b.endpoint}`;

export const describeBackup = (s: BackupSummary) =>
  `Backed up ${s.tables} tables (${s.rows} rows) and ${s.photographs} photograph${s.photographs === 1 ? '' : 's'}${s.photographBucket ? ' from the folder' : ''} (${megabytes(s.photographBytes)}) to ${s.file} (${megabytes(s.bytes)}).` +
  (s.photographBucket
    ? ` The photographs in the ${s.photographBucket} (STORAGE_DRIVER=s3) are not in this backup: keep them safe with the store's own tools (versioning, replication or a copy of the bucket).`
    : '');

export const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
