import { sql, type Kysely } from 'kysely';
import { isolateBySchool, makeAppendOnly } from '../row-level-security.ts';

/**
 * Web filtering and monitoring (FLT-1…4, 001 §5): block and unblock requests with their decisions
 * (each step appended to a history), computer bans, alerts from the monitoring product, and the
 * yearly review against the DfE's filtering and monitoring standards. API tokens gain a scope, so
 * a filter can hold a token that reads its lists and nothing else.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
ALTER TABLE api_tokens ADD COLUMN scope text NOT NULL DEFAULT 'full' CHECK (scope IN ('full', 'filter-export', 'monitoring-alerts'));

CREATE TABLE filter_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  school_id uuid NOT NULL REFERENCES schools(id),
  kind text NOT NULL CHECK (kind IN ('block', 'unblock')),
  -- As the filter loads it (IDN as punycode); the name as typed for people to read.
  domain text NOT NULL,
  display_domain text NOT NULL,
  reason text NOT NULL,
  duration text NOT NULL CHECK (duration IN ('lesson', 'day', 'week', 'term', 'permanent')),
  class_id uuid REFERENCES classes(id),
  concern_id uuid REFERENCES concerns(id),
  requested_by uuid NOT NULL REFERENCES staff(id),
  requested_at timestamptz NOT NULL DEFAULT now(),
  status text NOT NULL DEFAULT 'with-ict-lead'
    CHECK (status IN ('with-ict-lead', 'with-decider', 'applied-urgently', 'approved', 'refused', 'expired')),
  -- When the block or opening starts to count (approval, or an urgent block) and when it lapses (null: permanent).
  in_force_from timestamptz,
  expires_at timestamptz,
  CHECK ((status IN ('approved', 'applied-urgently', 'expired')) = (in_force_from IS NOT NULL))
);
CREATE INDEX filter_requests_queue ON filter_requests (school_id, status, requested_at);
CREATE INDEX filter_requests_mine ON filter_requests (requested_by, requested_at);

-- Every step of a request, as it happened: never rewritten.
CREATE TABLE filter_request_steps (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  school_id uuid NOT NULL REFERENCES schools(id),
  request_id uuid NOT NULL REFERENCES filter_requests(id),
  step text NOT NULL CHECK (step IN ('requested', 'recommend-approve', 'recommend-refuse', 'applied-urgently', 'approved', 'refused', 'expired')),
  note text NOT NULL DEFAULT '',
  by_staff uuid REFERENCES staff(id),
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX filter_request_steps_request ON filter_request_steps (request_id, at);

CREATE TABLE computer_bans (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  school_id uuid NOT NULL REFERENCES schools(id),
  pupil_id uuid NOT NULL REFERENCES pupils(id),
  concern_id uuid REFERENCES concerns(id),
  reason text NOT NULL,
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  supervised_use boolean NOT NULL,
  created_by uuid NOT NULL REFERENCES staff(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  lifted_at timestamptz,
  lifted_by uuid REFERENCES staff(id),
  lifted_note text,
  CHECK (ends_on >= starts_on)
);
CREATE INDEX computer_bans_pupil ON computer_bans (pupil_id, ends_on);

CREATE TABLE monitoring_alerts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  school_id uuid NOT NULL REFERENCES schools(id),
  source text NOT NULL,
  external_id text,
  occurred_at timestamptz NOT NULL,
  username text NOT NULL DEFAULT '',
  device text NOT NULL DEFAULT '',
  pupil_id uuid REFERENCES pupils(id),
  category text NOT NULL,
  severity text NOT NULL CHECK (severity IN ('low', 'medium', 'high', 'critical')),
  detail text NOT NULL DEFAULT '',
  received_at timestamptz NOT NULL DEFAULT now(),
  received_via text NOT NULL CHECK (received_via IN ('upload', 'api')),
  triage text NOT NULL DEFAULT 'new' CHECK (triage IN ('new', 'false-positive', 'noted', 'concern-opened')),
  triage_note text,
  triaged_by uuid REFERENCES staff(id),
  triaged_at timestamptz,
  concern_id uuid REFERENCES concerns(id),
  UNIQUE (school_id, source, external_id)
);
CREATE INDEX monitoring_alerts_queue ON monitoring_alerts (school_id, triage, occurred_at);

CREATE TABLE filtering_reviews (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  school_id uuid NOT NULL REFERENCES schools(id),
  completed_on date NOT NULL,
  next_due date NOT NULL,
  participants jsonb NOT NULL,
  recorded_by uuid NOT NULL REFERENCES staff(id),
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX filtering_reviews_school ON filtering_reviews (school_id, completed_on);

CREATE TABLE filtering_review_points (
  school_id uuid NOT NULL REFERENCES schools(id),
  review_id uuid NOT NULL REFERENCES filtering_reviews(id),
  key text NOT NULL,
  met boolean NOT NULL,
  evidence text NOT NULL,
  actions text NOT NULL,
  PRIMARY KEY (review_id, key)
);
`,
    )
    .execute(db);
  for (const table of ['filter_requests', 'computer_bans', 'monitoring_alerts']) await isolateBySchool(db, table);
  for (const table of ['filter_request_steps', 'filtering_reviews', 'filtering_review_points']) {
    await isolateBySchool(db, table, 'append-only');
    await makeAppendOnly(db, table);
  }
}

export async function down(): Promise<void> {
  throw new Error('The filtering migration cannot be undone: its history is kept');
}
