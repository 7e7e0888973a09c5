import { Type } from 'typebox';
import type { ModuleRoutes } from '../../platform/modules.ts';
import { may } from '../../platform/auth/access.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { acceptUploads, formFile, formValue } from '../../platform/http/form-body.ts';
import { submitForm } from '../../platform/http/forms.ts';
import { render, setFlash } from '../../platform/http/render.ts';
import { actorOf } from '../../platform/http/request-context.ts';
import { IdParams } from '../../platform/http/schemas.ts';
import { ValidationError } from '../../platform/http/errors.ts';
import { participantRoles, reviewPoints } from './review.rules.ts';
import type { FilteringServices } from './services.ts';

const FormBody = Type.Record(Type.String(), Type.Unknown());
const BanQuery = Type.Object({ pupil: Type.Optional(Type.String({ maxLength: 64 })), concern: Type.Optional(Type.String({ maxLength: 64 })) });
const parts = (form: unknown, name: string) => ({
  day: formValue(form, `${name}-day`),
  month: formValue(form, `${name}-month`),
  year: formValue(form, `${name}-year`),
});

/** Pages for bans (FLT-4), monitoring alerts (001 §5) and the yearly review (DfE standards). */
export const oversightRoutes: ModuleRoutes<FilteringServices> = async (app, { services }) => {
  const { oversight } = services;
  await acceptUploads(app, { maxFileBytes: 5 * 1024 * 1024 });

  // --- the yearly review ---
  const reviewForm = (values: Record<string, string>) => ({
    title: 'Record the yearly review',
    backLink: '/filtering/review',
    values,
    reviewPoints,
    participantRoles,
  });

  app.get('/filtering/review', { config: { permission: 'filtering-review:read' }, schema: { hide: true } }, async (request, reply) => {
    const actor = actorOf(request);
    const reviews = await oversight.reviews(actor);
    return render(request, reply, 'filtering/views/reviews.njk', {
      title: 'Filtering and monitoring review',
      reviews,
      reviewPoints,
      participantRoles,
      canRecord: may(actor, 'filtering-review:record'),
    });
  });

  app.get('/filtering/review/new', { config: { permission: 'filtering-review:record' }, schema: { hide: true } }, async (request, reply) =>
    render(request, reply, 'filtering/views/review-new.njk', reviewForm({})),
  );

  app.post(
    '/filtering/review',
    { config: { permission: 'filtering-review:record' }, preHandler: app.csrfProtection, schema: { hide: true, body: FormBody } },
    async (request, reply) => {
      const form = request.body;
      const values = Object.fromEntries(Object.keys(form).map((k) => [k, formValue(form, k)]));
      return submitForm(
        async () => {
          await oversight.recordReview(actorOf(request), {
            completedOn: parts(form, 'completedOn'),
            participants: Object.fromEntries(participantRoles.map((r) => [r.key, formValue(form, `participant-${r.key}`)])),
            points: Object.fromEntries(
              reviewPoints.map((p) => [
                p.key,
                { met: formValue(form, `met-${p.key}`), evidence: formValue(form, `evidence-${p.key}`), actions: formValue(form, `actions-${p.key}`) },
              ]),
            ),
          });
          setFlash(reply, 'Review recorded. The next one falls due in a year.');
          return reply.redirect('/filtering/review', 303);
        },
        async (errors) => render(request, reply, 'filtering/views/review-new.njk', { ...reviewForm(values), ...errors }, 400),
      );
    },
  );

  // --- computer bans (FLT-4) ---
  const banForm = async (actor: Actor, values: Record<string, string>) => ({
    title: 'Ban from school computers',
    backLink: '/filtering/bans',
    values,
    pupilItems: [
      { value: '', text: 'Choose a pupil' },
      ...(await oversight.pupilsForBan(actor)).map((p) => ({
        value: p.id,
        text: `${p.name}${p.class_title ? `, ${p.class_title}` : ''}`,
        selected: p.id === values.pupilId,
      })),
    ],
  });

  app.get('/filtering/bans', { config: { permission: 'ban:read' }, schema: { hide: true } }, async (request, reply) => {
    const actor = actorOf(request);
    return render(request, reply, 'filtering/views/bans.njk', {
      title: 'Computer bans',
      bans: await oversight.bans(actor),
      canManage: may(actor, 'ban:manage'),
    });
  });

  app.get('/filtering/bans/new', { config: { permission: 'ban:manage' }, schema: { hide: true, querystring: BanQuery } }, async (request, reply) =>
    render(
      request,
      reply,
      'filtering/views/ban-new.njk',
      await banForm(actorOf(request), { pupilId: request.query.pupil ?? '', concernId: request.query.concern ?? '', supervisedUse: 'yes' }),
    ),
  );

  app.post(
    '/filtering/bans',
    { config: { permission: 'ban:manage' }, preHandler: app.csrfProtection, schema: { hide: true, body: FormBody } },
    async (request, reply) => {
      const actor = actorOf(request);
      const form = request.body;
      const values = Object.fromEntries(Object.keys(form).map((k) => [k, formValue(form, k)]));
      return submitForm(
        async () => {
          await oversight.addBan(actor, {
            pupilId: formValue(form, 'pupilId'),
            concernId: formValue(form, 'concernId'),
            reason: formValue(form, 'reason'),
            startsOn: parts(form, 'startsOn'),
            endsOn: parts(form, 'endsOn'),
            supervisedUse: formValue(form, 'supervisedUse') === 'yes',
          });
          setFlash(reply, 'Ban recorded. Class teachers see it on the class and pupil pages.');
          return reply.redirect('/filtering/bans', 303);
        },
        async (errors) => render(request, reply, 'filtering/views/ban-new.njk', { ...(await banForm(actor, values)), ...errors }, 400),
      );
    },
  );

  app.post(
    '/filtering/bans/:id/lift',
    { config: { permission: 'ban:manage' }, preHandler: app.csrfProtection, schema: { hide: true, params: IdParams, body: FormBody } },
    async (request, reply) => {
      const actor = actorOf(request);
      return submitForm(
        async () => {
          await oversight.liftBan(actor, request.params.id, formValue(request.body, 'note'));
          setFlash(reply, 'Ban lifted');
          return reply.redirect('/filtering/bans', 303);
        },
        async (errors) =>
          render(
            request,
            reply,
            'filtering/views/bans.njk',
            { title: 'Computer bans', bans: await oversight.bans(actor), canManage: true, liftId: request.params.id, ...errors },
            400,
          ),
      );
    },
  );

  // --- monitoring alerts (001 §5) ---
  const alertsPage = async (actor: Actor) => ({ title: 'Monitoring alerts', ...(await oversight.alerts(actor)) });

  app.get('/filtering/alerts', { config: { permission: 'monitoring:triage' }, schema: { hide: true } }, async (request, reply) =>
    render(request, reply, 'filtering/views/alerts.njk', await alertsPage(actorOf(request))),
  );

  app.post(
    '/filtering/alerts/upload',
    { config: { permission: 'monitoring:triage' }, preHandler: app.csrfProtection, schema: { hide: true, body: FormBody } },
    async (request, reply) => {
      const actor = actorOf(request);
      return submitForm(
        async () => {
          const file = await formFile(request.body, 'file');
          if (!file) throw new ValidationError([{ field: 'file', message: 'Choose the CSV file exported from your monitoring product' }]);
          const { added, alreadyHeld } = await oversight.uploadAlerts(actor, file.bytes.toString('utf8'), formValue(request.body, 'source'));
          setFlash(reply, `${added} alert${added === 1 ? '' : 's'} added${alreadyHeld ? `; ${alreadyHeld} already held` : ''}`);
          return reply.redirect('/filtering/alerts', 303);
        },
        async (errors) => render(request, reply, 'filtering/views/alerts.njk', { ...(await alertsPage(actor)), ...errors }, 400),
      );
    },
  );

  app.post(
    '/filtering/alerts/:id/triage',
    { config: { permission: 'monitoring:triage' }, preHandler: app.csrfProtection, schema: { hide: true, params: IdParams, body: FormBody } },
    async (request, reply) => {
      const actor = actorOf(request);
      return submitForm(
        async () => {
          const { concernId } = await oversight.triage(actor, request.params.id, formValue(request.body, 'action'), formValue(request.body, 'note'));
          if (concernId) {
            setFlash(reply, 'Concern opened from the alert');
            return reply.redirect(`/concerns/${concernId}`, 303);
          }
          setFlash(reply, 'Alert dealt with');
          return reply.redirect('/filtering/alerts', 303);
        },
        async (errors) => render(request, reply, 'filtering/views/alerts.njk', { ...(await alertsPage(actor)), triageId: request.params.id, ...errors }, 400),
      );
    },
  );
};
