import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import type { PhotosServices } from './services.ts';
import { actorOf } from '../../platform/http/request-context.ts';
import { fieldValue, listValues, privateImage, uploadedFile } from './photos.http.ts';
import { NotAllowed } from './photos.publishing.ts';

const ErrorBody = Type.Object({ error: Type.String(), message: Type.String() });
const Invalid = Type.Object({ error: Type.String(), message: Type.String(), problems: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String() }))) });
const errors = { 400: Invalid, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
/** `not-allowed` names each pupil who blocks it; other conflicts (archived, already decided) have no reasons. */
const NotAllowedBody = Type.Object({ error: Type.String(), message: Type.String(),
  reasons: Type.Optional(Type.Array(Type.Object({ pupilId: Type.Union([Type.String(), Type.Null()]), reason: Type.String() }))) });
const Outcome = Type.Object({ id: Type.String(), status: Type.String(), url: Type.Optional(Type.String()) });
const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
const RequestParams = Type.Object({ id: Type.String({ maxLength: 64 }), publicationId: Type.String({ maxLength: 64 }) });
const PublicationBody = Type.Object({
  channel: Type.String({ maxLength: 60 }), caption: Type.Optional(Type.String({ maxLength: 1000 })), altText: Type.Optional(Type.String({ maxLength: 500 })),
  fileName: Type.Optional(Type.String({ maxLength: 200 })), where: Type.Optional(Type.String({ maxLength: 500 })), expressRequestId: Type.Optional(Type.String({ maxLength: 64 })),
}, { additionalProperties: false });
const DecisionBody = Type.Object({ decision: Type.Union([Type.Literal('approved'), Type.Literal('refused')]), note: Type.Optional(Type.String({ maxLength: 1000 })) }, { additionalProperties: false });

const notAllowed = (error: NotAllowed) => ({ error: 'not-allowed' as const, message: error.message, reasons: error.reasons });

/** The photographs API (issue 5 contract). Registered inside the photos plugin, where multipart is parsed. */
export async function photoApiRoutes(app: FastifyInstance, services: PhotosServices) {
  app.post('/api/v1/media', {
    config: { permission: 'media:upload' },
    schema: { summary: 'Upload a photograph (multipart: file, event, takenOn, contexts, pupilIds, unidentified)', tags: ['media'], consumes: ['multipart/form-data'],
      response: { 201: Type.Object({ id: Type.String() }), 422: ErrorBody, ...errors } },
  }, async (request, reply) => {
    const body = request.body;
    const file = await uploadedFile(body);
    const created = await services.photos.upload(actorOf(request), { fileName: file?.name ?? '', bytes: file?.bytes ?? null, event: fieldValue(body, 'event'),
      takenOn: fieldValue(body, 'takenOn'), contexts: listValues(body, 'contexts'), pupilIds: listValues(body, 'pupilIds'), unidentified: fieldValue(body, 'unidentified') });
    return reply.code(201).send(created);
  });

  app.post('/api/v1/media/:id/publications', {
    config: { permission: 'media:publish' },
    schema: { summary: 'Ask to publish a photograph on a channel; checked against consent at once', tags: ['media'], params: IdParams, body: PublicationBody,
      response: { 201: Outcome, 409: NotAllowedBody, ...errors } },
  }, async (request, reply) => {
    const { id } = request.params as Static<typeof IdParams>;
    try {
      return reply.code(201).send(await services.photoPublishing.request(actorOf(request), id, request.body as Static<typeof PublicationBody>));
    } catch (error) {
      if (error instanceof NotAllowed) return reply.code(409).send(notAllowed(error));
      throw error;
    }
  });

  app.post('/api/v1/media/:id/publications/:publicationId/decision', {
    config: { permission: 'media:decide' },
    schema: { summary: 'Whoever the policy settings name (and the headteacher) approves, and so publishes, or refuses a request', tags: ['media'], params: RequestParams, body: DecisionBody,
      response: { 200: Outcome, 409: NotAllowedBody, ...errors } },
  }, async (request, reply) => {
    const { id, publicationId } = request.params as Static<typeof RequestParams>;
    try {
      return await services.photoPublishing.decide(actorOf(request), id, publicationId, request.body as Static<typeof DecisionBody>);
    } catch (error) {
      if (error instanceof NotAllowed) return reply.code(409).send(notAllowed(error));
      throw error;
    }
  });

  app.get('/api/v1/media/:id/publications/:publicationId/file', {
    config: { permission: 'media:view' },
    schema: { summary: 'The published copy, as JPEG (404 until it is published)', tags: ['media'], params: RequestParams },
  }, async (request, reply) => {
    const { id, publicationId } = request.params as Static<typeof RequestParams>;
    const copy = await services.photoPublishing.copy(actorOf(request), id, publicationId);
    return privateImage(reply.header('content-disposition', `inline; filename="${copy.fileName}"`), 'image/jpeg', copy.bytes);
  });
}
