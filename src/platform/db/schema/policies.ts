import type { ColumnType, Generated } from 'kysely';
import type { DateOnly } from './columns.ts';

/** Policies (20261123T1200_policies). */
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
