import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import type { ModuleRoutes } from '../../platform/modules.ts';
import type { PoliciesServices } from './services.ts';
import { may } from '../../platform/auth/access.ts';
import { roleLabels, roles } from '../../platform/auth/permissions.ts';
import { acceptUploads, formFile } from '../../platform/http/form-body.ts';
import { submitForm } from '../../platform/http/forms.ts';
import { formErrors, render, setFlash } from '../../platform/http/render.ts';
import { IdParams } from '../../platform/http/schemas.ts';
import { Unprocessable } from '../../platform/http/errors.ts';
import { actorOf } from '../../platform/http/request-context.ts';
import { maxPolicyFileBytes } from './policies.files.ts';
import { everyone, kindLabel, policyKinds } from './policies.rules.ts';
import { describeReview, staffItems, statusTag } from './policies.view-model.ts';

const DetailsBody = Type.Object({
  title: Type.String({ default: '' }),
  kind: Type.String({ default: 'other' }),
  ownerId: Type.String({ default: '' }),
  intervalMonths: Type.String({ default: '' }),
  appliesTo: Type.Union([Type.Array(Type.String()), Type.String()], { default: [] }),
  links: Type.String({ default: '', maxLength: 5000 }),
  body: Type.String({ default: '', maxLength: 500_000 }),
  _csrf: Type.Optional(Type.String()),
});
type Details = Static<typeof DetailsBody>;

const AcceptForm = Type.Object({
  accept: Type.Union([Type.Array(Type.String({ maxLength: 200 }), { maxItems: 100 }), Type.String({ maxLength: 200 })], { default: [] }),
  all: Type.Optional(Type.String({ maxLength: 10 })),
  _csrf: Type.Optional(Type.String()),
});

const asDetails = (body: Details) => ({ ...body, appliesTo: [body.appliesTo].flat().filter(Boolean) });

