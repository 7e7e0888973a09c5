import { sql } from 'kysely';
import type { SchoolTx } from '../db/school-scope.ts';
import { sealMailBody } from './sealed.ts';

export interface OutgoingMail {
  to: string;
  subject: string;
  /** Plain text that says what needs attention and links to it — never the details (privacy). */
  text: string;
}

/** What the outbox shows, and keeps after sending, in place of a link that carries a secret. */
export const hiddenLink = '(link hidden)';

/**
 * Links whose token is itself the key to something: choosing a password (reset and staff
 * invitation links) and a family's consent form. Any address ending in one of these paths and a
 * token is treated as secret wherever a module writes it.
 */
const secretLink = /\S*\/(?:reset-password|consent\/answer|agreements\/sign)\/[A-Za-z0-9_-]{16,}/g;

/** The text with every secret link replaced by "(link hidden)". */
export const withoutSecrets = (text: string): string => text.replace(secretLink, hiddenLink);

/**
 * Mail is written in the same transaction as the change that causes it: if the change rolls
 * back, no mail goes; if it commits, the delivery job will find it even after a restart.
 * A mail carrying a secret link is stored with the link hidden; the whole text is kept only
 * sealed (encrypted with a key outside the database) until it has been sent.
 */
export async function enqueueMail(tx: SchoolTx, schoolId: string, mail: OutgoingMail): Promise<string> {
  const shown = withoutSecrets(mail.text);
  const sealed = shown === mail.text ? null : sealMailBody(mail.text);
  const row = await tx
    .insertInto('outbox')
    .values({ school_id: schoolId, to_address: mail.to, subject: mail.subject, body_text: shown, sealed_body: sealed })
    .returning('id')
    .executeTakeFirstOrThrow();
  // The outbox row's id, for a module that shows whether its mail has gone (messages to carers).
  return row.id;
}

/** How long mail may fail before the home page alerts the headteacher. */
export const failingAlertMinutes = 60;

/**
 * Whether this school's mail has been failing for an hour or more (the home page alerts the
 * headteacher): since when, how many e-mails are not sent, how many were given up on, and the
 * mail server's last answer. E-mails older than a fortnight no longer raise the alert.
 */
export async function mailTrouble(tx: SchoolTx): Promise<{ since: Date; waiting: number; failed: number; lastError: string | null } | null> {
  const row = await tx
    .selectFrom('outbox')
    .select((eb) => [
      eb.fn.min('first_failed_at').as('since'),
      eb.fn.countAll<string>().as('n'),
      sql<string>`count(*) FILTER (WHERE failed_at IS NOT NULL)`.as('failed'),
      sql<string | null>`(array_agg(last_error ORDER BY last_attempt_at DESC NULLS LAST))[1]`.as('last_error'),
    ])
    .where('sent_at', 'is', null)
    .where('first_failed_at', 'is not', null)
    .where('created_at', '>', sql<Date>`now() - interval '14 days'`)
    .executeTakeFirstOrThrow();
  if (!row.since || new Date(row.since).getTime() > Date.now() - failingAlertMinutes * 60_000) return null;
  const failed = Number(row.failed);
  return { since: new Date(row.since), waiting: Number(row.n) - failed, failed, lastError: row.last_error };
}

/**
 * The headteacher sends a failed (or still failing) e-mail again: it is due now, with a fresh set
 * of retries. An e-mail whose text was deleted after the retention period cannot be sent again.
 */
export async function markForResending(tx: SchoolTx, which: { id: string } | 'all-failed'): Promise<{ id: string; subject: string }[]> {
  return tx
    .updateTable('outbox')
    .set({ failed_at: null, first_failed_at: null, waiting_for_server: false, attempts: 0, last_error: null, next_attempt_at: sql`now()` })
    .where('sent_at', 'is', null)
    .where('body_purged_at', 'is', null)
    .where((eb) => (which === 'all-failed' ? eb('failed_at', 'is not', null) : eb('id', '=', which.id)))
    .where((eb) => eb.or([eb('leased_until', 'is', null), eb('leased_until', '<=', sql<Date>`now()`)]))
    .returning(['id', 'subject'])
    .execute();
}

/** How many e-mails in this school's outbox have not been sent yet (the home page shows it). */
export async function countUnsentMail(tx: SchoolTx): Promise<number> {
  const row = await tx
    .selectFrom('outbox')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('sent_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The school's latest mail, newest first, as the outbox keeps it (secret links hidden). */
export function recentMail(tx: SchoolTx, limit: number) {
  return tx
    .selectFrom('outbox')
    .select([
      'id',
      'to_address',
      'subject',
      'body_text',
      'created_at',
      'sent_at',
      'attempts',
      'last_error',
      'next_attempt_at',
      'first_failed_at',
      'failed_at',
      'body_purged_at',
    ])
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
}
