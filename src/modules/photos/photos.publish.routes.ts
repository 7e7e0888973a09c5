import type { FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import type { ModuleRoutes } from '../../platform/modules.ts';
import type { PhotosServices } from './services.ts';
import { ValidationError } from '../../platform/http/errors.ts';
import { submitForm, type FormErrors } from '../../platform/http/forms.ts';
import { formErrors, render, setFlash } from '../../platform/http/render.ts';
import { actorOf } from '../../platform/http/request-context.ts';
import { IdParams } from '../../platform/http/schemas.ts';
import { NotAllowed } from './photos.publishing.ts';
import { privateImage } from './photos.http.ts';

/** A publication request of a photograph, in a page's address. */
const RequestParams = Type.Object({ id: Type.String({ format: 'uuid' }), requestId: Type.String({ format: 'uuid' }) });
const PublishBody = Type.Object({
  channel: Type.String({ default: '', maxLength: 60 }),
  caption: Type.String({ default: '', maxLength: 1000 }),
  altText: Type.String({ default: '', maxLength: 500 }),
  where: Type.String({ default: '', maxLength: 500 }),
  expressRequestId: Type.String({ default: '', maxLength: 64 }),
  blurFaces: Type.String({ default: 'without-consent', maxLength: 20 }),
  tagChildren: Type.String({ default: '', maxLength: 10 }),
});
const blurChoices = [
  {
    value: 'without-consent',
    text: 'Blur the faces of children who may not appear here',
    hint: 'Tagged pupils without consent for this use, and anyone marked as not a pupil',
  },
  { value: 'all', text: 'Blur all faces' },
  { value: 'none', text: 'Do not blur any face', hint: 'Every child in it then needs consent for this use' },
];
const DecisionBody = Type.Object({ decision: Type.String({ default: '', maxLength: 10 }), note: Type.String({ default: '', maxLength: 1000 }) });
/** The body of a form that is only a button: its CSRF token. */
const ButtonBody = Type.Object({ _csrf: Type.Optional(Type.String()) });

/** A refusal by the consent check becomes a problem with the form's field, shown beside it like any other. */
const refusalsAsProblems =
  (field: string, say: (reason: string) => string) =>
  (error: unknown): never => {
    if (error instanceof NotAllowed) throw new ValidationError(error.reasons.map((r) => ({ field, message: say(r.reason) })));
    throw error;
  };

/** MED-4, MED-5, CON-6: asking to publish, deciding, the published copy, and recording a takedown. */
export const publishRoutes: ModuleRoutes<PhotosServices> = async (app, { services }) => {
  const publishPage = async (request: FastifyRequest, id: string, values: Static<typeof PublishBody> | null, errors: FormErrors | object = {}) => {
    const options = await services.photoPublishing.options(actorOf(request), id);
    return {
      title: `Ask to publish: ${options.photo.event_name}`,
      backLink: `/photos/${id}`,
      photo: options.photo,
      values: values ?? {},
      reasons: [],
      channelItems: options.channels.map((c) => ({
        value: c.key,
        text: c.label,
        checked: c.key === values?.channel,
        hint: {
          text: [
            c.headteacherApproval ? 'The headteacher decides' : 'Published straight away if it passes the check',
            c.expressPermission ? 'needs express permission for each child' : '',
          ]
            .filter(Boolean)
            .join('; '),
        },
      })),
      blurItems: blurChoices.map((c) => ({
        value: c.value,
        text: c.text,
        hint: c.hint ? { text: c.hint } : undefined,
        checked: c.value === (values?.blurFaces || 'without-consent'),
      })),
      expressItems: [
        { value: '', text: 'None' },
        ...options.expressRequests.map((r) => ({ value: r.id, text: r.title, selected: r.id === values?.expressRequestId })),
      ],
      ...errors,
    };
  };

  app.get('/photos/:id/publish', { config: { permission: 'media:publish' }, schema: { hide: true, params: IdParams } }, async (request, reply) =>
    render(request, reply, 'photos/views/publish.njk', await publishPage(request, request.params.id, null)),
  );

  app.post(
    '/photos/:id/publish',
    { config: { permission: 'media:publish' }, preHandler: app.csrfProtection, schema: { hide: true, params: IdParams, body: PublishBody } },
    async (request, reply) => {
      const {
        params: { id },
        body,
      } = request;
      return submitForm(
        async () => {
          const outcome = await services.photoPublishing.request(actorOf(request), id, body).catch(refusalsAsProblems('channel', (reason) => reason));
          setFlash(reply, outcome.status === 'published' ? 'Published: the copy has no location or camera details' : 'Sent to the headteacher, who decides');
          return reply.redirect(`/photos/${id}`, 303);
        },
        async (errors) => render(request, reply, 'photos/views/publish.njk', await publishPage(request, id, body, errors), 400),
      );
    },
  );

  const approvalsPage = async (request: FastifyRequest, extra: Record<string, unknown> = {}) => ({
    title: 'Photographs waiting for a decision',
    backLink: '/photos',
    ...(await services.photoPublishing.awaiting(actorOf(request))),
    values: {},
    ...extra,
  });

  app.get('/photos/approvals', { config: { permission: 'media:decide' }, schema: { hide: true } }, async (request, reply) =>
    render(request, reply, 'photos/views/approvals.njk', await approvalsPage(request)),
  );

  app.post(
    '/photos/:id/publications/:requestId/decision',
    { config: { permission: 'media:decide' }, preHandler: app.csrfProtection, schema: { hide: true, params: RequestParams, body: DecisionBody } },
    async (request, reply) => {
      const {
        params: { id, requestId },
        body,
      } = request;
      return submitForm(
        async () => {
          const outcome = await services.photoPublishing
            .decide(actorOf(request), id, requestId, body)
            .catch(refusalsAsProblems('decision', (reason) => `It can no longer be published: ${reason}`));
          setFlash(
            reply,
            outcome.status === 'published'
              ? 'Approved and published: the copy has no location or camera details'
              : 'Refused: the member of staff can see your note',
          );
          return reply.redirect('/photos/approvals', 303);
        },
        async (_errors, problems) => {
          // Each waiting request has its own form on the page: its fields are named after it.
          const own = problems.map((p) => ({ ...p, field: `${p.field}-${requestId}` }));
          return render(request, reply, 'photos/views/approvals.njk', await approvalsPage(request, { values: { [requestId]: body }, ...formErrors(own) }), 400);
        },
      );
    },
  );

  app.get(
    '/photos/:id/publications/:requestId/file',
    { config: { permission: 'media:view' }, schema: { hide: true, params: RequestParams } },
    async (request, reply) => {
      const { id, requestId } = request.params;
      const copy = await services.photoPublishing.copy(actorOf(request), id, requestId);
      return privateImage(reply.header('content-disposition', `inline; filename="${copy.fileName}"`), 'image/jpeg', copy.bytes);
    },
  );

  app.post(
    '/photos/:id/publications/:requestId/taken-down',
    { config: { permission: 'consent:takedown' }, preHandler: app.csrfProtection, schema: { hide: true, params: RequestParams, body: ButtonBody } },
    async (request, reply) => {
      const { id, requestId } = request.params;
      await services.photoPublishing.takeDown(actorOf(request), id, requestId);
      setFlash(reply, 'Recorded as taken down');
      return reply.redirect(`/photos/${id}`, 303);
    },
  );
};
