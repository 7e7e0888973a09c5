import { sql, type Kysely } from 'kysely';
import nodemailer from 'nodemailer';
import type { DB } from '../db/schema.ts';
import { unsealMailBody } from './sealed.ts';

export interface MailTransport {
  send(message: { messageId: string; from: string; to: string; subject: string; text: string }): Promise<void>;
}

/**
 * How delivery paces itself. A message is leased while one instance talks to the mail server
 * about it; the lease is longer than the longest conversation allowed (sendTimeoutMs), so two
 * instances never send the same message, and short, so a killed instance holds a message for
 * seconds. While the mail server is down, one message is tried every probeSeconds; the first that
 * goes through releases every message that was waiting for the server.
 */
export const delivery = {
  leaseSeconds: 30,
  sendTimeoutMs: 20_000,
  probeSeconds: 30,
  /** Longest wait between two tries of a message the mail server turned away for now (4xx). */
  maxBackoffMinutes: 60,
  /** A message still failing this long after its first failure is marked failed (the head may send it again). */
  retryDays: 3,
} as const;

export function smtpTransport(smtpUrl: string): MailTransport & { close(): void } {
  // Each stage of the SMTP conversation has a time limit, so a mail server that stops answering
  // fails the attempt well within the lease instead of holding the message.
  const transporter = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: delivery.sendTimeoutMs,
  });
  return {
    async send(message) {
      let timer: NodeJS.Timeout | undefined;
      const limit = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(Object.assign(new Error(`The mail server did not finish within ${delivery.sendTimeoutMs / 1000} seconds`), { code: 'ETIMEDOUT' })),
          delivery.sendTimeoutMs,
        );
      });
      try {
        await Promise.race([transporter.sendMail({ ...message, messageId: message.messageId }), limit]);
      } finally {
        clearTimeout(timer);
      }
    },
    close: () => transporter.close(),
  };
}

/**
 * What a failed attempt says: the mail server refused this message for good (5xx: the address
 * does not exist, the message is rejected), turned this message away for now (4xx), or could not be
 * reached or stopped answering (anything else) — then every waiting message waits for the server.
 */
export type FailureKind = 'refused' | 'later' | 'server';
export function failureKind(error: unknown): FailureKind {
  const { code, responseCode } = (error ?? {}) as { code?: unknown; responseCode?: unknown };
  const stage = typeof code === 'string' ? code : '';
  const response = typeof responseCode === 'number' ? responseCode : 0;
  if ((stage === 'EENVELOPE' || stage === 'EMESSAGE') && response >= 500) return 'refused';
  if ((stage === 'EENVELOPE' || stage === 'EMESSAGE') && response >= 400 && response !== 421) return 'later';
  return 'server';
}

/** Minutes before a message turned away for now is tried again: 1, 2, 4 … up to an hour. */
export const backoffMinutes = (attempts: number): number => Math.min(2 ** Math.max(0, attempts - 1), delivery.maxBackoffMinutes);

type Leased = { id: string; to_address: string; subject: string; body_text: string; sealed_body: string | null; attempts: number };

/**
 * Takes one message to send, for this instance alone (FOR UPDATE SKIP LOCKED, then a short lease):
 * the longest-due message; when none is due and the mail server has been failing, one message
 * waiting for it, at most every probeSeconds across all instances.
 */
async function leaseNext(db: Kysely<DB>): Promise<Leased | null> {
  return db.transaction().execute(async (tx) => {
    let row = await tx
      .selectFrom('outbox')
      .select('id')
      .where('sent_at', 'is', null)
      .where('failed_at', 'is', null)
      .where('next_attempt_at', '<=', sql<Date>`now()`)
      .orderBy('next_attempt_at')
      .limit(1)
      .forUpdate()
      .skipLocked()
      .executeTakeFirst();
    if (!row) {
      row = await tx
        .selectFrom('outbox')
        .select('id')
        .where('sent_at', 'is', null)
        .where('failed_at', 'is', null)
        .where('waiting_for_server', '=', true)
        .where(
          sql<boolean>`NOT EXISTS (SELECT 1 FROM outbox o WHERE o.sent_at IS NULL AND o.failed_at IS NULL
          AND o.last_attempt_at > now() - make_interval(secs => ${delivery.probeSeconds}))`,
        )
        .orderBy('next_attempt_at')
        .limit(1)
        .forUpdate()
        .skipLocked()
        .executeTakeFirst();
    }
    if (!row) return null;
    const lease = sql<Date>`now() + make_interval(secs => ${delivery.leaseSeconds})`;
    return tx
      .updateTable('outbox')
      .set({ attempts: sql`attempts + 1`, last_attempt_at: sql`now()`, leased_until: lease, next_attempt_at: lease })
      .where('id', '=', row.id)
      .returning(['id', 'to_address', 'subject', 'body_text', 'sealed_body', 'attempts'])
      .executeTakeFirstOrThrow();
  });
}

/**
 * Sends one message, if one is due. Rows are leased (not locked) while the SMTP conversation
 * runs, so a slow mail server never holds a transaction open; a crash mid-send means the lease
 * runs out within seconds and any instance sends it. Each message keeps one Message-ID so a resend
 * can be recognised.
 */
