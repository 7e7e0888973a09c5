import type { ColumnType, Generated } from 'kysely';
import type { DateOnly, Json, Timestamp } from './columns.ts';

/** Agreements, training, messages, events and lessons (20261201T1200_agreements). */
export interface AgreementTable {
  id: Generated<string>;
  school_id: string;
  key: string;
  title: string;
  audience: string[];
  renewal: 'never' | 'each-september' | 'new-version';
  active: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface AgreementVersionTable {
  id: Generated<string>;
  school_id: string;
  agreement_id: string;
  version: number;
  body: string;
  change_note: string | null;
  published_at: Timestamp | null;
  published_by: string | null;
  created_at: Generated<Date>;
}

export interface AgreementSignatureTable {
  id: Generated<string>;
  school_id: string;
  agreement_id: string;
  version: number;
  staff_id: string | null;
  carer_id: string | null;
  pupil_id: string | null;
  method: 'online' | 'paper' | 'recorded-by-teacher';
  signed_on: DateOnly;
  typed_name: string | null;
  recorded_at: Generated<Date>;
  recorded_by: string | null;
  recorded_by_label: string;
}

export interface AgreementLinkTable {
  id: Generated<string>;
  school_id: string;
  agreement_id: string;
  carer_id: string;
  token_hash: string;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
  emailed_at: Timestamp | null;
  reminded_at: Timestamp | null;
  answered_at: Timestamp | null;
  created_at: Generated<Date>;
}

export interface TrainingCourseTable {
  id: Generated<string>;
  school_id: string;
  key: string;
  title: string;
  description: Generated<string>;
  due_within_days: number;
  renewal_months: number | null;
  active: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface TrainingCompletionTable {
  id: Generated<string>;
  school_id: string;
  staff_id: string;
  course_id: string;
  completed_on: DateOnly;
  provider: string | null;
  certificate_name: string | null;
  certificate_type: string | null;
  certificate: Buffer | null;
  recorded_at: Generated<Date>;
  recorded_by: string | null;
  recorded_by_label: string;
}

export interface TrainingReminderTable {
  school_id: string;
  staff_id: string;
  sent_on: DateOnly;
}

export interface MessageTable {
  id: Generated<string>;
  school_id: string;
  template: string | null;
  subject: string;
  body: string;
  audience: Json<Record<string, unknown>>;
  audience_label: string;
  channels: string[];
  agreement_id: string | null;
  concern_id: string | null;
  created_by: string | null;
  created_by_label: string;
  created_at: Generated<Date>;
}

export interface MessageRecipientTable {
  id: Generated<string>;
  school_id: string;
  message_id: string;
  carer_id: string;
  channel: 'email' | 'sms' | 'letter';
  address: string | null;
  outbox_id: string | null;
  state: 'queued' | 'sent' | 'failed' | 'to-print' | 'printed';
  error: string | null;
  sent_at: Timestamp | null;
  attempts: Generated<number>;
}

export interface EventTable {
  id: Generated<string>;
  school_id: string;
  kind: 'meeting' | 'assembly' | 'workshop';
  title: string;
  held_on: DateOnly;
  notes: Generated<string>;
  message_id: string | null;
  /** One class (its pupils and their carers), or null for the whole school (20261201T1800_rest_agreements). */
  class_id: ColumnType<string | null, string | null | undefined, string | null>;
  created_by: string | null;
  created_at: Generated<Date>;
}

/** Exactly one of carer, pupil or member of staff per row (20261201T1800_rest_agreements). */
export interface EventAttendanceTable {
  school_id: string;
  event_id: string;
  carer_id: string | null;
  pupil_id: ColumnType<string | null, string | null | undefined, string | null>;
  staff_id: ColumnType<string | null, string | null | undefined, string | null>;
  recorded_at: Generated<Date>;
}

export interface EsafetyLessonTable {
  id: Generated<string>;
  school_id: string;
  class_id: string;
  subject: 'computing' | 'pshe' | 'assembly';
  topic: string;
  taught_on: DateOnly;
  recorded_at: Generated<Date>;
  recorded_by: string | null;
  recorded_by_label: string;
}
