import type { ModuleRoutes } from '../../platform/modules.ts';
import type { ConcernsServices } from './services.ts';
import { render } from '../../platform/http/render.ts';
import { IdParams } from '../../platform/http/schemas.ts';
import { actorOf } from '../../platform/http/request-context.ts';
import type { Who } from './concerns.queries.ts';

const kinds = [
  ['pupils', 'pupil'],
  ['staff', 'staff'],
  ['carers', 'carer'],
] as const;

/** Chronologies per pupil and per person (INC-7), printable, and the overview for the head and DSL. */
export const concernOverviewRoutes: ModuleRoutes<ConcernsServices> = async (app, { services }) => {
  for (const [path, kind] of kinds) {
    app.get(`/${path}/:id/chronology`, { config: { permission: 'concern:chronology' }, schema: { hide: true, params: IdParams } }, async (request, reply) => {
      const { id } = request.params;
      const who: Who = { kind, id };
      const { person, items } = await services.concerns.chronology(actorOf(request), who);
      return render(request, reply, 'concerns/views/chronology.njk', {
        title: `Chronology: ${person.name}`,
        person,
        items,
        backLink: kind === 'pupil' ? `/pupils/${id}` : '/concerns',
      });
    });
  }

  app.get('/concerns/overview', { config: { permission: 'concern:overview' }, schema: { hide: true } }, async (request, reply) =>
    render(request, reply, 'concerns/views/overview.njk', {
      title: 'Concerns overview',
      backLink: '/concerns',
      ...(await services.concerns.overview(actorOf(request))),
    }),
  );
};
