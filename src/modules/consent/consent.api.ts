import { Type } from 'typebox';
import { effectiveBasis } from './consent.rules.ts';
import type { ModuleRoutes } from '../../platform/modules.ts';
import type { ConsentServices } from './services.ts';
import { apiErrors, IdParams } from '../../platform/http/schemas.ts';
import { actorOf } from '../../platform/http/request-context.ts';

// The one API error shape ({error, message, field?, problems?}), as the error handler sends it.
const errors = { 401: apiErrors[401], 403: apiErrors[403], 404: apiErrors[404] };
const Status = Type.Union([Type.Literal('may'), Type.Literal('may-not'), Type.Literal('no-answer')]);
const DecisionValue = Type.Union([Type.Literal('granted'), Type.Literal('refused')]);
const Method = Type.Union([Type.Literal('online'), Type.Literal('paper'), Type.Literal('in-person'), Type.Literal('phone')]);

const Purpose = Type.Object({
  key: Type.String(),
  label: Type.String(),
  description: Type.String(),
  external: Type.Boolean(),
  active: Type.Boolean(),
  /** Issue 19: what the purpose rests on: 'consent' (no answer means no), 'opt-out' (no answer means yes, inside school only), 'public-task' (no consent asked, inside school only). */
  basis: Type.Union([Type.Literal('consent'), Type.Literal('opt-out'), Type.Literal('public-task')]),
});
// A pupil id that is not a UUID is no pupil: 404, as for one that does not exist.
const PupilPurposeParams = Type.Object({ ...IdParams.properties, purpose: Type.String() });
const DecisionBody = Type.Object(
  { decision: DecisionValue, carerId: Type.String(), method: Method, note: Type.Optional(Type.String({ maxLength: 1000 })) },
  { additionalProperties: false },
);
const Recorded = Type.Object({
  pupilId: Type.String(),
  purpose: Type.String(),
  decision: DecisionValue,
  carerId: Type.String(),
  method: Method,
  recordedAt: Type.String(),
  recordedBy: Type.Union([Type.String(), Type.Null()]),
});
const PupilConsents = Type.Object({
  current: Type.Array(Type.Object({ purpose: Type.String(), status: Status })),
  history: Type.Array(
    Type.Object({
      purpose: Type.String(),
      decision: DecisionValue,
      carerId: Type.String(),
      method: Method,
      recordedAt: Type.String(),
      recordedBy: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
});
const PhotoListQuery = Type.Object({ purpose: Type.String({ minLength: 1 }) });
const PhotoList = Type.Object({
  purpose: Type.String(),
  may: Type.Array(Type.String()),
  mayNot: Type.Array(Type.String()),
  noAnswer: Type.Array(Type.String()),
  /** Issue 19: pupils (all also in mayNot) who must never be photographed or published, whatever was answered. */
  doNotPhotograph: Type.Array(Type.String()),
});

/** The consent API (CON-2, CON-3, CON-5): the response schemas are the contract. */
export const consentApiRoutes: ModuleRoutes<ConsentServices> = async (app, { services }) => {
  app.get(
    '/api/v1/consent-purposes',
    {
      config: { permission: 'consent:consult' },
      schema: { summary: 'The school’s consent purposes, including retired ones', tags: ['consent'], response: { 200: Type.Array(Purpose), ...errors } },
    },
    async (request) => (await services.consent.purposes(actorOf(request))).map((p) => ({ ...p, basis: effectiveBasis(p) })),
  );

  app.put(
    '/api/v1/pupils/:id/consents/:purpose',
    {
      config: { permission: 'consent:record' },
      schema: {
        summary: 'Record a carer’s answer for a pupil and purpose (appended to the history)',
        tags: ['consent'],
        params: PupilPurposeParams,
        body: DecisionBody,
        response: { 200: Recorded, 400: apiErrors[400], 422: apiErrors[422], ...errors },
      },
    },
    async (request) => {
      const {
        params: { id, purpose },
        body,
      } = request;
      return services.consent.record(actorOf(request), id, purpose, {
        decision: body.decision,
        carerId: body.carerId,
        method: body.method,
        note: body.note ?? null,
      });
    },
  );

  app.get(
    '/api/v1/pupils/:id/consents',
    {
      config: { permission: 'consent:history' },
      schema: {
        summary: 'A pupil’s current consent per purpose and the whole history',
        tags: ['consent'],
        params: IdParams,
        response: { 200: PupilConsents, ...errors },
      },
    },
    async (request) => {
      const view = await services.consent.pupilConsent(actorOf(request), request.params.id);
      return {
        current: view.current.map((c) => ({ purpose: c.purpose.key, status: c.status })),
        history: view.history.map((h) => ({
          purpose: h.purpose,
          decision: h.decision,
          carerId: h.carer_id,
          method: h.method,
          recordedAt: h.recorded_at.toISOString(),
          recordedBy: h.recorded_by,
        })),
      };
    },
  );

  app.get(
    '/api/v1/classes/:id/photo-list',
    {
      config: { permission: 'consent:consult' },
      schema: {
        summary: 'Who in a class may be photographed for a purpose',
        tags: ['consent'],
        params: IdParams,
        querystring: PhotoListQuery,
        response: { 200: PhotoList, 400: apiErrors[400], ...errors },
      },
    },
    async (request) => {
      const { purpose } = request.query;
      const list = await services.consent.photoList(actorOf(request), request.params.id, purpose);
      return {
        purpose,
        may: list.may.map((p) => p.id),
        mayNot: list.mayNot.map((p) => p.id),
        noAnswer: list.noAnswer.map((p) => p.id),
        doNotPhotograph: list.mayNot.filter((p) => p.do_not_photograph).map((p) => p.id),
      };
    },
  );
};
