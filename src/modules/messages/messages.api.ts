import { Type } from 'typebox';
import type { ModuleRoutes } from '../../platform/modules.ts';
import type { MessageServices } from './services.ts';
import { apiErrors, IdParams } from '../../platform/http/schemas.ts';
import { actorOf } from '../../platform/http/request-context.ts';

const errors = { 401: apiErrors[401], 403: apiErrors[403], 404: apiErrors[404] };
const Channel = Type.Union([Type.Literal('email'), Type.Literal('sms'), Type.Literal('letter')]);
const Audience = Type.Object(
  {
    classIds: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 200 })),
    yearGroups: Type.Optional(Type.Array(Type.Integer(), { maxItems: 20 })),
    everyone: Type.Optional(Type.Boolean()),
    newAdmissionsSince: Type.Optional(Type.String({ maxLength: 10, description: 'YYYY-MM-DD: pupils admitted on or after' })),
    concernId: Type.Optional(Type.String({ maxLength: 64, description: 'The carers of the pupils in this concern' })),
  },
  { additionalProperties: false },
);
const MessageBody = Type.Object(
  {
    audience: Audience,
    template: Type.Optional(Type.String({ maxLength: 40 })),
    subject: Type.String({ maxLength: 300 }),
    body: Type.String({ maxLength: 20_000 }),
    channels: Type.Array(Channel, { minItems: 1, maxItems: 3 }),
    agreementId: Type.Optional(Type.String({ maxLength: 64, description: 'Ask families to sign this agreement in the same e-mail' })),
  },
  { additionalProperties: false },
);
const Counts = {
  id: Type.String(),
  recipients: Type.Integer({ description: 'Carers with parental responsibility, each counted once' }),
  email: Type.Integer(),
  sms: Type.Integer(),
  letters: Type.Integer(),
};
const Sent = Type.Object({ ...Counts, notReached: Type.Integer({ description: 'Carers none of the chosen channels reaches' }) });
const State = Type.Object({ queued: Type.Integer(), sent: Type.Integer(), failed: Type.Integer() });
const Message = Type.Object({
  ...Counts,
  subject: Type.String(),
  createdAt: Type.String(),
  delivery: Type.Object({ email: State, sms: State, letters: Type.Object({ toPrint: Type.Integer(), printed: Type.Integer() }) }),
});

/** The messages API (AGR-4): the response schemas are the contract. */
export const messageApiRoutes: ModuleRoutes<MessageServices> = async (app, { services }) => {
  app.post(
    '/api/v1/messages',
    {
      config: { permission: 'message:send' },
      schema: {
        summary: 'Send a message to carers by e-mail, text message and printed letter',
        tags: ['messages'],
        body: MessageBody,
        response: { 201: Sent, 400: apiErrors[400], 422: apiErrors[422], ...errors },
      },
    },
    async (request, reply) => {
      const { body } = request;
      const sent = await services.messages.send(actorOf(request), {
        audience: body.audience,
        template: body.template ?? null,
        subject: body.subject,
        body: body.body,
        channels: body.channels,
        agreementId: body.agreementId ?? null,
      });
      return reply.code(201).send(sent);
    },
  );

  app.get(
    '/api/v1/messages/:id',
    {
      config: { permission: 'message:read' },
      schema: {
        summary: 'A message: how many it went to by each channel, and what happened to each',
        tags: ['messages'],
        params: IdParams,
        response: { 200: Message, ...errors },
      },
    },
    async (request) => {
      const view = await services.messages.get(actorOf(request), request.params.id);
      return { id: view.message.id, subject: view.message.subject, createdAt: view.message.created_at.toISOString(), ...view.counts, delivery: view.delivery };
    },
  );
};
