import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import type { ModuleRoutes } from '../../platform/modules.ts';
import type { MessageServices } from './services.ts';
import { Unprocessable, ValidationError } from '../../platform/http/errors.ts';
import { formValues } from '../../platform/http/form-body.ts';
import { submitForm } from '../../platform/http/forms.ts';
import { render, setFlash } from '../../platform/http/render.ts';
import { ButtonBody, IdParams } from '../../platform/http/schemas.ts';
import { actorOf } from '../../platform/http/request-context.ts';
import { dateFromFields } from '../agreements/agreements.rules.ts';
import type { AudienceInput, MessageInput } from './messages.service.ts';
import { channelLabels } from './messages.rules.ts';

const NewQuery = Type.Object({
  template: Type.Optional(Type.String({ maxLength: 40 })),
  concernId: Type.Optional(Type.String({ format: 'uuid' })),
  platform: Type.Optional(Type.String({ maxLength: 40 })),
});
const List = Type.Union([Type.String({ maxLength: 64 }), Type.Array(Type.String({ maxLength: 64 }), { maxItems: 200 })], { default: [] });
const MessageForm = Type.Object({
  _csrf: Type.Optional(Type.String()),
  template: Type.String({ default: '', maxLength: 40 }),
  concernId: Type.String({ default: '', maxLength: 64 }),
  platform: Type.String({ default: '', maxLength: 40 }),
  who: Type.String({ default: '', maxLength: 20 }),
  classIds: List,
  yearGroups: List,
  'since-day': Type.String({ default: '', maxLength: 10 }),
  'since-month': Type.String({ default: '', maxLength: 10 }),
  'since-year': Type.String({ default: '', maxLength: 10 }),
  subject: Type.String({ default: '', maxLength: 500 }),
  body: Type.String({ default: '', maxLength: 20_000 }),
  channels: List,
  agreementId: Type.String({ default: '', maxLength: 64 }),
  confirm: Type.String({ default: '', maxLength: 10 }),
});
type MessageFormBody = Static<typeof MessageForm>;

const stateText: Record<string, string> = { queued: 'Waiting to send', sent: 'Sent', failed: 'Could not be sent', 'to-print': 'To print', printed: 'Printed' };

/** The form's audience in the service's terms; problems named by the form's fields. */
function readForm(body: MessageFormBody): MessageInput {
  const audience: AudienceInput = {};
  if (body.concernId) audience.concernId = body.concernId;
  else if (body.who === 'everyone') audience.everyone = true;
  else if (body.who === 'classes') {
    audience.classIds = formValues(body, 'classIds');
    if (!audience.classIds.length) throw new ValidationError([{ field: 'classIds', message: 'Choose at least one class' }]);
  } else if (body.who === 'years') {
    audience.yearGroups = formValues(body, 'yearGroups').map(Number);
    if (!audience.yearGroups.length) throw new ValidationError([{ field: 'yearGroups', message: 'Choose at least one year group' }]);
  } else if (body.who === 'admissions') {
    const found = dateFromFields(body['since-day'], body['since-month'], body['since-year']);
    if ('problem' in found) throw new ValidationError([{ field: 'since', message: found.problem.replace('the date', 'the first admission date') }]);
    audience.newAdmissionsSince = found.date;
  } else throw new ValidationError([{ field: 'who', message: 'Choose who the message is for' }]);
  return {
    audience,
    template: body.template || null,
    subject: body.subject,
    body: body.body,
    channels: formValues(body, 'channels'),
    agreementId: body.agreementId || null,
  };
}

/** The service's 422s beside the form's own fields. */
const fieldOf = (field: string | undefined) =>
  ({
    'audience.classIds': 'classIds',
    'audience.yearGroups': 'yearGroups',
    'audience.newAdmissionsSince': 'since',
    audience: 'who',
    'audience.concernId': 'who',
  })[field ?? ''] ??
  field ??
  'subject';

