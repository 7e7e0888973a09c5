import { sql, type Kysely } from 'kysely';
import { isolateBySchool, makeAppendOnly } from '../row-level-security.ts';

/**
 * Families raise concerns through the school's public contact form: such a concern has no member
 * of staff as its reporter (nor as the one who added its screenshot). Who the family is, how to
 * reach them, the reference they were given and what they were told are kept beside the concern,
 * appended and never changed, like the concern itself.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
ALTER TABLE concerns ALTER COLUMN reported_by DROP NOT NULL;
ALTER TABLE concern_evidence ALTER COLUMN added_by DROP NOT NULL;

CREATE TABLE concern_family_contacts (
  concern_id uuid PRIMARY KEY REFERENCES concerns(id),
  school_id uuid NOT NULL REFERENCES schools(id),
  reference text NOT NULL,
  name text NOT NULL,
  email text NOT NULL,
  phone text,
  relationship text NOT NULL,
  told text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (school_id, reference)
);
`,
    )
    .execute(db);
  await isolateBySchool(db, 'concern_family_contacts', 'append-only');
  await makeAppendOnly(db, 'concern_family_contacts');
}

export async function down(): Promise<void> {
  throw new Error('The oversight migration cannot be undone: concerns raised by families are kept');
}
