import { sql, type Kysely } from 'kysely';
import { platformRole, platformRoleSql } from '../row-level-security.ts';

/**
 * The platform's way into school tables (`platform_access`) applies to the platform role only, not
 * to app_user: for app_user it was ORed with school isolation, so no list could use the school_id
 * index and every school's page read every school's rows (issue 17, point 13: the pupils API at 0.16
 * of one school's speed among 500). The owner is made a member of the role and keeps its way in.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(platformRoleSql).execute(db);
  const { rows } = await sql<{ table: string }>`
    SELECT tablename AS table FROM pg_policies WHERE schemaname = 'public' AND policyname = 'platform_access' ORDER BY tablename`.execute(db);
  for (const { table } of rows) await sql.raw(`ALTER POLICY platform_access ON "${table}" TO ${platformRole};`).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('The platform-role migration cannot be undone');
}
