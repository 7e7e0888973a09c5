import type { FastifyInstance } from 'fastify';
import QRCode from 'qrcode';
import { Type, type Static } from 'typebox';
import type { AccountServices } from './services.ts';
import { TooManyRequests, ValidationError } from '../http/errors.ts';
import { formErrors, render } from '../http/render.ts';
import { actorOf } from '../http/request-context.ts';
import { sessionCookie, sessionCookieOptions } from '../http/security.ts';
import type { Actor } from './actor.ts';
import { totpUri } from './two-factor.ts';
import { safeNext } from './auth.routes.ts';

const CodeBody = Type.Object({ code: Type.String({ default: '' }), next: Type.Optional(Type.String({ maxLength: 2000 })) });
const NextQuery = Type.Object({ next: Type.Optional(Type.String({ maxLength: 2000 })) });
const SetupBody = Type.Object({ code: Type.String({ default: '' }), secret: Type.String({ default: '', maxLength: 64 }) });

export async function twoFactorRoutes(app: FastifyInstance, { services }: { services: AccountServices }) {
  const { config } = services;
  const setupPage = async (actor: Actor, secret: string) => ({
    title: 'Set up two-factor authentication',
    secret,
    secretGroups: secret.match(/.{1,4}/g)?.join(' ') ?? secret,
    qrSvg: await QRCode.toString(totpUri(secret, actor.email, `eSafety Office (${actor.schoolName})`), { type: 'svg', margin: 1 }),
    required: actor.twoFactor === 'needs-setup',
  });

  app.get('/sign-in/two-factor', { config: { permission: 'signed-in', duringTwoFactor: true }, schema: { hide: true, querystring: NextQuery } }, async (request, reply) => {
    const actor = actorOf(request);
    if (actor.twoFactor !== 'needs-code') return reply.redirect('/', 303);
    return render(request, reply, 'auth/two-factor.njk', { title: 'Enter your security code', next: (request.query as Static<typeof NextQuery>).next ?? '' });
  });

  app.post('/sign-in/two-factor', { config: { permission: 'signed-in', duringTwoFactor: true }, preHandler: app.csrfProtection, schema: { hide: true, body: CodeBody } }, async (request, reply) => {
    const actor = actorOf(request);
    if (actor.twoFactor !== 'needs-code') return reply.redirect('/', 303);
    const body = request.body as Static<typeof CodeBody>;
    try {
      const { sessionToken } = await services.auth.completeTwoFactor(actor, body.code);
      reply.setCookie(sessionCookie, sessionToken, sessionCookieOptions(config));
      return reply.redirect(safeNext(body.next), 303);
    } catch (error) {
      const page = { title: 'Enter your security code', next: body.next ?? '' };
      if (error instanceof TooManyRequests) return render(request, reply, 'auth/two-factor.njk', { ...page, errors: [{ text: error.message, href: '#code' }] }, 429);
      if (!(error instanceof ValidationError)) throw error;
      return render(request, reply, 'auth/two-factor.njk', { ...page, ...formErrors(error.problems) }, 400);
    }
  });

  app.get('/account', { config: { permission: 'signed-in' }, schema: { hide: true } }, async (request, reply) =>
    render(request, reply, 'auth/account.njk', { title: 'Your account', twoFactorOn: actorOf(request).twoFactor === 'done' }));

  app.get('/account/two-factor/set-up', { config: { permission: 'signed-in', duringTwoFactor: true }, schema: { hide: true } }, async (request, reply) => {
    const actor = actorOf(request);
    if (actor.twoFactor === 'needs-code') return reply.redirect('/sign-in/two-factor', 303);
    if (actor.twoFactor === 'done') return reply.redirect('/account', 303);
    return render(request, reply, 'auth/two-factor-setup.njk', await setupPage(actor, services.auth.newTotpSecret()));
  });

  app.post('/account/two-factor/set-up', { config: { permission: 'signed-in', duringTwoFactor: true }, preHandler: app.csrfProtection, schema: { hide: true, body: SetupBody } }, async (request, reply) => {
    const actor = actorOf(request);
    if (actor.twoFactor === 'done' || actor.twoFactor === 'needs-code') return reply.redirect('/account', 303);
    const body = request.body as Static<typeof SetupBody>;
    try {
      const { sessionToken, recoveryCodes } = await services.auth.enableTwoFactor(actor, body.secret, body.code);
      reply.setCookie(sessionCookie, sessionToken, sessionCookieOptions(config));
      return render(request, reply, 'auth/recovery-codes.njk', { title: 'Two-factor authentication is on', recoveryCodes });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const secret = /^[A-Z2-7]{16,64}$/.test(body.secret) ? body.secret : services.auth.newTotpSecret();
      return render(request, reply, 'auth/two-factor-setup.njk', { ...(await setupPage(actor, secret)), ...formErrors(error.problems) }, 400);
    }
  });
}
