import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateOnly = ColumnType<string, string, string>;
type Json<T> = ColumnType<T, string, string>;

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
}

export interface StaffTable {
  id: Generated<string>;
  school_id: string;
  sourced_id: string | null;
  given_name: string;
  family_name: string;
  email: string | null;
  line_manager_id: string | null;
  active: Generated<boolean>;
  password_hash: string | null;
  totp_secret: string | null;
  totp_enabled_at: Date | null;
  recovery_codes: ColumnType<string[], string | undefined, string>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface StaffRoleTable {
  school_id: string;
  staff_id: string;
  role: string;
}

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
}

export interface SessionTable {
  id_hash: string;
  school_id: string;
  staff_id: string;
  two_factor_done: Generated<boolean>;
  created_at: Generated<Date>;
  last_seen_at: Generated<Date>;
  expires_at: Timestamp;
}

export interface ApiTokenTable {
  id: Generated<string>;
  school_id: string;
  staff_id: string;
  token_hash: string;
  created_at: Generated<Date>;
  last_used_at: Date | null;
  revoked_at: Date | null;
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
  created_at: Generated<Date>;
}

export interface SignInAttemptTable {
  id: Generated<string>;
  key: string;
  at: Generated<Date>;
}

// Concerns and incidents (20261123T1100_concerns): every table but class_teachers is append-only.
export interface ClassTeacherTable {
  school_id: string;
  class_id: string;
  staff_id: string;
}

export interface ConcernTable {
  id: Generated<string>;
  school_id: string;
  type: string;
  summary: string;
  details: string;
  occurred_at: Timestamp;
  location: 'in-school' | 'out-of-school';
  out_of_hours: Generated<boolean>;
  platform: string | null;
  involves_nude_images: Generated<boolean>;
  restricted: Generated<boolean>;
  reported_by: string;
  reported_at: Generated<Date>;
}

export interface ConcernPersonTable {
  id: Generated<string>;
  school_id: string;
  concern_id: string;
  kind: 'pupil' | 'staff' | 'carer' | 'other';
  pupil_id: string | null;
  staff_id: string | null;
  carer_id: string | null;
  name: string | null;
}

export interface ConcernEvidenceTable {
  id: Generated<string>;
  school_id: string;
  concern_id: string;
  url: string | null;
  file_name: string | null;
  content_type: string | null;
  content: Uint8Array | null;
  size_bytes: number | null;
  added_by: string;
  added_at: Generated<Date>;
}

export interface ConcernRouteTable {
  school_id: string;
  concern_id: string;
  staff_id: string;
  reason: string;
  routed_at: Generated<Date>;
}

export interface ConcernReadTable {
  school_id: string;
  concern_id: string;
  staff_id: string;
  read_at: Generated<Date>;
}

export interface ConcernEntryTable {
  id: Generated<string>;
  school_id: string;
  concern_id: string;
  kind: 'action' | 'amendment' | 'out-of-hours-decision' | 'follow-up-done' | 'closed';
  action_key: string | null;
  field: 'summary' | 'details' | null;
  note: Generated<string>;
  reason: string | null;
  due_at: Timestamp | null;
  refers_to: string | null;
  grounds: Json<string[]> | null;
  acts: boolean | null;
  created_by: string;
  created_at: Generated<Date>;
}

