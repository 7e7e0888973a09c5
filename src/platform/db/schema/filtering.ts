import type { Generated } from 'kysely';
import type { DateOnly, Json } from './columns.ts';

// Web filtering and monitoring (20261201T1400_filtering_requests).

export type FilterRequestKind = 'block' | 'unblock';
export type FilterDuration = 'lesson' | 'day' | 'week' | 'term' | 'permanent';
export type FilterRequestStatus = 'with-ict-lead' | 'with-decider' | 'applied-urgently' | 'approved' | 'refused' | 'expired';
export type FilterRequestStep = 'requested' | 'recommend-approve' | 'recommend-refuse' | 'applied-urgently' | 'approved' | 'refused' | 'expired';

export interface FilterRequestTable {
  id: Generated<string>;
  school_id: string;
  kind: FilterRequestKind;
  domain: string;
  display_domain: string;
  reason: string;
  duration: FilterDuration;
  class_id: string | null;
  concern_id: string | null;
  requested_by: string;
  requested_at: Generated<Date>;
  status: Generated<FilterRequestStatus>;
  in_force_from: Date | null;
  expires_at: Date | null;
}

export interface FilterRequestStepTable {
  id: Generated<string>;
  school_id: string;
  request_id: string;
  step: FilterRequestStep;
  note: Generated<string>;
  by_staff: string | null;
  at: Generated<Date>;
}

export interface ComputerBanTable {
  id: Generated<string>;
  school_id: string;
  pupil_id: string;
  concern_id: string | null;
  reason: string;
  starts_on: DateOnly;
  ends_on: DateOnly;
  supervised_use: boolean;
  created_by: string;
  created_at: Generated<Date>;
  lifted_at: Date | null;
  lifted_by: string | null;
  lifted_note: string | null;
}

export type AlertSeverity = 'low' | 'medium' | 'high' | 'critical';
export type AlertTriage = 'new' | 'false-positive' | 'noted' | 'concern-opened';

export interface MonitoringAlertTable {
  id: Generated<string>;
  school_id: string;
  source: string;
  external_id: string | null;
  occurred_at: Date;
  username: Generated<string>;
  device: Generated<string>;
  pupil_id: string | null;
  category: string;
  severity: AlertSeverity;
  detail: Generated<string>;
  received_at: Generated<Date>;
  received_via: 'upload' | 'api';
  triage: Generated<AlertTriage>;
  triage_note: string | null;
  triaged_by: string | null;
  triaged_at: Date | null;
  concern_id: string | null;
}

export interface FilteringReviewTable {
  id: Generated<string>;
  school_id: string;
  completed_on: DateOnly;
  next_due: DateOnly;
  participants: Json<{ role: string; name: string }[]>;
  recorded_by: string;
  recorded_at: Generated<Date>;
}

export interface FilteringReviewPointTable {
  school_id: string;
  review_id: string;
  key: string;
  met: boolean;
  evidence: string;
  actions: string;
}
