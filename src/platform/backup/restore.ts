import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import pg from 'pg';
import type { Config } from '../../config.ts';
import { anchorFileName } from '../audit/anchors.ts';
import { verifyAuditChain } from '../audit/audit.ts';
import { lockDataDir } from '../db/data-dir-lock.ts';
import { openDatabase, type Database } from '../db/database.ts';
import { makeDataDirPrivate } from '../db/open.ts';
import type { TarReader } from './archive.ts';
import { bucketName, countTables, forTools, openVerifiedBackup, rolesSql, run, type BackupManifest } from './backup.ts';

export interface RestoreOptions {
  readonly config: Config;
  readonly file: string;
  /** Send the e-mails that were waiting in the outbox when the backup was made (otherwise they are held). */
  readonly resendUnsent: boolean;
}

export interface RestoreSummary {
  readonly kind: 'pglite' | 'postgres';
  readonly backupMadeAt: string;
  readonly tables: number;
  readonly rows: number;
  readonly photographs: number;
  /** Where the photographs were when the backup was made, if in a bucket (not in the backup): bucket "NAME" at ENDPOINT. */
  readonly photographBucket: string | null;
  readonly auditEntries: number;
  readonly unsentMail: number;
  readonly mailHeld: boolean;
  readonly rolesCreated: readonly string[];
}

/** A restore that would overwrite something: nothing was changed. */
export class RestoreTargetNotEmptyError extends Error {}

export const heldAfterRestore = 'Held after a restore from a backup: it may have been sent before the backup was made.';

const photoPath = (storageDir: string, key: string) => {
  const base = resolve(storageDir);
  const path = resolve(join(base, key));
  if (!path.startsWith(base + sep) || !/^[a-z0-9-]+(\/[a-z0-9-]+)*\.[a-z]{3,4}$/.test(key))
    throw new Error(`The backup names a photograph outside the storage folder: ${key}`);
  return path;
};

const hasFiles = (dir: string): boolean =>
  existsSync(dir) && readdirSync(dir, { withFileTypes: true }).some((e) => (e.isDirectory() ? hasFiles(join(dir, e.name)) : true));

/**
 * Restores a backup into an empty data folder (embedded database) or an empty PostgreSQL database
 * (DATABASE_URL), with its photographs into an empty STORAGE_DIR. Every part is checked against
 * the backup's manifest first; afterwards every table's row count is compared with the manifest
 * and the audit chain is verified. E-mails that were waiting to be sent are held unless
 * `resendUnsent` says otherwise: the backup cannot know whether they went out after it was made.
 */
