import { sql, type Kysely } from 'kysely';

/**
 * Indexes for the questions every page asks; test/integration/indexes.test.ts shows each in EXPLAIN.
 * - each carer's latest consent answer per pupil and purpose (DISTINCT ON … ORDER BY recorded_at DESC);
 * - who in a school holds a role (routing, approvals, notices).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
CREATE INDEX consent_decisions_latest ON consent_decisions (pupil_id, purpose, carer_id, recorded_at DESC, id DESC);
DROP INDEX consent_decisions_pupil;
CREATE INDEX staff_roles_role ON staff_roles (school_id, role);
`,
    )
    .execute(db);
}

export async function down(): Promise<void> {
  throw new Error('The query indexes migration cannot be undone');
}
