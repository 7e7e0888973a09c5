import type { ColumnType, Generated } from 'kysely';
import type { Timestamp, Json } from './columns.ts';

/** Concerns and incidents (20261123T1100_concerns). */
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
  /** Null when a family raised it through the public contact form (20261201T1500_oversight). */
  reported_by: string | null;
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
  /** Null for a screenshot a family sent with the contact form. */
  added_by: string | null;
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
  kind: 'action' | 'amendment' | 'out-of-hours-decision' | 'follow-up-done' | 'closed' | 'told';
  action_key: string | null;
  field: 'summary' | 'details' | null;
  note: Generated<string>;
  reason: string | null;
  due_at: Timestamp | null;
  refers_to: string | null;
  grounds: Json<string[]> | null;
  acts: boolean | null;
  /** Issue 19: for a 'told' entry, who outside the staff was told, the person spoken to, when and how (20261202T1300_policy_rules). */
  told: Generated<'carers' | 'police' | 'lado' | 'social-care' | null>;
  told_who: Generated<string | null>;
  told_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  told_how: Generated<string | null>;
  created_by: string;
  created_at: Generated<Date>;
}

export interface ConcernDeadlineReminderTable {
  school_id: string;
  concern_id: string;
  sent_at: Generated<Date>;
}
