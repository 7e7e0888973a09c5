import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import type { PoliciesServices } from './services.ts';
import { may } from '../../platform/auth/access.ts';
import { ValidationError } from '../../platform/http/errors.ts';
import { formErrors, render, setFlash } from '../../platform/http/render.ts';
import { actorOf } from '../../platform/http/request-context.ts';
import { mustAcknowledge, reviewDue } from './policies.rules.ts';
import { describeReview, importedSignatories, statusTag, ukDay } from './policies.view-model.ts';

const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
const VersionParams = Type.Object({ id: Type.String({ maxLength: 64 }), number: Type.String({ maxLength: 8 }) });
const DraftBody = Type.Object({ body: Type.String({ default: '', maxLength: 500_000 }), changeSummary: Type.String({ default: '', maxLength: 2000 }), _csrf: Type.Optional(Type.String()) });
const CompareQuery = Type.Object({ from: Type.String({ default: '', maxLength: 8 }), to: Type.String({ default: '', maxLength: 8 }) });

/** Versions (POL-1): reading one, printing it, its original file, writing a draft, comparing two. */
export async function policyVersionRoutes(app: FastifyInstance, { services }: { services: PoliciesServices }) {
  const versionPage = async (request: FastifyRequest, reply: FastifyReply, template: string, extra: object = {}, status = 200) => {
    const actor = actorOf(request);
    const { id, number } = request.params as Static<typeof VersionParams>;
    const found = await services.policies.version(actor, id, number);
    const { version, signatures } = found;
    const signedByMe = signatures.some((s) => s.staff_id === actor.staffId);
    const isCurrent = version.status === 'approved' && (await services.policies.policy(actor, id)).current?.number === version.number;
    const asked = isCurrent && mustAcknowledge(actor.roles, found.policy.applies_to);
    return render(request, reply, template, {
      title: `${found.policy.title}, version ${version.number}`, backLink: `/policies/${id}`, ...found, tag: statusTag(version.status),
      review: describeReview(reviewDue(version), false), approvedOn: ukDay(version.approved_on), meetingDate: ukDay(version.meeting_date),
      unsigned: version.signatories.filter((s) => !signatures.some((g) => g.role_title === s.title)),
      canSign: version.status === 'awaiting-approval' && may(actor, 'policy:sign') && !signedByMe && version.signatories.some((s) => s.staffId === actor.staffId),
      askedToRead: asked, hasRead: asked ? await services.policies.hasAcknowledged(actor, version.id) : false,
      canManage: may(actor, 'policy:manage'), importedSignatories: importedSignatories(version.imported), ...extra,
    }, status);
  };

  app.get('/policies/:id/versions/:number', { config: { permission: 'policy:read' }, schema: { hide: true, params: VersionParams } }, async (request, reply) =>
    versionPage(request, reply, 'policies/views/version.njk'));

  app.get('/policies/:id/versions/:number/print', { config: { permission: 'policy:read' }, schema: { hide: true, params: VersionParams } }, async (request, reply) =>
    versionPage(request, reply, 'policies/views/print.njk'));

  app.get('/policies/:id/versions/:number/original', { config: { permission: 'policy:read' }, schema: { hide: true, params: VersionParams } }, async (request, reply) => {
    const { id, number } = request.params as Static<typeof VersionParams>;
    const file = await services.policies.originalFile(actorOf(request), id, number);
    const name = (file.original_name ?? 'policy').replace(/[^\w.\- ]/g, '_');
    return reply.type(file.original_mime ?? 'application/octet-stream').header('content-disposition', `attachment; filename="${name}"`)
      .header('x-content-type-options', 'nosniff').header('cache-control', 'no-store').send(Buffer.from(file.original_file!));
  });

  app.post('/policies/:id/versions', { config: { permission: 'policy:manage' }, preHandler: app.csrfProtection, schema: { hide: true, params: IdParams } }, async (request, reply) => {
    const { id } = request.params as Static<typeof IdParams>;
    const number = await services.policies.startNewVersion(actorOf(request), id);
    return reply.redirect(`/policies/${id}/versions/${number}/edit`, 303);
  });

  app.get('/policies/:id/versions/:number/edit', { config: { permission: 'policy:manage' }, schema: { hide: true, params: VersionParams } }, async (request, reply) =>
    versionPage(request, reply, 'policies/views/draft.njk'));

  app.post('/policies/:id/versions/:number/edit', { config: { permission: 'policy:manage' }, preHandler: app.csrfProtection, schema: { hide: true, params: VersionParams, body: DraftBody } }, async (request, reply) => {
    const { id, number } = request.params as Static<typeof VersionParams>;
    const body = request.body as Static<typeof DraftBody>;
    try {
      await services.policies.saveDraft(actorOf(request), id, number, body);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return versionPage(request, reply, 'policies/views/draft.njk', { values: body, ...formErrors(error.problems) }, 400);
    }
    setFlash(reply, 'Draft saved');
    return reply.redirect(`/policies/${id}/versions/${number}`, 303);
  });

  app.get('/policies/:id/compare', { config: { permission: 'policy:read' }, schema: { hide: true, params: IdParams, querystring: CompareQuery } }, async (request, reply) => {
    const { id } = request.params as Static<typeof IdParams>;
    const query = request.query as Static<typeof CompareQuery>;
    const actor = actorOf(request);
    const { versions, policy } = await services.policies.policy(actor, id);
    const numbers = versions.map((v) => v.number).sort((a, b) => a - b);
    const to = query.to || String(numbers.at(-1) ?? 1);
    const from = query.from || String(numbers.filter((n) => n < Number(to)).at(-1) ?? to);
    const result = await services.policies.compare(actor, id, from, to);
    return render(request, reply, 'policies/views/compare.njk', {
      title: `Compare versions of ${policy.title}`, backLink: `/policies/${id}`, ...result,
      fromItems: numbers.map((n) => ({ value: String(n), text: `Version ${n}`, selected: n === result.from.number })),
      toItems: numbers.map((n) => ({ value: String(n), text: `Version ${n}`, selected: n === result.to.number })),
    });
  });
}
