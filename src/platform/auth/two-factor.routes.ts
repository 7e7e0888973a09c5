import { Type } from 'typebox';
import type { ModuleRoutes } from '../modules.ts';
import type { AccountServices } from './services.ts';
import { TooManyRequests } from '../http/errors.ts';
import { submitForm, whenRefused } from '../http/forms.ts';
import { render } from '../http/render.ts';
import { actorOf } from '../http/request-context.ts';
import type { Actor } from './actor.ts';
import { totpUri } from './two-factor.ts';
import { continueSignedIn, giveSession, refusalSummary } from './auth.routes.ts';

const CodeBody = Type.Object({ code: Type.String({ default: '' }), next: Type.Optional(Type.String({ maxLength: 2000 })) });
const NextQuery = Type.Object({ next: Type.Optional(Type.String({ maxLength: 2000 })) });
const SetupBody = Type.Object({ code: Type.String({ default: '' }), secret: Type.String({ default: '', maxLength: 64 }) });

export const twoFactorRoutes: ModuleRoutes<AccountServices> = async (app, { services }) => {
  const { config } = services;
  const codePage = (next: string | undefined) => ({ title: 'Enter your security code', next: next ?? '' });
  // The QR code's library is loaded when someone first sets up two-factor authentication.
  const setupPage = async (actor: Actor, secret: string) => ({
    title: 'Set up two-factor authentication',
    secret,
    secretGroups: secret.match(/.{1,4}/g)?.join(' ') ?? secret,
    qrSvg: await (await import('qrcode')).default.toString(totpUri(secret, actor.email, `eSafety Office (${actor.schoolName})`), { type: 'svg', margin: 1 }),
    required: actor.twoFactor === 'needs-setup',
  });

  app.get(
    '/sign-in/two-factor',
    { config: { permission: 'signed-in', duringTwoFactor: true }, schema: { hide: true, querystring: NextQuery } },
    async (request, reply) => {
      const actor = actorOf(request);
      if (actor.twoFactor !== 'needs-code') return reply.redirect('/', 303);
      return render(request, reply, 'auth/two-factor.njk', codePage(request.query.next));
    },
  );

  app.post(
    '/sign-in/two-factor',
    { config: { permission: 'signed-in', duringTwoFactor: true }, preHandler: app.csrfProtection, schema: { hide: true, body: CodeBody } },
    async (request, reply) => {
      const actor = actorOf(request);
      if (actor.twoFactor !== 'needs-code') return reply.redirect('/', 303);
      const { body } = request;
      return submitForm(
        () =>
          whenRefused(
            TooManyRequests,
            async () => {
              const { sessionToken } = await services.auth.completeTwoFactor(actor, body.code);
              return continueSignedIn(reply, config, sessionToken, body.next);
            },
            async (error) => render(request, reply, 'auth/two-factor.njk', { ...codePage(body.next), errors: refusalSummary(error, 'code') }, 429),
          ),
        async (errors) => render(request, reply, 'auth/two-factor.njk', { ...codePage(body.next), ...errors }, 400),
      );
    },
  );

  app.get('/account', { config: { permission: 'signed-in' }, schema: { hide: true } }, async (request, reply) =>
    render(request, reply, 'auth/account.njk', { title: 'Your account', twoFactorOn: actorOf(request).twoFactor === 'done' }),
  );

  app.get('/account/two-factor/set-up', { config: { permission: 'signed-in', duringTwoFactor: true }, schema: { hide: true } }, async (request, reply) => {
    const actor = actorOf(request);
    if (actor.twoFactor === 'needs-code') return reply.redirect('/sign-in/two-factor', 303);
    if (actor.twoFactor === 'done') return reply.redirect('/account', 303);
    return render(request, reply, 'auth/two-factor-setup.njk', await setupPage(actor, services.auth.newTotpSecret()));
  });

  app.post(
    '/account/two-factor/set-up',
    { config: { permission: 'signed-in', duringTwoFactor: true }, preHandler: app.csrfProtection, schema: { hide: true, body: SetupBody } },
    async (request, reply) => {
      const actor = actorOf(request);
      if (actor.twoFactor === 'done' || actor.twoFactor === 'needs-code') return reply.redirect('/account', 303);
      const { body } = request;
      return submitForm(
        async () => {
          const { sessionToken, recoveryCodes } = await services.auth.enableTwoFactor(actor, body.secret, body.code);
          giveSession(reply, config, sessionToken);
          return render(request, reply, 'auth/recovery-codes.njk', { title: 'Two-factor authentication is on', recoveryCodes });
        },
        async (errors) => {
          // The secret the person's app already holds is kept, so they need not scan a new code.
          const secret = /^[A-Z2-7]{16,64}$/.test(body.secret) ? body.secret : services.auth.newTotpSecret();
          return render(request, reply, 'auth/two-factor-setup.njk', { ...(await setupPage(actor, secret)), ...errors }, 400);
        },
      );
    },
  );
};