/** POL-1: the register, a new policy, an imported one, and each policy's details. */
export const policiesRoutes: ModuleRoutes<PoliciesServices> = async (app, { services }) => {
  // The import's upload is parsed before the CSRF check, which then reads the form's _csrf field.
  await acceptUploads(app, { maxFileBytes: maxPolicyFileBytes, fields: 5 });

  const detailsForm = async (request: FastifyRequest, values: Partial<ReturnType<typeof asDetails>>) => {
    const staff = await services.policies.staffChoices(actorOf(request));
    return {
      values,
      kindItems: policyKinds.map((k) => ({ value: k.key, text: k.label, selected: k.key === values.kind })),
      ownerItems: [{ value: '', text: 'No owner yet' }, ...staffItems(staff, values.ownerId ?? null)],
      roleItems: roles.map((r) => ({ value: r, text: roleLabels[r], checked: (values.appliesTo ?? []).includes(r) })),
    };
  };

  app.get('/policies', { config: { permission: 'policy:read' }, schema: { hide: true } }, async (request, reply) => {
    const actor = actorOf(request);
    const policies = await services.policies.list(actor);
    // Two policies with the same title (an imported copy beside the one written here) are told apart by kind, owner and last approval.
    const titles = new Map<string, number>();
    for (const p of policies) titles.set(p.title.toLowerCase(), (titles.get(p.title.toLowerCase()) ?? 0) + 1);
    return render(request, reply, 'policies/views/register.njk', {
      title: 'Policies',
      canManage: may(actor, 'policy:manage'),
      canChangeSettings: may(actor, 'policy:settings'),
      publicList: `/schools/${actor.schoolUrn}/policies`,
      policies: policies.map((p) => ({
        ...p,
        kindLabel: kindLabel(p.kind),
        tag: statusTag(p.status),
        review: describeReview(p.review, p.overdue),
        sameTitle: (titles.get(p.title.toLowerCase()) ?? 0) > 1,
      })),
    });
  });

  app.get('/policies/new', { config: { permission: 'policy:manage' }, schema: { hide: true } }, async (request, reply) => {
    const defaults = { kind: 'social-media', intervalMonths: '12', appliesTo: everyone, ownerId: actorOf(request).staffId, title: '', links: '', body: '' };
    return render(request, reply, 'policies/views/new.njk', { title: 'Write a new policy', backLink: '/policies', ...(await detailsForm(request, defaults)) });
  });

  app.post(
    '/policies',
    { config: { permission: 'policy:manage' }, preHandler: app.csrfProtection, schema: { hide: true, body: DetailsBody } },
    async (request, reply) => {
      const input = asDetails(request.body);
      return submitForm(
        async () => {
          const created = await services.policies.create(actorOf(request), input);
          setFlash(reply, `${input.title.trim()} added as a draft`);
          return reply.redirect(`/policies/${created.id}`, 303);
        },
        async (errors) =>
          render(
            request,
            reply,
            'policies/views/new.njk',
            { title: 'Write a new policy', backLink: '/policies', ...(await detailsForm(request, input)), ...errors },
            400,
          ),
      );
    },
  );

  const importPage = { title: 'Import a policy', backLink: '/policies', maxMegabytes: maxPolicyFileBytes / 1024 / 1024 };

  app.get('/policies/import', { config: { permission: 'policy:manage' }, schema: { hide: true } }, async (request, reply) =>
    render(request, reply, 'policies/views/import.njk', importPage),
  );

  // No body schema: @fastify/multipart attaches the parts (the file and _csrf) to the body; formFile reads them.
  app.post('/policies/import', { config: { permission: 'policy:manage' }, preHandler: app.csrfProtection, schema: { hide: true } }, async (request, reply) => {
    const file = await formFile(request.body, 'file');
    if (!file) {
      return render(request, reply, 'policies/views/import.njk', { ...importPage, ...formErrors([{ field: 'file', message: 'Select the policy file' }]) }, 400);
    }
    return submitForm(
      async () => {
        const outcome = await services.policies.importFile(actorOf(request), file.fileName, file.bytes);
        setFlash(reply, `${file.fileName} imported as a draft. Check what was found, then correct the text if you need to.`);
        return reply.redirect(`/policies/${outcome.id}/versions/1/edit`, 303);
      },
      async (errors) => render(request, reply, 'policies/views/import.njk', { ...importPage, ...errors }, 400),
    );
  });

  const policyPage = async (request: FastifyRequest, reply: FastifyReply, id: string, errors: object = {}, status = 200) => {
    const actor = actorOf(request);
    const found = await services.policies.policy(actor, id);
    return render(
      request,
      reply,
      'policies/views/policy.njk',
      {
        title: found.policy.title,
        backLink: '/policies',
        ...found,
        canManage: may(actor, 'policy:manage'),
        kindLabel: kindLabel(found.policy.kind),
        tag: statusTag(found.policy.status),
        reviewText: describeReview(found.review, found.overdue),
        appliesToText: found.policy.applies_to.map((r) => roleLabels[r as keyof typeof roleLabels] ?? r).join(', '),
        versions: found.versions.map((v) => ({ ...v, tag: statusTag(v.status) })),
        publicUrl: found.current ? `/schools/${actor.schoolUrn}/policies/${found.policy.slug}` : null,
        // Issue 19: the head sees the settings the text sets, and accepts them here.
        proposed: may(actor, 'settings:edit') ? await services.policies.proposalRows(actor, id) : null,
        ...errors,
      },
      status,
    );
  };

  app.get('/policies/:id', { config: { permission: 'policy:read' }, schema: { hide: true, params: IdParams } }, async (request, reply) =>
    policyPage(request, reply, request.params.id),
  );

  // Issue 19: accepting the settings the policy sets (the ticked rows, or all of them).
  app.post(
    '/policies/:id/setting-proposals',
    { config: { permission: 'settings:edit' }, preHandler: app.csrfProtection, schema: { hide: true, params: IdParams, body: AcceptForm } },
    async (request, reply) => {
      const { id } = request.params;
      const actor = actorOf(request);
      let chosen = [request.body.accept].flat().filter((s): s is string => typeof s === 'string' && s !== '');
      if (request.body.all) chosen = (await services.policies.proposalRows(actor, id)).proposals.filter((p) => p.available).map((p) => p.setting);
      try {
        const { settingsVersion } = await services.policies.acceptProposals(actor, id, chosen);
        setFlash(reply, `${chosen.length === 1 ? 'The setting' : `${chosen.length} settings`} from this policy accepted: settings version ${settingsVersion}`);
        return reply.redirect(`/policies/${id}#settings-this-policy-sets`, 303);
      } catch (error) {
        if (error instanceof Unprocessable) return policyPage(request, reply, id, formErrors([{ field: 'accept', message: error.message }]), 400);
        throw error;
      }
    },
  );

  const detailsPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    values: Partial<ReturnType<typeof asDetails>> | null,
    errors: object,
    status: number,
  ) => {
    const found = await services.policies.policy(actorOf(request), id);
    const current = values ?? {
      title: found.policy.title,
      kind: found.policy.kind,
      ownerId: found.policy.owner_id ?? '',
      intervalMonths: String(found.policy.review_interval_months),
      appliesTo: found.policy.applies_to,
      links: found.links.map((l) => l.linked_title).join('\n'),
    };
    return render(
      request,
      reply,
      'policies/views/details.njk',
      {
        title: `Change the details of ${found.policy.title}`,
        policy: found.policy,
        backLink: `/policies/${id}`,
        ...(await detailsForm(request, current)),
        ...errors,
      },
      status,
    );
  };

  app.get('/policies/:id/details', { config: { permission: 'policy:manage' }, schema: { hide: true, params: IdParams } }, async (request, reply) =>
    detailsPage(request, reply, request.params.id, null, {}, 200),
  );

  app.post(
    '/policies/:id/details',
    { config: { permission: 'policy:manage' }, preHandler: app.csrfProtection, schema: { hide: true, params: IdParams, body: DetailsBody } },
    async (request, reply) => {
      const { id } = request.params;
      const input = asDetails(request.body);
      return submitForm(
        async () => {
          await services.policies.updateDetails(actorOf(request), id, input);
          setFlash(reply, 'Policy details saved');
          return reply.redirect(`/policies/${id}`, 303);
        },
        async (errors) => detailsPage(request, reply, id, input, errors, 400),
      );
    },
  );
};
