import { join } from 'node:path';
import type { Config } from '../../config.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { openDatabase, type Database } from './database.ts';
import { migrateToLatest } from './migrate.ts';

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
  const release = lockDataDir(config.dataDir, what);
  try {
    // The database in its own folder, beside the lock file and the photo storage.
    const database = await openDatabase({ dataDir: join(config.dataDir, 'pglite') });
    await migrateToLatest(database.db);
    return { ...database, close: async () => { try { await database.close(); } finally { release(); } } };
  } catch (error) {
    release();
    throw error;
  }
}
