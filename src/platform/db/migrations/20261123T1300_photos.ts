import { sql, type Kysely } from 'kysely';
import { isolateBySchool } from '../row-level-security.ts';

/** Photographs (MED-1…8): the library, who is in each photo, publication requests and where each copy went. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
CREATE TABLE photos (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  school_id uuid NOT NULL REFERENCES schools(id),
  event_name text NOT NULL,
  taken_on date NOT NULL,
  contexts text[] NOT NULL,
  uploaded_by uuid NOT NULL REFERENCES staff(id),
  uploaded_at timestamptz NOT NULL DEFAULT now(),
  unidentified_count integer NOT NULL DEFAULT 0 CHECK (unidentified_count >= 0),
  -- The original, in the school's storage; null once deleted under the retention rule.
  storage_key text,
  mime text NOT NULL,
  width integer NOT NULL,
  height integer NOT NULL,
  byte_size integer NOT NULL,
  academic_year text NOT NULL,
  year_ends_on date NOT NULL,
  archived_at timestamptz,
  evidence_of_achievement boolean NOT NULL DEFAULT false,
  deleted_at timestamptz
);
CREATE INDEX photos_school_year ON photos (school_id, year_ends_on) WHERE deleted_at IS NULL;

CREATE TABLE photo_pupils (
  school_id uuid NOT NULL REFERENCES schools(id),
  photo_id uuid NOT NULL REFERENCES photos(id),
  pupil_id uuid NOT NULL REFERENCES pupils(id),
  tagged_by uuid REFERENCES staff(id),
  tagged_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (photo_id, pupil_id)
);
CREATE INDEX photo_pupils_pupil ON photo_pupils (pupil_id);

CREATE TABLE photo_publication_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  school_id uuid NOT NULL REFERENCES schools(id),
  photo_id uuid NOT NULL REFERENCES photos(id),
  channel text NOT NULL,
  caption text NOT NULL DEFAULT '',
  alt_text text NOT NULL DEFAULT '',
  file_name text NOT NULL DEFAULT '',
  -- Where it will appear: a web address or a note ("entrance hall display").
  location text NOT NULL DEFAULT '',
  express_request_id uuid REFERENCES consent_requests(id),
  status text NOT NULL CHECK (status IN ('requested', 'approved', 'refused', 'published')),
  requested_by uuid NOT NULL REFERENCES staff(id),
  requested_at timestamptz NOT NULL DEFAULT now(),
  decided_by uuid REFERENCES staff(id),
  decided_at timestamptz,
  decision_note text
);
CREATE INDEX photo_publication_requests_photo ON photo_publication_requests (photo_id);

CREATE TABLE photo_publications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  school_id uuid NOT NULL REFERENCES schools(id),
  request_id uuid NOT NULL UNIQUE REFERENCES photo_publication_requests(id),
  photo_id uuid NOT NULL REFERENCES photos(id),
  channel text NOT NULL,
  location text NOT NULL DEFAULT '',
  -- The published copy (no metadata, a random name); null once deleted.
  copy_key text,
  published_at timestamptz NOT NULL DEFAULT now(),
  published_by uuid NOT NULL REFERENCES staff(id),
  taken_down_at timestamptz,
  taken_down_by uuid REFERENCES staff(id)
);

-- One notice to the head per school and academic year before its photographs are deleted.
CREATE TABLE photo_deletion_notices (
  school_id uuid NOT NULL REFERENCES schools(id),
  academic_year text NOT NULL,
  delete_on date NOT NULL,
  sent_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (school_id, academic_year)
);
`,
    )
    .execute(db);
  for (const table of ['photos', 'photo_pupils', 'photo_publication_requests', 'photo_publications', 'photo_deletion_notices'])
    await isolateBySchool(db, table);
}

export async function down(): Promise<void> {
  throw new Error('The photos migration cannot be undone');
}
