import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { ModuleRoutes } from '../../platform/modules.ts';
import type { RegistersServices } from './services.ts';
import { may } from '../../platform/auth/access.ts';
import { ValidationError } from '../../platform/http/errors.ts';
import { isUuid } from '../../platform/http/ids.ts';
import { submitForm } from '../../platform/http/forms.ts';
import { render, setFlash } from '../../platform/http/render.ts';
import { actorOf } from '../../platform/http/request-context.ts';
import { ButtonBody, IdParams } from '../../platform/http/schemas.ts';

const ClassQuery = Type.Object({ class: Type.Optional(Type.String({ maxLength: 64 })) });
const DateQuery = Type.Object({ date: Type.Optional(Type.String({ maxLength: 10 })) });
/** One tap: the button pressed carries what happened and to whom ("handed-in:<pupil>"). */
const TapForm = Type.Object({ tap: Type.String({ default: '', maxLength: 80 }), class: Type.String({ default: '', maxLength: 64 }) });
/** Undo: the tap to cancel, and the class page to go back to. */
const UndoForm = Type.Object({ tapId: Type.String({ default: '', maxLength: 64 }), class: Type.String({ default: '', maxLength: 64 }) });
const ExemptionForm = Type.Object({ note: Type.String({ default: '', maxLength: 1000 }) });

const actionWords = { 'handed-in': 'Handed in', returned: 'Returned', undone: 'Tap undone' } as const;

/** The office's morning and afternoon page (REG-2): one tap per pupil, no JavaScript, a class at a time. */
export const phoneRoutes: ModuleRoutes<RegistersServices> = async (app, { services }) => {
  app.get('/phones', { config: { permission: 'phones:record' }, schema: { hide: true, querystring: ClassQuery } }, async (request, reply) => {
    const view = await services.phones.classPage(actorOf(request), request.query.class);
    return render(request, reply, 'registers/views/phones.njk', {
      title: view.chosen ? `Phones: ${view.chosen.title}` : 'Pupils’ phones',
      backLink: view.chosen ? '/phones' : '/registers',
      ...view,
      actionWords,
    });
  });

  app.post(
    '/phones/taps',
    { config: { permission: 'phones:record' }, preHandler: app.csrfProtection, schema: { hide: true, body: TapForm } },
    async (request, reply) => {
      const [action, pupilId] = request.body.tap.split(':');
      const classId = isUuid(request.body.class) ? request.body.class : '';
      if (!pupilId || !isUuid(pupilId) || (action !== 'handed-in' && action !== 'returned'))
        throw new ValidationError([{ field: 'tap', message: 'Tap the button beside the pupil' }]);
      const done = await services.phones.record(actorOf(request), pupilId, action);
      setFlash(reply, `${done.name}: ${actionWords[done.action].toLowerCase()}`);
      return reply.redirect(`/phones${classId ? `?class=${classId}` : ''}#pupil-${pupilId}`, 303);
    },
  );

  app.post(
    '/phones/taps/undo',
    { config: { permission: 'phones:record' }, preHandler: app.csrfProtection, schema: { hide: true, body: UndoForm } },
    async (request, reply) => {
      const classId = isUuid(request.body.class) ? request.body.class : '';
      if (!isUuid(request.body.tapId)) throw new ValidationError([{ field: 'tapId', message: 'Use the Undo button on the phones page' }]);
      const undone = await services.phones.undo(actorOf(request), request.body.tapId);
      setFlash(reply, `Undone: ${undone.name} is no longer marked ${actionWords[undone.action].toLowerCase()}`);
      return reply.redirect(`/phones${classId ? `?class=${classId}` : ''}#pupil-${undone.pupilId}`, 303);
    },
  );

  app.get('/phones/not-collected', { config: { permission: 'phones:record' }, schema: { hide: true, querystring: DateQuery } }, async (request, reply) => {
    const view = await services.phones.notCollected(actorOf(request), request.query.date);
    return render(request, reply, 'registers/views/phones-not-collected.njk', { title: 'Phones not collected', backLink: '/phones', ...view });
  });

  app.get('/phones/exemptions', { config: { permission: 'phones:record' }, schema: { hide: true } }, async (request, reply) =>
    render(request, reply, 'registers/views/phones-exemptions.njk', {
      title: 'Pupils who keep their phone',
      backLink: '/phones',
      exemptions: await services.phones.exemptions(actorOf(request)),
    }),
  );

  const pupilPage = async (request: FastifyRequest, id: string, extra: Record<string, unknown> = {}) => {
    const actor = actorOf(request);
    const view = await services.phones.history(actor, id);
    return {
      title: `Phone: ${view.pupil.name}`,
      backLink: view.pupil.class_id ? `/phones?class=${view.pupil.class_id}` : '/phones',
      ...view,
      actionWords,
      canExempt: may(actor, 'phones:exempt'),
      values: {},
      ...extra,
    };
  };

  app.get('/phones/pupils/:id', { config: { permission: 'phones:record' }, schema: { hide: true, params: IdParams } }, async (request, reply) =>
    render(request, reply, 'registers/views/phones-pupil.njk', await pupilPage(request, request.params.id)),
  );

  app.post(
    '/phones/pupils/:id/exemption',
    { config: { permission: 'phones:exempt' }, preHandler: app.csrfProtection, schema: { hide: true, params: IdParams, body: ExemptionForm } },
    async (request, reply) => {
      const { id } = request.params;
      return submitForm(
        async () => {
          await services.phones.exempt(actorOf(request), id, request.body.note);
          setFlash(reply, 'Saved: this pupil keeps their phone');
          return reply.redirect(`/phones/pupils/${id}`, 303);
        },
        async (errors) => render(request, reply, 'registers/views/phones-pupil.njk', await pupilPage(request, id, { values: request.body, ...errors }), 400),
      );
    },
  );

  app.post(
    '/phones/pupils/:id/exemption/end',
    { config: { permission: 'phones:exempt' }, preHandler: app.csrfProtection, schema: { hide: true, params: IdParams, body: ButtonBody } },
    async (request, reply) => {
      await services.phones.endExemption(actorOf(request), request.params.id);
      setFlash(reply, 'This pupil hands their phone in from now on');
      return reply.redirect(`/phones/pupils/${request.params.id}`, 303);
    },
  );
};
