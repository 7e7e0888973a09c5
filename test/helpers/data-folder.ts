import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.ts';
import { openAppDatabase } from '../../src/platform/db/open.ts';

/** Where global set-up leaves a data folder whose embedded database is created and migrated. */
export const dataFolderTemplateEnv = 'ESAFETY_DATA_FOLDER_TEMPLATE';

/**
 * Makes a data folder as the server leaves it after its first start (the embedded database created
 * and migrated), once per run (test/global-setup.ts). The umask the app sets for its folder is put
 * back, so the test processes start with the usual one.
 */
export async function makeDataFolderTemplate(dataDir: string): Promise<void> {
  const umask = process.umask();
  try {
    const database = await openAppDatabase(loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir }), 'test template');
    await database.close();
  } finally {
    process.umask(umask);
  }
}

/**
 * A new data folder for a test whose subject is not the first start: a copy of the template, so
 * the test does not spend 7–10 s of CPU on PGlite's initdb and the migrations (measured). Tests of
 * the first start itself (startup.test.ts, the folder's permissions) use an empty folder. Outside
 * vitest's global set-up there is no template, and the folder starts empty.
 */
export function migratedDataFolder(prefix: string): string {
  return copyOfTemplate(mkdtempSync(join(tmpdir(), prefix)));
}

/** Fills the folder `dir` (made if missing) with a copy of the template, as migratedDataFolder does. */
export function copyOfTemplate(dir: string): string {
  const template = process.env[dataFolderTemplateEnv];
  if (template) cpSync(template, dir, { recursive: true });
  return dir;
}
