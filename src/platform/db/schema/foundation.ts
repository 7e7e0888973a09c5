import type { ColumnType, Generated } from 'kysely';
import type { Timestamp, DateOnly, Json } from './columns.ts';

/** The foundation: schools, people, sign-in, settings, audit, outbox. */
export interface SchoolTable {
  id: Generated<string>;
  urn: string;
  name: string;
  created_at: Generated<Date>;
}

export interface AcademicYearTable {
  id: Generated<string>;
  school_id: string;
  label: string;
  starts_on: DateOnly;
  ends_on: DateOnly;
}

export interface TermTable {
  id: Generated<string>;
  school_id: string;
  academic_year_id: string;
  name: 'autumn' | 'spring' | 'summer';
  starts_on: DateOnly;
  ends_on: DateOnly;
}

export interface ClassTable {
  id: Generated<string>;
  school_id: string;
  sourced_id: string | null;
  title: string;
  year_group: number | null;
  active: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface PupilTable {
  id: Generated<string>;
  school_id: string;
  sourced_id: string | null;
  given_name: string;
  family_name: string;
  preferred_name: string | null;
  date_of_birth: DateOnly | null;
  class_id: string | null;
  admission_date: DateOnly | null;
  leaving_date: DateOnly | null;
  on_roll: Generated<boolean>;
  /** Issue 19: never photographed or published; the reason only the DSL and the headteacher read (20261202T1300_policy_rules). */
  do_not_photograph: Generated<boolean>;
  do_not_photograph_reason: string | null;
  do_not_photograph_set_by: string | null;
  do_not_photograph_set_at: Timestamp | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface CarerTable {
  id: Generated<string>;
  school_id: string;
  sourced_id: string | null;
  given_name: string;
  family_name: string;
  email: string | null;
  phone: string | null;
  active: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface PupilCarerTable {
  school_id: string;
  pupil_id: string;
  carer_id: string;
  relationship: string;
  parental_responsibility: Generated<boolean>;
  /** The MIS's contact order (1 first); null when the export gives none. */
  priority: number | null;
  /** A court order restricts this contact: never sent a consent request, link or letter. */
  court_order: Generated<boolean>;
}

export interface StaffTable {
  id: Generated<string>;
  school_id: string;
  sourced_id: string | null;
  given_name: string;
  family_name: string;
  email: string | null;
  line_manager_id: string | null;
  /** The day they started (20261201T1800_rest_agreements): from the MIS import, or typed on the staff page. */
  start_date: ColumnType<string | null, string | null | undefined, string | null>;
  active: Generated<boolean>;
  password_hash: string | null;
  totp_secret: string | null;
  totp_enabled_at: Date | null;
  /** The last TOTP time step accepted (trust migration): a code is refused a second time. */
  totp_last_step: Generated<string | null>;
  recovery_codes: ColumnType<string[], string | undefined, string>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface StaffRoleTable {
  school_id: string;
  staff_id: string;
  role: string;
}

/** Append-only (20261201T0930_trust_settings): each change is a new version. */
export interface SchoolSettingsTable {
  school_id: string;
  version: number;
  document: Json<unknown>;
  created_at: Generated<Date>;
  created_by: string | null;
}

export interface AuditLogTable {
  id: Generated<string>;
  school_id: string;
  at: Timestamp;
  actor_id: string | null;
  actor_label: string;
  action: string;
  subject_type: string;
  subject_id: string | null;
  detail: Json<Record<string, unknown>>;
  prev_hash: string;
  hash: string;
}

export interface OutboxTable {
  id: Generated<string>;
  school_id: string;
  to_address: string;
  subject: string;
  body_text: string;
  created_at: Generated<Date>;
  sent_at: Date | null;
  attempts: Generated<number>;
  last_error: string | null;
  next_attempt_at: Generated<Date>;
  /** The whole text when it carries a secret link, encrypted (mail/sealed.ts); cleared once sent. */
  sealed_body: Generated<string | null>;
  body_purged_at: Generated<Date | null>;
  /** While one instance is talking to the mail server about this message; nobody else sends it until then. */
  leased_until: Generated<Date | null>;
  last_attempt_at: Generated<Date | null>;
  /** When delivery first failed; cleared when the headteacher sends it again. */
  first_failed_at: Generated<Date | null>;
  /** Given up: refused for good by the mail server, or failing for longer than the retry period. */
  failed_at: Generated<Date | null>;
  /** The last attempt could not reach the mail server: it goes as soon as the server answers again. */
  waiting_for_server: Generated<boolean>;
}

export interface SessionTable {
  id_hash: string;
  school_id: string;
  staff_id: string;
  two_factor_done: Generated<boolean>;
  created_at: Generated<Date>;
  last_seen_at: Generated<Date>;
  expires_at: Timestamp;
  /** How the session was signed in (20261202T1000_sign_in_with_provider). */
  signed_in_with: Generated<'password' | 'provider'>;
}

export interface ApiTokenTable {
  id: Generated<string>;
  school_id: string;
  staff_id: string;
  token_hash: string;
  created_at: Generated<Date>;
  last_used_at: Date | null;
  revoked_at: Date | null;
  /** What the token may reach: everything its holder may (`full`), or one narrow use (20261201T1400_filtering). */
  scope: Generated<'full' | 'filter-export' | 'monitoring-alerts'>;
  /** Which filter or product holds it, as its maker named it (20261201T1700_oversight_rest). */
  label: Generated<string | null>;
}

export interface PasswordResetTable {
  token_hash: string;
  school_id: string;
  staff_id: string;
  created_at: Generated<Date>;
  expires_at: Timestamp;
  used_at: Date | null;
}

export interface PendingImportTable {
  id: Generated<string>;
  school_id: string;
  staff_id: string;
  file_name: string;
  content: Uint8Array;
  /** 'oneroster' (a zip) or 'csv' (JSON: the three files and the column mapping). */
  kind: Generated<'oneroster' | 'csv'>;
  created_at: Generated<Date>;
}

export interface SignInAttemptTable {
  id: Generated<string>;
  key: string;
  at: Generated<Date>;
}
