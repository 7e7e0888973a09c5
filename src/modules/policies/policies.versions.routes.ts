import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { ModuleRoutes } from '../../platform/modules.ts';
import type { PoliciesServices } from './services.ts';
import { may } from '../../platform/auth/access.ts';
import { submitForm } from '../../platform/http/forms.ts';
import { render, setFlash } from '../../platform/http/render.ts';
import { IdParams } from '../../platform/http/schemas.ts';
import { actorOf } from '../../platform/http/request-context.ts';
import { ButtonBody, VersionParams } from './policies.schemas.ts';
import { mustAcknowledge } from './policies.rules.ts';
import { describeReview, importedSignatories, statusTag, ukDay } from './policies.view-model.ts';
import { outOfDateLines } from './policies.import.rules.ts';
import { isoDay } from './policies.dates.rules.ts';

const DraftBody = Type.Object({
  body: Type.String({ default: '', maxLength: 500_000 }),
  changeSummary: Type.String({ default: '', maxLength: 2000 }),
  _csrf: Type.Optional(Type.String()),
});
const CompareQuery = Type.Object({ from: Type.String({ default: '', maxLength: 8 }), to: Type.String({ default: '', maxLength: 8 }) });

/** Versions (POL-1): reading one, printing it, its original file, writing a draft, comparing two. */
export const policyVersionRoutes: ModuleRoutes<PoliciesServices> = async (app, { services }) => {
  const versionPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    { id, number }: VersionParams,
    template: string,
    extra: object = {},
    status = 200,
  ) => {
    const actor = actorOf(request);
    const found = await services.policies.version(actor, id, number);
    const { version, signatures } = found;
    const signedByMe = signatures.some((s) => s.staff_id === actor.staffId);
    const isCurrent = version.status === 'approved' && (await services.policies.policy(actor, id)).current?.number === version.number;
    const asked = isCurrent && mustAcknowledge(actor.roles, found.policy.applies_to);
    return render(
      request,
      reply,
      template,
      {
        title: `${found.policy.title}, version ${version.number}`,
        backLink: `/policies/${id}`,
        ...found,
        tag: statusTag(version.status),
        review: describeReview(found.review, false),
        // Issue 16 point 5: a date in the text the head should change before the version is approved.
        outOfDate:
          version.status === 'approved'
            ? []
            : outOfDateLines(
                version.body_markdown ?? '',
                isoDay(new Date()),
                found.review ? { due: found.review.due, text: describeReview(found.review, false)!.text } : null,
              ),
        approvedOn: ukDay(version.approved_on),
        meetingDate: ukDay(version.meeting_date),
        unsigned: version.signatories.filter((s) => !signatures.some((g) => g.role_title === s.title)),
        canSign:
          version.status === 'awaiting-approval' && may(actor, 'policy:sign') && !signedByMe && version.signatories.some((s) => s.staffId === actor.staffId),
        askedToRead: asked,
        hasRead: asked ? await services.policies.hasAcknowledged(actor, version.id) : false,
        canManage: may(actor, 'policy:manage'),
        importedSignatories: importedSignatories(version.imported),
        ...extra,
      },
      status,
    );
  };

  app.get('/policies/:id/versions/:number', { config: { permission: 'policy:read' }, schema: { hide: true, params: VersionParams } }, async (request, reply) =>
    versionPage(request, reply, request.params, 'policies/views/version.njk'),
  );

  app.get(
    '/policies/:id/versions/:number/print',
    { config: { permission: 'policy:read' }, schema: { hide: true, params: VersionParams } },
    async (request, reply) => versionPage(request, reply, request.params, 'policies/views/print.njk'),
  );

  app.get(
    '/policies/:id/versions/:number/original',
    { config: { permission: 'policy:read' }, schema: { hide: true, params: VersionParams } },
    async (request, reply) => {
      const { id, number } = request.params;
      const file = await services.policies.originalFile(actorOf(request), id, number);
      const name = (file.original_name ?? 'policy').replace(/[^\w.\- ]/g, '_');
      return reply
        .type(file.original_mime ?? 'application/octet-stream')
        .header('content-disposition', `attachment; filename="${name}"`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'no-store')
        .send(Buffer.from(file.original_file!));
    },
  );

  app.post(
    '/policies/:id/versions',
    { config: { permission: 'policy:manage' }, preHandler: app.csrfProtection, schema: { hide: true, params: IdParams, body: ButtonBody } },
    async (request, reply) => {
      const { id } = request.params;
      const number = await services.policies.startNewVersion(actorOf(request), id);
      return reply.redirect(`/policies/${id}/versions/${number}/edit`, 303);
    },
  );

  app.get(
    '/policies/:id/versions/:number/edit',
    { config: { permission: 'policy:manage' }, schema: { hide: true, params: VersionParams } },
    async (request, reply) => versionPage(request, reply, request.params, 'policies/views/draft.njk'),
  );

  app.post(
    '/policies/:id/versions/:number/edit',
    { config: { permission: 'policy:manage' }, preHandler: app.csrfProtection, schema: { hide: true, params: VersionParams, body: DraftBody } },
    async (request, reply) => {
      const {
        params: { id, number },
        body,
      } = request;
      return submitForm(
        async () => {
          await services.policies.saveDraft(actorOf(request), id, number, body);
          setFlash(reply, 'Draft saved');
          return reply.redirect(`/policies/${id}/versions/${number}`, 303);
        },
        async (errors) => versionPage(request, reply, request.params, 'policies/views/draft.njk', { values: body, ...errors }, 400),
      );
    },
  );

  app.get(
    '/policies/:id/compare',
    { config: { permission: 'policy:read' }, schema: { hide: true, params: IdParams, querystring: CompareQuery } },
    async (request, reply) => {
      const { id } = request.params;
      const query = request.query;
      const actor = actorOf(request);
      const { versions, policy } = await services.policies.policy(actor, id);
      const numbers = versions.map((v) => v.number).sort((a, b) => a - b);
      const to = query.to || String(numbers.at(-1) ?? 1);
      const from = query.from || String(numbers.filter((n) => n < Number(to)).at(-1) ?? to);
      const result = await services.policies.compare(actor, id, from, to);
      return render(request, reply, 'policies/views/compare.njk', {
        title: `Compare versions of ${policy.title}`,
        backLink: `/policies/${id}`,
        ...result,
        fromItems: numbers.map((n) => ({ value: String(n), text: `Version ${n}`, selected: n === result.from.number })),
        toItems: numbers.map((n) => ({ value: String(n), text: `Version ${n}`, selected: n === result.to.number })),
      });
    },
  );
};
