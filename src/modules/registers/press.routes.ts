import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { ModuleRoutes } from '../../platform/modules.ts';
import type { RegistersServices } from './services.ts';
import { may } from '../../platform/auth/access.ts';
import { submitForm } from '../../platform/http/forms.ts';
import { render, setFlash } from '../../platform/http/render.ts';
import { actorOf } from '../../platform/http/request-context.ts';
import { IdParams } from '../../platform/http/schemas.ts';
import { ValidationError } from '../../platform/http/errors.ts';
import { dateFromParts } from './registers.rules.ts';

const text = (maxLength: number) => Type.String({ default: '', maxLength });
const EnquiryForm = Type.Object({
  outlet: text(200),
  contact: text(500),
  summary: text(5000),
  'askedOn-day': text(4),
  'askedOn-month': text(4),
  'askedOn-year': text(6),
});
const ReplyForm = Type.Object({ reply: text(5000) });
const LinkForm = Type.Object({ photoId: text(64), consentRequestId: text(64) });

/** Press enquiries (REG-3): anyone records one; it goes to the headteacher, who records the reply. */
export const pressRoutes: ModuleRoutes<RegistersServices> = async (app, { services }) => {
  app.get('/press', { config: { permission: 'press:report' }, schema: { hide: true } }, async (request, reply) => {
    const actor = actorOf(request);
    return render(request, reply, 'registers/views/press.njk', {
      title: 'Press enquiries',
      backLink: '/registers',
      enquiries: await services.press.list(actor),
      seesAll: may(actor, 'press:read'),
    });
  });

  app.get('/press/new', { config: { permission: 'press:report' }, schema: { hide: true } }, async (request, reply) =>
    render(request, reply, 'registers/views/press-new.njk', { title: 'Record a press enquiry', backLink: '/press', values: {} }),
  );

  app.post(
    '/press',
    { config: { permission: 'press:report' }, preHandler: app.csrfProtection, schema: { hide: true, body: EnquiryForm } },
    async (request, reply) => {
      const body = request.body;
      return submitForm(
        async () => {
          const askedOn = dateFromParts(body['askedOn-day'], body['askedOn-month'], body['askedOn-year']);
          if (askedOn === 'invalid')
            throw new ValidationError([{ field: 'askedOn', message: 'Enter the date they asked as a real date, for example 27 3 2026' }]);
          const { id } = await services.press.report(actorOf(request), { ...body, receivedAt: askedOn ? new Date(`${askedOn}T12:00:00Z`) : null });
          setFlash(reply, 'Sent to the headteacher. Do not answer the journalist yourself.');
          return reply.redirect(`/press/${id}`, 303);
        },
        async (errors) =>
          render(request, reply, 'registers/views/press-new.njk', { title: 'Record a press enquiry', backLink: '/press', values: body, ...errors }, 400),
      );
    },
  );

  const enquiryPage = async (request: FastifyRequest, id: string, extra: Record<string, unknown> = {}) => {
    const view = await services.press.view(actorOf(request), id);
    const e = view.enquiry;
    return {
      title: `Press enquiry: ${e.outlet}`,
      backLink: '/press',
      ...view,
      photoItems: view.linkable
        ? [{ value: '', text: 'None' }, ...view.linkable.photos.map((p) => ({ value: p.id, text: p.event_name, selected: p.id === e.photo_id }))]
        : [],
      requestItems: view.linkable
        ? [{ value: '', text: 'None' }, ...view.linkable.requests.map((r) => ({ value: r.id, text: r.title, selected: r.id === e.consent_request_id }))]
        : [],
      values: {},
      ...extra,
    };
  };

  app.get('/press/:id', { config: { permission: 'press:report' }, schema: { hide: true, params: IdParams } }, async (request, reply) =>
    render(request, reply, 'registers/views/press-enquiry.njk', await enquiryPage(request, request.params.id)),
  );

  app.post(
    '/press/:id/reply',
    { config: { permission: 'press:reply' }, preHandler: app.csrfProtection, schema: { hide: true, params: IdParams, body: ReplyForm } },
    async (request, reply) => {
      const { id } = request.params;
      return submitForm(
        async () => {
          await services.press.reply(actorOf(request), id, request.body.reply);
          setFlash(reply, 'Reply recorded');
          return reply.redirect(`/press/${id}`, 303);
        },
        async (errors) => render(request, reply, 'registers/views/press-enquiry.njk', await enquiryPage(request, id, { values: request.body, ...errors }), 400),
      );
    },
  );

  app.post(
    '/press/:id/links',
    { config: { permission: 'press:read' }, preHandler: app.csrfProtection, schema: { hide: true, params: IdParams, body: LinkForm } },
    async (request, reply) => {
      const { id } = request.params;
      return submitForm(
        async () => {
          await services.press.link(actorOf(request), id, request.body);
          setFlash(reply, 'Saved what this enquiry led to');
          return reply.redirect(`/press/${id}`, 303);
        },
        async (errors) => render(request, reply, 'registers/views/press-enquiry.njk', await enquiryPage(request, id, errors), 400),
      );
    },
  );
};
