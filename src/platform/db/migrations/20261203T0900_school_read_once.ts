import { sql, type Kysely } from 'kysely';
import { platformWayIn, schoolOfTransaction } from '../row-level-security.ts';

/**
 * Every school table's policies read the transaction's school once per statement instead of once
 * per row (row-level-security.ts, `schoolOfTransaction`): the same rule, evaluated as a sub-select.
 * On the class page the embedded database's time per page fell by about a third (issue 17, point 10).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const { rows } = await sql<{ table: string; policy: string; checks: boolean }>`
    SELECT tablename AS table, policyname AS policy, with_check IS NOT NULL AS checks FROM pg_policies
    WHERE schemaname = 'public' AND policyname IN ('school_isolation', 'platform_access') ORDER BY tablename, policyname`.execute(db);
  for (const { table, policy, checks } of rows) {
    // The schools table is its own school: its row is the one whose id is set.
    const rule = policy === 'platform_access' ? `(${platformWayIn})` : `(${table === 'schools' ? 'id' : 'school_id'} = ${schoolOfTransaction})`;
    await sql.raw(`ALTER POLICY ${policy} ON "${table}" USING ${rule}${checks ? ` WITH CHECK ${rule}` : ''};`).execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('The school-read-once migration cannot be undone');
}
