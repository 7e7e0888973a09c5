import { Type } from 'typebox';
import type { ModuleRoutes } from '../../platform/modules.ts';
import type { PhotosServices } from './services.ts';
import { formFile, formList, formValue } from '../../platform/http/form-body.ts';
import { actorOf } from '../../platform/http/request-context.ts';
import { apiErrors, IdParams } from '../../platform/http/schemas.ts';
import { privateImage } from './photos.http.ts';
import { NotAllowed } from './photos.publishing.ts';

/** `not-allowed` names each pupil who blocks it; other conflicts (archived, already decided) have no reasons. */
const NotAllowedBody = Type.Object({
  error: Type.String(),
  message: Type.String(),
  reasons: Type.Optional(
    Type.Array(
      Type.Object({
        pupilId: Type.Union([Type.String(), Type.Null()]),
        reason: Type.String(),
        // Issue 14: `untagged-faces` (with how many) or `faces-not-checked`; absent for a reason about one pupil.
        code: Type.Optional(Type.String()),
        count: Type.Optional(Type.Integer()),
      }),
    ),
  ),
});
/** Issue 14: the faces found, in pixels of the stored original after rotation. Boxes only. */
const Faces = Type.Object({
  status: Type.Union([Type.Literal('done'), Type.Literal('pending')]),
  found: Type.Integer(),
  boxes: Type.Array(Type.Object({ x: Type.Integer(), y: Type.Integer(), width: Type.Integer(), height: Type.Integer(), score: Type.Number() })),
});
const Media = Type.Object({
  id: Type.String(),
  event: Type.String(),
  takenOn: Type.String(),
  contexts: Type.Array(Type.String()),
  pupilIds: Type.Array(Type.String()),
  unidentified: Type.Integer(),
  archived: Type.Boolean(),
  faces: Faces,
  /** What staff said about each face, by its place in `faces.boxes`. */
  faceTags: Type.Array(
    Type.Object({ index: Type.Integer(), pupilId: Type.Union([Type.String(), Type.Null()]), kind: Type.Union([Type.String(), Type.Null()]) }),
  ),
  /** Faces neither tagged nor marked: publishing is refused while this is above 0. */
  untaggedFaces: Type.Integer(),
});
const FaceParams = Type.Object({ id: Type.String({ format: 'uuid' }), index: Type.Integer({ minimum: 0, maximum: 9999 }) });
/** `{pupilId}` or `{kind}`, exactly one (one object, not a union: the validator strips unknown fields before choosing a branch). */
const FaceTagBody = Type.Object(
  {
    pupilId: Type.Optional(Type.String({ format: 'uuid' })),
    kind: Type.Optional(Type.Union([Type.Literal('adult'), Type.Literal('not-a-pupil'), Type.Literal('not-a-face')])),
  },
  { additionalProperties: false, minProperties: 1, maxProperties: 1 },
);
const FaceTagged = Type.Object({
  index: Type.Integer(),
  pupilId: Type.Union([Type.String(), Type.Null()]),
  kind: Type.Union([Type.String(), Type.Null()]),
  untaggedFaces: Type.Integer(),
});
const Outcome = Type.Object({ id: Type.String(), status: Type.String(), url: Type.Optional(Type.String()) });
/** A publication of a photograph, in the API's addresses. */
const PublicationParams = Type.Object({ id: Type.String({ format: 'uuid' }), publicationId: Type.String({ format: 'uuid' }) });
const PublicationBody = Type.Object(
  {
    channel: Type.String({ maxLength: 60 }),
    caption: Type.Optional(Type.String({ maxLength: 1000 })),
    altText: Type.Optional(Type.String({ maxLength: 500 })),
    fileName: Type.Optional(Type.String({ maxLength: 200 })),
    where: Type.Optional(Type.String({ maxLength: 500 })),
    expressRequestId: Type.Optional(Type.String({ maxLength: 64 })),
    blurFaces: Type.Optional(Type.Union([Type.Literal('none'), Type.Literal('without-consent'), Type.Literal('all')], { default: 'without-consent' })),
    /** Issue 19: the post tags the children in it; refused (409) where the channel's policy allows no tagging. */
    tagChildren: Type.Optional(Type.Boolean({ default: false })),
  },
  { additionalProperties: false },
);
const DecisionBody = Type.Object(
  { decision: Type.Union([Type.Literal('approved'), Type.Literal('refused')]), note: Type.Optional(Type.String({ maxLength: 1000 })) },
  { additionalProperties: false },
);

/** The 409 of a refused consent check keeps its `reasons` (issue 5 contract); every other error is the one ApiError. */
const notAllowed = (error: NotAllowed) => ({ error: 'not-allowed' as const, message: error.message, reasons: error.reasons });

