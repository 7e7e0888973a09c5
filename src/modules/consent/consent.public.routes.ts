import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import type { ConsentServices } from './services.ts';
import { NotFound, TooManyRequests, ValidationError } from '../../platform/http/errors.ts';
import { formErrors, render } from '../../platform/http/render.ts';
import { answerField } from './consent-link.service.ts';

const TokenParams = Type.Object({ token: Type.String({ maxLength: 200 }) });

/** The carer's page, reached from a personal link with no account (CON-4). */
export async function consentPublicRoutes(app: FastifyInstance, { services }: { services: ConsentServices }) {
  const page = (view: Awaited<ReturnType<ConsentServices['consentLinks']['open']>>, token: string, values: Record<string, unknown>) => ({
    title: 'Photographs of your child', schoolName: view.school.name, view, token, values,
    questions: view.children.map((child) => ({ child, items: view.purposes.map((purpose) => ({ purpose, field: answerField(child.id, purpose.key),
      value: values[answerField(child.id, purpose.key)] ?? view.previous.get(answerField(child.id, purpose.key)) ?? '' })) })),
  });

  const expired = (request: Parameters<typeof render>[0], reply: Parameters<typeof render>[1], error: unknown) => {
    if (error instanceof NotFound) return render(request, reply, 'consent/views/link-expired.njk', { title: 'This link has expired' }, 404);
    if (error instanceof TooManyRequests) return render(request, reply, 'error.njk', { title: 'Too many attempts', message: error.message }, 429);
    throw error;
  };

  app.get('/consent/answer/:token', { config: { permission: 'public' }, schema: { hide: true, params: TokenParams } }, async (request, reply) => {
    const { token } = request.params as Static<typeof TokenParams>;
    try {
      const view = await services.consentLinks.open(token, request.ip);
      reply.header('referrer-policy', 'no-referrer');
      return await render(request, reply, 'consent/views/answer.njk', page(view, token, {}));
    } catch (error) {
      return expired(request, reply, error);
    }
  });

  app.post('/consent/answer/:token', { config: { permission: 'public' }, preHandler: app.csrfProtection, schema: { hide: true, params: TokenParams } }, async (request, reply) => {
    const { token } = request.params as Static<typeof TokenParams>;
    const form = (request.body ?? {}) as Record<string, unknown>;
    try {
      await services.consentLinks.answer(token, request.ip, form);
      const view = await services.consentLinks.open(token, request.ip);
      return await render(request, reply, 'consent/views/answered.njk', { title: 'Thank you', schoolName: view.school.name, view });
    } catch (error) {
      if (error instanceof ValidationError) {
        const view = await services.consentLinks.open(token, request.ip).catch(() => null);
        if (!view) return expired(request, reply, new NotFound());
        return render(request, reply, 'consent/views/answer.njk', { ...page(view, token, form), ...formErrors(error.problems) }, 400);
      }
      return expired(request, reply, error);
    }
  });
}
