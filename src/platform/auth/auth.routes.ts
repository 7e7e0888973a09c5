import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Config } from '../../config.ts';
import type { ModuleRoutes } from '../modules.ts';
import type { AccountServices } from './services.ts';
import { NotFound, TooManyRequests, ValidationError } from '../http/errors.ts';
import { submitForm, whenRefused } from '../http/forms.ts';
import { formErrors, render, setFlash } from '../http/render.ts';
import { actorOf } from '../http/request-context.ts';
import { ButtonBody } from '../http/schemas.ts';
import { sessionCookie, sessionCookieOptions } from '../http/security.ts';

const SignInBody = Type.Object({ email: Type.String({ default: '' }), password: Type.String({ default: '' }), next: Type.Optional(Type.String()) });
/** Where to go after signing in; any string is shown back, and `safeNext` decides whether it is followed. */
const SignInQuery = Type.Object({ next: Type.Optional(Type.String()) });
const EmailBody = Type.Object({ email: Type.String({ default: '' }) });
const ResetBody = Type.Object({ password: Type.String({ default: '' }), confirm: Type.String({ default: '' }) });
const TokenParams = Type.Object({ token: Type.String({ maxLength: 100 }) });

/**
 * Only paths on this site, so a crafted link cannot send someone elsewhere after sign-in; and only
 * printable ASCII, so nothing (a NUL, a line break) can break the Location header: anything else
 * is ignored and the person goes home.
 */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && next.length <= 2000 && /^\/(?![/\\])[!-~]*$/.test(next) ? next : '/dashboard';
}

/** Gives the browser its (new) session: after the password, the security code, or setting up two-factor. */
export function giveSession(reply: FastifyReply, config: Config, sessionToken: string): void {
  reply.setCookie(sessionCookie, sessionToken, sessionCookieOptions(config));
}

/** Gives the browser its session and sends the person on to where they were going. */
export function continueSignedIn(reply: FastifyReply, config: Config, sessionToken: string, next: string | undefined) {
  giveSession(reply, config, sessionToken);
  return reply.redirect(safeNext(next), 303);
}

/** The GOV.UK error summary for a refusal that is not one field's fault (too many attempts), linked to `field`. */
export const refusalSummary = (error: Error, field: string) => [{ text: error.message, href: `#${field}` }];

export const authRoutes: ModuleRoutes<AccountServices> = async (app, { services }) => {
  const { config } = services;
  const signInPage = async (next: string | undefined) => ({ title: 'Sign in', next: next ?? '', values: {}, ssoButtons: await services.sso.buttons() });

  app.get('/sign-in', { config: { permission: 'public' }, schema: { hide: true, querystring: SignInQuery } }, async (request, reply) => {
    if (request.actor) return reply.redirect('/', 303);
    return render(request, reply, 'auth/sign-in.njk', await signInPage(request.query.next));
  });

  app.post(
    '/sign-in',
    { config: { permission: 'public' }, preHandler: app.csrfProtection, schema: { hide: true, querystring: SignInQuery, body: SignInBody } },
    async (request, reply) => {
      const { body } = request;
      return submitForm(
        () =>
          whenRefused(
            TooManyRequests,
            async () => {
              if (!body.email.trim() || !body.password) {
                throw new ValidationError([
                  ...(body.email.trim() ? [] : [{ field: 'email', message: 'Enter your e-mail address' }]),
                  ...(body.password ? [] : [{ field: 'password', message: 'Enter your password' }]),
                ]);
              }
              const { sessionToken } = await services.auth.signIn(body.email, body.password, request.ip);
              return continueSignedIn(reply, config, sessionToken, body.next);
              // Too many attempts: the page keeps the next= of the address posted to (none, from the form), as it always has.
            },
            async (error) =>
              render(
                request,
                reply,
                'auth/sign-in.njk',
                { ...(await signInPage(request.query.next)), values: { email: body.email }, errors: refusalSummary(error, 'email') },
                429,
              ),
          ),
        async (errors) => render(request, reply, 'auth/sign-in.njk', { ...(await signInPage(body.next)), values: { email: body.email }, ...errors }, 400),
      );
    },
  );

  app.post(
    '/sign-out',
    { config: { permission: 'signed-in', duringTwoFactor: true }, preHandler: app.csrfProtection, schema: { hide: true, body: ButtonBody } },
    async (request, reply) => {
      await services.auth.signOut(actorOf(request));
      reply.clearCookie(sessionCookie, { path: '/' });
      setFlash(reply, 'You have signed out.');
      return reply.redirect('/sign-in', 303);
    },
  );

  const forgotPage = { title: 'Reset your password', backLink: '/sign-in' };

  app.get('/forgot-password', { config: { permission: 'public' }, schema: { hide: true } }, async (request, reply) =>
    render(request, reply, 'auth/forgot-password.njk', { ...forgotPage, values: {} }),
  );

  app.post(
    '/forgot-password',
    { config: { permission: 'public' }, preHandler: app.csrfProtection, schema: { hide: true, body: EmailBody } },
    async (request, reply) => {
      const { email } = request.body;
      if (!/^[^\s@]+@[^\s@]+$/.test(email.trim())) {
        return render(
          request,
          reply,
          'auth/forgot-password.njk',
          {
            ...forgotPage,
            values: { email },
            ...formErrors([{ field: 'email', message: 'Enter an e-mail address in the correct format, like name@example.sch.uk' }]),
          },
          400,
        );
      }
      await services.auth.requestPasswordReset(email, request.ip);
      return render(request, reply, 'auth/reset-sent.njk', { title: 'Check your e-mail', email: email.trim() });
    },
  );

  const resetPage = (token: string) => ({ title: 'Choose a new password', token });
  const linkExpired = (request: FastifyRequest, reply: FastifyReply) => async () =>
    render(request, reply, 'auth/reset-link-invalid.njk', { title: 'This link has expired' }, 404);

  app.get('/reset-password/:token', { config: { permission: 'public' }, schema: { hide: true, params: TokenParams } }, async (request, reply) => {
    const { token } = request.params;
    return whenRefused(
      NotFound,
      async () => {
        await services.auth.checkResetLink(token);
        return render(request, reply, 'auth/reset-password.njk', resetPage(token));
      },
      linkExpired(request, reply),
    );
  });

  app.post(
    '/reset-password/:token',
    { config: { permission: 'public' }, preHandler: app.csrfProtection, schema: { hide: true, params: TokenParams, body: ResetBody } },
    async (request, reply) => {
      const {
        params: { token },
        body,
      } = request;
      return whenRefused(
        NotFound,
        () =>
          submitForm(
            async () => {
              await services.auth.resetPassword(token, body.password, body.confirm);
              setFlash(reply, 'Your password has been changed. Sign in with your new password.');
              return reply.redirect('/sign-in', 303);
            },
            async (errors) => render(request, reply, 'auth/reset-password.njk', { ...resetPage(token), ...errors }, 400),
          ),
        linkExpired(request, reply),
      );
    },
  );
};
