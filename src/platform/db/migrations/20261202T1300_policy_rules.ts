import { sql, type Kysely } from 'kysely';
import { isolateBySchool } from '../row-level-security.ts';

/**
 * Issue 19, rules real policies keep. A pupil who must never be photographed or published (a court
 * order, a safeguarding reason), with the reason, who set it and when; whether a publication
 * asks to tag the children in the post (refused where a channel allows no tagging); a concern's required
 * "tell …" actions recorded as timeline entries (who was told, when, how); and the reminders sent
 * for concerns past their deadline, so each is sent once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
ALTER TABLE pupils
  ADD COLUMN do_not_photograph boolean NOT NULL DEFAULT false,
  ADD COLUMN do_not_photograph_reason text CHECK (do_not_photograph_reason IS NULL OR length(do_not_photograph_reason) <= 2000),
  ADD COLUMN do_not_photograph_set_by uuid REFERENCES staff(id),
  ADD COLUMN do_not_photograph_set_at timestamptz;
ALTER TABLE concern_entries DROP CONSTRAINT concern_entries_kind_check;
ALTER TABLE concern_entries ADD CONSTRAINT concern_entries_kind_check
  CHECK (kind IN ('action', 'amendment', 'out-of-hours-decision', 'follow-up-done', 'closed', 'told'));
ALTER TABLE concern_entries
  ADD COLUMN told text CHECK (told IS NULL OR told IN ('carers', 'police', 'lado', 'social-care')),
  ADD COLUMN told_who text,
  ADD COLUMN told_at timestamptz,
  ADD COLUMN told_how text;
ALTER TABLE photo_publication_requests ADD COLUMN tag_children boolean NOT NULL DEFAULT false;
CREATE TABLE concern_deadline_reminders (
  school_id uuid NOT NULL REFERENCES schools(id),
  concern_id uuid NOT NULL REFERENCES concerns(id),
  sent_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (school_id, concern_id)
);
`,
    )
    .execute(db);
  await isolateBySchool(db, 'concern_deadline_reminders', 'append-only');
}

export async function down(): Promise<void> {
  throw new Error('The policy-rules migration cannot be undone');
}
