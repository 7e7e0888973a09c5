import { sql, type Kysely } from 'kysely';

/**
 * The rest of oversight (issues 12 and 13):
 * - a label on each API token, so the token page can say which filter or product holds it;
 * - trusts: which schools a trust holds and who leads it. These are the installation's own tables,
 *   like `schools`: set by whoever runs the server (`esafety trust …`), never granted to `app_user`,
 *   so no school's transaction can read or change them. The trust view reads each member school's
 *   counts inside that school's own transaction;
 * - leavers' consent answers may be destroyed by the retention job (IRMS: a year after leaving):
 *   the one DELETE the append-only consent history allows, and only from the owner (app_user has no
 *   DELETE on it at all) inside a transaction marked `app.retention = 'leavers'`
 *   (platform/db/school-database.ts, destroyConsentAnswers). Concerns stay strictly append-only.
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

CREATE FUNCTION append_only_but_retention() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF TG_OP = 'DELETE' AND current_user <> 'app_user' AND current_setting('app.retention', true) = 'leavers' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END $f$;
DROP TRIGGER consent_decisions_append_only ON consent_decisions;
CREATE TRIGGER consent_decisions_append_only BEFORE UPDATE OR DELETE ON consent_decisions
  FOR EACH ROW EXECUTE FUNCTION append_only_but_retention();
`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `DROP TRIGGER consent_decisions_append_only ON consent_decisions;
CREATE TRIGGER consent_decisions_append_only BEFORE UPDATE OR DELETE ON consent_decisions FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
DROP FUNCTION append_only_but_retention();
DROP TABLE trust_leads; DROP TABLE trust_schools; DROP TABLE trusts; ALTER TABLE api_tokens DROP COLUMN label;`,
    )
    .execute(db);
}
