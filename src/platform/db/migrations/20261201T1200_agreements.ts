import { sql, type Kysely } from 'kysely';
import { grantSequences, isolateBySchool, makeAppendOnly } from '../row-level-security.ts';
import { defaultAgreements } from '../../../modules/agreements/agreements.defaults.ts';
import { defaultCourses } from '../../../modules/training/training.defaults.ts';

/**
 * Agreements (AGR-1, AGR-2), training (AGR-3), messages to carers and events (AGR-4), and e-safety
 * lessons (AGR-5). Signatures, completions and lessons are history: appended, never changed.
 * Schools that already exist get the default agreements and courses here; a new school gets them
 * when it is set up.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
CREATE TABLE agreements (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  school_id uuid NOT NULL REFERENCES schools(id),
  key text NOT NULL,
  title text NOT NULL,
  audience text[] NOT NULL,
  renewal text NOT NULL CHECK (renewal IN ('never', 'each-september', 'new-version')),
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (school_id, key)
);

-- Each published text is a version; a draft is the one row without published_at.
CREATE TABLE agreement_versions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  school_id uuid NOT NULL REFERENCES schools(id),
  agreement_id uuid NOT NULL REFERENCES agreements(id),
  version integer NOT NULL,
  body text NOT NULL,
  change_note text,
  published_at timestamptz,
  published_by uuid REFERENCES staff(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (agreement_id, version)
);

CREATE TABLE agreement_signatures (
  id bigserial PRIMARY KEY,
  school_id uuid NOT NULL REFERENCES schools(id),
  agreement_id uuid NOT NULL REFERENCES agreements(id),
  version integer NOT NULL,
  staff_id uuid REFERENCES staff(id),
  carer_id uuid REFERENCES carers(id),
  pupil_id uuid REFERENCES pupils(id),
  method text NOT NULL CHECK (method IN ('online', 'paper', 'recorded-by-teacher')),
  signed_on date NOT NULL,
  typed_name text,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  recorded_by uuid REFERENCES staff(id),
  recorded_by_label text NOT NULL,
  CHECK (staff_id IS NOT NULL OR carer_id IS NOT NULL OR pupil_id IS NOT NULL),
  CHECK (staff_id IS NULL OR (carer_id IS NULL AND pupil_id IS NULL))
);
CREATE INDEX agreement_signatures_agreement ON agreement_signatures (agreement_id, version);

-- A family's personal link to sign an agreement: only the hash of its token is kept.
CREATE TABLE agreement_links (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  school_id uuid NOT NULL REFERENCES schools(id),
  agreement_id uuid NOT NULL REFERENCES agreements(id),
  carer_id uuid NOT NULL REFERENCES carers(id),
  token_hash text NOT NULL UNIQUE,
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  emailed_at timestamptz,
  reminded_at timestamptz,
  answered_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (agreement_id, carer_id)
);

CREATE TABLE training_courses (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  school_id uuid NOT NULL REFERENCES schools(id),
  key text NOT NULL,
  title text NOT NULL,
  description text NOT NULL DEFAULT '',
  -- First time: due this many days after the person joined.
  due_within_days integer NOT NULL CHECK (due_within_days BETWEEN 0 AND 3650),
  -- Again this many months after the last completion; null: once is enough.
  renewal_months integer CHECK (renewal_months BETWEEN 1 AND 120),
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (school_id, key)
);

CREATE TABLE training_completions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  school_id uuid NOT NULL REFERENCES schools(id),
  staff_id uuid NOT NULL REFERENCES staff(id),
  course_id uuid NOT NULL REFERENCES training_courses(id),
  completed_on date NOT NULL,
  provider text,
  certificate_name text,
  certificate_type text,
  certificate bytea,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  recorded_by uuid REFERENCES staff(id),
  recorded_by_label text NOT NULL
);
CREATE INDEX training_completions_staff ON training_completions (staff_id, course_id, completed_on);

CREATE TABLE training_reminders (
  school_id uuid NOT NULL REFERENCES schools(id),
  staff_id uuid NOT NULL REFERENCES staff(id),
  sent_on date NOT NULL,
  PRIMARY KEY (staff_id, sent_on)
);

CREATE TABLE messages (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  school_id uuid NOT NULL REFERENCES schools(id),
  template text,
  subject text NOT NULL,
  body text NOT NULL,
  audience jsonb NOT NULL,
  audience_label text NOT NULL,
  channels text[] NOT NULL,
  agreement_id uuid REFERENCES agreements(id),
  concern_id uuid,
  created_by uuid REFERENCES staff(id),
  created_by_label text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE message_recipients (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  school_id uuid NOT NULL REFERENCES schools(id),
  message_id uuid NOT NULL REFERENCES messages(id),
  carer_id uuid NOT NULL REFERENCES carers(id),
  channel text NOT NULL CHECK (channel IN ('email', 'sms', 'letter')),
  address text,
  outbox_id uuid,
  state text NOT NULL CHECK (state IN ('queued', 'sent', 'failed', 'to-print', 'printed')),
  error text,
  sent_at timestamptz,
  attempts integer NOT NULL DEFAULT 0,
  UNIQUE (message_id, carer_id, channel)
);
CREATE INDEX message_recipients_sms ON message_recipients (state) WHERE channel = 'sms';

CREATE TABLE events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  school_id uuid NOT NULL REFERENCES schools(id),
  kind text NOT NULL CHECK (kind IN ('meeting', 'assembly', 'workshop')),
  title text NOT NULL,
  held_on date NOT NULL,
  notes text NOT NULL DEFAULT '',
  message_id uuid REFERENCES messages(id),
  created_by uuid REFERENCES staff(id),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE event_attendance (
  school_id uuid NOT NULL REFERENCES schools(id),
  event_id uuid NOT NULL REFERENCES events(id),
  carer_id uuid NOT NULL REFERENCES carers(id),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (event_id, carer_id)
);

CREATE TABLE esafety_lessons (
  id bigserial PRIMARY KEY,
  school_id uuid NOT NULL REFERENCES schools(id),
  class_id uuid NOT NULL REFERENCES classes(id),
  subject text NOT NULL CHECK (subject IN ('computing', 'pshe', 'assembly')),
  topic text NOT NULL,
  taught_on date NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  recorded_by uuid REFERENCES staff(id),
  recorded_by_label text NOT NULL
);
CREATE INDEX esafety_lessons_class ON esafety_lessons (class_id, taught_on);
`,
    )
    .execute(db);
  for (const table of [
    'agreements',
    'agreement_versions',
    'agreement_links',
    'training_courses',
    'training_reminders',
    'messages',
    'message_recipients',
    'events',
    'event_attendance',
  ])
    await isolateBySchool(db, table);
  for (const table of ['agreement_signatures', 'training_completions', 'esafety_lessons']) {
    await isolateBySchool(db, table, 'append-only');
    await makeAppendOnly(db, table);
  }
  await grantSequences(db);

  // Schools that exist already get the defaults, as a new school does at set-up.
  const schools = await sql<{ id: string }>`SELECT id FROM schools`.execute(db);
  for (const { id } of schools.rows) {
    for (const a of defaultAgreements) {
      const inserted = await sql<{ id: string }>`
        INSERT INTO agreements (school_id, key, title, audience, renewal)
        VALUES (${id}, ${a.key}, ${a.title}, ${`{${a.audience.join(',')}}`}::text[], ${a.renewal})
        ON CONFLICT (school_id, key) DO NOTHING RETURNING id`.execute(db);
      const agreementId = inserted.rows[0]?.id;
      if (agreementId)
        await sql`INSERT INTO agreement_versions (school_id, agreement_id, version, body, change_note, published_at)
          VALUES (${id}, ${agreementId}, 1, ${a.body}, 'The school’s first version, from the template', now())`.execute(db);
    }
    for (const c of defaultCourses) {
      await sql`INSERT INTO training_courses (school_id, key, title, description, due_within_days, renewal_months)
        VALUES (${id}, ${c.key}, ${c.title}, ${c.description}, ${c.dueWithinDays}, ${c.renewalMonths})
        ON CONFLICT (school_id, key) DO NOTHING`.execute(db);
    }
  }
}

export async function down(): Promise<void> {
  throw new Error('The agreements migration cannot be undone');
}