export async function deliverNext(db: Kysely<DB>, transport: MailTransport, from: string): Promise<'sent' | FailureKind | 'none'> {
  const mail = await leaseNext(db);
  if (!mail) return 'none';
  try {
    // The secret link exists in clear only here, on its way to the SMTP server.
    const text = mail.sealed_body === null ? mail.body_text : unsealMailBody(mail.sealed_body);
    await transport.send({ messageId: `<${mail.id}@esafety-office>`, from, to: mail.to_address, subject: mail.subject, text });
  } catch (error) {
    const kind = failureKind(error);
    await recordFailure(db, mail, kind, error instanceof Error ? error.message : String(error));
    return kind;
  }
  await db.transaction().execute(async (tx) => {
    // Sent: the sealed copy is not needed any more.
    await tx
      .updateTable('outbox')
      .set({ sent_at: sql`now()`, last_error: null, sealed_body: null, leased_until: null, waiting_for_server: false })
      .where('id', '=', mail.id)
      .execute();
    // The mail server works again: everything that was waiting for it goes now.
    await tx
      .updateTable('outbox')
      .set({ next_attempt_at: sql`now()` })
      .where('sent_at', 'is', null)
      .where('failed_at', 'is', null)
      .where('waiting_for_server', '=', true)
      .where('next_attempt_at', '>', sql<Date>`now()`)
      .where((eb) => eb.or([eb('leased_until', 'is', null), eb('leased_until', '<=', sql<Date>`now()`)]))
      .execute();
  });
  return 'sent';
}

async function recordFailure(db: Kysely<DB>, mail: Leased, kind: FailureKind, message: string): Promise<void> {
  const error = message.slice(0, 500);
  const givenUp = sql<boolean>`coalesce(first_failed_at, now()) <= now() - make_interval(days => ${delivery.retryDays})`;
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable('outbox')
      .set({
        last_error: error,
        leased_until: null,
        waiting_for_server: kind === 'server',
        first_failed_at: sql`coalesce(first_failed_at, now())`,
        failed_at: kind === 'refused' ? sql`now()` : sql`CASE WHEN ${givenUp} THEN now() END`,
        next_attempt_at:
          kind === 'server'
            ? sql`now() + make_interval(secs => ${delivery.probeSeconds})`
            : sql`now() + make_interval(mins => ${backoffMinutes(mail.attempts)})`,
      })
      .where('id', '=', mail.id)
      .execute();
    if (kind !== 'server') return;
    // The mail server is down: nothing else is tried until a probe gets through, so an outage
    // costs one failed connection every probeSeconds, not one per waiting message.
    await tx
      .updateTable('outbox')
      .set({
        waiting_for_server: true,
        first_failed_at: sql`coalesce(first_failed_at, now())`,
        last_error: sql`coalesce(last_error, ${`Not tried yet: the mail server was not answering (${error})`})`,
        failed_at: sql`CASE WHEN ${givenUp} THEN now() END`,
        next_attempt_at: sql`greatest(next_attempt_at, now() + make_interval(secs => ${delivery.probeSeconds}))`,
      })
      .where('sent_at', 'is', null)
      .where('failed_at', 'is', null)
      .where('id', '!=', mail.id)
      .where('next_attempt_at', '<=', sql<Date>`now() + make_interval(secs => ${delivery.probeSeconds})`)
      .where((eb) => eb.or([eb('leased_until', 'is', null), eb('leased_until', '<=', sql<Date>`now()`)]))
      .execute();
  });
}

/**
 * Sends due mail until none is left or the mail server fails (then the next round, a few seconds
 * later or when new mail is queued, carries on). For tests and the CLI; the server runs
 * startMailDelivery (mail-jobs.ts).
 */
export async function deliverDueMail(db: Kysely<DB>, transport: MailTransport, from: string, limit = 1000): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  for (let i = 0; i < limit; i++) {
    const outcome = await deliverNext(db, transport, from);
    if (outcome === 'none') break;
    if (outcome === 'sent') sent++;
    else {
      failed++;
      if (outcome === 'server') break;
    }
  }
  return { sent, failed };
}

/** Days a sent e-mail's text is kept when the school's settings say nothing (security.mailRetentionDays). */
export const defaultMailRetentionDays = 30;
export const purgedBody = '(The text of this e-mail was deleted after the school’s retention period.)';

/**
 * Nightly: the text of mail sent (or given up on) longer ago than the school's retention period
 * is deleted; who it went to, the subject and when stay, for the record.
 */
export async function purgeOldMail(db: Kysely<DB>): Promise<number> {
  const result = await db
    .updateTable('outbox as o')
    .set({ body_text: purgedBody, sealed_body: null, body_purged_at: sql`now()` })
    .where('o.body_purged_at', 'is', null)
    .where((eb) => eb.or([eb('o.sent_at', 'is not', null), eb('o.failed_at', 'is not', null)]))
    .where(
      sql<boolean>`coalesce(o.sent_at, o.failed_at) < now() - make_interval(days => coalesce((
      SELECT (ss.document -> 'security' ->> 'mailRetentionDays')::int FROM school_settings ss
      WHERE ss.school_id = o.school_id ORDER BY ss.version DESC LIMIT 1), ${defaultMailRetentionDays}))`,
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
