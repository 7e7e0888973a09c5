import { Type } from 'typebox';
import type { ModuleRoutes } from '../../platform/modules.ts';
import type { RegistersServices } from './services.ts';
import { actorOf } from '../../platform/http/request-context.ts';
import { Forbidden } from '../../platform/http/errors.ts';
import { apiErrors, ApiError, IdParams } from '../../platform/http/schemas.ts';

const Kind = Type.Union([Type.Literal('social-media-account'), Type.Literal('online-service')]);
const AccountBody = Type.Object(
  {
    name: Type.String({ maxLength: 120 }),
    kind: Kind,
    url: Type.String({ maxLength: 500 }),
    purpose: Type.String({ maxLength: 2000 }),
    credentialsHolderId: Type.Optional(Type.String({ maxLength: 64, description: 'The member of staff who holds the passwords (never the password itself)' })),
    ownerId: Type.Optional(Type.String({ maxLength: 64, description: 'Who is responsible for it; the person asking when not given' })),
    dataProtection: Type.Optional(Type.String({ maxLength: 2000 })),
    reviewOn: Type.Optional(Type.String({ maxLength: 10, description: 'YYYY-MM-DD; a year from today when not given' })),
  },
  { additionalProperties: false },
);
const Status = Type.Union([Type.Literal('requested'), Type.Literal('approved'), Type.Literal('refused')]);
const AccountCreated = Type.Object({ id: Type.String(), status: Status });
const Account = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kind: Type.String(),
  url: Type.String(),
  purpose: Type.String(),
  status: Status,
  credentialsHolderId: Type.Union([Type.String(), Type.Null()]),
  ownerId: Type.Union([Type.String(), Type.Null()]),
  reviewOn: Type.String(),
  reviewDue: Type.Boolean(),
});
const DecisionBody = Type.Object(
  { decision: Type.Union([Type.Literal('approved'), Type.Literal('refused')]), note: Type.Optional(Type.String({ maxLength: 2000 })) },
  { additionalProperties: false },
);
const PhoneBody = Type.Object(
  { pupilId: Type.String({ format: 'uuid' }), action: Type.Union([Type.Literal('handed-in'), Type.Literal('returned')]) },
  { additionalProperties: false },
);
const PhoneQuery = Type.Object({ date: Type.Optional(Type.String({ maxLength: 10, description: 'YYYY-MM-DD; today when not given' })) });
const PhoneDay = Type.Object({
  date: Type.String(),
  handedIn: Type.Array(Type.String()),
  returned: Type.Array(Type.String()),
  notReturned: Type.Array(Type.String()),
});
const PressBody = Type.Object(
  {
    outlet: Type.String({ maxLength: 200 }),
    contact: Type.String({ maxLength: 500 }),
    summary: Type.String({ maxLength: 5000 }),
    receivedAt: Type.Optional(Type.String({ format: 'date-time', description: 'When they asked; now when not given' })),
  },
  { additionalProperties: false },
);
const PressCreated = Type.Object({ id: Type.String(), routedTo: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })) });
const DeclarationBody = Type.Object(
  {
    carerId: Type.Optional(Type.String({ maxLength: 64 })),
    name: Type.Optional(Type.String({ maxLength: 120 })),
    platform: Type.String({ maxLength: 120 }),
    since: Type.Optional(Type.String({ maxLength: 120 })),
    note: Type.String({ maxLength: 2000 }),
  },
  { additionalProperties: false },
);

/** The registers API (issue 11 contract). */
export const registersApiRoutes: ModuleRoutes<RegistersServices> = async (app, { services }) => {
  app.post(
    '/api/v1/accounts',
    {
      config: { permission: 'accounts:request' },
      schema: {
        summary: 'Ask for a school social media account or online service; approved at once when the person asking approves accounts',
        tags: ['registers'],
        body: AccountBody,
        response: { ...apiErrors, 201: AccountCreated },
      },
    },
    async (request, reply) => reply.code(201).send(await services.accounts.request(actorOf(request), request.body)),
  );

  app.post(
    '/api/v1/accounts/:id/decision',
    {
      config: { permission: 'accounts:decide' },
      schema: {
        summary: 'Whoever the policy settings name (decisions.accounts) approves or refuses a requested account',
        tags: ['registers'],
        params: IdParams,
        body: DecisionBody,
        response: { ...apiErrors, 200: AccountCreated, 409: ApiError },
      },
      // Someone the settings do not name is refused before their answer is read: 403, not a 400 about the body.
      preValidation: async (request) => {
        if (!(await services.accounts.decides(actorOf(request)))) throw new Forbidden();
      },
    },
    async (request) => services.accounts.decide(actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/v1/accounts',
    {
      config: { permission: 'accounts:read' },
      schema: {
        summary: 'The register of school accounts and online services, with their status',
        tags: ['registers'],
        response: { ...apiErrors, 200: Type.Array(Account) },
      },
    },
    async (request) =>
      (await services.accounts.list(actorOf(request))).accounts.map((a) => ({
        id: a.id,
        name: a.name,
        kind: a.kind,
        url: a.url,
        purpose: a.purpose,
        status: a.status,
        credentialsHolderId: a.credentials_holder_id,
        ownerId: a.owner_id,
        reviewOn: a.review_on,
        reviewDue: a.reviewDue,
      })),
  );

  app.post(
    '/api/v1/phones',
    {
      config: { permission: 'phones:record' },
      schema: {
        summary: 'Record a pupil’s phone handed in at the office, or returned, today',
        tags: ['registers'],
        body: PhoneBody,
        response: { ...apiErrors, 201: Type.Object({ pupilId: Type.String(), action: Type.String(), date: Type.String() }), 409: ApiError },
      },
    },
    async (request, reply) => {
      const { pupilId, action, date } = await services.phones.record(actorOf(request), request.body.pupilId, request.body.action);
      return reply.code(201).send({ pupilId, action, date });
    },
  );

  app.get(
    '/api/v1/phones',
    {
      config: { permission: 'phones:record' },
      schema: {
        summary: 'One day’s phones: handed in, returned, and not returned',
        tags: ['registers'],
        querystring: PhoneQuery,
        response: { ...apiErrors, 200: PhoneDay },
      },
    },
    async (request) => services.phones.day(actorOf(request), request.query.date),
  );

  app.post(
    '/api/v1/press-enquiries',
    {
      config: { permission: 'press:report' },
      schema: {
        summary: 'Record a press enquiry; it goes to the headteacher at once',
        tags: ['registers'],
        body: PressBody,
        response: { ...apiErrors, 201: PressCreated },
      },
    },
    async (request, reply) => {
      const { receivedAt, ...rest } = request.body;
      return reply.code(201).send(await services.press.report(actorOf(request), { ...rest, receivedAt: receivedAt ? new Date(receivedAt) : null }));
    },
  );

  app.post(
    '/api/v1/declarations',
    {
      config: { permission: 'declarations:make' },
      schema: {
        summary: 'Declare your own pre-existing friendship or online contact with a parent or carer',
        tags: ['registers'],
        body: DeclarationBody,
        response: { ...apiErrors, 201: Type.Object({ id: Type.String() }) },
      },
    },
    async (request, reply) => reply.code(201).send(await services.declarations.declare(actorOf(request), request.body)),
  );
};