export const messageRoutes: ModuleRoutes<MessageServices> = async (app, { services }) => {
  app.get('/messages', { config: { permission: 'message:read' }, schema: { hide: true } }, async (request, reply) => {
    const messages = await services.messages.list(actorOf(request));
    return render(request, reply, 'messages/views/list.njk', { title: 'Messages to families', messages, smsReady: services.messages.smsReady });
  });

  const formPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: Partial<MessageFormBody>,
    extra: Record<string, unknown> = {},
    status = 200,
  ) => {
    const actor = actorOf(request);
    const options = await services.messages.formOptions(actor);
    const templates = await services.messages.templates(actor, values.platform || 'other');
    const chosenClasses = new Set(formValues(values, 'classIds'));
    const chosenYears = new Set(formValues(values, 'yearGroups'));
    const chosenChannels = new Set(formValues(values, 'channels'));
    const platformItems = Object.entries(services.messages.platforms).map(([value, p]) => ({ value, text: p.label, selected: value === values.platform }));
    return render(
      request,
      reply,
      'messages/views/new.njk',
      {
        title: 'Send a message to families',
        values,
        templates,
        template: templates.find((t) => t.key === values.template) ?? null,
        platformItems,
        smsReady: services.messages.smsReady,
        classItems: options.classes.map((c) => ({ value: c.id, text: c.title, checked: chosenClasses.has(c.id) })),
        yearItems: options.years.map((y) => ({ value: String(y), text: options.yearLabel(y), checked: chosenYears.has(String(y)) })),
        channelItems: (['email', 'sms', 'letter'] as const).map((c) => ({
          value: c,
          text: channelLabels[c],
          checked: chosenChannels.has(c),
          hint: c === 'sms' && !services.messages.smsReady ? { text: 'Text messages are not set up: families without e-mail get a letter instead' } : undefined,
        })),
        agreementItems: [{ value: '', text: 'No' }, ...options.agreements.map((a) => ({ value: a.id, text: a.title, selected: a.id === values.agreementId }))],
        backLink: '/messages',
        ...extra,
      },
      status,
    );
  };

  app.get('/messages/new', { config: { permission: 'message:send' }, schema: { hide: true, querystring: NewQuery } }, async (request, reply) => {
    const { template, concernId, platform } = request.query;
    const templates = await services.messages.templates(actorOf(request), platform || 'other');
    const chosen = templates.find((t) => t.key === template);
    return formPage(request, reply, {
      template: chosen?.key ?? '',
      concernId: concernId ?? '',
      platform: platform ?? '',
      subject: chosen?.subject ?? '',
      body: chosen?.body ?? '',
      channels: ['email', 'letter'],
    });
  });

  /** Check your answers (who, how many, by which channel), then send: a mass e-mail is never one click away. */
  app.post(
    '/messages',
    { config: { permission: 'message:send' }, preHandler: app.csrfProtection, schema: { hide: true, body: MessageForm } },
    async (request, reply) => {
      const { body } = request;
      const actor = actorOf(request);
      return submitForm(
        async () => {
          const input = readForm(body);
          try {
            if (body.confirm !== 'yes') {
              const preview = await services.messages.preview(actor, input);
              return await render(request, reply, 'messages/views/check.njk', {
                title: 'Check before you send',
                preview,
                values: body,
                hidden: hiddenFields(body),
                channels: preview.channels.map((c) => channelLabels[c]).join(', '),
                backLink: '/messages/new',
              });
            }
            const sent = await services.messages.send(actor, input);
            setFlash(reply, `Message sent to ${sent.recipients} ${sent.recipients === 1 ? 'carer' : 'carers'}`);
            return reply.redirect(`/messages/${sent.id}`, 303);
          } catch (error) {
            if (error instanceof Unprocessable) throw new ValidationError([{ field: fieldOf(error.field), message: error.message }]);
            throw error;
          }
        },
        async (errors, _p, status) => formPage(request, reply, body, errors, status),
      );
    },
  );

  app.get('/messages/:id', { config: { permission: 'message:read' }, schema: { hide: true, params: IdParams } }, async (request, reply) => {
    const view = await services.messages.get(actorOf(request), request.params.id);
    return render(request, reply, 'messages/views/message.njk', {
      title: view.message.subject,
      view,
      stateText,
      channelLabels,
      backLink: '/messages',
    });
  });

  app.get('/messages/:id/letters', { config: { permission: 'message:send' }, schema: { hide: true, params: IdParams } }, async (request, reply) => {
    const view = await services.messages.get(actorOf(request), request.params.id);
    return render(request, reply, 'messages/views/letters.njk', {
      title: `Letters: ${view.message.subject}`,
      view,
      letters: view.recipients.filter((r) => r.channel === 'letter'),
      paragraphs: view.message.body.split(/\n{2,}/),
      backLink: `/messages/${view.message.id}`,
    });
  });

  app.post(
    '/messages/:id/letters/printed',
    { config: { permission: 'message:send' }, preHandler: app.csrfProtection, schema: { hide: true, params: IdParams, body: ButtonBody } },
    async (request, reply) => {
      const n = await services.messages.lettersPrinted(actorOf(request), request.params.id);
      setFlash(reply, `${n} ${n === 1 ? 'letter' : 'letters'} marked as printed`);
      return reply.redirect(`/messages/${request.params.id}`, 303);
    },
  );
};

/** The form's answers carried through the check page. */
function hiddenFields(body: MessageFormBody): { name: string; value: string }[] {
  const fields: { name: string; value: string }[] = [];
  for (const name of ['template', 'concernId', 'platform', 'who', 'since-day', 'since-month', 'since-year', 'subject', 'body', 'agreementId'] as const)
    fields.push({ name, value: body[name] });
  for (const name of ['classIds', 'yearGroups', 'channels']) for (const value of formValues(body, name)) fields.push({ name, value });
  return fields;
}
