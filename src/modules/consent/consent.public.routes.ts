import { Type } from 'typebox';
import type { ModuleRoutes } from '../../platform/modules.ts';
import type { ConsentServices } from './services.ts';
import { NotFound, TooManyRequests } from '../../platform/http/errors.ts';
import { submitForm } from '../../platform/http/forms.ts';
import { render } from '../../platform/http/render.ts';
import { answerField } from './consent-link.service.ts';
import { OpenFormBody } from './consent.schemas.ts';

const TokenParams = Type.Object({ token: Type.String({ maxLength: 200 }) });

/** The carer's page, reached from a personal link with no account (CON-4). */
export const consentPublicRoutes: ModuleRoutes<ConsentServices> = async (app, { services }) => {
  const page = (view: Awaited<ReturnType<ConsentServices['consentLinks']['open']>>, token: string, values: Record<string, unknown>) => ({
    title: 'Photographs of your child',
    schoolName: view.school.name,
    view,
    token,
    values,
    questions: view.children.map((child) => ({
      child,
      items: view.purposes.map((purpose) => ({
        purpose,
        field: answerField(child.id, purpose.key),
        value: values[answerField(child.id, purpose.key)] ?? view.previous.get(answerField(child.id, purpose.key)) ?? '',
      })),
    })),
  });

  const expired = (request: Parameters<typeof render>[0], reply: Parameters<typeof render>[1], error: unknown) => {
    if (error instanceof NotFound) return render(request, reply, 'consent/views/link-expired.njk', { title: 'This link has expired' }, 404);
    if (error instanceof TooManyRequests) return render(request, reply, 'error.njk', { title: 'Too many attempts', message: error.message }, 429);
    throw error;
  };

  app.get('/consent/answer/:token', { config: { permission: 'public' }, schema: { hide: true, params: TokenParams } }, async (request, reply) => {
    const { token } = request.params;
    try {
      const view = await services.consentLinks.open(token, request.ip);
      reply.header('referrer-policy', 'no-referrer');
      return await render(request, reply, 'consent/views/answer.njk', page(view, token, {}));
    } catch (error) {
      return expired(request, reply, error);
    }
  });

  app.post(
    '/consent/answer/:token',
    { config: { permission: 'public' }, preHandler: app.csrfProtection, schema: { hide: true, params: TokenParams, body: OpenFormBody } },
    async (request, reply) => {
      const {
        params: { token },
        body: form,
      } = request;
      try {
        return await submitForm(
          async () => {
            await services.consentLinks.answer(token, request.ip, form);
            const view = await services.consentLinks.open(token, request.ip);
            return render(request, reply, 'consent/views/answered.njk', { title: 'Thank you', schoolName: view.school.name, view });
          },
          async (errors) => {
            const view = await services.consentLinks.open(token, request.ip).catch(() => null);
            if (!view) return expired(request, reply, new NotFound());
            return render(request, reply, 'consent/views/answer.njk', { ...page(view, token, form), ...errors }, 400);
          },
        );
      } catch (error) {
        return expired(request, reply, error);
      }
    },
  );
};
