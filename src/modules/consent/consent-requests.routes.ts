import { formatDay, typedDay } from '../../platform/text/dates.ts';
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
import { expressProblems, type RequestScope } from './consent-requests.service.ts';
import { ButtonBody } from './consent.schemas.ts';
import { statusText } from './consent.text.ts';
import { needsCheckBeforeSending } from './consent.rules.ts';
import { pickerFinding, pickerFrom } from '../../platform/http/picker.ts';
import { pupilDisplayName } from '../people/names.ts';

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
  confirm: Type.String({ default: '' }),
  change: Type.String({ default: '' }),
});
const ExpressBody = Type.Object({
  title: Type.String({ default: '', maxLength: 200 }),
  description: Type.String({ default: '', maxLength: 2000 }),
  pupils: Type.Union([Type.Array(Type.String()), Type.String()], { default: [] }),
  'pupils-find': Type.String({ default: '', maxLength: 100 }),
  'pupils-group': Type.String({ default: '', maxLength: 200 }),
  find: Type.String({ default: '' }),
  chooseGroup: Type.String({ default: '' }),
  confirm: Type.String({ default: '' }),
  change: Type.String({ default: '' }),
});

type Audience = { pupils: number; carers: number; emailed: number; withoutEmail: number };
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The "check before you send" page (CON-4): what is asked, of whom, and how many families are e-mailed now. */
function checkPage(action: string, what: string, who: string, audience: Audience, hidden: { name: string; value: string }[]) {
  return {
    title: 'Check before you send',
    action,
    audience,
    hidden,
    rows: [
      { key: { text: 'What carers are asked' }, value: { text: what } },
      { key: { text: 'Who' }, value: { text: `${who}: ${plural(audience.pupils, 'pupil', 'pupils')}` } },
      { key: { text: 'Families e-mailed now' }, value: { text: String(audience.emailed) } },
      {
        key: { text: 'Families without e-mail' },
        value: { text: audience.withoutEmail ? `${audience.withoutEmail}: print them a paper form afterwards` : 'None' },
      },
    ],
  };
}

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
      const actor = actorOf(request);
      if (body.change === 'yes') return render(request, reply, 'consent/views/request-new.njk', await startPage(request, { values: body }));
      return submitForm(
        async () => {
          const scope = scopeFrom(body);
          if (body.confirm !== 'yes') {
            const audience = await services.consentRequests.preview(actor, scope);
            if (needsCheckBeforeSending(audience.emailed)) {
              const classes = await services.consentRequests.classChoices(actor);
              const who =
                scope.scope === 'class'
                  ? (classes.find((c) => c.id === scope.classId)?.title ?? 'One class')
                  : scope.scope === 'year-group'
                    ? yearGroupLabel(scope.yearGroup)
                    : scope.scope === 'new-admissions'
                      ? `Admitted on or after ${formatDay(scope.admittedSince)}`
                      : 'Everyone with a missing or lapsed answer';
              const hidden = Object.entries(body)
                .filter(([name, value]) => !['_csrf', 'confirm', 'change'].includes(name) && value !== '')
                .map(([name, value]) => ({ name, value: String(value) }));
              const what = `The school’s questions about photographs and media${body.withAgreement === 'yes' ? ', then the home-school agreement' : ''}`;
              return render(request, reply, 'consent/views/check.njk', {
                ...checkPage('/consent/requests', what, who, audience, hidden),
                backLink: '/consent/requests/new',
              });
            }
          }
          const started = await services.consentRequests.start(actor, scope, { withAgreement: body.withAgreement === 'yes' });
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

  const expressPage = async (request: FastifyRequest, body: unknown, extra: Record<string, unknown> = {}) => {
    const pupils = await services.consentRequests.pupilChoices(actorOf(request));
    const classes = new Map((await services.consentRequests.classChoices(actorOf(request))).map((c) => [c.id, c.title]));
    const people = pupils.map((p) => ({ id: p.id, name: pupilDisplayName(p), group: classes.get(p.class_id ?? '') ?? 'No class' }));
    return { title: 'Ask for express permission', backLink: '/consent', values: {}, picker: pickerFrom('pupils', people, body), ...extra };
  };

  app.get('/consent/express/new', { config: { permission: 'consent:request' }, schema: { hide: true } }, async (request, reply) =>
    render(request, reply, 'consent/views/express-new.njk', await expressPage(request, {})),
  );

  app.post(
    '/consent/express',
    { config: { permission: 'consent:request' }, preHandler: app.csrfProtection, schema: { hide: true, body: ExpressBody } },
    async (request, reply) => {
      const { body } = request;
      const actor = actorOf(request);
      // "Search", "choose everyone in the class" or "change": the form again, nothing sent.
      if (pickerFinding(body) || body.change === 'yes')
        return render(request, reply, 'consent/views/express-new.njk', await expressPage(request, body, { values: body }));
      const pupilIds = [body.pupils].flat().filter(Boolean);
      return submitForm(
        async () => {
          const input = { title: body.title, description: body.description, pupilIds };
          if (body.confirm !== 'yes') {
            const problems = expressProblems(input);
            if (problems.length) throw new ValidationError(problems);
            const audience = await services.consentRequests.preview(actor, { scope: 'pupils', pupilIds });
            if (needsCheckBeforeSending(audience.emailed)) {
              const hidden = [
                { name: 'title', value: body.title },
                { name: 'description', value: body.description },
                ...pupilIds.map((value) => ({ name: 'pupils', value })),
              ];
              return render(request, reply, 'consent/views/check.njk', {
                ...checkPage('/consent/express', `${body.title.trim()}: ${body.description.trim()}`, 'Chosen pupils', audience, hidden),
                backLink: '/consent/express/new',
              });
            }
          }
          const started = await services.consentRequests.startExpress(actor, input);
          setFlash(reply, `Request sent: ${started.emailed} carer${started.emailed === 1 ? '' : 's'} e-mailed.`);
          return reply.redirect(`/consent/requests/${started.requestId}`, 303);
        },
        async (errors) => render(request, reply, 'consent/views/express-new.njk', await expressPage(request, body, { values: body, ...errors }), 400),
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
