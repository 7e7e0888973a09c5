/** The database's tables, for Kysely. One file per migration's tables under schema/. */
import type {
  SchoolTable,
  AcademicYearTable,
  TermTable,
  ClassTable,
  PupilTable,
  CarerTable,
  PupilCarerTable,
  StaffTable,
  StaffRoleTable,
  SchoolSettingsTable,
  AuditLogTable,
  OutboxTable,
  SessionTable,
  ApiTokenTable,
  PasswordResetTable,
  PendingImportTable,
  SignInAttemptTable,
} from './schema/foundation.ts';
import type {
  ClassTeacherTable,
  ConcernTable,
  ConcernPersonTable,
  ConcernEvidenceTable,
  ConcernRouteTable,
  ConcernReadTable,
  ConcernEntryTable,
  ConcernDeadlineReminderTable,
} from './schema/concerns.ts';
import type { ConsentRequestTable, ConsentRequestPupilTable, ConsentLinkTable, ConsentDecisionTable, TakedownTaskTable } from './schema/consent.ts';
import type {
  PhotoTable,
  PhotoPupilTable,
  PhotoPublicationRequestTable,
  PhotoPublicationTable,
  PhotoDeletionNoticeTable,
  PhotoPublicationDecisionTable,
  PhotoPublicationTakedownTable,
  PhotoPublicationPupilTable,
  PhotoFaceTable,
} from './schema/photos.ts';
import type { SignInCounterTable } from './schema/trust.ts';
import type { ConcernFamilyContactTable, TrustLeadTable, TrustSchoolTable, TrustTable } from './schema/oversight.ts';
import type {
  FilterRequestTable,
  FilterRequestStepTable,
  ComputerBanTable,
  MonitoringAlertTable,
  FilteringReviewTable,
  FilteringReviewPointTable,
} from './schema/filtering.ts';
import type { StaffEmailChangeHeldTable } from './schema/trust-people.ts';
import type {
  AgreementTable,
  AgreementVersionTable,
  AgreementSignatureTable,
  AgreementLinkTable,
  TrainingCourseTable,
  TrainingCompletionTable,
  TrainingReminderTable,
  MessageTable,
  MessageRecipientTable,
  EventTable,
  EventAttendanceTable,
  EsafetyLessonTable,
} from './schema/agreements.ts';
import type {
  PolicyTable,
  PolicyLinkTable,
  PolicyVersionTable,
  PolicySignatureTable,
  PolicyAcknowledgementTable,
  PolicyReviewReminderTable,
} from './schema/policies.ts';
import type { BackupRunTable } from './schema/backup.ts';
import type { OidcSignInRequestTable, SchoolSignInProviderTable, StaffIdentityTable } from './schema/sign-in.ts';
import type {
  SchoolAccountTable,
  AccountCredentialTaskTable,
  PhoneEventTable,
  PhoneExemptionTable,
  PressEnquiryTable,
  StaffDeclarationTable,
  PostQuestionTable,
  PostCheckCountTable,
} from './schema/registers.ts';

export type * from './schema/foundation.ts';
export type * from './schema/concerns.ts';
export type * from './schema/consent.ts';
export type * from './schema/photos.ts';
export type * from './schema/policies.ts';
export type * from './schema/trust.ts';
export type * from './schema/trust-people.ts';
export type * from './schema/backup.ts';
export type * from './schema/registers.ts';
export type * from './schema/oversight.ts';
export type * from './schema/agreements.ts';
export type * from './schema/filtering.ts';
export type * from './schema/sign-in.ts';

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
  staff_email_changes_held: StaffEmailChangeHeldTable;
  sign_in_attempts: SignInAttemptTable;
  sign_in_counters: SignInCounterTable;
  school_sign_in_providers: SchoolSignInProviderTable;
  staff_identities: StaffIdentityTable;
  oidc_sign_in_requests: OidcSignInRequestTable;
  class_teachers: ClassTeacherTable;
  concerns: ConcernTable;
  concern_people: ConcernPersonTable;
  concern_evidence: ConcernEvidenceTable;
  concern_routes: ConcernRouteTable;
  concern_reads: ConcernReadTable;
  concern_entries: ConcernEntryTable;
  concern_deadline_reminders: ConcernDeadlineReminderTable;
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
  photo_faces: PhotoFaceTable;
  photo_publication_decisions: PhotoPublicationDecisionTable;
  photo_publication_takedowns: PhotoPublicationTakedownTable;
  photo_publication_pupils: PhotoPublicationPupilTable;
  backup_runs: BackupRunTable;
  school_accounts: SchoolAccountTable;
  account_credential_tasks: AccountCredentialTaskTable;
  phone_events: PhoneEventTable;
  phone_exemptions: PhoneExemptionTable;
  press_enquiries: PressEnquiryTable;
  staff_declarations: StaffDeclarationTable;
  post_questions: PostQuestionTable;
  post_check_counts: PostCheckCountTable;
  concern_family_contacts: ConcernFamilyContactTable;
  agreements: AgreementTable;
  agreement_versions: AgreementVersionTable;
  agreement_signatures: AgreementSignatureTable;
  agreement_links: AgreementLinkTable;
  training_courses: TrainingCourseTable;
  training_completions: TrainingCompletionTable;
  training_reminders: TrainingReminderTable;
  messages: MessageTable;
  message_recipients: MessageRecipientTable;
  events: EventTable;
  event_attendance: EventAttendanceTable;
  esafety_lessons: EsafetyLessonTable;
  filter_requests: FilterRequestTable;
  filter_request_steps: FilterRequestStepTable;
  computer_bans: ComputerBanTable;
  monitoring_alerts: MonitoringAlertTable;
  filtering_reviews: FilteringReviewTable;
  filtering_review_points: FilteringReviewPointTable;
  trusts: TrustTable;
  trust_schools: TrustSchoolTable;
  trust_leads: TrustLeadTable;
}
