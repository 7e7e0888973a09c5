import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { ModuleRoutes } from '../../platform/modules.ts';
import type { ConcernsServices } from './services.ts';
import { NotFound, Unprocessable, ValidationError } from '../../platform/http/errors.ts';
import { actorOf } from '../../platform/http/request-context.ts';
import { ApiError, apiErrors, IdParams } from '../../platform/http/schemas.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Ids = Type.Array(Type.String({ maxLength: 64 }), { maxItems: 200 });

export const ReportBody = Type.Object({
  type: Type.String({ maxLength: 60 }),
  summary: Type.String(),
  details: Type.String(),
  occurredAt: Type.String({ format: 'date-time' }),
  location: Type.Union([Type.Literal('in-school'), Type.Literal('out-of-school')]),
  outOfHours: Type.Optional(Type.Boolean()),
  platform: Type.Optional(Type.String()),
  pupilIds: Type.Optional(Ids),
  staffIds: Type.Optional(Ids),
  carerIds: Type.Optional(Ids),
  others: Type.Optional(Type.Array(Type.String(), { maxItems: 50 })),
  links: Type.Optional(Type.Array(Type.String(), { maxItems: 50 })),
  involvesNudeImages: Type.Optional(Type.Boolean({ description: 'Nude or sexual images of a child: goes to the DSL group at once; nothing may be uploaded.' })),
});
const Reported = Type.Object({
  id: Type.String(),
  type: Type.String(),
  status: Type.Literal('open'),
  reportedBy: Type.String(),
  reportedAt: Type.String({ format: 'date-time' }),
  routedTo: Type.Array(Type.Object({ userId: Type.String(), reason: Type.String() })),
});
const TimelineItem = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  actionKey: Nullable(Type.String()),
  what: Type.String(),
  note: Type.String(),
  reason: Nullable(Type.String()),
  field: Nullable(Type.String()),
  dueAt: Nullable(Type.String({ format: 'date-time' })),
  grounds: Type.Array(Type.String()),
  acts: Nullable(Type.Boolean()),
  by: Type.String(),
  at: Type.String({ format: 'date-time' }),
});
const ConcernRecord = Type.Object({
  id: Type.String(),
  type: Type.String(),
  status: Type.Union([Type.Literal('open'), Type.Literal('closed')]),
  summary: Type.String(),
  details: Type.String(),
  amended: Type.Boolean(),
  occurredAt: Type.String({ format: 'date-time' }),
  location: Type.String(),
  outOfHours: Type.Boolean(),
  platform: Nullable(Type.String()),
  involvesNudeImages: Type.Boolean(),
  reportedBy: Nullable(Type.String({ description: 'The member of staff who reported it; null when a family raised it through the contact form' })),
  reportedAt: Type.String({ format: 'date-time' }),
  people: Type.Array(Type.Object({ kind: Type.String(), id: Nullable(Type.String()), name: Type.String() })),
  evidence: Type.Array(
    Type.Object({
      id: Type.String(),
      url: Nullable(Type.String()),
      fileName: Nullable(Type.String()),
      contentType: Nullable(Type.String()),
      addedAt: Type.String({ format: 'date-time' }),
    }),
  ),
  routedTo: Type.Array(Type.Object({ userId: Type.String(), reason: Type.String(), readAt: Nullable(Type.String({ format: 'date-time' })) })),
  outcome: Nullable(Type.String()),
  timeline: Type.Array(TimelineItem),
  /** Issue 19: the "tell …" actions the type requires; `doneAt` stays null until recorded (POST is the page's form). */
  requiredActions: Type.Array(
    Type.Object({
      tell: Type.Union([Type.Literal('carers'), Type.Literal('police'), Type.Literal('lado'), Type.Literal('social-care')]),
      text: Type.String(),
      doneAt: Nullable(Type.String({ format: 'date-time' })),
    }),
  ),
  /** Issue 19: when the type's time to act ends, and whether it has passed with nothing done; null when the type gives none. */
  deadline: Nullable(Type.Object({ dueAt: Type.String({ format: 'date-time' }), overdue: Type.Boolean() })),
});
const ActionBody = Type.Object({ kind: Type.String({ maxLength: 60 }), note: Type.String(), dueAt: Type.Optional(Type.String({ format: 'date-time' })) });
const ChronologyItem = Type.Object({
  at: Type.String({ format: 'date-time' }),
  concernId: Type.String(),
  type: Type.String(),
  kind: Type.String(),
  what: Type.String(),
  note: Type.String(),
  by: Type.String(),
});

/**
 * The routes with a body collect schema problems (`attachValidation`) so that the contract's 422
 * names the field; an id in the address that cannot be a record is still a 404.
 */
function refuseInvalid(request: FastifyRequest): void {
  const invalid = request.validationError;
  if (!invalid) return;
  if (invalid.validationContext === 'params') throw new NotFound();
  const problem = (invalid.validation as { instancePath?: string; message?: string; params?: { missingProperty?: string } }[] | undefined)?.[0];
  const field = problem?.instancePath ? problem.instancePath.slice(1).split('/')[0] : problem?.params?.missingProperty;
  throw new Unprocessable(field ? `${field}: ${problem?.message ?? 'is not valid'}` : 'The body must be a JSON object', field);
}
async function as422<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ValidationError) throw new Unprocessable(error.message, error.problems[0]?.field);
    throw error;
  }
}

