import pg from 'pg';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';

/**
 * On PostgreSQL, migrate one template database before the tests start; each test file then
 * copies it (CREATE DATABASE … TEMPLATE), which is quick and avoids migrating concurrently.
 */
export default async function setup(): Promise<void> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return;
  const templateName = 'esafety_test_template';
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  // Leftovers of an interrupted run.
  const { rows } = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'esafety_test_%'");
  for (const row of rows) await admin.query(`DROP DATABASE IF EXISTS ${row.datname} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${templateName}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${templateName}`;
  const database = await openDatabase({ url: target.toString() });
  await migrateToLatest(database.db);
  await database.close();
}
