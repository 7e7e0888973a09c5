import { Type } from 'typebox';
import type { ModuleRoutes } from '../../platform/modules.ts';
import type { AgreementServices } from './services.ts';
import { apiErrors, IdParams } from '../../platform/http/schemas.ts';
import { actorOf } from '../../platform/http/request-context.ts';
import { isAudience } from './agreements.defaults.ts';

const errors = { 401: apiErrors[401], 403: apiErrors[403], 404: apiErrors[404] };
const Audience = Type.Union([Type.Literal('staff'), Type.Literal('governors'), Type.Literal('volunteers'), Type.Literal('carers'), Type.Literal('pupils')]);
const Method = Type.Union([Type.Literal('online'), Type.Literal('paper'), Type.Literal('recorded-by-teacher')]);

const Agreement = Type.Object({
  id: Type.String(),
  key: Type.String(),
  title: Type.String(),
  audience: Type.Array(Audience),
  version: Type.Integer({ description: 'The latest published version (0 before the first is published)' }),
  signed: Type.Integer({ description: 'People (or, for carers, children’s families) whose signature counts for the current version' }),
  outstanding: Type.Integer({ description: 'Those still to sign' }),
});
const SignatureBody = Type.Object(
  {
    staffId: Type.Optional(Type.String({ maxLength: 64 })),
    carerId: Type.Optional(Type.String({ maxLength: 64 })),
    pupilId: Type.Optional(Type.String({ maxLength: 64, description: 'The pupil signing, or, with carerId, the child the carer signs for' })),
    method: Method,
    signedOn: Type.String({ maxLength: 10, description: 'YYYY-MM-DD' }),
  },
  { additionalProperties: false },
);
const Signature = Type.Object({
  id: Type.String(),
  agreementId: Type.String(),
  version: Type.Integer(),
  method: Method,
  signedOn: Type.String(),
  signed: Type.Integer(),
  outstanding: Type.Integer(),
});

/** The agreements API (AGR-1, AGR-2): the response schemas are the contract. */
export const agreementApiRoutes: ModuleRoutes<AgreementServices> = async (app, { services }) => {
  app.get(
    '/api/v1/agreements',
    {
      config: { permission: 'agreement:read' },
      schema: {
        summary: 'The school’s agreements with how many have signed the current version',
        tags: ['agreements'],
        response: { 200: Type.Array(Agreement), ...errors },
      },
    },
    async (request) =>
      (await services.agreements.list(actorOf(request))).map((a) => ({
        id: a.id,
        key: a.key,
        title: a.title,
        audience: a.audience.filter(isAudience),
        version: a.version,
        signed: a.signed,
        outstanding: a.outstanding,
      })),
  );

  app.post(
    '/api/v1/agreements/:id/signatures',
    {
      config: { permission: 'agreement:sign' },
      schema: {
        summary: 'Record a signature of the current version: a member of staff, a carer for a child, or a pupil',
        tags: ['agreements'],
        params: IdParams,
        body: SignatureBody,
        response: { 201: Signature, 400: apiErrors[400], 422: apiErrors[422], ...errors },
      },
    },
    async (request, reply) => {
      const { body } = request;
      const saved = await services.agreementSignatures.recordSignature(actorOf(request), request.params.id, {
        staffId: body.staffId,
        carerId: body.carerId,
        pupilId: body.pupilId,
        method: body.method,
        signedOn: body.signedOn,
      });
      return reply.code(201).send(saved);
    },
  );
};