export interface ConsentRequestTable {
  id: Generated<string>;
  school_id: string;
  kind: 'standard' | 'express';
  title: string;
  description: string | null;
  purposes: string[];
  scope: string;
  form_version: number;
  expires_at: Timestamp;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface ConsentRequestPupilTable {
  school_id: string;
  request_id: string;
  pupil_id: string;
}

export interface ConsentLinkTable {
  id: Generated<string>;
  school_id: string;
  request_id: string;
  carer_id: string;
  token_hash: string;
  expires_at: Timestamp;
  revoked_at: Date | null;
  emailed_at: Date | null;
  reminded_at: Date | null;
  answered_at: Date | null;
  created_at: Generated<Date>;
}

export interface ConsentDecisionTable {
  id: Generated<string>;
  school_id: string;
  pupil_id: string;
  purpose: string;
  decision: 'granted' | 'refused';
  carer_id: string;
  method: 'online' | 'paper' | 'in-person' | 'phone';
  form_version: number;
  year_group: number | null;
  note: string | null;
  request_id: string | null;
  recorded_at: Generated<Date>;
  recorded_by: string | null;
  recorded_by_label: string;
}

export interface TakedownTaskTable {
  id: Generated<string>;
  school_id: string;
  pupil_id: string;
  purpose: string;
  decision_id: string;
  created_at: Generated<Date>;
  done_at: Date | null;
  done_by: string | null;
}

export interface DB {
  consent_requests: ConsentRequestTable;
  consent_request_pupils: ConsentRequestPupilTable;
  consent_links: ConsentLinkTable;
  consent_decisions: ConsentDecisionTable;
  takedown_tasks: TakedownTaskTable;
  schools: SchoolTable;
  academic_years: AcademicYearTable;
  terms: TermTable;
  classes: ClassTable;
  pupils: PupilTable;
  carers: CarerTable;
  pupil_carers: PupilCarerTable;
  staff: StaffTable;
  staff_roles: StaffRoleTable;
  school_settings: SchoolSettingsTable;
  audit_log: AuditLogTable;
  outbox: OutboxTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  password_resets: PasswordResetTable;
  pending_imports: PendingImportTable;
  sign_in_attempts: SignInAttemptTable;
  class_teachers: ClassTeacherTable;
  concerns: ConcernTable;
  concern_people: ConcernPersonTable;
  concern_evidence: ConcernEvidenceTable;
  concern_routes: ConcernRouteTable;
  concern_reads: ConcernReadTable;
  concern_entries: ConcernEntryTable;
  policies: PolicyTable;
  policy_links: PolicyLinkTable;
  policy_versions: PolicyVersionTable;
  policy_signatures: PolicySignatureTable;
  policy_acknowledgements: PolicyAcknowledgementTable;
  policy_review_reminders: PolicyReviewReminderTable;
  photos: PhotoTable;
  photo_pupils: PhotoPupilTable;
  photo_publication_requests: PhotoPublicationRequestTable;
  photo_publications: PhotoPublicationTable;
  photo_deletion_notices: PhotoDeletionNoticeTable;
}

// Photographs (20261123T1300_photos).
export interface PhotoTable {
  id: Generated<string>;
  school_id: string;
  event_name: string;
  taken_on: DateOnly;
  contexts: string[];
  uploaded_by: string;
  uploaded_at: Generated<Date>;
  unidentified_count: Generated<number>;
  storage_key: string | null;
  mime: string;
  width: number;
  height: number;
  byte_size: number;
  academic_year: string;
  year_ends_on: DateOnly;
  archived_at: Date | null;
  evidence_of_achievement: Generated<boolean>;
  deleted_at: Date | null;
}

export interface PhotoPupilTable {
  school_id: string;
  photo_id: string;
  pupil_id: string;
  tagged_by: string | null;
  tagged_at: Generated<Date>;
}

export interface PhotoPublicationRequestTable {
  id: Generated<string>;
  school_id: string;
  photo_id: string;
  channel: string;
  caption: Generated<string>;
  alt_text: Generated<string>;
  file_name: Generated<string>;
  location: Generated<string>;
  express_request_id: string | null;
  status: 'requested' | 'approved' | 'refused' | 'published';
  requested_by: string;
  requested_at: Generated<Date>;
  decided_by: string | null;
  decided_at: Date | null;
  decision_note: string | null;
}

export interface PhotoPublicationTable {
  id: Generated<string>;
  school_id: string;
  request_id: string;
  photo_id: string;
  channel: string;
  location: Generated<string>;
  copy_key: string | null;
  published_at: Generated<Date>;
  published_by: string;
  taken_down_at: Date | null;
  taken_down_by: string | null;
}

export interface PhotoDeletionNoticeTable {
  school_id: string;
  academic_year: string;
  delete_on: DateOnly;
  sent_at: Generated<Date>;
}

export interface PolicyTable {
  id: Generated<string>;
  school_id: string;
  slug: string;
  title: string;
  kind: string;
  owner_id: string | null;
  status: Generated<'draft' | 'awaiting-approval' | 'approved' | 'withdrawn'>;
  review_interval_months: Generated<number>;
  applies_to: ColumnType<string[], string[] | undefined, string[]>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface PolicyLinkTable {
  id: Generated<string>;
  school_id: string;
  policy_id: string;
  linked_title: string;
  linked_policy_id: string | null;
}

export interface PolicyVersionTable {
  id: Generated<string>;
  school_id: string;
  policy_id: string;
  number: number;
  body_markdown: string | null;
  original_file: Uint8Array | null;
  original_mime: string | null;
  original_name: string | null;
  change_summary: Generated<string>;
  status: Generated<'draft' | 'awaiting-approval' | 'approved' | 'withdrawn'>;
  approving_body: string | null;
  meeting_date: DateOnly | null;
  minute_ref: string | null;
  signatories: ColumnType<{ title: string; staffId: string; name: string }[], string | undefined, string>;
  approved_on: DateOnly | null;
  last_reviewed: DateOnly | null;
  next_review_due: DateOnly | null;
  next_review_term: string | null;
  imported: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface PolicySignatureTable {
  id: Generated<string>;
  school_id: string;
  version_id: string;
  staff_id: string;
  role_title: string;
  typed_name: string;
  signed_at: Generated<Date>;
}

export interface PolicyAcknowledgementTable {
  school_id: string;
  version_id: string;
  staff_id: string;
  acknowledged_at: Generated<Date>;
}

export interface PolicyReviewReminderTable {
  school_id: string;
  version_id: string;
  sent_at: Date;
}
