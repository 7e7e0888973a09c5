import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { ModuleRoutes } from '../../platform/modules.ts';
import type { AgreementServices } from './services.ts';
import { may } from '../../platform/auth/access.ts';
import { Unprocessable, ValidationError } from '../../platform/http/errors.ts';
import { formValues } from '../../platform/http/form-body.ts';
import { submitForm } from '../../platform/http/forms.ts';
import { render, setFlash } from '../../platform/http/render.ts';
import { IdParams } from '../../platform/http/schemas.ts';
import { actorOf } from '../../platform/http/request-context.ts';
import { renderPolicyMarkdown } from '../policies/policies.markdown.ts';
import { audienceLabels, audiences, renewalLabels, renewals } from './agreements.defaults.ts';
import { dateFromFields } from './agreements.rules.ts';

const ClassParams = Type.Object({ ...IdParams.properties, classId: Type.String({ format: 'uuid' }) });
const SignBody = Type.Object({ _csrf: Type.Optional(Type.String()), typedName: Type.String({ default: '', maxLength: 500 }) });
const TextBody = Type.Object({
  _csrf: Type.Optional(Type.String()),
  title: Type.String({ default: '', maxLength: 500 }),
  audience: Type.Union([Type.String({ maxLength: 40 }), Type.Array(Type.String({ maxLength: 40 }), { maxItems: 10 })], { default: [] }),
  renewal: Type.String({ default: '', maxLength: 40 }),
  body: Type.String({ default: '', maxLength: 60_000 }),
  note: Type.String({ default: '', maxLength: 1000 }),
  action: Type.String({ default: '', maxLength: 20 }),
});
const DateFields = {
  'signedOn-day': Type.String({ default: '', maxLength: 10 }),
  'signedOn-month': Type.String({ default: '', maxLength: 10 }),
  'signedOn-year': Type.String({ default: '', maxLength: 10 }),
};
const PaperBody = Type.Object({ _csrf: Type.Optional(Type.String()), person: Type.String({ default: '', maxLength: 200 }), ...DateFields });
const ClassBody = Type.Object({
  _csrf: Type.Optional(Type.String()),
  pupils: Type.Union([Type.String({ maxLength: 64 }), Type.Array(Type.String({ maxLength: 64 }), { maxItems: 200 })], { default: [] }),
  ...DateFields,
});
const FamiliesBody = Type.Object({
  _csrf: Type.Optional(Type.String()),
  scope: Type.String({ default: '', maxLength: 20 }),
  classId: Type.String({ default: '', maxLength: 64 }),
  confirm: Type.String({ default: '', maxLength: 10 }),
});

const audienceItems = (chosen: string[]) => audiences.map((a) => ({ value: a, text: audienceLabels[a], checked: chosen.includes(a) }));
const renewalItems = renewals.map((r) => ({ value: r, text: renewalLabels[r] }));

/** A form's date from GOV.UK day, month and year fields, or a ValidationError naming the field. */
function signedOnFrom(body: { 'signedOn-day': string; 'signedOn-month': string; 'signedOn-year': string }): string {
  const found = dateFromFields(body['signedOn-day'], body['signedOn-month'], body['signedOn-year']);
  if ('problem' in found) throw new ValidationError([{ field: 'signedOn', message: found.problem.replace('the date', 'the date it was signed') }]);
  return found.date;
}

/** The API's 422s, shown beside the field of a form. */
async function asFormProblem<T>(work: () => Promise<T>, field: string): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Unprocessable) throw new ValidationError([{ field: error.field === 'signedOn' ? 'signedOn' : field, message: error.message }]);
    throw error;
  }
}

