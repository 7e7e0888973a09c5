import { Type } from 'typebox';
import type { ModuleRoutes } from '../../platform/modules.ts';
import type { EventServices } from './services.ts';
import { apiErrors, IdParams } from '../../platform/http/schemas.ts';
import { actorOf } from '../../platform/http/request-context.ts';

const errors = { 401: apiErrors[401], 403: apiErrors[403], 404: apiErrors[404] };
const Kind = Type.Union([Type.Literal('meeting'), Type.Literal('assembly'), Type.Literal('workshop')]);
const Ids = Type.Array(Type.String({ maxLength: 64 }), { maxItems: 5000 });
const Counts = { carers: Type.Integer(), pupils: Type.Integer(), staff: Type.Integer() };
const Event = Type.Object({
  id: Type.String(),
  kind: Kind,
  title: Type.String(),
  heldOn: Type.String({ description: 'YYYY-MM-DD' }),
  classId: Type.Union([Type.String(), Type.Null()], { description: 'The class it was for; null: the whole school' }),
  attended: Type.Object(Counts),
});
const EventBody = Type.Object(
  {
    kind: Type.String({ maxLength: 20, description: 'meeting, assembly or workshop' }),
    title: Type.String({ maxLength: 500 }),
    heldOn: Type.String({ maxLength: 10, description: 'YYYY-MM-DD' }),
    classId: Type.Optional(Type.Union([Type.String({ maxLength: 64 }), Type.Null()])),
    notes: Type.Optional(Type.String({ maxLength: 4000 })),
  },
  { additionalProperties: false },
);
const Created = Type.Object({ id: Type.String(), kind: Kind, title: Type.String(), heldOn: Type.String(), classId: Type.Union([Type.String(), Type.Null()]) });
const AttendanceBody = Type.Object(
  { carerIds: Type.Optional(Ids), pupilIds: Type.Optional(Ids), staffIds: Type.Optional(Ids) },
  { additionalProperties: false },
);
const Recorded = Type.Object({ id: Type.String(), ...Counts });

/** The events API (AGR-4): e-safety meetings, assemblies and workshops, and who came. */
export const eventApiRoutes: ModuleRoutes<EventServices> = async (app, { services }) => {
  app.get(
    '/api/v1/events',
    {
      config: { permission: 'event:manage' },
      schema: { summary: 'E-safety events, newest first, with how many came', tags: ['events'], response: { 200: Type.Array(Event), ...errors } },
    },
    async (request) =>
      (await services.events.list(actorOf(request))).map((e) => ({
        id: e.id,
        kind: e.kind,
        title: e.title,
        heldOn: e.held_on,
        classId: e.class_id,
        attended: { carers: e.carers, pupils: e.pupils, staff: e.staff },
      })),
  );

  app.post(
    '/api/v1/events',
    {
      config: { permission: 'event:manage' },
      schema: {
        summary: 'Record an e-safety meeting, assembly or workshop, for the whole school or one class',
        tags: ['events'],
        body: EventBody,
        response: { 201: Created, 400: apiErrors[400], 422: apiErrors[422], ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await services.events.create(actorOf(request), request.body)),
  );

  app.post(
    '/api/v1/events/:id/attendance',
    {
      config: { permission: 'event:manage' },
      schema: {
        summary: 'Who came: the carers, pupils and staff given replace those recorded before',
        tags: ['events'],
        params: IdParams,
        body: AttendanceBody,
        response: { 200: Recorded, 400: apiErrors[400], 422: apiErrors[422], ...errors },
      },
    },
    async (request) =>
      services.events.recordAttendance(actorOf(request), request.params.id, {
        carerIds: request.body.carerIds ?? [],
        pupilIds: request.body.pupilIds ?? [],
        staffIds: request.body.staffIds ?? [],
      }),
  );
};
