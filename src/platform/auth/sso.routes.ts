import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { ModuleRoutes } from '../modules.ts';
import type { AccountServices } from './services.ts';
import { NotFound, TooManyRequests } from '../http/errors.ts';
import { render, setFlash } from '../http/render.ts';
import { actorOf } from '../http/request-context.ts';
import { continueSignedIn } from './auth.routes.ts';
import { SignInRefused, type RefusalReason } from './sso.refusals.ts';

// A URN (digits, perhaps letters and dashes): anything else, a NUL byte included, is a 400 before the database sees it.
const StartQuery = Type.Object({ school: Type.String({ pattern: '^[0-9A-Za-z-]{1,20}$' }), next: Type.Optional(Type.String({ maxLength: 2000 })) });
const CallbackQuery = Type.Object({ state: Type.Optional(Type.String({ maxLength: 500 })), code: Type.Optional(Type.String({ maxLength: 4000 })) });
const ChoicesBody = Type.Object({ _csrf: Type.Optional(Type.String()), choices: Type.Optional(Type.Union([Type.String(), Type.Array(Type.String())])) });

const unfinished: readonly RefusalReason[] = [
  'unknown-state',
  'expired',
  'other-browser',
  'provider-error',
  'issuer-mismatch',
  'nonce-mismatch',
  'token-refused',
];

/** Ties a sign-in under way to the browser that started it (the state and nonce themselves stay in the database). */
const oidcCookie = 'esafety_oidc';

export const ssoRoutes: ModuleRoutes<AccountServices> = async (app, { services }) => {
  const { config } = services;
  const cookieOptions = { path: '/auth/oidc', httpOnly: true, sameSite: 'lax' as const, secure: config.secureCookies };

  const refused = (request: FastifyRequest, reply: FastifyReply, error: SignInRefused) => {
    // Counted by reason in the server log (and in the school's audit log when the school is known).
    request.log.warn({ reason: error.reason, detail: error.detail }, 'sign-in with a provider refused');
    reply.clearCookie(oidcCookie, cookieOptions);
    // A sign-in that did not finish properly is a bad request; a person the school does not let in is forbidden.
    const status = error.reason === 'provider-unreachable' ? 502 : unfinished.includes(error.reason) ? 400 : 403;
    return render(request, reply, 'auth/sign-in-refused.njk', { title: 'You could not be signed in', message: error.message }, status);
  };

  app.get('/auth/oidc/start', { config: { permission: 'public' }, schema: { hide: true, querystring: StartQuery } }, async (request, reply) => {
    try {
      const { authorizationUrl, browserToken } = await services.sso.start(request.query.school, request.query.next, request.ip);
      reply.setCookie(oidcCookie, browserToken, { ...cookieOptions, maxAge: 600 });
      return reply.redirect(authorizationUrl, 303);
    } catch (error) {
      if (error instanceof SignInRefused) return refused(request, reply, error);
      if (error instanceof TooManyRequests) {
        return render(request, reply, 'auth/sign-in-refused.njk', { title: 'You could not be signed in', message: error.message }, 429);
      }
      throw error;
    }
  });

  app.get('/auth/oidc/callback', { config: { permission: 'public' }, schema: { hide: true, querystring: CallbackQuery } }, async (request, reply) => {
    // The provider's whole answer, as it came (the library checks `iss`, `state` and `code` in it).
    const query = new URLSearchParams(request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '');
    try {
      const { sessionToken, next } = await services.sso.finish(query, request.cookies[oidcCookie]);
      reply.clearCookie(oidcCookie, cookieOptions);
      return continueSignedIn(reply, config, sessionToken, next ?? undefined);
    } catch (error) {
      if (error instanceof SignInRefused) return refused(request, reply, error);
      throw error;
    }
  });

  app.get('/settings/sign-in', { config: { permission: 'security:manage' }, schema: { hide: true } }, async (request, reply) => {
    const sso = await services.sso.choices(actorOf(request));
    const row = (key: string, value: string | number | null) => (value === null ? [] : [{ key: { text: key }, value: { text: String(value) } }]);
    const rows = sso
      ? [
          ...row('Button on the sign-in page', sso.buttonText),
          ...row('Provider', sso.issuer),
          ...row('Tenant ID', sso.tenant),
          ...row('School domain', sso.domain),
          ...row('Staff who have signed in with it', sso.linked),
        ]
      : [];
    return render(request, reply, 'auth/sign-in-settings.njk', { title: 'Signing in with Microsoft or Google', backLink: '/settings', sso, rows });
  });

  app.post(
    '/settings/sign-in',
    { config: { permission: 'security:manage' }, preHandler: app.csrfProtection, schema: { hide: true, body: ChoicesBody } },
    async (request, reply) => {
      const chosen = [request.body.choices ?? []].flat();
      try {
        await services.sso.saveChoices(actorOf(request), { passwordsOff: chosen.includes('passwords-off'), providerMfa: chosen.includes('provider-mfa') });
      } catch (error) {
        if (error instanceof NotFound) return reply.redirect('/settings/sign-in', 303);
        throw error;
      }
      setFlash(reply, 'Your choices for signing in have been saved.');
      return reply.redirect('/settings/sign-in', 303);
    },
  );
};
