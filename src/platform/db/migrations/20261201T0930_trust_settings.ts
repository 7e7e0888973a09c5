import { sql, type Kysely } from 'kysely';
import { makeAppendOnly } from '../row-level-security.ts';

/**
 * Settings versions are history like consent decisions and concern records: each change is a new
 * version (settings.service saveSettings), so the app role loses UPDATE and DELETE and a trigger
 * refuses both even to the table's owner.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw('REVOKE UPDATE, DELETE ON school_settings FROM app_user;').execute(db);
  await makeAppendOnly(db, 'school_settings');
}

export async function down(): Promise<void> {
  throw new Error('The trust settings migration cannot be undone: settings versions are kept');
}
