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
  /** Whether faces have been looked for yet (20261201T1600_faces). */
  faces_status: Generated<'pending' | 'done'>;
  /** The size the face boxes refer to: the original after rotation. */
  faces_width: number | null;
  faces_height: number | null;
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
  /** What happened when it was asked (it waits, or went out at once); a decision is a row of its own (20261201T0920). */
  status: 'requested' | 'published';
  requested_by: string;
  requested_at: Generated<Date>;
  /** Which faces the published copy blurs (20261201T1600_faces). */
  blur_faces: Generated<'none' | 'without-consent' | 'all'>;
  /** Issue 19: the post tags the children in it (refused where the channel allows no tagging; 20261202T1300_policy_rules). */
  tag_children: Generated<boolean>;
}

/** The decider's answer to a request: one per request, appended, never changed (20261201T0920). */
export interface PhotoPublicationDecisionTable {
  id: Generated<string>;
  school_id: string;
  request_id: string;
  decision: 'approved' | 'refused';
  note: string | null;
  decided_by: string;
  decided_at: Generated<Date>;
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
}

/** A publication recorded as taken down (CON-6), appended (20261201T0920). */
export interface PhotoPublicationTakedownTable {
  publication_id: string;
  school_id: string;
  taken_down_at: Generated<Date>;
  taken_down_by: string | null;
}

/** Who was tagged in the photograph when it was published, kept with the publication (20261201T0920). */
export interface PhotoPublicationPupilTable {
  school_id: string;
  publication_id: string;
  pupil_id: string;
}

export interface PhotoDeletionNoticeTable {
  school_id: string;
  academic_year: string;
  delete_on: DateOnly;
  sent_at: Generated<Date>;
}

/** A face found in a photograph: a box only, and what staff said about it (20261201T1600_faces). */
export interface PhotoFaceTable {
  school_id: string;
  photo_id: string;
  face_index: number;
  x: number;
  y: number;
  width: number;
  height: number;
  score: number;
  pupil_id: string | null;
  kind: 'adult' | 'not-a-pupil' | 'not-a-face' | null;
  tagged_by: string | null;
  tagged_at: Date | null;
}
