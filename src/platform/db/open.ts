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
    const database = await openDatabase({ dataDir: config.dataDir });
    await migrateToLatest(database.db);
    return { ...database, close: async () => { try { await database.close(); } finally { release(); } } };
  } catch (error) {
    release();
    throw error;
  }
}
