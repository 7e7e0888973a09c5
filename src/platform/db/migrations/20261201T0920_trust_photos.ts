import { sql, type Kysely } from 'kysely';
import { isolateBySchool, makeAppendOnly } from '../row-level-security.ts';

const newTables = ['photo_publication_decisions', 'photo_publication_takedowns', 'photo_publication_pupils'] as const;
const existingTables = ['photo_publication_requests', 'photo_publications'] as const;

/**
 * Publication history is appended, never rewritten (issue 15): what was asked, who decided and
 * why, where each copy went, who was in it at that moment, and when it came down. A decision and a
 * takedown become rows of their own instead of columns updated in place; the pupils tagged when a
 * photo is published are kept with the publication, so a later untag cannot hide it from a
 * consent withdrawal.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
-- One decision per request: a second one is refused by the key, not written over the first.
CREATE TABLE photo_publication_decisions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  school_id uuid NOT NULL REFERENCES schools(id),
  request_id uuid NOT NULL UNIQUE REFERENCES photo_publication_requests(id),
  decision text NOT NULL CHECK (decision IN ('approved', 'refused')),
  note text,
  decided_by uuid NOT NULL REFERENCES staff(id),
  decided_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO photo_publication_decisions (school_id, request_id, decision, note, decided_by, decided_at)
  SELECT school_id, id, CASE WHEN status = 'refused' THEN 'refused' ELSE 'approved' END, decision_note, decided_by, coalesce(decided_at, requested_at)
  FROM photo_publication_requests WHERE decided_by IS NOT NULL;
-- A request's status is now what happened when it was asked: it waits, or it went out at once.
UPDATE photo_publication_requests SET status = 'requested' WHERE decided_by IS NOT NULL OR status IN ('approved', 'refused');
ALTER TABLE photo_publication_requests
  DROP COLUMN decided_by, DROP COLUMN decided_at, DROP COLUMN decision_note,
  DROP CONSTRAINT photo_publication_requests_status_check,
  ADD CONSTRAINT photo_publication_requests_status_check CHECK (status IN ('requested', 'published'));

CREATE TABLE photo_publication_takedowns (
  publication_id uuid PRIMARY KEY REFERENCES photo_publications(id),
  school_id uuid NOT NULL REFERENCES schools(id),
  taken_down_at timestamptz NOT NULL DEFAULT now(),
  taken_down_by uuid REFERENCES staff(id)
);
INSERT INTO photo_publication_takedowns (publication_id, school_id, taken_down_at, taken_down_by)
  SELECT id, school_id, taken_down_at, taken_down_by FROM photo_publications WHERE taken_down_at IS NOT NULL;
ALTER TABLE photo_publications DROP COLUMN taken_down_at, DROP COLUMN taken_down_by;

-- Who was in the photograph when it was published (CON-6 finds a child here, whatever the tags say now).
CREATE TABLE photo_publication_pupils (
  school_id uuid NOT NULL REFERENCES schools(id),
  publication_id uuid NOT NULL REFERENCES photo_publications(id),
  pupil_id uuid NOT NULL REFERENCES pupils(id),
  PRIMARY KEY (publication_id, pupil_id)
);
CREATE INDEX photo_publication_pupils_pupil ON photo_publication_pupils (pupil_id);
-- Earlier publications: today's tags are the best record there is.
INSERT INTO photo_publication_pupils (school_id, publication_id, pupil_id)
  SELECT pb.school_id, pb.id, pp.pupil_id FROM photo_publications pb JOIN photo_pupils pp ON pp.photo_id = pb.photo_id;
`,
    )
    .execute(db);
  for (const table of newTables) await isolateBySchool(db, table, 'append-only');
  for (const table of existingTables) await sql.raw(`REVOKE UPDATE, DELETE ON ${table} FROM app_user;`).execute(db);
  for (const table of [...existingTables, ...newTables]) await makeAppendOnly(db, table);
}

export async function down(): Promise<void> {
  throw new Error('The photo publication history migration cannot be undone: the history is kept');
}
