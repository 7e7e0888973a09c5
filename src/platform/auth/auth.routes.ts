import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import type { AccountServices } from './services.ts';
import { NotFound, TooManyRequests, ValidationError } from '../http/errors.ts';
import { formErrors, render, setFlash } from '../http/render.ts';
import { actorOf } from '../http/request-context.ts';
import { sessionCookie, sessionCookieOptions } from '../http/security.ts';

const SignInBody = Type.Object({ email: Type.String({ default: '' }), password: Type.String({ default: '' }), next: Type.Optional(Type.String()) });
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

const clientAddress = (request: FastifyRequest) => request.ip;

export async function authRoutes(app: FastifyInstance, { services }: { services: AccountServices }) {
  const { config } = services;
  const signInPage = (request: FastifyRequest, extra: Record<string, unknown> = {}) =>
    ({ title: 'Sign in', next: (request.query as { next?: string }).next ?? '', values: {}, ...extra });

  app.get('/sign-in', { config: { permission: 'public' }, schema: { hide: true } }, async (request, reply) => {
    if (request.actor) return reply.redirect('/', 303);
    return render(request, reply, 'auth/sign-in.njk', signInPage(request));
  });

  app.post('/sign-in', { config: { permission: 'public' }, preHandler: app.csrfProtection, schema: { hide: true, body: SignInBody } }, async (request, reply) => {
    const body = request.body as Static<typeof SignInBody>;
    try {
      if (!body.email.trim() || !body.password) {
        throw new ValidationError([
          ...(body.email.trim() ? [] : [{ field: 'email', message: 'Enter your e-mail address' }]),
          ...(body.password ? [] : [{ field: 'password', message: 'Enter your password' }]),
        ]);
      }
      const { sessionToken } = await services.auth.signIn(body.email, body.password, clientAddress(request));
      reply.setCookie(sessionCookie, sessionToken, sessionCookieOptions(config));
      return reply.redirect(safeNext(body.next), 303);
    } catch (error) {
      if (error instanceof TooManyRequests) {
        return render(request, reply, 'auth/sign-in.njk', { ...signInPage(request), values: { email: body.email }, errors: [{ text: error.message, href: '#email' }] }, 429);
      }
      if (!(error instanceof ValidationError)) throw error;
      return render(request, reply, 'auth/sign-in.njk', { ...signInPage(request), next: body.next ?? '', values: { email: body.email }, ...formErrors(error.problems) }, 400);
    }
  });

  app.post('/sign-out', { config: { permission: 'signed-in', duringTwoFactor: true }, preHandler: app.csrfProtection, schema: { hide: true } }, async (request, reply) => {
    await services.auth.signOut(actorOf(request));
    reply.clearCookie(sessionCookie, { path: '/' });
    setFlash(reply, 'You have signed out.');
    return reply.redirect('/sign-in', 303);
  });

  app.get('/forgot-password', { config: { permission: 'public' }, schema: { hide: true } }, async (request, reply) =>
    render(request, reply, 'auth/forgot-password.njk', { title: 'Reset your password', values: {}, backLink: '/sign-in' }));

  app.post('/forgot-password', { config: { permission: 'public' }, preHandler: app.csrfProtection, schema: { hide: true, body: EmailBody } }, async (request, reply) => {
    const { email } = request.body as Static<typeof EmailBody>;
    if (!/^[^\s@]+@[^\s@]+$/.test(email.trim())) {
      return render(request, reply, 'auth/forgot-password.njk', { title: 'Reset your password', values: { email }, backLink: '/sign-in',
        ...formErrors([{ field: 'email', message: 'Enter an e-mail address in the correct format, like name@example.sch.uk' }]) }, 400);
    }
    await services.auth.requestPasswordReset(email, clientAddress(request));
    return render(request, reply, 'auth/reset-sent.njk', { title: 'Check your e-mail', email: email.trim() });
  });

  app.get('/reset-password/:token', { config: { permission: 'public' }, schema: { hide: true, params: TokenParams } }, async (request, reply) => {
    const { token } = request.params as Static<typeof TokenParams>;
    try {
      await services.auth.checkResetLink(token);
    } catch (error) {
      if (error instanceof NotFound) return render(request, reply, 'auth/reset-link-invalid.njk', { title: 'This link has expired' }, 404);
      throw error;
    }
    return render(request, reply, 'auth/reset-password.njk', { title: 'Choose a new password', token });
  });

  app.post('/reset-password/:token', { config: { permission: 'public' }, preHandler: app.csrfProtection, schema: { hide: true, params: TokenParams, body: ResetBody } }, async (request, reply) => {
    const { token } = request.params as Static<typeof TokenParams>;
    const body = request.body as Static<typeof ResetBody>;
    try {
      await services.auth.resetPassword(token, body.password, body.confirm);
    } catch (error) {
      if (error instanceof NotFound) return render(request, reply, 'auth/reset-link-invalid.njk', { title: 'This link has expired' }, 404);
      if (!(error instanceof ValidationError)) throw error;
      return render(request, reply, 'auth/reset-password.njk', { title: 'Choose a new password', token, ...formErrors(error.problems) }, 400);
    }
    setFlash(reply, 'Your password has been changed. Sign in with your new password.');
    return reply.redirect('/sign-in', 303);
  });
}