/** The photographs API (issue 5 contract). Registered inside the photos plugin, where multipart is parsed. */
export const photoApiRoutes: ModuleRoutes<PhotosServices> = async (app, { services }) => {
  // No body schema: @fastify/multipart attaches the parts (file, event, takenOn, contexts, pupilIds, unidentified) to the body; form-body.ts reads them.
  app.post(
    '/api/v1/media',
    {
      config: { permission: 'media:upload' },
      schema: {
        summary: 'Upload a photograph (multipart: file, event, takenOn, contexts, pupilIds, unidentified)',
        tags: ['media'],
        consumes: ['multipart/form-data'],
        response: { ...apiErrors, 201: Type.Object({ id: Type.String(), faces: Faces }) },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const file = await formFile(body, 'file', { keepEmpty: true });
      const created = await services.photos.upload(actorOf(request), {
        fileName: file?.fileName ?? '',
        bytes: file?.bytes ?? null,
        event: formValue(body, 'event'),
        takenOn: formValue(body, 'takenOn'),
        contexts: formList(body, 'contexts'),
        pupilIds: formList(body, 'pupilIds'),
        unidentified: formValue(body, 'unidentified'),
      });
      return reply.code(201).send(created);
    },
  );

  app.get(
    '/api/v1/media/:id',
    {
      config: { permission: 'media:view' },
      schema: {
        summary: 'A photograph: what it is, who is tagged, and the faces found in it',
        tags: ['media'],
        params: IdParams,
        response: { ...apiErrors, 200: Media },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { id } = request.params;
      const { photo, pupils } = await services.photos.photo(actor, id);
      const [faces, view] = [await services.faces.faces(actor, id), await services.faces.tagView(actor, id)];
      return {
        id: photo.id,
        event: photo.event_name,
        takenOn: String(photo.taken_on),
        contexts: photo.contexts,
        pupilIds: pupils.map((p) => p.id),
        unidentified: photo.unidentified_count,
        archived: photo.archived_at !== null,
        faces,
        faceTags: view.rows.map((r) => ({ index: r.face_index, pupilId: r.pupil_id, kind: r.kind })),
        untaggedFaces: view.unaccounted,
      };
    },
  );

  app.put(
    '/api/v1/media/:id/faces/:index',
    {
      config: { permission: 'media:upload' },
      schema: {
        summary: 'Say who one face is (its place in faces.boxes, from 0): a pupil, or an adult, not a pupil, not a face',
        tags: ['media'],
        params: FaceParams,
        body: FaceTagBody,
        response: { ...apiErrors, 200: FaceTagged },
      },
    },
    async (request) => {
      const { id, index } = request.params;
      const { pupilId, kind } = request.body;
      const tagged = await services.faces.tag(actorOf(request), id, index, pupilId !== undefined ? { pupilId } : { kind: kind ?? '' });
      return { index: tagged.index, pupilId: tagged.pupilId, kind: tagged.kind, untaggedFaces: tagged.unaccounted };
    },
  );

  app.post(
    '/api/v1/media/:id/publications',
    {
      config: { permission: 'media:publish' },
      schema: {
        summary: 'Ask to publish a photograph on a channel; checked against consent at once',
        tags: ['media'],
        params: IdParams,
        body: PublicationBody,
        response: { ...apiErrors, 201: Outcome, 409: NotAllowedBody },
      },
    },
    async (request, reply) => {
      try {
        return reply.code(201).send(await services.photoPublishing.request(actorOf(request), request.params.id, request.body));
      } catch (error) {
        if (error instanceof NotAllowed) return reply.code(409).send(notAllowed(error));
        throw error;
      }
    },
  );

  app.post(
    '/api/v1/media/:id/publications/:publicationId/decision',
    {
      config: { permission: 'media:decide' },
      schema: {
        summary: 'Whoever the policy settings name (and the headteacher) approves, and so publishes, or refuses a request',
        tags: ['media'],
        params: PublicationParams,
        body: DecisionBody,
        response: { ...apiErrors, 200: Outcome, 409: NotAllowedBody },
      },
    },
    async (request, reply) => {
      const { id, publicationId } = request.params;
      try {
        return await services.photoPublishing.decide(actorOf(request), id, publicationId, request.body);
      } catch (error) {
        if (error instanceof NotAllowed) return reply.code(409).send(notAllowed(error));
        throw error;
      }
    },
  );

  app.get(
    '/api/v1/media/:id/publications/:publicationId/file',
    {
      config: { permission: 'media:view' },
      schema: { summary: 'The published copy, as JPEG (404 until it is published)', tags: ['media'], params: PublicationParams, response: { ...apiErrors } },
    },
    async (request, reply) => {
      const { id, publicationId } = request.params;
      const copy = await services.photoPublishing.copy(actorOf(request), id, publicationId);
      return privateImage(reply.header('content-disposition', `inline; filename="${copy.fileName}"`), 'image/jpeg', copy.bytes);
    },
  );
};
