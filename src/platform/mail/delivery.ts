import { sql, type Kysely } from 'kysely';
import nodemailer from 'nodemailer';
import type { DB } from '../db/schema.ts';
import { unsealMailBody } from './sealed.ts';

export interface MailTransport {
  send(message: { messageId: string; from: string; to: string; subject: string; text: string }): Promise<void>;
}

export function smtpTransport(smtpUrl: string): MailTransport & { close(): void } {
  const transporter = nodemailer.createTransport(smtpUrl);
  return {
    async send(message) {
      await transporter.sendMail({ ...message, messageId: message.messageId });
    },
    close: () => transporter.close(),
  };
}

export const maxAttempts = 8;
const leaseMinutes = 5;

/**
 * Sends what is due. Rows are leased (not locked) while the SMTP conversation runs, so a slow
 * mail server never holds a transaction open; a crash mid-send means the lease expires and the
 * message is tried again. Each message keeps one Message-ID so a resend can be recognised.
 */
export async function deliverDueMail(db: Kysely<DB>, transport: MailTransport, from: string, batch = 20): Promise<{ sent: number; failed: number }> {
  const due = await db.transaction().execute(async (tx) => {
    const ids = await tx
      .selectFrom('outbox')
      .select('id')
      .where('sent_at', 'is', null)
      .where('attempts', '<', maxAttempts)
      .where('next_attempt_at', '<=', sql<Date>`now()`)
      .orderBy('created_at')
      .limit(batch)
      .forUpdate()
      .skipLocked()
      .execute();
    if (ids.length === 0) return [];
    return tx
      .updateTable('outbox')
      .set({ attempts: sql`attempts + 1`, next_attempt_at: sql`now() + make_interval(mins => ${leaseMinutes})` })
      .where(
        'id',
        'in',
        ids.map((r) => r.id),
      )
      .returning(['id', 'to_address', 'subject', 'body_text', 'sealed_body', 'attempts'])
      .execute();
  });
  let sent = 0;
  let failed = 0;
  for (const mail of due) {
    try {
      // The secret link exists in clear only here, on its way to the SMTP server.
      const text = mail.sealed_body === null ? mail.body_text : unsealMailBody(mail.sealed_body);
      await transport.send({ messageId: `<${mail.id}@esafety-office>`, from, to: mail.to_address, subject: mail.subject, text });
      // Sent: the sealed copy is not needed any more.
      await db
        .updateTable('outbox')
        .set({ sent_at: sql`now()`, last_error: null, sealed_body: null })
        .where('id', '=', mail.id)
        .execute();
      sent++;
    } catch (error) {
      failed++;
      const backoffMinutes = Math.min(2 ** mail.attempts, 240);
      await db
        .updateTable('outbox')
        .set({ last_error: (error as Error).message.slice(0, 500), next_attempt_at: sql`now() + make_interval(mins => ${backoffMinutes})` })
        .where('id', '=', mail.id)
        .execute();
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
    .where((eb) => eb.or([eb('o.sent_at', 'is not', null), eb('o.attempts', '>=', maxAttempts)]))
    .where(
      sql<boolean>`coalesce(o.sent_at, o.created_at) < now() - make_interval(days => coalesce((
      SELECT (ss.document -> 'security' ->> 'mailRetentionDays')::int FROM school_settings ss
      WHERE ss.school_id = o.school_id ORDER BY ss.version DESC LIMIT 1), ${defaultMailRetentionDays}))`,
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
