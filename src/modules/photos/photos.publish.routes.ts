import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import type { PhotosServices } from './services.ts';
import { ValidationError } from '../../platform/http/errors.ts';
import { formErrors, render, setFlash } from '../../platform/http/render.ts';
import { actorOf } from '../../platform/http/request-context.ts';
import { NotAllowed } from './photos.publishing.ts';
import { privateImage } from './photos.http.ts';

const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
const RequestParams = Type.Object({ id: Type.String({ maxLength: 64 }), requestId: Type.String({ maxLength: 64 }) });
const PublishBody = Type.Object({
  channel: Type.String({ default: '', maxLength: 60 }), caption: Type.String({ default: '', maxLength: 1000 }), altText: Type.String({ default: '', maxLength: 500 }),
  where: Type.String({ default: '', maxLength: 500 }), expressRequestId: Type.String({ default: '', maxLength: 64 }),
});
const DecisionBody = Type.Object({ decision: Type.String({ default: '', maxLength: 10 }), note: Type.String({ default: '', maxLength: 1000 }) });

export async function publishRoutes(app: FastifyInstance, services: PhotosServices) {
  const publishPage = async (request: FastifyRequest, id: string, extra: Record<string, unknown> = {}) => {
    const options = await services.photoPublishing.options(actorOf(request), id);
    const values = (extra.values ?? {}) as Partial<Static<typeof PublishBody>>;
    return { title: `Ask to publish: ${options.photo.event_name}`, backLink: `/photos/${id}`, photo: options.photo, values: {}, reasons: [],
      channelItems: options.channels.map((c) => ({ value: c.key, text: c.label, checked: c.key === values.channel,
        hint: { text: [c.headteacherApproval ? 'The headteacher decides' : 'Published straight away if it passes the check', c.expressPermission ? 'needs express permission for each child' : ''].filter(Boolean).join('; ') } })),
      expressItems: [{ value: '', text: 'None' }, ...options.expressRequests.map((r) => ({ value: r.id, text: r.title, selected: r.id === values.expressRequestId }))], ...extra };
  };

  app.get('/photos/:id/publish', { config: { permission: 'media:publish' }, schema: { hide: true, params: IdParams } }, async (request, reply) =>
    render(request, reply, 'photos/views/publish.njk', await publishPage(request, (request.params as Static<typeof IdParams>).id)));

  app.post('/photos/:id/publish', { config: { permission: 'media:publish' }, preHandler: app.csrfProtection, schema: { hide: true, params: IdParams, body: PublishBody } }, async (request, reply) => {
    const { id } = request.params as Static<typeof IdParams>;
    const body = request.body as Static<typeof PublishBody>;
    try {
      const outcome = await services.photoPublishing.request(actorOf(request), id, body);
      setFlash(reply, outcome.status === 'published' ? 'Published: the copy has no location or camera details' : 'Sent to the headteacher, who decides');
      return reply.redirect(`/photos/${id}`, 303);
    } catch (error) {
      const problems = error instanceof ValidationError ? error.problems
        : error instanceof NotAllowed ? error.reasons.map((r) => ({ field: 'channel', message: r.reason })) : null;
      if (!problems) throw error;
      return render(request, reply, 'photos/views/publish.njk', await publishPage(request, id, { values: body, notAllowed: error instanceof NotAllowed, ...formErrors(problems) }), 400);
    }
  });

  const approvalsPage = async (request: FastifyRequest, extra: Record<string, unknown> = {}) =>
    ({ title: 'Photographs waiting for a decision', backLink: '/photos', ...(await services.photoPublishing.awaiting(actorOf(request))), values: {}, ...extra });

  app.get('/photos/approvals', { config: { permission: 'media:decide' }, schema: { hide: true } }, async (request, reply) =>
    render(request, reply, 'photos/views/approvals.njk', await approvalsPage(request)));

  app.post('/photos/:id/publications/:requestId/decision', { config: { permission: 'media:decide' }, preHandler: app.csrfProtection,
    schema: { hide: true, params: RequestParams, body: DecisionBody } }, async (request, reply) => {
    const { id, requestId } = request.params as Static<typeof RequestParams>;
    const body = request.body as Static<typeof DecisionBody>;
    try {
      const outcome = await services.photoPublishing.decide(actorOf(request), id, requestId, body);
      setFlash(reply, outcome.status === 'published' ? 'Approved and published: the copy has no location or camera details' : 'Refused: the member of staff can see your note');
      return reply.redirect('/photos/approvals', 303);
    } catch (error) {
      const problems = error instanceof ValidationError ? error.problems.map((p) => ({ ...p, field: `${p.field}-${requestId}` }))
        : error instanceof NotAllowed ? error.reasons.map((r) => ({ field: `decision-${requestId}`, message: `It can no longer be published: ${r.reason}` })) : null;
      if (!problems) throw error;
      return render(request, reply, 'photos/views/approvals.njk', await approvalsPage(request, { values: { [requestId]: body }, ...formErrors(problems) }), 400);
    }
  });

  app.get('/photos/:id/publications/:requestId/file', { config: { permission: 'media:view' }, schema: { hide: true, params: RequestParams } }, async (request, reply) => {
    const { id, requestId } = request.params as Static<typeof RequestParams>;
    const copy = await services.photoPublishing.copy(actorOf(request), id, requestId);
    return privateImage(reply.header('content-disposition', `inline; filename="${copy.fileName}"`), 'image/jpeg', copy.bytes);
  });

  app.post('/photos/:id/publications/:requestId/taken-down', { config: { permission: 'consent:takedown' }, preHandler: app.csrfProtection, schema: { hide: true, params: RequestParams } }, async (request, reply) => {
    const { id, requestId } = request.params as Static<typeof RequestParams>;
    await services.photoPublishing.takeDown(actorOf(request), id, requestId);
    setFlash(reply, 'Recorded as taken down');
    return reply.redirect(`/photos/${id}`, 303);
  });
}
