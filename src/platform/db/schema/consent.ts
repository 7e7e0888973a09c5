import type { Generated } from 'kysely';
import type { Timestamp } from './columns.ts';

/** Photo consent (20261123T1000_consent). */
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
