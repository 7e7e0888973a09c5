import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { ModuleRoutes } from '../../platform/modules.ts';
import type { RegistersServices } from './services.ts';
import { may } from '../../platform/auth/access.ts';
import { submitForm, type FormErrors } from '../../platform/http/forms.ts';
import { render, setFlash } from '../../platform/http/render.ts';
import { actorOf } from '../../platform/http/request-context.ts';
import { ButtonBody, IdParams } from '../../platform/http/schemas.ts';
import { personName } from '../people/names.ts';
import { dateFromParts } from './registers.rules.ts';

const text = (maxLength: number) => Type.String({ default: '', maxLength });
const AccountForm = Type.Object({
  name: text(200),
  kind: text(40),
  url: text(500),
  purpose: text(2000),
  credentialsHolderId: text(64),
  ownerId: text(64),
  dataProtection: text(2000),
  'reviewOn-day': text(4),
  'reviewOn-month': text(4),
  'reviewOn-year': text(6),
});
type AccountValues = { [K in keyof typeof AccountForm.properties]: string };
const DecisionForm = Type.Object({ decision: text(20), note: text(2000) });
const HolderForm = Type.Object({ credentialsHolderId: text(64) });

const kindLabel = (kind: string) => (kind === 'social-media-account' ? 'Social media account' : 'Online service');
const statusTag = (status: string) =>
  status === 'approved'
    ? { text: 'Approved', classes: 'govuk-tag--green' }
    : status === 'refused'
      ? { text: 'Refused', classes: 'govuk-tag--red' }
      : { text: 'Waiting for approval', classes: 'govuk-tag--yellow' };

/** The register of school accounts and online services (REG-1): asked for, approved in advance, passwords kept by one person. */
export const accountRoutes: ModuleRoutes<RegistersServices> = async (app, { services }) => {
  app.get('/accounts', { config: { permission: 'accounts:read' }, schema: { hide: true } }, async (request, reply) => {
    const actor = actorOf(request);
    const { accounts, decides, tasks } = await services.accounts.list(actor);
    return render(request, reply, 'registers/views/accounts.njk', {
      title: 'School accounts and online services',
      backLink: '/registers',
      accounts: accounts.map((a) => ({ ...a, kindLabel: kindLabel(a.kind), tag: statusTag(a.status) })),
      decides,
      tasks,
      canRequest: may(actor, 'accounts:request'),
    });
  });

  const formPage = async (request: FastifyRequest, values: Partial<AccountValues>, errors: FormErrors | object = {}) => {
    const { staff, decides } = await services.accounts.formOptions(actorOf(request));
    const staffItems = (chosen: string | undefined, none: string) => [
      { value: '', text: none },
      ...staff.map((s) => ({ value: s.id, text: personName(s), selected: s.id === chosen })),
    ];
    return {
      title: 'Ask for a school account or online service',
      backLink: '/accounts',
      decides,
      values,
      kindItems: services.accounts.kinds.map((k) => ({ value: k.value, text: k.text, checked: values.kind === k.value })),
      holderItems: staffItems(values.credentialsHolderId, 'Not decided yet'),
      ownerItems: staffItems(values.ownerId, 'Me'),
      ...errors,
    };
  };

  app.get('/accounts/new', { config: { permission: 'accounts:request' }, schema: { hide: true } }, async (request, reply) =>
    render(request, reply, 'registers/views/account-new.njk', await formPage(request, {})),
  );

  app.post(
    '/accounts',
    { config: { permission: 'accounts:request' }, preHandler: app.csrfProtection, schema: { hide: true, body: AccountForm } },
    async (request, reply) => {
      const body = request.body;
      return submitForm(
        async () => {
          const reviewOn = dateFromParts(body['reviewOn-day'], body['reviewOn-month'], body['reviewOn-year']);
          const { id, status } = await services.accounts.request(actorOf(request), { ...body, reviewOn: reviewOn === 'invalid' ? 'not a date' : reviewOn });
          setFlash(reply, status === 'approved' ? 'Added to the register as approved' : 'Sent for approval. It may not be used until it is approved.');
          return reply.redirect(`/accounts/${id}`, 303);
        },
        async (errors) => render(request, reply, 'registers/views/account-new.njk', await formPage(request, body, errors), 400),
      );
    },
  );

  const accountPage = async (request: FastifyRequest, id: string, extra: Record<string, unknown> = {}) => {
    const actor = actorOf(request);
    const { account, decides, tasks, staff } = await services.accounts.view(actor, id);
    return {
      title: account.name,
      backLink: '/accounts',
      account: { ...account, kindLabel: kindLabel(account.kind), tag: statusTag(account.status) },
      decides: decides && account.status === 'requested',
      tasks,
      canManage: may(actor, 'accounts:manage'),
      holderItems: [
        { value: '', text: 'Nobody' },
        ...staff.map((s) => ({ value: s.id, text: personName(s), selected: s.id === account.credentials_holder_id })),
      ],
      values: {},
      ...extra,
    };
  };

  app.get('/accounts/:id', { config: { permission: 'accounts:read' }, schema: { hide: true, params: IdParams } }, async (request, reply) =>
    render(request, reply, 'registers/views/account.njk', await accountPage(request, request.params.id)),
  );

  app.post(
    '/accounts/:id/decision',
    { config: { permission: 'accounts:decide' }, preHandler: app.csrfProtection, schema: { hide: true, params: IdParams, body: DecisionForm } },
    async (request, reply) => {
      const { id } = request.params;
      return submitForm(
        async () => {
          const { status } = await services.accounts.decide(actorOf(request), id, request.body);
          setFlash(reply, status === 'approved' ? 'Approved: it is now on the register as approved' : 'Refused: the person who asked has been told');
          return reply.redirect(`/accounts/${id}`, 303);
        },
        async (errors) => render(request, reply, 'registers/views/account.njk', await accountPage(request, id, { values: request.body, ...errors }), 400),
      );
    },
  );

  app.post(
    '/accounts/:id/holder',
    { config: { permission: 'accounts:manage' }, preHandler: app.csrfProtection, schema: { hide: true, params: IdParams, body: HolderForm } },
    async (request, reply) => {
      const { id } = request.params;
      return submitForm(
        async () => {
          await services.accounts.changeHolder(actorOf(request), id, request.body.credentialsHolderId);
          setFlash(reply, 'Saved who holds the passwords');
          return reply.redirect(`/accounts/${id}`, 303);
        },
        async (errors) => render(request, reply, 'registers/views/account.njk', await accountPage(request, id, errors), 400),
      );
    },
  );

  app.post(
    '/accounts/:id/passwords-changed',
    { config: { permission: 'accounts:manage' }, preHandler: app.csrfProtection, schema: { hide: true, params: IdParams, body: ButtonBody } },
    async (request, reply) => {
      await services.accounts.passwordsChanged(actorOf(request), request.params.id);
      setFlash(reply, 'Recorded that the passwords were changed');
      return reply.redirect(`/accounts/${request.params.id}`, 303);
    },
  );

  app.post(
    '/accounts/:id/reviewed',
    { config: { permission: 'accounts:manage' }, preHandler: app.csrfProtection, schema: { hide: true, params: IdParams, body: ButtonBody } },
    async (request, reply) => {
      await services.accounts.reviewed(actorOf(request), request.params.id);
      setFlash(reply, 'Reviewed: the next review is due in a year');
      return reply.redirect(`/accounts/${request.params.id}`, 303);
    },
  );
};