/** The concerns API (INC): the same rules as the pages — 404 for anyone who may not see a record. */
export const concernApiRoutes: ModuleRoutes<ConcernsServices> = async (app, { services }) => {
  app.post(
    '/api/v1/concerns',
    {
      config: { permission: 'concern:report' },
      attachValidation: true,
      schema: {
        summary: 'Report a concern; it is routed by the school’s policy',
        tags: ['concerns'],
        body: ReportBody,
        response: { 201: Reported, ...apiErrors },
      },
    },
    async (request, reply) => {
      refuseInvalid(request);
      const { body } = request;
      const reported = await as422(() =>
        services.concerns.report(actorOf(request), {
          type: body.type,
          summary: body.summary,
          details: body.details,
          occurredAt: new Date(body.occurredAt),
          location: body.location,
          outOfHours: body.outOfHours ?? false,
          platform: body.platform ?? null,
          pupilIds: body.pupilIds ?? [],
          staffIds: body.staffIds ?? [],
          carerIds: body.carerIds ?? [],
          others: body.others ?? [],
          links: body.links ?? [],
          involvesNudeImages: body.involvesNudeImages ?? false,
        }),
      );
      return reply.code(201).send({ ...reported, reportedAt: reported.reportedAt.toISOString() });
    },
  );

  app.get(
    '/api/v1/concerns/:id',
    {
      config: { permission: 'concern:read' },
      schema: {
        summary: 'One concern with its timeline (the reporter sees what they wrote and its status)',
        tags: ['concerns'],
        params: IdParams,
        response: { 200: ConcernRecord, ...apiErrors },
      },
    },
    async (request) => {
      const c = await services.concerns.concern(actorOf(request), request.params.id, 'api');
      return {
        id: c.id,
        type: c.type,
        status: c.status,
        summary: c.text.summary,
        details: c.text.details,
        amended: c.text.amended,
        occurredAt: c.occurredAt.toISOString(),
        location: c.location,
        outOfHours: c.outOfHours,
        platform: c.platform,
        involvesNudeImages: c.involvesNudeImages,
        reportedBy: c.reportedBy,
        reportedAt: c.reportedAt.toISOString(),
        people: c.people.map((p) => ({ kind: p.kind, id: p.kind === 'other' ? null : p.id, name: p.name })),
        evidence: c.evidence.map((e) => ({ id: e.id, url: e.url, fileName: e.file_name, contentType: e.content_type, addedAt: e.added_at.toISOString() })),
        routedTo: c.routes.map((r) => ({ userId: r.staff_id, reason: r.reason, readAt: r.read_at?.toISOString() ?? null })),
        outcome: c.outcome?.note ?? null,
        timeline: c.timeline.map((t) => ({
          id: t.id,
          kind: t.kind,
          actionKey: t.actionKey,
          what: t.what,
          note: t.note,
          reason: t.reason,
          field: t.field,
          dueAt: t.dueAt?.toISOString() ?? null,
          grounds: t.grounds,
          acts: t.acts,
          by: t.by,
          at: t.at.toISOString(),
        })),
        requiredActions: c.telling.map((r) => ({ tell: r.recipient, text: r.text, doneAt: r.done?.at.toISOString() ?? null })),
        deadline: c.deadline ? { dueAt: c.deadline.dueAt.toISOString(), overdue: c.deadline.overdue } : null,
      };
    },
  );

  app.post(
    '/api/v1/concerns/:id/actions',
    {
      config: { permission: 'concern:act' },
      attachValidation: true,
      schema: {
        summary: 'Add an action (a kind from the school’s settings) to a concern’s timeline',
        tags: ['concerns'],
        params: IdParams,
        body: ActionBody,
        response: { 201: TimelineItem, 409: ApiError, ...apiErrors },
      },
    },
    async (request, reply) => {
      refuseInvalid(request);
      const {
        params: { id },
        body,
      } = request;
      const actor = actorOf(request);
      const entry = await as422(() =>
        services.concerns.addAction(actor, id, { kind: body.kind, note: body.note, dueAt: body.dueAt ? new Date(body.dueAt) : null }),
      );
      const added = (await services.concerns.concern(actor, id, 'api')).timeline.find((t) => t.id === entry.id)!;
      return reply.code(201).send({ ...added, dueAt: added.dueAt?.toISOString() ?? null, at: added.at.toISOString() });
    },
  );

  app.get(
    '/api/v1/pupils/:id/chronology',
    {
      config: { permission: 'concern:chronology' },
      schema: {
        summary: 'A pupil’s chronology in date order: only what the caller may see',
        tags: ['concerns'],
        params: IdParams,
        response: { 200: Type.Array(ChronologyItem), ...apiErrors },
      },
    },
    async (request) => {
      const { items } = await services.concerns.chronology(actorOf(request), { kind: 'pupil', id: request.params.id });
      return items.map((i) => ({ at: i.at.toISOString(), concernId: i.concernId, type: i.type, kind: i.kind, what: i.what, note: i.note, by: i.byName }));
    },
  );
};
