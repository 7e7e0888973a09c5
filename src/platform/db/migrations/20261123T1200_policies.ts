import { sql, type Kysely } from 'kysely';
import { grantSequences, isolateBySchool, makeAppendOnly } from '../row-level-security.ts';

/**
 * Policies (POL-1…5): the register, versions with their text or original file, approval with
 * signatures, review reminders and staff acknowledgements. An approved version is locked by a
 * trigger, so not even a faulty repository can change what the governors signed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
CREATE TABLE policies (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  school_id uuid NOT NULL REFERENCES schools(id),
  slug text NOT NULL,
  title text NOT NULL,
  kind text NOT NULL DEFAULT 'other',
  owner_id uuid REFERENCES staff(id),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'awaiting-approval', 'approved', 'withdrawn')),
  review_interval_months integer NOT NULL DEFAULT 12 CHECK (review_interval_months BETWEEN 1 AND 60),
  applies_to text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (school_id, slug)
);

-- "Linked policies" (003): by title, and to the policy in the register once it is there.
CREATE TABLE policy_links (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  school_id uuid NOT NULL REFERENCES schools(id),
  policy_id uuid NOT NULL REFERENCES policies(id) ON DELETE CASCADE,
  linked_title text NOT NULL,
  linked_policy_id uuid REFERENCES policies(id) ON DELETE SET NULL,
  UNIQUE (policy_id, linked_title)
);

CREATE TABLE policy_versions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  school_id uuid NOT NULL REFERENCES schools(id),
  policy_id uuid NOT NULL REFERENCES policies(id),
  number integer NOT NULL CHECK (number > 0),
  body_markdown text,
  original_file bytea,
  original_mime text,
  original_name text,
  change_summary text NOT NULL DEFAULT '',
  -- withdrawn: taken back from approval; its text goes on in a new draft, its signatures stay with it.
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'awaiting-approval', 'approved', 'withdrawn')),
  approving_body text,
  meeting_date date,
  minute_ref text,
  -- [{ "title": "Headteacher", "staffId": "…", "name": "…" }]: who must sign before it is approved.
  signatories jsonb NOT NULL DEFAULT '[]',
  approved_on date,
  last_reviewed date,
  -- A date, or the first day of the term when the policy names only a term ("Autumn 2022").
  next_review_due date,
  next_review_term text,
  -- What an import found on the paper copy (its own approval, review dates and signatories).
  imported jsonb,
  created_by uuid REFERENCES staff(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (policy_id, number)
);

CREATE FUNCTION policy_version_is_locked() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF OLD.status IN ('approved', 'withdrawn') THEN
    RAISE EXCEPTION 'policy version % is % and cannot be changed', OLD.number, OLD.status;
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER policy_versions_locked BEFORE UPDATE OR DELETE ON policy_versions
  FOR EACH ROW EXECUTE FUNCTION policy_version_is_locked();

CREATE TABLE policy_signatures (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  school_id uuid NOT NULL REFERENCES schools(id),
  version_id uuid NOT NULL REFERENCES policy_versions(id),
  staff_id uuid NOT NULL REFERENCES staff(id),
  role_title text NOT NULL,
  typed_name text NOT NULL,
  signed_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (version_id, role_title)
);

CREATE TABLE policy_acknowledgements (
  school_id uuid NOT NULL REFERENCES schools(id),
  version_id uuid NOT NULL REFERENCES policy_versions(id),
  staff_id uuid NOT NULL REFERENCES staff(id),
  acknowledged_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (version_id, staff_id)
);

-- One review reminder per approved version, however often the daily job runs.
CREATE TABLE policy_review_reminders (
  school_id uuid NOT NULL REFERENCES schools(id),
  version_id uuid NOT NULL REFERENCES policy_versions(id),
  sent_at timestamptz NOT NULL,
  PRIMARY KEY (version_id)
);
`,
    )
    .execute(db);
  for (const table of ['policies', 'policy_links', 'policy_versions']) await isolateBySchool(db, table);
  for (const table of ['policy_signatures', 'policy_acknowledgements', 'policy_review_reminders']) {
    await isolateBySchool(db, table, 'append-only');
    await makeAppendOnly(db, table);
  }
  await grantSequences(db);
}

export async function down(): Promise<void> {
  throw new Error('The policies migration cannot be undone');
}
