import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { withSchool } from '../db/school-scope.ts';
import { render } from '../http/render.ts';
import { actorOf } from '../http/request-context.ts';
import { maxAttempts } from './delivery.ts';

/**
 * The school's outbox. Without SMTP the messages wait here and the headteacher can read them,
 * so a demo or a school without mail set up still works — except the personal links, which only
 * ever leave sealed for the person they are for (outbox.ts): they show as "(link hidden)".
 */
export async function mailRoutes(app: FastifyInstance, { db }: { db: Kysely<DB> }) {
  app.get('/mail', { config: { permission: 'mail:read' }, schema: { hide: true } }, async (request, reply) => {
    const actor = actorOf(request);
    const messages = await withSchool(db, actor.schoolId, (tx) => tx.selectFrom('outbox')
      .select(['id', 'to_address', 'subject', 'body_text', 'created_at', 'sent_at', 'attempts', 'last_error'])
      .orderBy('created_at', 'desc').limit(100).execute());
    return render(request, reply, 'mail/views/mail.njk', {
      title: 'Sent mail',
      messages: messages.map((m) => ({ ...m, status: m.sent_at ? 'Sent' : m.attempts >= maxAttempts ? 'Failed' : m.attempts > 0 ? 'Retrying' : 'Waiting' })),
    });
  });
}
