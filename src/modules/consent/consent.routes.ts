import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { ModuleRoutes } from '../../platform/modules.ts';
import type { ConsentServices } from './services.ts';
import { may } from '../../platform/auth/access.ts';
import { AppError, ValidationError, type FieldProblem } from '../../platform/http/errors.ts';
import { submitForm } from '../../platform/http/forms.ts';
import { render, setFlash } from '../../platform/http/render.ts';
import { IdParams } from '../../platform/http/schemas.ts';
import { actorOf } from '../../platform/http/request-context.ts';
import { ButtonBody } from './consent.schemas.ts';
import { statusText } from './consent.text.ts';

const SheetQuery = Type.Object({ purpose: Type.Optional(Type.String({ maxLength: 80 })) });
const RecordBody = Type.Object({
  purpose: Type.String({ default: '' }),
  carerId: Type.String({ default: '' }),
  decision: Type.String({ default: '' }),
  method: Type.String({ default: '' }),
  note: Type.String({ default: '', maxLength: 1000 }),
});

const methods = [
  { value: 'paper', text: 'Paper form' },
  { value: 'phone', text: 'Phone call' },
  { value: 'in-person', text: 'In person' },
  { value: 'online', text: 'Online' },
];

export const consentRoutes: ModuleRoutes<ConsentServices> = async (app, { services }) => {
  app.get('/consent', { config: { permission: 'consent:consult' }, schema: { hide: true } }, async (request, reply) => {
    const actor = actorOf(request);
    const [classes, requests] = await Promise.all([services.consent.progress(actor), services.consentRequests.list(actor)]);
    return render(request, reply, 'consent/views/overview.njk', {
      title: 'Photo consent',
      classes,
      requests,
      canRequest: may(actor, 'consent:request'),
      canTakedown: may(actor, 'consent:takedown'),
      canEditSettings: may(actor, 'consent:settings'),
    });
  });

  /** CON-3: the whole class against every purpose, or one purpose as three lists — on a phone or on paper. */
  app.get(
    '/consent/classes/:id',
    { config: { permission: 'consent:consult' }, schema: { hide: true, params: IdParams, querystring: SheetQuery } },
    async (request, reply) => {
      const actor = actorOf(request);
      const { id } = request.params;
      const { purpose } = request.query;
      const sheet = await services.consent.classSheet(actor, id, purpose || null);
      const list = sheet.list;
      return render(request, reply, 'consent/views/class-sheet.njk', {
        title: `Photo consent: ${sheet.class.title}`,
        sheet,
        list,
        purpose: purpose ?? '',
        statusText,
        never: sheet.rows.filter((r) => r.nothingAllowed).map((r) => r.pupil.displayName),
        purposeItems: [{ value: '', text: 'All purposes' }, ...sheet.purposes.map((p) => ({ value: p.key, text: p.label, selected: p.key === purpose }))],
        backLink: '/consent',
      });
    },
  );

  const pupilPage = async (request: FastifyRequest, id: string, extra: Record<string, unknown> = {}) => {
    const actor = actorOf(request);
    const view = await services.consent.pupilConsent(actor, id);
    const labels = new Map(view.settings.consent.purposes.map((p) => [p.key, p.label]));
    return {
      title: `Photo consent: ${view.pupil.displayName}`,
      view,
      statusText,
      backLink: `/pupils/${id}`,
      canRecord: may(actor, 'consent:record'),
      history: view.history.map((h) => ({ ...h, purposeLabel: labels.get(h.purpose) ?? 'Express permission' })),
      purposeItems: [
        { value: '', text: 'Choose a purpose' },
        ...view.settings.consent.purposes.filter((p) => p.active).map((p) => ({ value: p.key, text: p.label })),
      ],
      carerItems: view.carers
        .filter((c) => c.parental_responsibility)
        .map((c) => ({ value: c.id, text: `${c.given_name} ${c.family_name} (${c.relationship})` })),
      methodItems: methods,
      values: {},
      ...extra,
    };
  };

  app.get('/pupils/:id/consent', { config: { permission: 'consent:history' }, schema: { hide: true, params: IdParams } }, async (request, reply) => {
    return render(request, reply, 'consent/views/pupil.njk', await pupilPage(request, request.params.id));
  });

  app.post(
    '/pupils/:id/consent',
    { config: { permission: 'consent:record' }, preHandler: app.csrfProtection, schema: { hide: true, params: IdParams, body: RecordBody } },
    async (request, reply) => {
      const {
        params: { id },
        body,
      } = request;
      const problems: FieldProblem[] = [];
      if (!body.purpose) problems.push({ field: 'purpose', message: 'Choose what the answer is about' });
      if (!body.carerId) problems.push({ field: 'carerId', message: 'Choose which carer answered' });
      if (body.decision !== 'granted' && body.decision !== 'refused') problems.push({ field: 'decision', message: 'Choose whether they said yes or no' });
      if (!methods.some((m) => m.value === body.method)) problems.push({ field: 'method', message: 'Choose how they answered' });
      return submitForm(
        async () => {
          if (problems.length) throw new ValidationError(problems);
          await services.consent
            .record(actorOf(request), id, body.purpose, {
              decision: body.decision as 'granted' | 'refused',
              carerId: body.carerId,
              method: body.method as 'paper',
              note: body.note,
            })
            .catch((error: unknown) => {
              // A refusal about the carer (not theirs, no parental responsibility, purpose retired) belongs beside the carer field.
              throw error instanceof AppError && error.statusCode === 422 ? new ValidationError([{ field: 'carerId', message: error.message }]) : error;
            });
          setFlash(reply, 'Answer recorded');
          return reply.redirect(`/pupils/${id}/consent`, 303);
        },
        async (errors) => render(request, reply, 'consent/views/pupil.njk', await pupilPage(request, id, { values: body, ...errors }), 400),
      );
    },
  );

  app.get('/consent/takedowns', { config: { permission: 'consent:takedown' }, schema: { hide: true } }, async (request, reply) =>
    render(request, reply, 'consent/views/takedowns.njk', {
      title: 'Photographs to take down',
      tasks: await services.consent.takedowns(actorOf(request)),
      backLink: '/consent',
    }),
  );

  app.post(
    '/consent/takedowns/:id/done',
    { config: { permission: 'consent:takedown' }, preHandler: app.csrfProtection, schema: { hide: true, params: IdParams, body: ButtonBody } },
    async (request, reply) => {
      await services.consent.completeTakedown(actorOf(request), request.params.id);
      setFlash(reply, 'Marked as taken down');
      return reply.redirect('/consent/takedowns', 303);
    },
  );
};
