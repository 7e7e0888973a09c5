import { sql, type Kysely } from 'kysely';
import { grantSequences, isolateBySchool, makeAppendOnly } from '../row-level-security.ts';

/**
 * Registers (REG-1…5): the school's accounts and online services, pupils' phones, press enquiries,
 * staff declarations of pre-existing friendships, and drafts a member of staff asked their line
 * manager about. Checks of a post that nobody asked about are only counted (post_check_counts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
CREATE TABLE school_accounts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  school_id uuid NOT NULL REFERENCES schools(id),
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('social-media-account', 'online-service')),
  url text NOT NULL,
  purpose text NOT NULL,
  owner_id uuid REFERENCES staff(id),
  -- A person, never the password itself (004 §6.1).
  credentials_holder_id uuid REFERENCES staff(id),
  data_protection text NOT NULL DEFAULT '',
  review_on date NOT NULL,
  status text NOT NULL CHECK (status IN ('requested', 'approved', 'refused')),
  requested_by uuid NOT NULL REFERENCES staff(id),
  requested_at timestamptz NOT NULL DEFAULT now(),
  decided_by uuid REFERENCES staff(id),
  decided_at timestamptz,
  decision_note text,
  reviewed_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX school_accounts_school ON school_accounts (school_id, status, review_on);

-- The ICT lead changes the passwords when the person holding them leaves or hands them on.
CREATE TABLE account_credential_tasks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  school_id uuid NOT NULL REFERENCES schools(id),
  account_id uuid NOT NULL REFERENCES school_accounts(id),
  reason text NOT NULL CHECK (reason IN ('holder-left', 'holder-changed')),
  former_holder_id uuid REFERENCES staff(id),
  raised_at timestamptz NOT NULL DEFAULT now(),
  done_at timestamptz,
  done_by uuid REFERENCES staff(id)
);
CREATE UNIQUE INDEX account_credential_tasks_open ON account_credential_tasks (account_id) WHERE done_at IS NULL;
CREATE INDEX account_credential_tasks_school ON account_credential_tasks (school_id) WHERE done_at IS NULL;

-- Each tap at the office, appended: the day's state is the latest of each pupil's taps.
CREATE TABLE phone_events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  school_id uuid NOT NULL REFERENCES schools(id),
  pupil_id uuid NOT NULL REFERENCES pupils(id),
  on_date date NOT NULL,
  action text NOT NULL CHECK (action IN ('handed-in', 'returned')),
  recorded_by uuid NOT NULL REFERENCES staff(id),
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX phone_events_day ON phone_events (school_id, on_date, pupil_id);
CREATE INDEX phone_events_pupil ON phone_events (pupil_id, recorded_at);

-- Pupils allowed to keep their phone (a medical reason, say).
CREATE TABLE phone_exemptions (
  pupil_id uuid PRIMARY KEY REFERENCES pupils(id),
  school_id uuid NOT NULL REFERENCES schools(id),
  note text NOT NULL,
  recorded_by uuid NOT NULL REFERENCES staff(id),
  recorded_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE press_enquiries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  school_id uuid NOT NULL REFERENCES schools(id),
  outlet text NOT NULL,
  contact text NOT NULL,
  summary text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  received_by uuid NOT NULL REFERENCES staff(id),
  reply text,
  replied_by uuid REFERENCES staff(id),
  replied_at timestamptz,
  photo_id uuid REFERENCES photos(id),
  consent_request_id uuid REFERENCES consent_requests(id)
);
CREATE INDEX press_enquiries_school ON press_enquiries (school_id, received_at);

CREATE TABLE staff_declarations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  school_id uuid NOT NULL REFERENCES schools(id),
  staff_id uuid NOT NULL REFERENCES staff(id),
  carer_id uuid REFERENCES carers(id),
  name text,
  platform text NOT NULL,
  since text NOT NULL DEFAULT '',
  note text NOT NULL,
  declared_at timestamptz NOT NULL DEFAULT now(),
  acknowledged_by uuid REFERENCES staff(id),
  acknowledged_at timestamptz,
  CHECK (carer_id IS NOT NULL OR name IS NOT NULL)
);
CREATE INDEX staff_declarations_staff ON staff_declarations (staff_id);
CREATE INDEX staff_declarations_carer ON staff_declarations (carer_id) WHERE carer_id IS NOT NULL;

-- A draft kept only because its author asked their line manager about it (REG-5).
CREATE TABLE post_questions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  school_id uuid NOT NULL REFERENCES schools(id),
  asked_by uuid NOT NULL REFERENCES staff(id),
  asked_of uuid NOT NULL REFERENCES staff(id),
  text text NOT NULL,
  media_id uuid REFERENCES photos(id),
  audience text NOT NULL CHECK (audience IN ('personal', 'school-account')),
  account_id uuid REFERENCES school_accounts(id),
  verdict text NOT NULL CHECK (verdict IN ('ok', 'ask')),
  findings jsonb NOT NULL,
  asked_at timestamptz NOT NULL DEFAULT now(),
  answer text CHECK (answer IN ('go-ahead', 'do-not-post')),
  answer_note text,
  answered_by uuid REFERENCES staff(id),
  answered_at timestamptz
);
CREATE INDEX post_questions_asked_of ON post_questions (asked_of) WHERE answer IS NULL;
CREATE INDEX post_questions_asked_by ON post_questions (asked_by, asked_at);

-- Checks are counted for the governors' report, never stored.
CREATE TABLE post_check_counts (
  school_id uuid NOT NULL REFERENCES schools(id),
  on_date date NOT NULL,
  verdict text NOT NULL CHECK (verdict IN ('ok', 'ask', 'not-allowed')),
  checks integer NOT NULL DEFAULT 0,
  PRIMARY KEY (school_id, on_date, verdict)
);
`,
    )
    .execute(db);

  for (const table of [
    'school_accounts',
    'account_credential_tasks',
    'phone_exemptions',
    'press_enquiries',
    'staff_declarations',
    'post_questions',
    'post_check_counts',
  ])
    await isolateBySchool(db, table);
  await isolateBySchool(db, 'phone_events', 'append-only');
  await makeAppendOnly(db, 'phone_events');
  await grantSequences(db);
}

export async function down(): Promise<void> {
  throw new Error('The registers migration cannot be undone: the registers are records the school keeps');
}
