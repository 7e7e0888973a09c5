import type { ModuleRoutes } from '../modules.ts';
import type { MailServices } from './services.ts';
import { render } from '../http/render.ts';
import { actorOf } from '../http/request-context.ts';
import { maxAttempts } from './delivery.ts';

/**
 * The school's outbox. Without SMTP the messages wait here and the headteacher can read them,
 * so a demo or a school without mail set up still works — except the personal links, which only
 * ever leave sealed for the person they are for (outbox.ts): they show as "(link hidden)".
 */
export const mailRoutes: ModuleRoutes<MailServices> = async (app, { services }) => {
  app.get('/mail', { config: { permission: 'mail:read' }, schema: { hide: true } }, async (request, reply) => {
    const messages = await services.outbox.recent(actorOf(request));
    return render(request, reply, 'mail/views/mail.njk', {
      title: 'Sent mail',
      messages: messages.map((m) => ({ ...m, status: m.sent_at ? 'Sent' : m.attempts >= maxAttempts ? 'Failed' : m.attempts > 0 ? 'Retrying' : 'Waiting' })),
    });
  });
};
