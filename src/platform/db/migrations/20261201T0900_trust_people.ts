import { sql, type Kysely } from 'kysely';
import { isolateBySchool } from '../row-level-security.ts';

/**
 * A change of a member of staff's e-mail address that came from the MIS import. The import never
 * changes an address itself (a new address would receive the password resets); the headteacher
 * applies it from the staff page.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
CREATE TABLE staff_email_changes_held (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  school_id uuid NOT NULL REFERENCES schools(id),
  staff_id uuid NOT NULL REFERENCES staff(id),
  sourced_id text NOT NULL,
  from_email text,
  to_email text NOT NULL,
  held_at timestamptz NOT NULL DEFAULT now(),
  applied_at timestamptz,
  applied_by uuid REFERENCES staff(id)
);
-- At most one change waits per person: a later import replaces it.
CREATE UNIQUE INDEX staff_email_changes_held_waiting ON staff_email_changes_held (staff_id) WHERE applied_at IS NULL;
`,
    )
    .execute(db);
  await isolateBySchool(db, 'staff_email_changes_held');
}

export async function down(): Promise<void> {
  throw new Error('The trust_people migration cannot be undone');
}
