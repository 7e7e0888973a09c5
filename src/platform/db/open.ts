import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../../config.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { openDatabase, type Database } from './database.ts';
import { migrateToLatest } from './migrate.ts';

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
  if (config.databaseUrl) {
    const database = await openDatabase({ url: config.databaseUrl });
    await migrateToLatest(database.db);
    return database;
  }
  makeDataDirPrivate(config.dataDir);
  const release = lockDataDir(config.dataDir, what);
  try {
    // The database in its own folder, beside the lock file and the photo storage.
    const database = await openDatabase({ dataDir: join(config.dataDir, 'pglite') });
    await migrateToLatest(database.db);
    makeDataDirPrivate(config.dataDir);
    return {
      ...database,
      close: async () => {
        try {
          await database.close();
          makeDataDirPrivate(config.dataDir);
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
