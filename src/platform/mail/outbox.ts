import type { SchoolTx } from '../db/school-scope.ts';

export interface OutgoingMail {
  to: string;
  subject: string;
  /** Plain text that says what needs attention and links to it — never the details (privacy). */
  text: string;
}

/**
 * Mail is written in the same transaction as the change that causes it: if the change rolls
 * back, no mail goes; if it commits, the delivery job will find it even after a restart.
 */
export async function enqueueMail(tx: SchoolTx, schoolId: string, mail: OutgoingMail): Promise<void> {
  await tx.insertInto('outbox').values({ school_id: schoolId, to_address: mail.to, subject: mail.subject, body_text: mail.text }).execute();
}

/** How many e-mails in this school's outbox have not been sent yet (the home page shows it). */
export async function countUnsentMail(tx: SchoolTx): Promise<number> {
  const row = await tx.selectFrom('outbox').select((eb) => eb.fn.countAll<string>().as('n')).where('sent_at', 'is', null).executeTakeFirstOrThrow();
  return Number(row.n);
}
