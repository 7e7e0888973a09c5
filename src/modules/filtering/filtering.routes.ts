import { Type } from 'typebox';
import type { ModuleRoutes } from '../../platform/modules.ts';
import { formValue } from '../../platform/http/form-body.ts';
import { submitForm } from '../../platform/http/forms.ts';
import { render, setFlash } from '../../platform/http/render.ts';
import { actorOf } from '../../platform/http/request-context.ts';
import { IdParams } from '../../platform/http/schemas.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { may } from '../../platform/auth/access.ts';
import { ValidationError } from '../../platform/http/errors.ts';
import { durationLabels, statusLabels, type DecisionWord } from './filtering.rules.ts';
import type { FilteringServices } from './services.ts';

const FormBody = Type.Record(Type.String(), Type.Unknown());
const NewQuery = Type.Object({ kind: Type.Optional(Type.String({ maxLength: 20 })), concern: Type.Optional(Type.String({ maxLength: 64 })) });
const decisionWords: readonly DecisionWord[] = ['recommend-approve', 'recommend-refuse', 'approved', 'refused'];

const durationItems = (chosen: string) => Object.entries(durationLabels).map(([value, text]) => ({ value, text, checked: value === chosen }));
const kindItems = (chosen: string) => [
  { value: 'unblock', text: 'Open a blocked site for teaching', checked: chosen === 'unblock' },
  { value: 'block', text: 'Block a site (something got through)', checked: chosen === 'block' },
];

/** The pages of web filtering: ask, see the queue, recommend and decide (FLT-1…3). */
export const filteringRoutes: ModuleRoutes<FilteringServices> = async (app, { services }) => {
  const { filtering } = services;

  const newPage = async (actor: Actor, values: Record<string, string>) => ({
    title: 'Ask about a website',
    backLink: '/filtering',
    values,
    kindItems: kindItems(values.kind ?? ''),
    durationItems: durationItems(values.duration ?? ''),
    classItems: [
      { value: '', text: 'No particular class' },
      ...(await filtering.classes(actor)).map((c) => ({ value: c.id, text: c.title, selected: c.id === values.classId })),
    ],
  });

  app.get('/filtering', { config: { permission: 'filter:request' }, schema: { hide: true } }, async (request, reply) => {
    const overview = await filtering.overview(actorOf(request));
    return render(request, reply, 'filtering/views/overview.njk', {
      title: 'Web filtering',
      ...overview,
      statusLabels,
      durationLabels,
      canExport: may(actorOf(request), 'filter:export'),
    });
  });

  app.get('/filtering/requests/new', { config: { permission: 'filter:request' }, schema: { hide: true, querystring: NewQuery } }, async (request, reply) => {
    const { kind, concern } = request.query;
    return render(
      request,
      reply,
      'filtering/views/new.njk',
      await newPage(actorOf(request), { kind: kind === 'block' ? 'block' : kind === 'unblock' ? 'unblock' : '', concernId: concern ?? '' }),
    );
  });

  app.post(
    '/filtering/requests',
    { config: { permission: 'filter:request' }, preHandler: app.csrfProtection, schema: { hide: true, body: FormBody } },
    async (request, reply) => {
      const actor = actorOf(request);
      const form = request.body;
      const input = {
        kind: formValue(form, 'kind'),
        domain: formValue(form, 'domain'),
        reason: formValue(form, 'reason'),
        duration: formValue(form, 'duration'),
        classId: formValue(form, 'classId'),
        concernId: formValue(form, 'concernId'),
      };
      return submitForm(
        async () => {
          const { id } = await filtering.ask(actor, input);
          setFlash(reply, 'Request sent to the ICT lead. You will get an e-mail when it is decided.');
          return reply.redirect(`/filtering/requests/${id}`, 303);
        },
        async (errors) => render(request, reply, 'filtering/views/new.njk', { ...(await newPage(actor, input)), ...errors }, 400),
      );
    },
  );

  const requestPage = async (actor: Actor, id: string) => {
    const found = await filtering.request(actor, id);
    return {
      title: `${found.request.kind === 'block' ? 'Block' : 'Open'} ${found.request.display_domain}`,
      backLink: '/filtering',
      ...found,
      statusLabels,
      durationLabels,
      stepLabels,
      canRecommend: found.isIctLead && found.request.status === 'with-ict-lead',
      canBlockNow: found.isIctLead && found.request.kind === 'block' && (found.request.status === 'with-ict-lead' || found.request.status === 'with-decider'),
      canDecide: found.decides && (found.request.status === 'with-decider' || found.request.status === 'applied-urgently'),
    };
  };

  app.get('/filtering/requests/:id', { config: { permission: 'filter:request' }, schema: { hide: true, params: IdParams } }, async (request, reply) =>
    render(request, reply, 'filtering/views/request.njk', await requestPage(actorOf(request), request.params.id)),
  );

  app.post(
    '/filtering/requests/:id/decision',
    { config: { permission: 'filter:decide' }, preHandler: app.csrfProtection, schema: { hide: true, params: IdParams, body: FormBody } },
    async (request, reply) => {
      const actor = actorOf(request);
      const { id } = request.params;
      const decision = decisionWords.find((d) => d === formValue(request.body, 'decision'));
      const note = formValue(request.body, 'note');
      return submitForm(
        async () => {
          if (!decision) throw new ValidationError([{ field: 'decision', message: 'Choose what you decide' }]);
          const { status } = await filtering.decide(actor, id, decision, note);
          setFlash(
            reply,
            status === 'with-decider'
              ? 'Recommendation sent for a decision'
              : `Decision recorded: ${statusLabels[status].toLowerCase()}. The person who asked has been told.`,
          );
          return reply.redirect(`/filtering/requests/${id}`, 303);
        },
        async (errors) =>
          render(request, reply, 'filtering/views/request.njk', { ...(await requestPage(actor, id)), values: { decision, note }, ...errors }, 400),
      );
    },
  );

  app.post(
    '/filtering/requests/:id/block-now',
    { config: { permission: 'filter:recommend' }, preHandler: app.csrfProtection, schema: { hide: true, params: IdParams, body: FormBody } },
    async (request, reply) => {
      const actor = actorOf(request);
      const { id } = request.params;
      const note = formValue(request.body, 'urgentNote');
      return submitForm(
        async () => {
          await filtering.blockNow(actor, id, note);
          setFlash(reply, 'Blocked now. The people who decide have been asked to confirm it.');
          return reply.redirect(`/filtering/requests/${id}`, 303);
        },
        async (errors, problems) =>
          render(
            request,
            reply,
            'filtering/views/request.njk',
            {
              ...(await requestPage(actor, id)),
              values: { urgentNote: note },
              ...errors,
              fieldErrors: { urgentNote: errors.fieldErrors.note ?? { text: problems[0]?.message ?? '' } },
            },
            400,
          ),
      );
    },
  );

  app.get('/filtering/lists', { config: { permission: 'filter:export' }, schema: { hide: true } }, async (request, reply) => {
    const lists = await filtering.listsInForce(actorOf(request));
    const base = `${request.protocol}://${request.host}`;
    return render(request, reply, 'filtering/views/lists.njk', { title: 'Lists the filter loads', backLink: '/filtering', ...lists, base });
  });
};

const stepLabels: Record<string, string> = {
  requested: 'Asked',
  'recommend-approve': 'ICT lead recommends approving',
  'recommend-refuse': 'ICT lead recommends refusing',
  'applied-urgently': 'Blocked at once by the ICT lead',
  approved: 'Approved',
  refused: 'Refused',
  expired: 'Time ran out',
};
