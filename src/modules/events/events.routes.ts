import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { ModuleRoutes } from '../../platform/modules.ts';
import type { EventServices } from './services.ts';
import { Unprocessable, ValidationError } from '../../platform/http/errors.ts';
import { submitForm } from '../../platform/http/forms.ts';
import { render, setFlash } from '../../platform/http/render.ts';
import { actorOf } from '../../platform/http/request-context.ts';
import { IdParams } from '../../platform/http/schemas.ts';
import { typedDay } from '../../platform/text/dates.ts';
import { personName, pupilDisplayName } from '../people/names.ts';
import { eventKindLabels, eventKinds } from './events.service.ts';

const EventForm = Type.Object({
  _csrf: Type.Optional(Type.String()),
  kind: Type.String({ default: '', maxLength: 20 }),
  title: Type.String({ default: '', maxLength: 500 }),
  classId: Type.String({ default: '', maxLength: 64 }),
  notes: Type.String({ default: '', maxLength: 4000 }),
  'heldOn-day': Type.String({ default: '', maxLength: 10 }),
  'heldOn-month': Type.String({ default: '', maxLength: 10 }),
  'heldOn-year': Type.String({ default: '', maxLength: 10 }),
});
/** Ticked boxes: repeated fields, or one value when a single box is ticked. */
const ticks = () => Type.Union([Type.Array(Type.String({ maxLength: 64 }), { maxItems: 5000 }), Type.String({ maxLength: 64 })], { default: [] });
const AttendanceForm = Type.Object({ _csrf: Type.Optional(Type.String()), carers: ticks(), pupils: ticks(), staff: ticks() });
const ticked = (value: string | string[]) => [value].flat().filter(Boolean);

/** Problems the service names by its API fields, shown beside the form's fields. */
const asFormProblem =
  (fields: Record<string, string> = {}) =>
  (error: unknown): never => {
    if (error instanceof Unprocessable) throw new ValidationError([{ field: fields[error.field ?? ''] ?? error.field ?? 'title', message: error.message }]);
    throw error;
  };

/** The pages of e-safety events (AGR-4): the list, a new event, and who came. */
export const eventRoutes: ModuleRoutes<EventServices> = async (app, { services }) => {
  app.get('/events', { config: { permission: 'event:manage' }, schema: { hide: true } }, async (request, reply) =>
    render(request, reply, 'events/views/list.njk', { title: 'E-safety events', events: await services.events.list(actorOf(request)), eventKindLabels }),
  );

  const newPage = async (request: FastifyRequest, reply: FastifyReply, values: Record<string, string>, extra: Record<string, unknown> = {}, status = 200) => {
    const classes = await services.events.classes(actorOf(request));
    return render(
      request,
      reply,
      'events/views/new.njk',
      {
        title: 'Add an e-safety event',
        backLink: '/events',
        values,
        kindItems: eventKinds.map((k) => ({ value: k, text: eventKindLabels[k], checked: k === values.kind })),
        classItems: [{ value: '', text: 'The whole school' }, ...classes.map((c) => ({ value: c.id, text: c.title, selected: c.id === values.classId }))],
        ...extra,
      },
      status,
    );
  };

  app.get('/events/new', { config: { permission: 'event:manage' }, schema: { hide: true } }, async (request, reply) => newPage(request, reply, {}));

  app.post(
    '/events',
    { config: { permission: 'event:manage' }, preHandler: app.csrfProtection, schema: { hide: true, body: EventForm } },
    async (request, reply) => {
      const { body } = request;
      return submitForm(
        async () => {
          const heldOn = typedDay(body, 'heldOn');
          if (!heldOn) throw new ValidationError([{ field: 'heldOn', message: 'Enter the date of the event' }]);
          const created = await services.events
            .create(actorOf(request), { kind: body.kind, title: body.title, heldOn, classId: body.classId || null, notes: body.notes })
            .catch(asFormProblem());
          setFlash(reply, 'Event added: now record who came');
          return reply.redirect(`/events/${created.id}`, 303);
        },
        async (errors, _problems, status) => newPage(request, reply, body, errors, status),
      );
    },
  );

  const eventPage = async (request: FastifyRequest, reply: FastifyReply, id: string, extra: Record<string, unknown> = {}, status = 200) => {
    const view = await services.events.event(actorOf(request), id);
    const item =
      (set: Set<string>, hint?: (p: { class_title?: string | null }) => string | undefined) =>
      (p: { id: string; class_title?: string | null }, text: string) => ({
        value: p.id,
        text,
        checked: set.has(p.id),
        ...(hint?.(p) ? { hint: { text: hint(p) } } : {}),
      });
    return render(
      request,
      reply,
      'events/views/event.njk',
      {
        title: view.event.title,
        backLink: '/events',
        view,
        kindLabel: eventKindLabels[view.event.kind],
        carerItems: view.carers.map((c) => item(view.attended.carers)(c, personName(c))),
        pupilItems: view.pupils.map((p) =>
          item(view.attended.pupils, (x) => (view.event.class_id ? undefined : (x.class_title ?? undefined)))(p, pupilDisplayName(p)),
        ),
        staffItems: view.staff.map((s) => item(view.attended.staff)(s, personName(s))),
        ...extra,
      },
      status,
    );
  };

  app.get('/events/:id', { config: { permission: 'event:manage' }, schema: { hide: true, params: IdParams } }, async (request, reply) =>
    eventPage(request, reply, request.params.id),
  );

  app.post(
    '/events/:id/attendance',
    { config: { permission: 'event:manage' }, preHandler: app.csrfProtection, schema: { hide: true, params: IdParams, body: AttendanceForm } },
    async (request, reply) => {
      const { id } = request.params;
      const { body } = request;
      return submitForm(
        async () => {
          const saved = await services.events
            .recordAttendance(actorOf(request), id, { carerIds: ticked(body.carers), pupilIds: ticked(body.pupils), staffIds: ticked(body.staff) })
            .catch(asFormProblem({ carerIds: 'carers', pupilIds: 'pupils', staffIds: 'staff' }));
          setFlash(reply, `Saved: ${saved.carers} carers, ${saved.pupils} pupils and ${saved.staff} staff came`);
          return reply.redirect(`/events/${id}`, 303);
        },
        async (errors, _problems, status) => eventPage(request, reply, id, errors, status),
      );
    },
  );
};
