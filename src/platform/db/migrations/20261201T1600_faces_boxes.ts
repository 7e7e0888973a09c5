import { sql, type Kysely } from 'kysely';
import { isolateBySchool } from '../row-level-security.ts';

/**
 * Faces found in photographs (issue 14): detection only. A face is a box and a score, and what
 * staff said about it (a pupil, or adult / not a pupil / not a face). No crop of a face, no
 * embedding, nothing that could recognise anyone is ever stored.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
-- Photographs already kept are looked at by the faces job; until then they count as not yet checked.
ALTER TABLE photos
  ADD COLUMN faces_status text NOT NULL DEFAULT 'pending' CHECK (faces_status IN ('pending', 'done')),
  ADD COLUMN faces_width integer,
  ADD COLUMN faces_height integer;
CREATE INDEX photos_faces_pending ON photos (school_id) WHERE faces_status = 'pending' AND deleted_at IS NULL;

CREATE TABLE photo_faces (
  school_id uuid NOT NULL REFERENCES schools(id),
  photo_id uuid NOT NULL REFERENCES photos(id),
  face_index integer NOT NULL CHECK (face_index >= 0),
  x integer NOT NULL CHECK (x >= 0),
  y integer NOT NULL CHECK (y >= 0),
  width integer NOT NULL CHECK (width > 0),
  height integer NOT NULL CHECK (height > 0),
  score real NOT NULL CHECK (score >= 0 AND score <= 1),
  pupil_id uuid REFERENCES pupils(id),
  kind text CHECK (kind IN ('adult', 'not-a-pupil', 'not-a-face')),
  tagged_by uuid REFERENCES staff(id),
  tagged_at timestamptz,
  PRIMARY KEY (photo_id, face_index),
  CHECK (pupil_id IS NULL OR kind IS NULL)
);
CREATE INDEX photo_faces_pupil ON photo_faces (pupil_id) WHERE pupil_id IS NOT NULL;

-- What the person asking chose to blur; a request waiting for the headteacher is published as asked.
ALTER TABLE photo_publication_requests
  ADD COLUMN blur_faces text NOT NULL DEFAULT 'without-consent' CHECK (blur_faces IN ('none', 'without-consent', 'all'));
`,
    )
    .execute(db);
  await isolateBySchool(db, 'photo_faces');
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `DROP TABLE photo_faces;
ALTER TABLE photos DROP COLUMN faces_status, DROP COLUMN faces_width, DROP COLUMN faces_height;
ALTER TABLE photo_publication_requests DROP COLUMN blur_faces;`,
    )
    .execute(db);
}
