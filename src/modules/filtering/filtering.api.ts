import { Type } from 'typebox';
import type { ModuleRoutes } from '../../platform/modules.ts';
import { actorOf } from '../../platform/http/request-context.ts';
import { ApiError, apiErrors, IdParams } from '../../platform/http/schemas.ts';
import { as422, refuseInvalid } from './filtering.http.ts';
import type { FilteringServices } from './services.ts';

const RequestBody = Type.Object({
  kind: Type.Union([Type.Literal('block'), Type.Literal('unblock')]),
  domain: Type.String({
    maxLength: 300,
    description: 'The site’s name (IDN allowed); no scheme, path or port. *.example.org is the same as example.org: every entry covers the names under it.',
  }),
  reason: Type.String({ maxLength: 2000 }),
  duration: Type.Union([Type.Literal('lesson'), Type.Literal('day'), Type.Literal('week'), Type.Literal('term'), Type.Literal('permanent')]),
  classId: Type.Optional(Type.String({ format: 'uuid' })),
  concernId: Type.Optional(Type.String({ format: 'uuid', description: 'For a block: the concern it came from' })),
});
const Status = Type.Union([
  Type.Literal('with-ict-lead'),
  Type.Literal('with-decider'),
  Type.Literal('applied-urgently'),
  Type.Literal('approved'),
  Type.Literal('refused'),
  Type.Literal('expired'),
]);
const DecisionBody = Type.Object({
  decision: Type.Union([Type.Literal('recommend-approve'), Type.Literal('recommend-refuse'), Type.Literal('approved'), Type.Literal('refused')]),
  note: Type.String({ maxLength: 2000 }),
});
const FormatParams = Type.Object({
  format: Type.Union([Type.Literal('squidguard'), Type.Literal('e2guardian'), Type.Literal('hosts'), Type.Literal('rpz'), Type.Literal('pihole')]),
});
const ListQuery = Type.Object({ list: Type.Optional(Type.Union([Type.Literal('block'), Type.Literal('allow')])) });
const PiholeList = Type.Object({
  domains: Type.Array(
    Type.Object({
      domain: Type.String(),
      type: Type.Union([Type.Literal('allow'), Type.Literal('deny')]),
      kind: Type.Literal('regex'),
      comment: Type.String(),
      enabled: Type.Boolean(),
    }),
  ),
});

/** The filtering API (FLT-1…3): requests and decisions, and the lists the network's filter fetches. */
export const filteringApiRoutes: ModuleRoutes<FilteringServices> = async (app, { services }) => {
  app.post(
    '/api/v1/filter-requests',
    {
      config: { permission: 'filter:request' },
      attachValidation: true,
      schema: {
        summary: 'Ask for a website to be blocked or opened for teaching; the ICT lead is told',
        tags: ['filtering'],
        body: RequestBody,
        response: { 201: Type.Object({ id: Type.String(), status: Type.Literal('with-ict-lead') }), ...apiErrors },
      },
    },
    async (request, reply) => {
      refuseInvalid(request);
      const { body } = request;
      const asked = await as422(() => services.filtering.ask(actorOf(request), body));
      return reply.code(201).send({ id: asked.id, status: 'with-ict-lead' as const });
    },
  );

  app.post(
    '/api/v1/filter-requests/:id/decision',
    {
      config: { permission: 'filter:decide' },
      attachValidation: true,
      schema: {
        summary: 'The ICT lead recommends; the people the school’s settings name approve or refuse (403 for anyone else)',
        tags: ['filtering'],
        params: IdParams,
        body: DecisionBody,
        response: { 200: Type.Object({ status: Status }), 409: ApiError, ...apiErrors },
      },
    },
    async (request) => {
      refuseInvalid(request);
      const { params, body } = request;
      return as422(() => services.filtering.decide(actorOf(request), params.id, body.decision, body.note));
    },
  );

  app.get(
    '/api/v1/filter-lists/:format',
    {
      config: { permission: 'filter:export' },
      schema: {
        summary: 'The block or allow list in force, in the format the filter loads (squidGuard, e2guardian, hosts, RPZ; JSON for Pi-hole v6)',
        description: 'Fetch on a schedule with a token made by `esafety token add --scope filter-export`, which may read these lists and nothing else.',
        tags: ['filtering'],
        params: FormatParams,
        querystring: ListQuery,
        response: { 200: Type.Union([Type.String(), PiholeList]), ...apiErrors },
      },
    },
    async (request, reply) => {
      const { format } = request.params;
      const list = request.query.list ?? 'block';
      const { body } = await services.filtering.list(actorOf(request), format, list);
      if (typeof body === 'string') return reply.type('text/plain; charset=utf-8').send(body);
      return reply.send({ domains: body });
    },
  );
};
