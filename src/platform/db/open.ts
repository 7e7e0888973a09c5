import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../../config.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { openDatabase, type Database } from './database.ts';
import { migrateToLatest } from './migrate.ts';
import { checkDatabaseUrl, dataDirProblem, postgresProblem, StartupError } from './startup-errors.ts';

/**
 * The data folder holds the whole database (its WAL too), photographs and the audit anchors: only
 * the account that runs eSafety Office may read it, whatever the umask. From here on the process
 * creates files 0600 and folders 0700, and whatever is readable by others is closed: PGlite's
 * file system sets its files' modes itself (0666, umask or not), so this runs again once the
 * database is open and when it closes; in between, the 0700 folders keep everyone else out.
 */
export function makeDataDirPrivate(dataDir: string): void {
  process.umask(0o077);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const walk = (path: string) => {
    const stat = lstatSync(path);
    if (stat.isSymbolicLink()) return;
    if (stat.isDirectory()) {
      if ((stat.mode & 0o777) !== 0o700) chmodSync(path, 0o700);
      for (const name of readdirSync(path)) walk(join(path, name));
    } else if ((stat.mode & 0o077) !== 0) {
      chmodSync(path, stat.mode & 0o700);
    }
  };
  walk(dataDir);
}

/**
 * The database the server and the CLI share: PostgreSQL when DATABASE_URL is set, otherwise the
 * embedded PGlite folder, locked so that only one process opens it at a time.
 */
export async function openAppDatabase(config: Config, what: string): Promise<Database> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl);
  try {
    makeDataDirPrivate(config.dataDir);
  } catch (error) {
    throw dataDirProblem(error, config.dataDir) ?? error;
  }
  let release: () => void;
  try {
    release = lockDataDir(config.dataDir, what);
  } catch (error) {
    throw dataDirProblem(error, config.dataDir) ?? error;
  }
  // The database in its own folder, beside the lock file and the photo storage.
  const pgliteDir = join(config.dataDir, 'pglite');
  const firstStart = !existsSync(pgliteDir);
  let database: Database | null = null;
  try {
    database = await openDatabase({ dataDir: pgliteDir, thread: config.pgliteThread });
    await migrateToLatest(database.db);
    makeDataDirPrivate(config.dataDir);
    const opened = database;
    return {
      ...opened,
      close: async () => {
        try {
          await opened.close();
          makeDataDirPrivate(config.dataDir);
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    await database?.close().catch(() => {});
    // A database half-created on a first start (a full disk) would fail the next start too: it goes.
    if (firstStart) rmSync(pgliteDir, { recursive: true, force: true });
    release();
    const cause = error instanceof StartupError ? (error.cause ?? error) : error;
    throw dataDirProblem(cause, config.dataDir) ?? error;
  }
}

/** PostgreSQL: the address checked, the server reached (within a time limit), then the migrations. */
async function openPostgres(url: string): Promise<Database> {
  checkDatabaseUrl(url);
  const database = await openDatabase({ url });
  try {
    await database.pool.query('SELECT 1');
  } catch (error) {
    await database.close().catch(() => {});
    throw postgresProblem(error, url);
  }
  try {
    await migrateToLatest(database.db);
  } catch (error) {
    await database.close().catch(() => {});
    throw error;
  }
  return database;
}
