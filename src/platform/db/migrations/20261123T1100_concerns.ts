import { sql, type Kysely } from 'kysely';
import { grantSequences, isolateBySchool, makeAppendOnly } from '../row-level-security.ts';

/**
 * Concerns and incidents (INC-1…7). Every concern table is append-only: a report is "recorded in
 * writing, signed and dated" (001 §10), so corrections, actions, reads and the outcome are added
 * as new rows and the status is worked out from them. Only the class-teacher list is editable.
 */
const appendOnlyTables = ['concerns', 'concern_people', 'concern_evidence', 'concern_routes', 'concern_reads', 'concern_entries'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
CREATE TABLE class_teachers (
  school_id uuid NOT NULL REFERENCES schools(id),
  class_id uuid NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
  staff_id uuid NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
  PRIMARY KEY (class_id, staff_id)
);

CREATE TABLE concerns (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  school_id uuid NOT NULL REFERENCES schools(id),
  type text NOT NULL,
  summary text NOT NULL,
  details text NOT NULL,
  occurred_at timestamptz NOT NULL,
  location text NOT NULL CHECK (location IN ('in-school', 'out-of-school')),
  out_of_hours boolean NOT NULL DEFAULT false,
  platform text,
  involves_nude_images boolean NOT NULL DEFAULT false,
  restricted boolean NOT NULL DEFAULT false,
  reported_by uuid NOT NULL REFERENCES staff(id),
  reported_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX concerns_school_reported ON concerns (school_id, reported_at);

CREATE TABLE concern_people (
  id bigserial PRIMARY KEY,
  school_id uuid NOT NULL REFERENCES schools(id),
  concern_id uuid NOT NULL REFERENCES concerns(id),
  kind text NOT NULL CHECK (kind IN ('pupil', 'staff', 'carer', 'other')),
  pupil_id uuid REFERENCES pupils(id),
  staff_id uuid REFERENCES staff(id),
  carer_id uuid REFERENCES carers(id),
  name text,
  CHECK ((kind = 'pupil') = (pupil_id IS NOT NULL) AND (kind = 'staff') = (staff_id IS NOT NULL)
     AND (kind = 'carer') = (carer_id IS NOT NULL) AND (kind = 'other') = (name IS NOT NULL))
);
CREATE INDEX concern_people_concern ON concern_people (concern_id);
CREATE INDEX concern_people_pupil ON concern_people (pupil_id) WHERE pupil_id IS NOT NULL;
CREATE INDEX concern_people_staff ON concern_people (staff_id) WHERE staff_id IS NOT NULL;
CREATE INDEX concern_people_carer ON concern_people (carer_id) WHERE carer_id IS NOT NULL;

CREATE TABLE concern_evidence (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  school_id uuid NOT NULL REFERENCES schools(id),
  concern_id uuid NOT NULL REFERENCES concerns(id),
  url text,
  file_name text,
  content_type text,
  content bytea,
  size_bytes integer,
  added_by uuid NOT NULL REFERENCES staff(id),
  added_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((url IS NULL) <> (content IS NULL))
);
CREATE INDEX concern_evidence_concern ON concern_evidence (concern_id);

CREATE TABLE concern_routes (
  school_id uuid NOT NULL REFERENCES schools(id),
  concern_id uuid NOT NULL REFERENCES concerns(id),
  staff_id uuid NOT NULL REFERENCES staff(id),
  reason text NOT NULL,
  routed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (concern_id, staff_id)
);
CREATE INDEX concern_routes_staff ON concern_routes (staff_id);

CREATE TABLE concern_reads (
  school_id uuid NOT NULL REFERENCES schools(id),
  concern_id uuid NOT NULL REFERENCES concerns(id),
  staff_id uuid NOT NULL REFERENCES staff(id),
  read_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (concern_id, staff_id)
);

CREATE TABLE concern_entries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  school_id uuid NOT NULL REFERENCES schools(id),
  concern_id uuid NOT NULL REFERENCES concerns(id),
  kind text NOT NULL CHECK (kind IN ('action', 'amendment', 'out-of-hours-decision', 'follow-up-done', 'closed')),
  action_key text,
  field text CHECK (field IN ('summary', 'details')),
  note text NOT NULL DEFAULT '',
  reason text,
  due_at timestamptz,
  refers_to uuid REFERENCES concern_entries(id),
  grounds jsonb,
  acts boolean,
  created_by uuid NOT NULL REFERENCES staff(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX concern_entries_concern ON concern_entries (concern_id, created_at);
CREATE INDEX concern_entries_due ON concern_entries (due_at) WHERE due_at IS NOT NULL;
`,
    )
    .execute(db);

  await isolateBySchool(db, 'class_teachers');
  for (const table of appendOnlyTables) {
    await isolateBySchool(db, table, 'append-only');
    await makeAppendOnly(db, table);
  }
  await grantSequences(db);
}

export async function down(): Promise<void> {
  throw new Error('The concerns migration cannot be undone: concern records are kept');
}
