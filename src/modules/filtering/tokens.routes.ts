import { Type } from 'typebox';
import type { ModuleRoutes } from '../../platform/modules.ts';
import { may } from '../../platform/auth/access.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { formValue } from '../../platform/http/form-body.ts';
import { submitForm } from '../../platform/http/forms.ts';
import { render, setFlash } from '../../platform/http/render.ts';
import { actorOf } from '../../platform/http/request-context.ts';
import { ButtonBody, IdParams } from '../../platform/http/schemas.ts';
import { scopeWords } from './tokens.service.ts';
import type { FilteringServices } from './services.ts';

const TokenBody = Type.Object({ _csrf: Type.Optional(Type.String()), scope: Type.Optional(Type.String()), label: Type.Optional(Type.String()) });

/** The token page (issue 12): make a scoped token for the filter or the monitoring product, see them, revoke one after a confirmation. */
export const tokenRoutes: ModuleRoutes<FilteringServices> = async (app, { services }) => {
  const { tokens } = services;
  const listPage = async (actor: Actor, values: Record<string, string> = {}) => ({
    title: 'Tokens for the filter and the monitoring product',
    tokens: (await tokens.list(actor)).map((t) => ({ ...t, what: scopeWords[t.scope] })),
    scopeItems: tokens.scopesFor(actor).map((c) => ({ value: c.scope, text: c.text, hint: { text: c.hint }, checked: values.scope === c.scope })),
    seesAll: may(actor, 'security:manage'),
    values,
  });

  app.get('/filtering/tokens', { config: { permission: 'token:manage' }, schema: { hide: true } }, async (request, reply) =>
    render(request, reply, 'filtering/views/tokens.njk', await listPage(actorOf(request))),
  );

  app.post(
    '/filtering/tokens',
    { config: { permission: 'token:manage' }, preHandler: app.csrfProtection, schema: { hide: true, body: TokenBody } },
    async (request, reply) => {
      const actor = actorOf(request);
      const values = { scope: formValue(request.body, 'scope'), label: formValue(request.body, 'label') };
      return submitForm(
        async () => {
          const made = await tokens.create(actor, values);
          // Shown this once (render sends it with no-store); only the hash is kept.
          return render(request, reply, 'filtering/views/token-created.njk', { title: 'Your new token', ...made, what: scopeWords[made.scope] }, 201);
        },
        async (errors) => render(request, reply, 'filtering/views/tokens.njk', { ...(await listPage(actor, values)), ...errors }, 400),
      );
    },
  );

  app.get('/filtering/tokens/:id/revoke', { config: { permission: 'token:manage' }, schema: { hide: true, params: IdParams } }, async (request, reply) => {
    const token = await tokens.find(actorOf(request), request.params.id);
    return render(request, reply, 'filtering/views/token-revoke.njk', { title: 'Revoke this token?', token: { ...token, what: scopeWords[token.scope] } });
  });

  app.post(
    '/filtering/tokens/:id/revoke',
    { config: { permission: 'token:manage' }, preHandler: app.csrfProtection, schema: { hide: true, params: IdParams, body: ButtonBody } },
    async (request, reply) => {
      await tokens.revoke(actorOf(request), request.params.id);
      setFlash(reply, 'Token revoked. Whatever held it can no longer reach this school.');
      return reply.redirect('/filtering/tokens', 303);
    },
  );
};
