import { Type } from 'typebox';
import { isFullySignedIn } from '../../platform/auth/actor.ts';
import { submitForm } from '../../platform/http/forms.ts';
import { render, setFlash } from '../../platform/http/render.ts';
import { actorOf } from '../../platform/http/request-context.ts';
import type { ModuleRoutes } from '../../platform/modules.ts';
import type { SchoolServices } from './services.ts';

const SetupBody = Type.Object({
  schoolName: Type.String({ default: '' }),
  urn: Type.String({ default: '' }),
  headName: Type.String({ default: '' }),
  email: Type.String({ default: '' }),
  password: Type.String({ default: '' }),
  confirm: Type.String({ default: '' }),
  _csrf: Type.Optional(Type.String()),
});

export const schoolRoutes: ModuleRoutes<SchoolServices> = async (app, { services }) => {
  app.get('/', { config: { permission: 'public' }, schema: { hide: true } }, async (request, reply) => {
    if (!request.actor) return reply.redirect((await services.school.isSetUp()) ? '/sign-in' : '/setup', 303);
    return reply.redirect(isFullySignedIn(request.actor) ? '/dashboard' : '/sign-in/two-factor', 303);
  });

  app.get('/dashboard', { config: { permission: 'dashboard:view' }, schema: { hide: true } }, async (request, reply) => {
    const actor = actorOf(request);
    return render(request, reply, 'school/views/dashboard.njk', { title: 'Home', ...(await services.school.dashboard(actor)) });
  });

  // The set-up page exists only until the first school is created.
  app.get('/setup', { config: { permission: 'public' }, schema: { hide: true } }, async (request, reply) => {
    if (await services.school.isSetUp()) return reply.redirect('/sign-in', 303);
    return render(request, reply, 'school/views/setup.njk', { title: 'Set up eSafety Office', values: {} });
  });

  app.post('/setup', { config: { permission: 'public' }, preHandler: app.csrfProtection, schema: { hide: true, body: SetupBody } }, async (request, reply) => {
    if (await services.school.isSetUp()) return reply.redirect('/sign-in', 303);
    const { body } = request;
    return submitForm(
      async () => {
        await services.school.setUpFirstSchool(body);
        setFlash(reply, 'Your school is set up. Sign in with the e-mail address and password you chose.');
        return reply.redirect('/sign-in', 303);
      },
      async (errors) => render(request, reply, 'school/views/setup.njk', { title: 'Set up eSafety Office', values: body, ...errors }, 400),
    );
  });
};
