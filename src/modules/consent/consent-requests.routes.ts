import { typedDay } from '../../platform/text/dates.ts';
import type { FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import type { ModuleRoutes } from '../../platform/modules.ts';
import type { ConsentServices } from './services.ts';
import { may } from '../../platform/auth/access.ts';
import { ValidationError } from '../../platform/http/errors.ts';
import { submitForm } from '../../platform/http/forms.ts';
import { render, setFlash } from '../../platform/http/render.ts';
import { IdParams } from '../../platform/http/schemas.ts';
import { actorOf } from '../../platform/http/request-context.ts';
import { yearGroupLabel } from '../school/school-calendar.ts';
import type { RequestScope } from './consent-requests.service.ts';
import { ButtonBody } from './consent.schemas.ts';
import { statusText } from './consent.text.ts';

const LinkParams = Type.Object({ ...IdParams.properties, linkId: Type.String({ format: 'uuid' }) });
const PaperParams = Type.Object({ ...IdParams.properties, carerId: Type.String({ format: 'uuid' }) });
const StartBody = Type.Object({
  scope: Type.String({ default: '' }),
  classId: Type.String({ default: '' }),
  yearGroup: Type.String({ default: '' }),
  'admittedSince-day': Type.String({ default: '', maxLength: 10 }),
  'admittedSince-month': Type.String({ default: '', maxLength: 10 }),
  'admittedSince-year': Type.String({ default: '', maxLength: 10 }),
  /** "yes": the home-school agreement is asked for from the same link (AGR-2). */
  withAgreement: Type.String({ default: '', maxLength: 10 }),
});
const ExpressBody = Type.Object({
  title: Type.String({ default: '', maxLength: 200 }),
  description: Type.String({ default: '', maxLength: 2000 }),
  pupils: Type.Union([Type.Array(Type.String()), Type.String()], { default: [] }),
});

function scopeFrom(body: Static<typeof StartBody>): RequestScope {
  switch (body.scope) {
    case 'class':
      if (body.classId) return { scope: 'class', classId: body.classId };
      break;
    case 'year-group':
      if (/^-?\d{1,2}$/.test(body.yearGroup)) return { scope: 'year-group', yearGroup: Number(body.yearGroup) };
      break;
    case 'new-admissions':
      {
        const admittedSince = typedDay(body, 'admittedSince');
        if (/^\d{4}-\d{2}-\d{2}$/.test(admittedSince)) return { scope: 'new-admissions', admittedSince };
      }
      break;
    case 'no-answer':
      return { scope: 'no-answer' };
  }
  const field = body.scope === 'class' ? 'classId' : body.scope === 'year-group' ? 'yearGroup' : body.scope === 'new-admissions' ? 'admittedSince' : 'scope';
  throw new ValidationError([
    {
      field,
      message:
        field === 'scope'
          ? 'Choose who to ask'
          : field === 'admittedSince'
            ? 'Enter the first admission date as a real date, like 1 9 2026'
            : 'Choose from the list',
    },
  ]);
}

export const consentRequestRoutes: ModuleRoutes<ConsentServices> = async (app, { services }) => {
  const startPage = async (request: FastifyRequest, extra: Record<string, unknown> = {}) => {
    const classes = await services.consentRequests.classChoices(actorOf(request));
    const years = [...new Set(classes.map((c) => c.year_group).filter((y): y is number => y !== null))].sort((a, b) => a - b);
    return {
      title: 'Ask carers about photographs',
      backLink: '/consent',
      values: {},
      classItems: [{ value: '', text: 'Choose a class' }, ...classes.map((c) => ({ value: c.id, text: c.title }))],
      yearItems: [{ value: '', text: 'Choose a year group' }, ...years.map((y) => ({ value: String(y), text: yearGroupLabel(y) }))],
      ...extra,
    };
  };

  app.get('/consent/requests/new', { config: { permission: 'consent:request' }, schema: { hide: true } }, async (request, reply) =>
    render(request, reply, 'consent/views/request-new.njk', await startPage(request)),
  );

  app.post(
    '/consent/requests',
    { config: { permission: 'consent:request' }, preHandler: app.csrfProtection, schema: { hide: true, body: StartBody } },
    async (request, reply) => {
      const { body } = request;
      return submitForm(
        async () => {
          const started = await services.consentRequests.start(actorOf(request), scopeFrom(body), { withAgreement: body.withAgreement === 'yes' });
          setFlash(
            reply,
            `Request sent: ${started.emailed} carer${started.emailed === 1 ? '' : 's'} e-mailed${started.withoutEmail ? `, ${started.withoutEmail} without an e-mail address need a paper form` : ''}.`,
          );
          return reply.redirect(`/consent/requests/${started.requestId}`, 303);
        },
        async (errors) => render(request, reply, 'consent/views/request-new.njk', await startPage(request, { values: body, ...errors }), 400),
      );
    },
  );

  const expressPage = async (request: FastifyRequest, extra: Record<string, unknown> = {}) => {
    const pupils = await services.consentRequests.pupilChoices(actorOf(request));
    const classes = new Map((await services.consentRequests.classChoices(actorOf(request))).map((c) => [c.id, c.title]));
    return {
      title: 'Ask for express permission',
      backLink: '/consent',
      values: {},
      chosen: [] as string[],
      pupilItems: pupils.map((p) => ({
        value: p.id,
        text: `${p.preferred_name ?? p.given_name} ${p.family_name}`,
        hint: { text: classes.get(p.class_id ?? '') ?? 'No class' },
      })),
      ...extra,
    };
  };

  app.get('/consent/express/new', { config: { permission: 'consent:request' }, schema: { hide: true } }, async (request, reply) =>
    render(request, reply, 'consent/views/express-new.njk', await expressPage(request)),
  );

  app.post(
    '/consent/express',
    { config: { permission: 'consent:request' }, preHandler: app.csrfProtection, schema: { hide: true, body: ExpressBody } },
    async (request, reply) => {
      const { body } = request;
      const pupilIds = [body.pupils].flat().filter(Boolean);
      return submitForm(
        async () => {
          const started = await services.consentRequests.startExpress(actorOf(request), { title: body.title, description: body.description, pupilIds });
          setFlash(reply, `Request sent: ${started.emailed} carer${started.emailed === 1 ? '' : 's'} e-mailed.`);
          return reply.redirect(`/consent/requests/${started.requestId}`, 303);
        },
        async (errors) => {
          const page = await expressPage(request, { values: body, ...errors });
          page.pupilItems = page.pupilItems.map((i) => ({ ...i, checked: pupilIds.includes(i.value) }));
          return render(request, reply, 'consent/views/express-new.njk', page, 400);
        },
      );
    },
  );

  app.get('/consent/requests/:id', { config: { permission: 'consent:consult' }, schema: { hide: true, params: IdParams } }, async (request, reply) => {
    const detail = await services.consentRequests.detail(actorOf(request), request.params.id);
    return render(request, reply, 'consent/views/request.njk', {
      title: detail.request.title,
      detail,
      statusText,
      backLink: '/consent',
      canManage: may(actorOf(request), 'consent:request'),
    });
  });

  app.post(
    '/consent/requests/:id/links/:linkId/revoke',
    { config: { permission: 'consent:request' }, preHandler: app.csrfProtection, schema: { hide: true, params: LinkParams, body: ButtonBody } },
    async (request, reply) => {
      const { id, linkId } = request.params;
      await services.consentRequests.revokeLink(actorOf(request), id, linkId);
      setFlash(reply, 'The link no longer works');
      return reply.redirect(`/consent/requests/${id}`, 303);
    },
  );

  app.get(
    '/consent/requests/:id/paper/:carerId',
    { config: { permission: 'consent:request' }, schema: { hide: true, params: PaperParams } },
    async (request, reply) => {
      const { id, carerId } = request.params;
      const form = await services.consentRequests.paperForm(actorOf(request), id, carerId);
      return render(request, reply, 'consent/views/paper-form.njk', {
        title: `Photo consent form: ${form.carer.given_name} ${form.carer.family_name}`,
        form,
        backLink: `/consent/requests/${id}`,
      });
    },
  );
};
