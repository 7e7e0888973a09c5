import { sql, type Kysely } from 'kysely';
import { grantSequences, isolateBySchool, makeAppendOnly } from '../row-level-security.ts';

/** Photo and media consent (CON-1…6): decisions are appended, never overwritten. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
CREATE TABLE consent_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  school_id uuid NOT NULL REFERENCES schools(id),
  kind text NOT NULL CHECK (kind IN ('standard', 'express')),
  title text NOT NULL,
  -- For express permission: the particular use carers are asked about, in plain words.
  description text,
  purposes text[] NOT NULL,
  scope text NOT NULL,
  form_version integer NOT NULL,
  expires_at timestamptz NOT NULL,
  created_by uuid REFERENCES staff(id),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE consent_request_pupils (
  school_id uuid NOT NULL REFERENCES schools(id),
  request_id uuid NOT NULL REFERENCES consent_requests(id),
  pupil_id uuid NOT NULL REFERENCES pupils(id),
  PRIMARY KEY (request_id, pupil_id)
);

-- One personal link per carer per request; only the hash of its token is kept.
CREATE TABLE consent_links (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  school_id uuid NOT NULL REFERENCES schools(id),
  request_id uuid NOT NULL REFERENCES consent_requests(id),
  carer_id uuid NOT NULL REFERENCES carers(id),
  token_hash text NOT NULL UNIQUE,
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  emailed_at timestamptz,
  reminded_at timestamptz,
  answered_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (request_id, carer_id)
);

CREATE TABLE consent_decisions (
  id bigserial PRIMARY KEY,
  school_id uuid NOT NULL REFERENCES schools(id),
  pupil_id uuid NOT NULL REFERENCES pupils(id),
  purpose text NOT NULL,
  decision text NOT NULL CHECK (decision IN ('granted', 'refused')),
  carer_id uuid NOT NULL REFERENCES carers(id),
  method text NOT NULL CHECK (method IN ('online', 'paper', 'in-person', 'phone')),
  form_version integer NOT NULL,
  -- The pupil's year group when the answer was given: key-stage lapse needs it.
  year_group integer,
  note text,
  request_id uuid REFERENCES consent_requests(id),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  recorded_by uuid REFERENCES staff(id),
  recorded_by_label text NOT NULL
);
CREATE INDEX consent_decisions_pupil ON consent_decisions (pupil_id, purpose, recorded_at);

-- A withdrawal raises a task to take down what is published of that child for that purpose.
CREATE TABLE takedown_tasks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  school_id uuid NOT NULL REFERENCES schools(id),
  pupil_id uuid NOT NULL REFERENCES pupils(id),
  purpose text NOT NULL,
  decision_id bigint NOT NULL REFERENCES consent_decisions(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  done_at timestamptz,
  done_by uuid REFERENCES staff(id)
);
`,
    )
    .execute(db);
  for (const table of ['consent_requests', 'consent_request_pupils', 'consent_links', 'takedown_tasks']) await isolateBySchool(db, table);
  await isolateBySchool(db, 'consent_decisions', 'append-only');
  await makeAppendOnly(db, 'consent_decisions');
  await grantSequences(db);
}

export async function down(): Promise<void> {
  throw new Error('The consent migration cannot be undone');
}
