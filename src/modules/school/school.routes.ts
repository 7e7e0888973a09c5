import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { Type, type Static } from 'typebox';
import { isFullySignedIn } from '../../platform/auth/actor.ts';
import type { DB } from '../../platform/db/schema.ts';
import { withSchool } from '../../platform/db/school-scope.ts';
import { ValidationError, type FieldProblem } from '../../platform/http/errors.ts';
import { formErrors, render, setFlash } from '../../platform/http/render.ts';
import { actorOf } from '../../platform/http/request-context.ts';
import { passwordProblem } from '../../platform/auth/secrets.ts';
import { addStaff, countSchools, createSchool, schoolProblems, splitName, staffProblems } from './school.service.ts';
import { dashboardFor } from './dashboard.ts';

const SetupBody = Type.Object({
  schoolName: Type.String({ default: '' }),
  urn: Type.String({ default: '' }),
  headName: Type.String({ default: '' }),
  email: Type.String({ default: '' }),
  password: Type.String({ default: '' }),
  confirm: Type.String({ default: '' }),
  _csrf: Type.Optional(Type.String()),
});

export async function schoolRoutes(app: FastifyInstance, { services: { db } }: { services: { db: Kysely<DB> } }) {
  app.get('/', { config: { permission: 'public' }, schema: { hide: true } }, async (request, reply) => {
    if (!request.actor) return reply.redirect((await countSchools(db)) === 0 ? '/setup' : '/sign-in', 303);
    return reply.redirect(isFullySignedIn(request.actor) ? '/dashboard' : '/sign-in/two-factor', 303);
  });

  app.get('/dashboard', { config: { permission: 'dashboard:view' }, schema: { hide: true } }, async (request, reply) => {
    const actor = actorOf(request);
    return render(request, reply, 'school/views/dashboard.njk', { title: 'Home', ...(await dashboardFor(db, actor)) });
  });

  // The set-up page exists only until the first school is created.
  app.get('/setup', { config: { permission: 'public' }, schema: { hide: true } }, async (request, reply) => {
    if ((await countSchools(db)) > 0) return reply.redirect('/sign-in', 303);
    return render(request, reply, 'school/views/setup.njk', { title: 'Set up eSafety Office', values: {} });
  });

  app.post('/setup', { config: { permission: 'public' }, preHandler: app.csrfProtection, schema: { hide: true, body: SetupBody } }, async (request, reply) => {
    if ((await countSchools(db)) > 0) return reply.redirect('/sign-in', 303);
    const body = request.body as Static<typeof SetupBody>;
    const { givenName, familyName } = splitName(body.headName);
    const problems: FieldProblem[] = [
      ...schoolProblems({ name: body.schoolName, urn: body.urn }).map((p) => ({ ...p, field: p.field === 'name' ? 'schoolName' : p.field })),
      ...staffProblems({ email: body.email, givenName, familyName, roles: ['headteacher'], password: body.password })
        .map((p) => ({ ...p, field: p.field === 'name' ? 'headName' : p.field })),
    ];
    if (!passwordProblem(body.password) && body.password !== body.confirm) problems.push({ field: 'confirm', message: 'Enter the same password twice' });
    if (problems.length) {
      return render(request, reply, 'school/views/setup.njk', { title: 'Set up eSafety Office', values: body, ...formErrors(problems) }, 400);
    }
    try {
      const actor = { id: null, label: `${givenName} ${familyName} (set-up page)` };
      const school = await createSchool(db, { name: body.schoolName, urn: body.urn }, actor);
      await withSchool(db, school.id, (tx) => addStaff(tx, school.id, actor, { email: body.email, givenName, familyName, roles: ['headteacher'], password: body.password }));
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return render(request, reply, 'school/views/setup.njk', { title: 'Set up eSafety Office', values: body, ...formErrors(error.problems) }, 400);
    }
    setFlash(reply, 'Your school is set up. Sign in with the e-mail address and password you chose.');
    return reply.redirect('/sign-in', 303);
  });
}
