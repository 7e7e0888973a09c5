import { Type } from 'typebox';
import type { ModuleRoutes } from '../../platform/modules.ts';
import { actorOf } from '../../platform/http/request-context.ts';
import { apiErrors } from '../../platform/http/schemas.ts';
import { as422, refuseInvalid } from './filtering.http.ts';
import type { FilteringServices } from './services.ts';

const Review = Type.Object({
  id: Type.String(),
  completedOn: Type.String({ format: 'date' }),
  nextDue: Type.String({ format: 'date' }),
  points: Type.Array(Type.Object({ key: Type.String(), met: Type.Boolean(), evidence: Type.String(), actions: Type.String() })),
});
const AlertBody = Type.Object({
  source: Type.String({ maxLength: 100, description: 'The monitoring product' }),
  externalId: Type.Optional(Type.String({ maxLength: 200, description: 'The product’s own id: the same alert sent twice is kept once' })),
  occurredAt: Type.String({ format: 'date-time' }),
  username: Type.Optional(Type.String({ maxLength: 200 })),
  device: Type.Optional(Type.String({ maxLength: 200 })),
  pupilId: Type.Optional(Type.String({ format: 'uuid' })),
  category: Type.String({ maxLength: 200 }),
  severity: Type.Union([Type.Literal('low'), Type.Literal('medium'), Type.Literal('high'), Type.Literal('critical')]),
  detail: Type.Optional(Type.String({ maxLength: 4000 })),
});

/** The yearly review (read) and alerts from the monitoring product (posted with a monitoring-alerts token). */
export const oversightApiRoutes: ModuleRoutes<FilteringServices> = async (app, { services }) => {
  app.get(
    '/api/v1/filtering-reviews',
    {
      config: { permission: 'filtering-review:read' },
      schema: {
        summary: 'The yearly reviews against the DfE filtering and monitoring standards, latest first',
        tags: ['filtering'],
        response: { 200: Type.Array(Review), ...apiErrors },
      },
    },
    async (request) =>
      (await services.oversight.reviews(actorOf(request))).map((r) => ({
        id: r.id,
        completedOn: r.completed_on,
        nextDue: r.next_due,
        points: r.points.map((p) => ({ key: p.key, met: p.met, evidence: p.evidence, actions: p.actions })),
      })),
  );

  app.post(
    '/api/v1/monitoring-alerts',
    {
      config: { permission: 'monitoring:receive' },
      attachValidation: true,
      schema: {
        summary: 'An alert from the school’s monitoring product, for the DSL and ICT lead to triage',
        description: 'Post with a token made by `esafety token add --scope monitoring-alerts`, which may do this and nothing else.',
        tags: ['filtering'],
        body: AlertBody,
        response: { 201: Type.Object({ id: Type.String(), duplicate: Type.Boolean() }), ...apiErrors },
      },
    },
    async (request, reply) => {
      refuseInvalid(request);
      const { body } = request;
      const stored = await as422(() => services.oversight.receiveAlert(actorOf(request), body));
      return reply.code(201).send(stored);
    },
  );
};
