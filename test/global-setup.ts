import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { migratedPglite, pgliteTemplateEnv, templateTarball } from './helpers/database.ts';
import { dataFolderTemplateEnv, makeDataFolderTemplate } from './helpers/data-folder.ts';

/**
 * Migrate once before the tests start. PGlite: a migrated data folder as a tarball that each test
 * database loads. PostgreSQL: a template database each test file copies (CREATE DATABASE …
 * TEMPLATE), which is quick and avoids migrating concurrently.
 */
export default async function setup(): Promise<() => Promise<void>> {
  // PGlite: migrate once, and let every test file load the migrated data folder (much quicker than
  // starting PGlite's initdb and migrating in each file). PostgreSQL's template is made meanwhile.
  const folder = await mkdtemp(join(tmpdir(), 'esafety-test-'));
  const file = join(folder, 'pglite-template.tar');
  const pgliteReady = (async () => {
    const pglite = await migratedPglite();
    await writeFile(file, await templateTarball(pglite));
    await pglite.close();
    process.env[pgliteTemplateEnv] = file;
  })();
  // A data folder as the server leaves it after its first start, for the CLI tests to copy.
  const dataFolder = join(folder, 'data');
  const dataFolderReady = makeDataFolderTemplate(dataFolder).then(() => {
    process.env[dataFolderTemplateEnv] = dataFolder;
  });
  const teardown = () => rm(folder, { recursive: true, force: true });
  const [postgresTeardown] = await Promise.all([postgresTemplate(), pgliteReady, dataFolderReady]);
  return async () => {
    await teardown();
    await postgresTeardown?.();
  };
}

/** PostgreSQL (when TEST_DATABASE_URL is set): a migrated template database; returns what drops it. */
async function postgresTemplate(): Promise<(() => Promise<void>) | null> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return null;
  // Names carry this run's process id, so two runs on one server (a developer's and CI's) keep
  // apart; leftovers of a run whose process has gone are dropped.
  const run = String(process.pid);
  const templateName = `esafety_test_${run}_template`;
  process.env.ESAFETY_TEST_RUN = run;
  process.env.ESAFETY_PG_TEMPLATE = templateName;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const { rows } = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'esafety\\_test\\_%'");
  for (const { datname } of rows) {
    const owner = /^esafety_test_(\d+)_/.exec(datname)?.[1];
    if (owner && owner !== run && processAlive(Number(owner))) continue;
    await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  }
  await admin.query(`CREATE DATABASE ${templateName}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${templateName}`;
  const database = await openDatabase({ url: target.toString() });
  await migrateToLatest(database.db);
  await database.close();
  return async () => {
    const dropper = new pg.Client({ connectionString: url });
    await dropper.connect();
    await dropper.query(`DROP DATABASE IF EXISTS ${templateName} WITH (FORCE)`);
    await dropper.end();
  };
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
