import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { ModuleRoutes } from '../../platform/modules.ts';
import type { PoliciesServices } from './services.ts';
import { NotFound, Unprocessable } from '../../platform/http/errors.ts';
import { actorOf } from '../../platform/http/request-context.ts';
import { apiErrors, IdParams } from '../../platform/http/schemas.ts';

const Line = Type.Integer({ minimum: 1, description: 'The line of the policy version’s text the quote starts on' });
export const SettingProposals = Type.Object({
  proposals: Type.Array(
    Type.Object({
      setting: Type.String({
        description: 'A path in the settings document: dots, keyed lists by their key ("concerns.routes.staff-misuse.notify"); "list+" adds an item',
      }),
      value: Type.Unknown({ description: 'The value the policy’s text gives it' }),
      quote: Type.String({ description: 'The sentence it rests on' }),
      line: Line,
    }),
  ),
  unrepresented: Type.Array(Type.Object({ quote: Type.String(), line: Line }), { description: 'Rules the policy states that no setting holds' }),
});
/** Nothing to send: the text read is the policy's newest version. A body, if any, is an empty object. */
const NoFields = Type.Union([Type.Object({}, { additionalProperties: false }), Type.Null()], { description: 'No fields' });
const AcceptBody = Type.Object({ settings: Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { minItems: 1, maxItems: 100 }) });

function refuseInvalid(request: FastifyRequest): void {
  const invalid = request.validationError;
  if (!invalid) return;
  if (invalid.validationContext === 'params') throw new NotFound();
  throw new Unprocessable('settings: give the paths of the proposed settings to accept, as a list of strings', 'settings');
}

/** Issue 19: the settings a policy's text sets (the contract's two routes; headteacher only). */
export const policyProposalApiRoutes: ModuleRoutes<PoliciesServices> = async (app, { services }) => {
  app.post(
    '/api/v1/policies/:id/setting-proposals',
    {
      config: { permission: 'settings:edit' },
      attachValidation: true,
      schema: {
        summary: 'The settings the text of the policy’s newest version sets, each with its sentence; saves nothing',
        tags: ['policies'],
        params: IdParams,
        body: NoFields,
        response: { 200: SettingProposals, ...apiErrors },
      },
    },
    async (request) => {
      refuseInvalid(request);
      return services.policies.settingProposals(actorOf(request), request.params.id);
    },
  );

  app.post(
    '/api/v1/policies/:id/setting-proposals/accept',
    {
      config: { permission: 'settings:edit' },
      attachValidation: true,
      schema: {
        summary: 'Accept some of the policy’s proposed settings: one new settings version citing the policy version and clauses',
        tags: ['policies'],
        params: IdParams,
        body: AcceptBody,
        response: { 200: Type.Object({ settingsVersion: Type.Integer() }), ...apiErrors },
      },
    },
    async (request) => {
      refuseInvalid(request);
      return services.policies.acceptProposals(actorOf(request), request.params.id, request.body.settings);
    },
  );
};
