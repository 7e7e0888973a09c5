import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import type { ModuleRoutes } from '../../platform/modules.ts';
import type { PoliciesServices } from './services.ts';
import { submitForm } from '../../platform/http/forms.ts';
import { formErrors, render, setFlash } from '../../platform/http/render.ts';
import { IdParams } from '../../platform/http/schemas.ts';
import { actorOf } from '../../platform/http/request-context.ts';
import { roleLabels } from '../../platform/auth/permissions.ts';
import { staffItems } from './policies.view-model.ts';

import { ButtonBody, VersionParams } from './policies.schemas.ts';
const text = (max: number) => Type.String({ default: '', maxLength: max });
const ApprovalBody = Type.Object({
  approvingBody: text(200),
  'meetingDate-day': text(4),
  'meetingDate-month': text(4),
  'meetingDate-year': text(6),
  minuteRef: text(200),
  signatory0: text(64),
  signatory1: text(64),
  signatory2: text(64),
  signatory3: text(64),
  _csrf: Type.Optional(Type.String()),
});
const SignBody = Type.Object({ typedName: text(200), _csrf: Type.Optional(Type.String()) });

/** POL-2 approval and signatures, POL-5 reading and confirming, and who has not yet. */
export const policyApprovalRoutes: ModuleRoutes<PoliciesServices> = async (app, { services }) => {
  const approvalPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    values: Static<typeof ApprovalBody> | null,
    errors: object,
    status: number,
  ) => {
    const { policy, draft, review, signers, missingGovernor } = await services.policies.approvalChoices(actorOf(request), id);
    const chosen = (index: number) => (values ? values[`signatory${index}` as 'signatory0'] : '') || null;
    return render(
      request,
      reply,
      'policies/views/approval.njk',
      {
        title: `Send ${policy.title} for approval`,
        backLink: `/policies/${id}`,
        policy,
        draft,
        missingGovernor,
        values: values ?? { approvingBody: review.approvingBody },
        signatories: review.signatories.slice(0, 4).map((title, index) => ({
          title,
          field: `signatory${index}`,
          items: [{ value: '', text: 'Choose a person' }, ...staffItems(signers, chosen(index))],
        })),
        ...errors,
      },
      status,
    );
  };

  app.get('/policies/:id/approval', { config: { permission: 'policy:manage' }, schema: { hide: true, params: IdParams } }, async (request, reply) =>
    approvalPage(request, reply, request.params.id, null, {}, 200),
  );

  app.post(
    '/policies/:id/approval',
    { config: { permission: 'policy:manage' }, preHandler: app.csrfProtection, schema: { hide: true, params: IdParams, body: ApprovalBody } },
    async (request, reply) => {
      const {
        params: { id },
        body,
      } = request;
      return submitForm(
        async () => {
          await services.policies.sendForApproval(actorOf(request), id, {
            approvingBody: body.approvingBody,
            minuteRef: body.minuteRef,
            meetingDate: { day: body['meetingDate-day'], month: body['meetingDate-month'], year: body['meetingDate-year'] },
            signatories: [body.signatory0, body.signatory1, body.signatory2, body.signatory3],
          });
          setFlash(reply, 'Sent for approval. The signatories have been asked to sign.');
          return reply.redirect(`/policies/${id}`, 303);
        },
        async (_errors, problems) => {
          // The date input's error belongs to its first box, and the fieldset shows the message.
          const moved = problems.map((p) => (p.field === 'meetingDate' ? { ...p, field: 'meetingDate-day' } : p));
          return approvalPage(request, reply, id, body, { ...formErrors(moved), meetingDateError: problems.find((p) => p.field === 'meetingDate') }, 400);
        },
      );
    },
  );

  app.post(
    '/policies/:id/versions/:number/sign',
    { config: { permission: 'policy:sign' }, preHandler: app.csrfProtection, schema: { hide: true, params: VersionParams, body: SignBody } },
    async (request, reply) => {
      const {
        params: { id, number },
        body,
      } = request;
      return submitForm(
        async () => {
          const { approved } = await services.policies.sign(actorOf(request), id, number, body.typedName);
          setFlash(
            reply,
            approved ? 'Signed. Every signatory has now signed: this version is approved and published.' : 'Signed. Waiting for the other signatories.',
          );
          return reply.redirect(`/policies/${id}/versions/${number}`, 303);
        },
        async (errors) => {
          const found = await services.policies.version(actorOf(request), id, number);
          return render(
            request,
            reply,
            'policies/views/sign-error.njk',
            { title: `Sign ${found.policy.title}`, backLink: `/policies/${id}/versions/${number}`, ...found, values: body, ...errors },
            400,
          );
        },
      );
    },
  );

  app.post(
    '/policies/:id/versions/:number/withdraw',
    { config: { permission: 'policy:manage' }, preHandler: app.csrfProtection, schema: { hide: true, params: VersionParams, body: ButtonBody } },
    async (request, reply) => {
      const { id, number } = request.params;
      const next = await services.policies.withdraw(actorOf(request), id, number);
      setFlash(reply, `Version ${number} was withdrawn from approval. Its text is now in version ${next}, a draft you can change.`);
      return reply.redirect(`/policies/${id}/versions/${next}/edit`, 303);
    },
  );

  app.post(
    '/policies/:id/versions/:number/acknowledge',
    { config: { permission: 'policy:acknowledge' }, preHandler: app.csrfProtection, schema: { hide: true, params: VersionParams, body: ButtonBody } },
    async (request, reply) => {
      const { id, number } = request.params;
      await services.policies.acknowledge(actorOf(request), id, number);
      setFlash(reply, 'Thank you. You have confirmed that you have read and understood this policy.');
      return reply.redirect(`/policies/${id}/versions/${number}`, 303);
    },
  );

  app.get('/policies/:id/acknowledgements', { config: { permission: 'policy:manage' }, schema: { hide: true, params: IdParams } }, async (request, reply) => {
    const { id } = request.params;
    const { policy, current, people } = await services.policies.completion(actorOf(request), id);
    const done = people.filter((p) => p.acknowledgedAt).length;
    return render(request, reply, 'policies/views/acknowledgements.njk', {
      title: `Who has read ${policy.title}`,
      backLink: `/policies/${id}`,
      policy,
      current,
      done,
      total: people.length,
      people: people.map((p) => ({ ...p, roleNames: p.roles.map((r) => roleLabels[r as keyof typeof roleLabels] ?? r).join(', ') })),
    });
  });

  app.post(
    '/policies/:id/acknowledgements/chase',
    { config: { permission: 'policy:manage' }, preHandler: app.csrfProtection, schema: { hide: true, params: IdParams, body: ButtonBody } },
    async (request, reply) => {
      const { id } = request.params;
      const count = await services.policies.chase(actorOf(request), id);
      setFlash(reply, count === 0 ? 'Everyone has read it: nobody to remind.' : `Reminder sent to ${count} ${count === 1 ? 'person' : 'people'}`);
      return reply.redirect(`/policies/${id}/acknowledgements`, 303);
    },
  );
};
