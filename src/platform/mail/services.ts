import { auditActor, type Actor } from '../auth/actor.ts';
import { recordAudit } from '../audit/audit.ts';
import { withSchool } from '../db/school-database.ts';
import { NotFound } from '../http/errors.ts';
import type { ModuleContext } from '../modules.ts';
import { markForResending, recentMail } from './outbox.ts';

export function createMailServices({ schools, onMail }: ModuleContext) {
  /** Puts the e-mail (or every failed one) back in the queue, audited, and wakes delivery. */
  const resend = async (actor: Actor, which: { id: string } | 'all-failed'): Promise<number> => {
    const again = await withSchool(schools, actor.schoolId, async (tx) => {
      const rows = await markForResending(tx, which);
      for (const row of rows) {
        await recordAudit(tx, actor.schoolId, auditActor(actor), {
          action: 'mail.resend',
          subjectType: 'mail',
          subjectId: row.id,
          detail: { subject: row.subject },
        });
      }
      return rows.length;
    });
    if (again > 0) onMail();
    return again;
  };
  return {
    outbox: {
      /** The school's latest hundred messages, newest first. */
      recent: (actor: Actor) => withSchool(schools, actor.schoolId, (tx) => recentMail(tx, 100)),
      /** One e-mail again; 404 when it is not this school's, already sent, or its text has been deleted. */
      resend: async (actor: Actor, id: string) => {
        if ((await resend(actor, { id })) === 0) throw new NotFound('This e-mail cannot be sent again: it has been sent, or its text was deleted');
      },
      /** Every e-mail that was given up on, again. */
      resendFailed: (actor: Actor) => resend(actor, 'all-failed'),
    },
  };
}
export type MailServices = ReturnType<typeof createMailServices>;
