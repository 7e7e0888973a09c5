import type { ModuleRoutes } from '../modules.ts';
import type { MailServices } from './services.ts';
import { render, setFlash } from '../http/render.ts';
import { actorOf } from '../http/request-context.ts';
import { ButtonBody, IdParams } from '../http/schemas.ts';

type Listed = Awaited<ReturnType<MailServices['outbox']['recent']>>[number];

/** What the outbox says about one e-mail, in the words the headteacher reads. */
export function mailStatus(m: Listed): 'Sent' | 'Failed' | 'Retrying' | 'Waiting' {
  if (m.sent_at) return 'Sent';
  if (m.failed_at) return 'Failed';
  return m.first_failed_at || m.attempts > 0 ? 'Retrying' : 'Waiting';
}

/**
 * The school's outbox. Without SMTP the messages wait here and the headteacher can read them,
 * so a demo or a school without mail set up still works — except the personal links, which only
 * ever leave sealed for the person they are for (outbox.ts): they show as "(link hidden)".
 * An e-mail that failed, or is still failing, has a "Send again" button.
 */
export const mailRoutes: ModuleRoutes<MailServices> = async (app, { services }) => {
  app.get('/mail', { config: { permission: 'mail:read' }, schema: { hide: true } }, async (request, reply) => {
    const messages = (await services.outbox.recent(actorOf(request))).map((m) => {
      const status = mailStatus(m);
      return { ...m, status, canResend: (status === 'Failed' || status === 'Retrying') && !m.body_purged_at };
    });
    return render(request, reply, 'mail/views/mail.njk', {
      title: 'Sent mail',
      messages,
      failedCount: messages.filter((m) => m.status === 'Failed' && m.canResend).length,
    });
  });

  app.post(
    '/mail/:id/resend',
    { config: { permission: 'mail:resend' }, preHandler: app.csrfProtection, schema: { hide: true, params: IdParams, body: ButtonBody } },
    async (request, reply) => {
      await services.outbox.resend(actorOf(request), request.params.id);
      setFlash(reply, 'The e-mail will be sent again now');
      return reply.redirect('/mail', 303);
    },
  );

  app.post(
    '/mail/resend-failed',
    { config: { permission: 'mail:resend' }, preHandler: app.csrfProtection, schema: { hide: true, body: ButtonBody } },
    async (request, reply) => {
      const count = await services.outbox.resendFailed(actorOf(request));
      setFlash(reply, count === 0 ? 'There were no failed e-mails to send again' : `${count} e-mail${count === 1 ? '' : 's'} will be sent again now`);
      return reply.redirect('/mail', 303);
    },
  );
};
