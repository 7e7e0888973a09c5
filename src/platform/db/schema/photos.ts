import type { Generated } from 'kysely';
import type { DateOnly } from './columns.ts';

/** Photographs (20261123T1300_photos). */
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
