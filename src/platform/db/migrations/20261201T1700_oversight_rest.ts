import { sql, type Kysely } from 'kysely';

/**
 * The rest of oversight (issues 12 and 13):
 * - a label on each API token, so the token page can say which filter or product holds it;
 * - trusts: which schools a trust holds and who leads it. These are the installation's own tables,
 *   like `schools`: set by whoever runs the server (`esafety trust …`), never granted to `app_user`,
 *   so no school's transaction can read or change them. The trust view reads each member school's
 *   counts inside that school's own transaction.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
ALTER TABLE api_tokens ADD COLUMN label text CHECK (label IS NULL OR length(label) BETWEEN 1 AND 80);

CREATE TABLE trusts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 150),
  created_at timestamptz NOT NULL DEFAULT now()
);
-- "member_school_id", not "school_id": the row belongs to the installation, not to the school.
CREATE TABLE trust_schools (
  trust_id uuid NOT NULL REFERENCES trusts(id),
  member_school_id uuid NOT NULL UNIQUE REFERENCES schools(id),
  PRIMARY KEY (trust_id, member_school_id)
);
-- The member of staff (an account in one of the trust's schools) who leads the trust.
CREATE TABLE trust_leads (
  trust_id uuid NOT NULL REFERENCES trusts(id),
  lead_staff_id uuid NOT NULL REFERENCES staff(id),
  PRIMARY KEY (trust_id, lead_staff_id)
);
`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`DROP TABLE trust_leads; DROP TABLE trust_schools; DROP TABLE trusts; ALTER TABLE api_tokens DROP COLUMN label;`).execute(db);
}
