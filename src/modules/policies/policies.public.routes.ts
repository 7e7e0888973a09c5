import { Type } from 'typebox';
import type { ModuleRoutes } from '../../platform/modules.ts';
import type { PoliciesServices } from './services.ts';
import { render } from '../../platform/http/render.ts';
import { apiErrors } from '../../platform/http/schemas.ts';
import { actorOf } from '../../platform/http/request-context.ts';
import { describeReview, ukDay } from './policies.view-model.ts';

const SchoolParams = Type.Object({ urn: Type.String({ maxLength: 16 }) });
const PolicyParams = Type.Object({ urn: Type.String({ maxLength: 16 }), slug: Type.String({ maxLength: 80 }) });

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
export const PolicySummary = Type.Object({
  id: Type.String(),
  title: Type.String(),
  status: Type.Union([Type.Literal('draft'), Type.Literal('awaiting-approval'), Type.Literal('approved'), Type.Literal('withdrawn')]),
  currentVersion: Nullable(
    Type.Object({
      number: Type.Integer(),
      approvedOn: Nullable(Type.String({ description: 'YYYY-MM-DD' })),
      nextReviewDue: Nullable(Type.String({ description: 'YYYY-MM-DD, or a term such as "Autumn 2027" when only a term is known' })),
    }),
  ),
  publicUrl: Nullable(Type.String({ description: 'Where parents read the approved version' })),
});

/** POL-4: the school's approved policies, readable without signing in; and the API's list. */
export const policyPublicRoutes: ModuleRoutes<PoliciesServices> = async (app, { services }) => {
  app.get('/schools/:urn/policies', { config: { permission: 'public' }, schema: { hide: true, params: SchoolParams } }, async (request, reply) => {
    const { urn } = request.params;
    const { school, policies } = await services.policies.publishedPolicies(urn);
    return render(request, reply, 'policies/views/public-list.njk', {
      title: 'Our policies',
      schoolName: school.name,
      urn,
      policies: policies.map((p) => ({ ...p, approvedOnText: ukDay(p.approved_on), reviewText: describeReview(p.review, false)?.text ?? null })),
    });
  });

  app.get('/schools/:urn/policies/:slug', { config: { permission: 'public' }, schema: { hide: true, params: PolicyParams } }, async (request, reply) => {
    const { urn, slug } = request.params;
    const { school, version, html } = await services.policies.publishedPolicy(urn, slug);
    return render(request, reply, 'policies/views/public-policy.njk', {
      title: version.title,
      schoolName: school.name,
      urn,
      version,
      html,
      backLink: `/schools/${urn}/policies`,
      approvedOnText: ukDay(version.approved_on),
      reviewText: describeReview(version.review, false)?.text ?? null,
    });
  });

  app.get(
    '/api/v1/policies',
    {
      config: { permission: 'policy:read' },
      schema: {
        summary: 'The school’s policies, with the version in force and its public address',
        tags: ['policies'],
        // Only the errors this list can answer with (no id, no input), in the one API error shape.
        response: { 200: Type.Array(PolicySummary), 401: apiErrors[401], 403: apiErrors[403] },
      },
    },
    async (request) => services.policies.apiList(actorOf(request)),
  );
};
