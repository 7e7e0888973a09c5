import { sql, type Kysely } from 'kysely';
import { grantSequences, isolateBySchool } from '../row-level-security.ts';

/** Tables that belong to one school: each gets row-level security on `school_id`. */
export const schoolOwnedTables = [
  'academic_years',
  'terms',
  'classes',
  'pupils',
  'carers',
  'pupil_carers',
  'staff',
  'staff_roles',
  'school_settings',
  'audit_log',
  'outbox',
  'sessions',
  'api_tokens',
  'password_resets',
  'pending_imports',
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'app_user') THEN
    CREATE ROLE app_user NOLOGIN;
  END IF;
END $$;
GRANT app_user TO CURRENT_USER;

CREATE TABLE schools (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  urn text NOT NULL UNIQUE,
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE academic_years (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  school_id uuid NOT NULL REFERENCES schools(id),
  label text NOT NULL,
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  UNIQUE (school_id, starts_on)
);

CREATE TABLE terms (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  school_id uuid NOT NULL REFERENCES schools(id),
  academic_year_id uuid NOT NULL REFERENCES academic_years(id) ON DELETE CASCADE,
  name text NOT NULL CHECK (name IN ('autumn', 'spring', 'summer')),
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  UNIQUE (academic_year_id, name)
);

CREATE TABLE classes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  school_id uuid NOT NULL REFERENCES schools(id),
  sourced_id text,
  title text NOT NULL,
  year_group integer,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (school_id, sourced_id)
);

CREATE TABLE pupils (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  school_id uuid NOT NULL REFERENCES schools(id),
  sourced_id text,
  given_name text NOT NULL,
  family_name text NOT NULL,
  preferred_name text,
  date_of_birth date,
  class_id uuid REFERENCES classes(id),
  admission_date date,
  leaving_date date,
  on_roll boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (school_id, sourced_id)
);
CREATE INDEX pupils_class ON pupils (class_id);

CREATE TABLE carers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  school_id uuid NOT NULL REFERENCES schools(id),
  sourced_id text,
  given_name text NOT NULL,
  family_name text NOT NULL,
  email text,
  phone text,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (school_id, sourced_id)
);

CREATE TABLE pupil_carers (
  school_id uuid NOT NULL REFERENCES schools(id),
  pupil_id uuid NOT NULL REFERENCES pupils(id) ON DELETE CASCADE,
  carer_id uuid NOT NULL REFERENCES carers(id) ON DELETE CASCADE,
  relationship text NOT NULL DEFAULT 'parent',
  parental_responsibility boolean NOT NULL DEFAULT true,
  PRIMARY KEY (pupil_id, carer_id)
);
CREATE INDEX pupil_carers_carer ON pupil_carers (carer_id);

CREATE TABLE staff (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  school_id uuid NOT NULL REFERENCES schools(id),
  sourced_id text,
  given_name text NOT NULL,
  family_name text NOT NULL,
  email text,
  line_manager_id uuid REFERENCES staff(id),
  active boolean NOT NULL DEFAULT true,
  password_hash text,
  totp_secret text,
  totp_enabled_at timestamptz,
  recovery_codes jsonb NOT NULL DEFAULT '[]',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (school_id, sourced_id)
);
CREATE UNIQUE INDEX staff_email ON staff (school_id, lower(email));
CREATE INDEX staff_email_lookup ON staff (lower(email));

CREATE TABLE staff_roles (
  school_id uuid NOT NULL REFERENCES schools(id),
  staff_id uuid NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
  role text NOT NULL,
  PRIMARY KEY (staff_id, role)
);

CREATE TABLE school_settings (
  school_id uuid NOT NULL REFERENCES schools(id),
  version integer NOT NULL,
  document jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES staff(id),
  PRIMARY KEY (school_id, version)
);

CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  school_id uuid NOT NULL REFERENCES schools(id),
  at timestamptz NOT NULL,
  actor_id uuid,
  actor_label text NOT NULL,
  action text NOT NULL,
  subject_type text NOT NULL,
  subject_id text,
  detail jsonb NOT NULL DEFAULT '{}',
  prev_hash text NOT NULL,
  hash text NOT NULL
);
CREATE INDEX audit_log_school ON audit_log (school_id, id);
CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END $f$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();

CREATE TABLE outbox (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  school_id uuid NOT NULL REFERENCES schools(id),
  to_address text NOT NULL,
  subject text NOT NULL,
  body_text text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  next_attempt_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX outbox_unsent ON outbox (next_attempt_at) WHERE sent_at IS NULL;

CREATE TABLE sessions (
  id_hash text PRIMARY KEY,
  school_id uuid NOT NULL REFERENCES schools(id),
  staff_id uuid NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
  two_factor_done boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_staff ON sessions (staff_id);

CREATE TABLE api_tokens (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  school_id uuid NOT NULL REFERENCES schools(id),
  staff_id uuid NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);

CREATE TABLE password_resets (
  token_hash text PRIMARY KEY,
  school_id uuid NOT NULL REFERENCES schools(id),
  staff_id uuid NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);

CREATE TABLE pending_imports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  school_id uuid NOT NULL REFERENCES schools(id),
  staff_id uuid NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
  file_name text NOT NULL,
  content bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Sign-in throttling is per e-mail address and per client address, before any school is known.
CREATE TABLE sign_in_attempts (
  id bigserial PRIMARY KEY,
  key text NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sign_in_attempts_key ON sign_in_attempts (key, at);

GRANT USAGE ON SCHEMA public TO app_user;
GRANT SELECT ON schools TO app_user;
ALTER TABLE schools ENABLE ROW LEVEL SECURITY;
CREATE POLICY school_isolation ON schools
  USING (id = nullif(current_setting('app.school_id', true), '')::uuid);
`,
    )
    .execute(db);

  for (const table of schoolOwnedTables) await isolateBySchool(db, table, table === 'audit_log' ? 'append-only' : 'read-write');
  await grantSequences(db);
}

export async function down(): Promise<void> {
  throw new Error('The foundation migration cannot be undone');
}