export async function restoreBackup({ config, file, resendUnsent }: RestoreOptions): Promise<RestoreSummary> {
  const { reader, manifest } = await openVerifiedBackup(file);
  const created: string[] = [];
  let release: (() => void) | null = null;
  let database: Database | null = null;
  let rolesCreated: string[] = [];
  try {
    const storageEmpty = () => {
      if (hasFiles(config.storageDir))
        throw new RestoreTargetNotEmptyError(`The photograph folder ${config.storageDir} is not empty: restore only into an empty folder.`);
    };
    if (config.databaseUrl) {
      if (manifest.database.kind !== 'postgres')
        throw new Error('This backup is of the embedded database: restore it without DATABASE_URL set, into an empty DATA_DIR.');
      const target = await openPostgresTarget(config.databaseUrl, manifest, storageEmpty);
      rolesCreated = target.rolesCreated;
      await pgRestore(reader, manifest, config.databaseUrl);
      database = await openDatabase({ url: config.databaseUrl });
    } else {
      if (manifest.database.kind !== 'pglite')
        throw new Error('This backup is of a PostgreSQL database: restore it with DATABASE_URL set to an empty database.');
      makeDataDirPrivate(config.dataDir);
      release = lockDataDir(config.dataDir, 'esafety restore');
      const pgliteDir = join(config.dataDir, 'pglite');
      if (hasFiles(pgliteDir))
        throw new RestoreTargetNotEmptyError(`The data folder ${config.dataDir} already holds a database: restore only into an empty data folder.`);
      if (existsSync(join(config.dataDir, anchorFileName)))
        throw new RestoreTargetNotEmptyError(
          `The data folder ${config.dataDir} already holds audit anchors (${anchorFileName}): restore only into an empty data folder.`,
        );
      storageEmpty();
      created.push(pgliteDir);
      const dump = await reader.read(reader.find(manifest.database.entry)!);
      const pglite = await PGlite.create(pgliteDir, { loadDataDir: new Blob([new Uint8Array(dump)]) });
      database = await openDatabase({ pglite, ownsPglite: true });
      // The job queue starts afresh, as on PostgreSQL where it is not in the dump.
      await sql`DROP SCHEMA IF EXISTS pgboss CASCADE`.execute(database.db);
    }
    const unsentMail = await holdUnsentMail(database, resendUnsent);
    const counts = await countTables((text) => database!.pool.query(text));
    for (const [table, rows] of Object.entries(manifest.tables)) {
      if (counts[table] !== rows) throw new Error(`The restored table ${table} has ${counts[table] ?? 0} rows where the backup recorded ${rows}`);
    }
    const chain = await verifyAuditChain(database.db);
    if (!chain.ok) throw new Error(`The restored audit log is broken at entry ${chain.brokenId}: ${chain.reason}`);
    await database.close();
    database = null;

    for (const photo of manifest.photographs) {
      const path = photoPath(config.storageDir, photo.entry.replace(/^storage\//, ''));
      await mkdir(dirname(path), { recursive: true, mode: 0o700 });
      const partial = `${path}.${randomBytes(4).toString('hex')}.partial`;
      created.push(path, partial);
      await pipeline(Readable.from(reader.chunks(reader.find(photo.entry)!)), createWriteStream(partial, { mode: 0o600 }));
      await rename(partial, path);
    }
    if (manifest.auditAnchors) {
      const anchors = join(config.dataDir, anchorFileName);
      await mkdir(config.dataDir, { recursive: true, mode: 0o700 });
      created.push(anchors);
      writeFileSync(anchors, await reader.read(reader.find(manifest.auditAnchors.entry)!), { mode: 0o600, flag: 'wx' });
    }
    if (!config.databaseUrl) makeDataDirPrivate(config.dataDir);
    return {
      kind: manifest.database.kind,
      backupMadeAt: manifest.createdAt,
      tables: Object.keys(manifest.tables).length,
      rows: Object.values(manifest.tables).reduce((a, b) => a + b, 0),
      photographs: manifest.photographs.length,
      photographBucket: manifest.photographBucket ? bucketName(manifest.photographBucket) : null,
      auditEntries: chain.entries,
      unsentMail,
      mailHeld: !resendUnsent,
      rolesCreated,
    };
  } catch (error) {
    await database?.close().catch(() => {});
    // Nothing half-restored is left in the folders: they are as empty as they were.
    if (!(error instanceof RestoreTargetNotEmptyError)) for (const path of created.reverse()) await rm(path, { recursive: true, force: true });
    throw error;
  } finally {
    release?.();
    await reader.close();
  }
}

/** Unsent e-mails are held (never due) and say why on the "Sent mail" page, unless the restore says to send them. */
async function holdUnsentMail(database: Database, resend: boolean): Promise<number> {
  const unsent = await database.db
    .selectFrom('outbox')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('sent_at', 'is', null)
    .executeTakeFirstOrThrow();
  if (!resend) {
    await database.db
      .updateTable('outbox')
      .set({ next_attempt_at: sql<Date>`'infinity'::timestamptz`, last_error: heldAfterRestore })
      .where('sent_at', 'is', null)
      .execute();
  }
  return Number(unsent.n);
}

/**
 * The target database must have no tables. The roles the backup's grants name are created when
 * missing (a fresh cluster has no app_user), and the restoring account made a member, as the first
 * migration does.
 */
async function openPostgresTarget(url: string, manifest: BackupManifest, storageEmpty: () => void): Promise<{ rolesCreated: string[] }> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string; db: string }>(
      `SELECT count(*) AS n, current_database() AS db FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')`,
    );
    if (Number(rows[0].n) > 0)
      throw new RestoreTargetNotEmptyError(
        `The database ${rows[0].db} already has ${rows[0].n} table${rows[0].n === '1' ? '' : 's'}: restore only into an empty database (for example one made with "createdb").`,
      );
    storageEmpty();
    const rolesCreated: string[] = [];
    for (const role of manifest.roles) {
      const exists = (await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role.name])).rowCount;
      try {
        await client.query(rolesSql([role]));
      } catch (error) {
        const user = (await client.query<{ u: string }>('SELECT current_user AS u')).rows[0].u;
        throw new Error(
          `The role ${role.name} is needed and ${user} may not create it or join it (${(error as Error).message}). As a PostgreSQL superuser run: CREATE ROLE ${role.name} NOLOGIN; GRANT ${role.name} TO ${user};`,
          { cause: error },
        );
      }
      if (!exists) rolesCreated.push(role.name);
    }
    return { rolesCreated };
  } finally {
    await client.end();
  }
}

/** pg_restore in one transaction: either the whole database is restored or nothing is. */
async function pgRestore(reader: TarReader, manifest: BackupManifest, url: string): Promise<void> {
  const workDir = await mkdtemp(join(tmpdir(), 'esafety-restore-'));
  try {
    const dumpPath = join(workDir, 'database.dump');
    await pipeline(Readable.from(reader.chunks(reader.find(manifest.database.entry)!)), createWriteStream(dumpPath, { mode: 0o600 }));
    const tool = forTools(url);
    await run('pg_restore', ['--no-owner', '--exit-on-error', '--single-transaction', `--dbname=${tool.url}`, dumpPath], tool.env);
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}
