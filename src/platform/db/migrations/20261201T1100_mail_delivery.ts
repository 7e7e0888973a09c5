import { sql, type Kysely } from 'kysely';

/**
 * Mail that never stalls (issue 17): a message being sent is leased for a short time in its own
 * column (leased_until), so a killed instance holds it for seconds, not minutes; failures are
 * retried with a capped backoff for days (first_failed_at), a message the mail server refused for
 * good, or that failed for too long, is marked failed (failed_at) and can be sent again by the
 * headteacher; last_attempt_at lets a waiting instance try the mail server again once it recovers.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
ALTER TABLE outbox ADD COLUMN leased_until timestamptz;
ALTER TABLE outbox ADD COLUMN last_attempt_at timestamptz;
ALTER TABLE outbox ADD COLUMN first_failed_at timestamptz;
ALTER TABLE outbox ADD COLUMN failed_at timestamptz;
-- The last attempt failed because the mail server could not be reached: it goes as soon as the server answers again.
ALTER TABLE outbox ADD COLUMN waiting_for_server boolean NOT NULL DEFAULT false;
-- What the old delivery gave up on after 8 attempts is now shown as failed, with a "send again" button.
UPDATE outbox SET failed_at = next_attempt_at, first_failed_at = created_at, last_attempt_at = next_attempt_at
  WHERE sent_at IS NULL AND attempts >= 8;
UPDATE outbox SET first_failed_at = created_at, last_attempt_at = next_attempt_at
  WHERE sent_at IS NULL AND attempts > 0 AND attempts < 8;
DROP INDEX outbox_unsent;
CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE sent_at IS NULL AND failed_at IS NULL;
CREATE INDEX outbox_failing ON outbox (school_id, first_failed_at) WHERE sent_at IS NULL AND first_failed_at IS NOT NULL;
`,
    )
    .execute(db);
}

export async function down(): Promise<void> {
  throw new Error('The mail delivery migration cannot be undone');
}