export const agreementRoutes: ModuleRoutes<AgreementServices> = async (app, { services }) => {
  app.get('/agreements', { config: { permission: 'agreement:read' }, schema: { hide: true } }, async (request, reply) => {
    const actor = actorOf(request);
    const list = await services.agreements.list(actor);
    return render(request, reply, 'agreements/views/list.njk', {
      title: 'Agreements',
      mine: list.filter((a) => a.mine && a.version > 0),
      list,
      audienceLabels,
      canManage: may(actor, 'agreement:manage'),
      canRecord: may(actor, 'agreement:record'),
    });
  });

  const textPage = (request: FastifyRequest, reply: FastifyReply, data: Record<string, unknown>, status = 200) =>
    render(request, reply, 'agreements/views/edit.njk', { renewalItems, ...data }, status);

  app.get('/agreements/new', { config: { permission: 'agreement:manage' }, schema: { hide: true } }, async (request, reply) =>
    textPage(request, reply, {
      title: 'Add an agreement',
      action: '/agreements',
      isNew: true,
      values: { renewal: 'new-version' },
      audienceItems: audienceItems([]),
      backLink: '/agreements',
    }),
  );

  app.post(
    '/agreements',
    { config: { permission: 'agreement:manage' }, preHandler: app.csrfProtection, schema: { hide: true, body: TextBody } },
    async (request, reply) => {
      const { body } = request;
      const audience = formValues(body, 'audience');
      return submitForm(
        async () => {
          const id = await services.agreements.create(actorOf(request), { title: body.title, audience, renewal: body.renewal, body: body.body });
          setFlash(reply, 'Agreement added and published as version 1');
          return reply.redirect(`/agreements/${id}`, 303);
        },
        async (errors) =>
          textPage(
            request,
            reply,
            {
              title: 'Add an agreement',
              action: '/agreements',
              isNew: true,
              values: body,
              audienceItems: audienceItems(audience),
              backLink: '/agreements',
              ...errors,
            },
            400,
          ),
      );
    },
  );

  app.get('/agreements/:id', { config: { permission: 'agreement:read' }, schema: { hide: true, params: IdParams } }, async (request, reply) => {
    const actor = actorOf(request);
    const view = await services.agreements.detail(actor, request.params.id);
    return render(request, reply, 'agreements/views/agreement.njk', {
      title: view.agreement.title,
      view,
      html: view.current ? renderPolicyMarkdown(view.current.body) : '',
      audience: view.agreement.audience.map((a) => audienceLabels[a as keyof typeof audienceLabels] ?? a).join(', '),
      renewal: renewalLabels[view.agreement.renewal],
      canManage: may(actor, 'agreement:manage'),
      canRecord: may(actor, 'agreement:record'),
      classesToRecord: view.progress.forPupils ? (may(actor, 'agreement:record') ? view.progress.byClass.filter((c) => c.id) : view.myClasses) : [],
      values: {},
      backLink: '/agreements',
    });
  });

  app.post(
    '/agreements/:id/sign',
    { config: { permission: 'agreement:sign' }, preHandler: app.csrfProtection, schema: { hide: true, params: IdParams, body: SignBody } },
    async (request, reply) => {
      const actor = actorOf(request);
      const { id } = request.params;
      return submitForm(
        async () => {
          await asFormProblem(() => services.agreementSignatures.signSelf(actor, id, request.body.typedName), 'typedName');
          setFlash(reply, 'Thank you: you have signed the agreement');
          return reply.redirect(`/agreements/${id}`, 303);
        },
        async (errors, _problems, status) => {
          const view = await services.agreements.detail(actor, id);
          return render(
            request,
            reply,
            'agreements/views/agreement.njk',
            {
              title: view.agreement.title,
              view,
              html: view.current ? renderPolicyMarkdown(view.current.body) : '',
              audience: view.agreement.audience.join(', '),
              renewal: renewalLabels[view.agreement.renewal],
              classesToRecord: [],
              values: request.body,
              backLink: '/agreements',
              ...errors,
            },
            status,
          );
        },
      );
    },
  );

  const editValues = async (request: FastifyRequest, id: string) => {
    const view = await services.agreements.detail(actorOf(request), id);
    const text = view.draft ?? view.current;
    return { view, values: { title: view.agreement.title, renewal: view.agreement.renewal, body: text?.body ?? '', note: view.draft?.change_note ?? '' } };
  };

  app.get('/agreements/:id/edit', { config: { permission: 'agreement:manage' }, schema: { hide: true, params: IdParams } }, async (request, reply) => {
    const { id } = request.params;
    const { view, values } = await editValues(request, id);
    return textPage(request, reply, {
      title: `Change the text: ${view.agreement.title}`,
      action: `/agreements/${id}/edit`,
      view,
      values,
      audienceItems: audienceItems(view.agreement.audience),
      backLink: `/agreements/${id}`,
    });
  });

  app.post(
    '/agreements/:id/edit',
    { config: { permission: 'agreement:manage' }, preHandler: app.csrfProtection, schema: { hide: true, params: IdParams, body: TextBody } },
    async (request, reply) => {
      const { id } = request.params;
      const { body } = request;
      const audience = formValues(body, 'audience');
      return submitForm(
        async () => {
          const saved = await services.agreements.saveText(actorOf(request), id, {
            title: body.title,
            audience,
            renewal: body.renewal,
            body: body.body,
            note: body.note,
            publish: body.action === 'publish',
          });
          setFlash(reply, saved.published ? `Version ${saved.version} published: everyone it is for is asked to sign it` : 'Changes saved');
          return reply.redirect(`/agreements/${id}`, 303);
        },
        async (errors, _problems, status) => {
          const { view } = await editValues(request, id);
          return textPage(
            request,
            reply,
            {
              title: `Change the text: ${view.agreement.title}`,
              action: `/agreements/${id}/edit`,
              view,
              values: body,
              audienceItems: audienceItems(audience),
              backLink: `/agreements/${id}`,
              ...errors,
            },
            status,
          );
        },
      );
    },
  );

  const paperPage = async (request: FastifyRequest, reply: FastifyReply, id: string, extra: Record<string, unknown> = {}, status = 200) => {
    const choices = await services.agreementSignatures.paperChoices(actorOf(request), id);
    const items = [
      { value: '', text: 'Choose who signed' },
      ...choices.staff.map((s) => ({ value: `staff:${s.id}`, text: `${s.name} (${s.team})` })),
      ...choices.families.map((f) => ({ value: `carer:${f.value}`, text: f.text })),
      ...choices.pupils.map((p) => ({ value: `pupil:${p.id}`, text: `${p.preferred_name ?? p.given_name} ${p.family_name} (${p.class_title ?? 'no class'})` })),
    ];
    return render(
      request,
      reply,
      'agreements/views/paper.njk',
      { title: `Record a paper copy: ${choices.agreement.title}`, choices, items, values: {}, backLink: `/agreements/${id}`, ...extra },
      status,
    );
  };

  app.get('/agreements/:id/paper', { config: { permission: 'agreement:record' }, schema: { hide: true, params: IdParams } }, async (request, reply) =>
    paperPage(request, reply, request.params.id),
  );

  app.post(
    '/agreements/:id/paper',
    { config: { permission: 'agreement:record' }, preHandler: app.csrfProtection, schema: { hide: true, params: IdParams, body: PaperBody } },
    async (request, reply) => {
      const { id } = request.params;
      const { body } = request;
      return submitForm(
        async () => {
          const [kind, first, second] = body.person.split(':');
          if (!first || !['staff', 'carer', 'pupil'].includes(kind)) throw new ValidationError([{ field: 'person', message: 'Choose who signed' }]);
          const signedOn = signedOnFrom(body);
          await asFormProblem(
            () =>
              services.agreementSignatures.recordSignature(actorOf(request), id, {
                staffId: kind === 'staff' ? first : undefined,
                carerId: kind === 'carer' ? first : undefined,
                pupilId: kind === 'carer' ? second : kind === 'pupil' ? first : undefined,
                method: 'paper',
                signedOn,
              }),
            'person',
          );
          setFlash(reply, 'Paper copy recorded');
          return reply.redirect(`/agreements/${id}/paper`, 303);
        },
        async (errors, _problems, status) => paperPage(request, reply, id, { values: body, ...errors }, status),
      );
    },
  );

  const classPage = async (request: FastifyRequest, reply: FastifyReply, id: string, classId: string, extra: Record<string, unknown> = {}, status = 200) => {
    const sheet = await services.agreementSignatures.classSheet(actorOf(request), id, classId);
    const waiting = sheet.pupils.filter((p) => !p.pupil);
    return render(
      request,
      reply,
      'agreements/views/class.njk',
      {
        title: `${sheet.agreement.title}: ${sheet.klass.title}`,
        sheet,
        signedAlready: sheet.pupils.filter((p) => p.pupil),
        pupilItems: waiting.map((p) => ({ value: p.id, text: `${p.preferred_name ?? p.given_name} ${p.family_name}`, checked: true })),
        values: {},
        backLink: `/agreements/${id}`,
        ...extra,
      },
      status,
    );
  };

  app.get(
    '/agreements/:id/classes/:classId',
    { config: { permission: 'agreement:record-pupils' }, schema: { hide: true, params: ClassParams } },
    async (request, reply) => classPage(request, reply, request.params.id, request.params.classId),
  );

  app.post(
    '/agreements/:id/classes/:classId',
    { config: { permission: 'agreement:record-pupils' }, preHandler: app.csrfProtection, schema: { hide: true, params: ClassParams, body: ClassBody } },
    async (request, reply) => {
      const { id, classId } = request.params;
      const { body } = request;
      return submitForm(
        async () => {
          const signedOn = signedOnFrom(body);
          const n = await asFormProblem(
            () => services.agreementSignatures.recordClass(actorOf(request), id, classId, formValues(body, 'pupils'), signedOn),
            'pupils',
          );
          setFlash(reply, `Recorded for ${n} ${n === 1 ? 'pupil' : 'pupils'}`);
          return reply.redirect(`/agreements/${id}/classes/${classId}`, 303);
        },
        async (errors, _problems, status) => classPage(request, reply, id, classId, { values: body, ...errors }, status),
      );
    },
  );

  const familiesPage = async (request: FastifyRequest, reply: FastifyReply, id: string, extra: Record<string, unknown> = {}, status = 200) => {
    const actor = actorOf(request);
    const view = await services.agreements.detail(actor, id);
    const classes = await services.agreements.classes(actor);
    return render(
      request,
      reply,
      'agreements/views/families.njk',
      {
        title: `Ask families to sign: ${view.agreement.title}`,
        view,
        classItems: [{ value: '', text: 'Choose a class' }, ...classes.map((c) => ({ value: c.id, text: c.title }))],
        values: {},
        backLink: `/agreements/${id}`,
        ...extra,
      },
      status,
    );
  };

  app.get('/agreements/:id/families', { config: { permission: 'agreement:record' }, schema: { hide: true, params: IdParams } }, async (request, reply) =>
    familiesPage(request, reply, request.params.id),
  );

  /** Check your answers first (who and how many), then send: a mass e-mail is never one click away. */
  app.post(
    '/agreements/:id/families',
    { config: { permission: 'agreement:record' }, preHandler: app.csrfProtection, schema: { hide: true, params: IdParams, body: FamiliesBody } },
    async (request, reply) => {
      const { id } = request.params;
      const { body } = request;
      return submitForm(
        async () => {
          if (body.scope !== 'all' && body.scope !== 'class') throw new ValidationError([{ field: 'scope', message: 'Choose which families to ask' }]);
          if (body.scope === 'class' && !/^[0-9a-f-]{36}$/i.test(body.classId)) throw new ValidationError([{ field: 'classId', message: 'Choose a class' }]);
          const classId = body.scope === 'class' ? body.classId : null;
          const send = body.confirm === 'yes';
          const result = await services.agreementLinks.familyLinks(actorOf(request), id, classId, send);
          if (send) {
            setFlash(reply, `Links sent: ${result.emailed} ${result.emailed === 1 ? 'family' : 'families'} e-mailed`);
            return reply.redirect(`/agreements/${id}`, 303);
          }
          return render(request, reply, 'agreements/views/families-check.njk', {
            title: 'Check before you send',
            result,
            values: body,
            backLink: `/agreements/${id}/families`,
          });
        },
        async (errors, _problems, status) => familiesPage(request, reply, id, { values: body, ...errors }, status),
      );
    },
  );

  app.get('/agreements/staff/:id', { config: { permission: 'agreement:read' }, schema: { hide: true, params: IdParams } }, async (request, reply) => {
    const actor = actorOf(request);
    const view = await services.agreementSignatures.signedBy(actor, request.params.id);
    return render(request, reply, 'agreements/views/staff.njk', {
      title: view.staff.id === actor.staffId ? 'What you have signed' : `What ${view.staff.name} has signed`,
      view,
      backLink: '/agreements',
    });
  });
};
