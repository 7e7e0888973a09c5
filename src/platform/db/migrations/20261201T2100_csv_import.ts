import { sql, type Kysely } from 'kysely';

/**
 * What the plain CSV import (issue 20, PPL-4) brings that OneRoster does not: the order in which the
 * MIS lists a pupil's contacts, and a court order restricting a contact, who is then never sent a
 * consent request, link or letter. A pending web import remembers whether it is a OneRoster zip or
 * plain CSV files with their column mapping.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
ALTER TABLE pupil_carers
  ADD COLUMN priority integer CHECK (priority IS NULL OR priority >= 0),
  ADD COLUMN court_order boolean NOT NULL DEFAULT false;
ALTER TABLE pending_imports ADD COLUMN kind text NOT NULL DEFAULT 'oneroster' CHECK (kind IN ('oneroster', 'csv'));
`,
    )
    .execute(db);
}

export async function down(): Promise<void> {
  throw new Error('The csv-import migration cannot be undone');
}
