import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { ModuleRoutes } from '../../platform/modules.ts';
import type { AgreementServices } from './services.ts';
import { NotFound, TooManyRequests } from '../../platform/http/errors.ts';
import { submitForm } from '../../platform/http/forms.ts';
import { render } from '../../platform/http/render.ts';
import { renderPolicyMarkdown } from '../policies/policies.markdown.ts';

const TokenParams = Type.Object({ token: Type.String({ maxLength: 200 }) });
const SignBody = Type.Object({ _csrf: Type.Optional(Type.String()), typedName: Type.String({ default: '', maxLength: 500 }) });

type View = Awaited<ReturnType<AgreementServices['agreementLinks']['open']>>;

/** The family's page, reached from the personal link in their e-mail, with no account (AGR-2). */
export const agreementPublicRoutes: ModuleRoutes<AgreementServices> = async (app, { services }) => {
  const page = (view: View, token: string, values: Record<string, unknown>) => ({
    title: view.agreement.title,
    schoolName: view.school.name,
    view,
    token,
    values,
    html: renderPolicyMarkdown(view.version.body),
    waiting: view.children.filter((c) => !c.signed),
  });

  const refused = (request: FastifyRequest, reply: FastifyReply, error: unknown) => {
    if (error instanceof NotFound) return render(request, reply, 'agreements/views/link-expired.njk', { title: 'This link has expired' }, 404);
    if (error instanceof TooManyRequests) return render(request, reply, 'error.njk', { title: 'Too many attempts', message: error.message }, 429);
    throw error;
  };

  app.get('/agreements/sign/:token', { config: { permission: 'public' }, schema: { hide: true, params: TokenParams } }, async (request, reply) => {
    const { token } = request.params;
    try {
      const view = await services.agreementLinks.open(token, request.ip);
      reply.header('referrer-policy', 'no-referrer');
      return await render(request, reply, 'agreements/views/sign.njk', page(view, token, {}));
    } catch (error) {
      return refused(request, reply, error);
    }
  });

  app.post(
    '/agreements/sign/:token',
    { config: { permission: 'public' }, preHandler: app.csrfProtection, schema: { hide: true, params: TokenParams, body: SignBody } },
    async (request, reply) => {
      const { token } = request.params;
      try {
        return await submitForm(
          async () => {
            const view = await services.agreementLinks.sign(token, request.ip, request.body.typedName);
            reply.header('referrer-policy', 'no-referrer');
            return render(request, reply, 'agreements/views/signed.njk', { title: 'Thank you', schoolName: view.school.name, view });
          },
          async (errors) => {
            const view = await services.agreementLinks.open(token, request.ip);
            return render(request, reply, 'agreements/views/sign.njk', { ...page(view, token, request.body), ...errors }, 400);
          },
        );
      } catch (error) {
        return refused(request, reply, error);
      }
    },
  );
};
