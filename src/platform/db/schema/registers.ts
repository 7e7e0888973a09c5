import type { ColumnType, Generated } from 'kysely';
import type { DateOnly, Json } from './columns.ts';

/** Registers and the post check (20261201T1300_registers_and_post_check). */
export interface SchoolAccountTable {
  id: Generated<string>;
  school_id: string;
  name: string;
  kind: 'social-media-account' | 'online-service';
  url: string;
  purpose: string;
  owner_id: string | null;
  credentials_holder_id: string | null;
  data_protection: Generated<string>;
  review_on: DateOnly;
  status: 'requested' | 'approved' | 'refused';
  requested_by: string;
  requested_at: Generated<Date>;
  decided_by: string | null;
  decided_at: Date | null;
  decision_note: string | null;
  reviewed_at: Date | null;
  updated_at: Generated<Date>;
}

export interface AccountCredentialTaskTable {
  id: Generated<string>;
  school_id: string;
  account_id: string;
  reason: 'holder-left' | 'holder-changed';
  former_holder_id: string | null;
  raised_at: Generated<Date>;
  done_at: Date | null;
  done_by: string | null;
}

export interface PhoneEventTable {
  id: Generated<string>;
  school_id: string;
  pupil_id: string;
  on_date: DateOnly;
  /** 'undone' cancels the tap it names in `undoes` (20261201T1800_rest_agreements). */
  action: 'handed-in' | 'returned' | 'undone';
  undoes: ColumnType<string | null, string | null | undefined, string | null>;
  recorded_by: string;
  recorded_at: Generated<Date>;
}

export interface PhoneExemptionTable {
  pupil_id: string;
  school_id: string;
  note: string;
  recorded_by: string;
  recorded_at: Generated<Date>;
}

export interface PressEnquiryTable {
  id: Generated<string>;
  school_id: string;
  outlet: string;
  contact: string;
  summary: string;
  received_at: Generated<Date>;
  received_by: string;
  reply: string | null;
  replied_by: string | null;
  replied_at: Date | null;
  photo_id: string | null;
  consent_request_id: string | null;
}

export interface StaffDeclarationTable {
  id: Generated<string>;
  school_id: string;
  staff_id: string;
  carer_id: string | null;
  name: string | null;
  platform: string;
  since: Generated<string>;
  note: string;
  declared_at: Generated<Date>;
  acknowledged_by: string | null;
  acknowledged_at: Date | null;
}

export interface PostFindingRow {
  rule: string;
  clause: string;
  excerpt: string;
  message: string;
}

export interface PostQuestionTable {
  id: Generated<string>;
  school_id: string;
  asked_by: string;
  asked_of: string;
  text: string;
  media_id: string | null;
  audience: 'personal' | 'school-account';
  account_id: string | null;
  verdict: 'ok' | 'ask';
  findings: Json<PostFindingRow[]>;
  asked_at: Generated<Date>;
  answer: 'go-ahead' | 'do-not-post' | null;
  answer_note: string | null;
  answered_by: string | null;
  answered_at: Date | null;
}

export interface PostCheckCountTable {
  school_id: string;
  on_date: DateOnly;
  verdict: 'ok' | 'ask' | 'not-allowed';
  checks: Generated<number>;
}
