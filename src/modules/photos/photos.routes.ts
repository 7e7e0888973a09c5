import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import type { PhotosServices } from './services.ts';
import { may } from '../../platform/auth/access.ts';
import { AppError, Conflict, Forbidden, NotFound, ValidationError } from '../../platform/http/errors.ts';
import { isUuid } from '../../platform/http/ids.ts';
import { formErrors, render, setFlash } from '../../platform/http/render.ts';
import { actorOf } from '../../platform/http/request-context.ts';
import { photoApiRoutes } from './photos.api.ts';
import { fieldValue, fieldValues, privateImage, uploadedFile } from './photos.http.ts';
import { publishRoutes } from './photos.publish.routes.ts';
import { contextLabel } from './photos.service.ts';
import { requestRows } from './photos.view-model.ts';

/** The largest upload any school's settings may allow; each school's own limit is checked after. */
export const uploadCeilingMegabytes = 200;
const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
const ListQuery = Type.Object({ archived: Type.Optional(Type.String({ maxLength: 5 })) });
const TagQuery = Type.Object({ class: Type.Optional(Type.String({ maxLength: 64 })) });
const TagBody = Type.Object({ pupils: Type.Union([Type.Array(Type.String()), Type.String()], { default: [] }), unidentified: Type.String({ default: '0', maxLength: 10 }) });
const EvidenceBody = Type.Object({ evidence: Type.String({ default: '', maxLength: 5 }) });

export async function photoRoutes(app: FastifyInstance, { services }: { services: PhotosServices }) {
  // Uploads are parsed before the CSRF check, which then reads the form's _csrf field.
  await app.register(fastifyMultipart, { attachFieldsToBody: true, limits: { fileSize: uploadCeilingMegabytes * 1024 * 1024, files: 1, fields: 200 } });
  app.addHook('preValidation', async (request) => {
    // media:decide lets in every role the settings could name; whoever they do not name is refused
    // here, before the body is read or anything about a request is looked up (MED-5).
    if (request.routeOptions.config.permission === 'media:decide' && !(await services.photoPublishing.mayDecide(actorOf(request)))) {
      throw new Forbidden('The school’s policy gives this decision to someone else (see Policy settings)');
    }
    // Every id in a photographs URL (photo, request, publication) is a UUID: anything else is a page
    // that does not exist. Checked before the schemas (a long id is not a 400) and before any query.
    const params = (request.params ?? {}) as Record<string, unknown>;
    if (Object.values(params).some((value) => typeof value !== 'string' || !isUuid(value))) throw new NotFound('There is no such photograph or publication');
  });

  app.get('/photos', { config: { permission: 'media:view' }, schema: { hide: true, querystring: ListQuery } }, async (request, reply) => {
    const actor = actorOf(request);
    const archived = (request.query as Static<typeof ListQuery>).archived === '1';
    return render(request, reply, 'photos/views/list.njk', { title: archived ? 'Archived photographs' : 'Photographs', archived,
      photos: await services.photos.list(actor, archived), canUpload: may(actor, 'media:upload'), canDecide: await services.photoPublishing.mayDecide(actor), contextLabel });
  });

  const uploadPage = async (request: FastifyRequest, extra: Record<string, unknown> = {}) => {
    const actor = actorOf(request);
    const [settings, classes] = await Promise.all([services.photos.uploadOptions(actor), services.people.classes(actor)]);
    const values = (extra.values ?? {}) as { contexts?: string[]; classId?: string };
    return { title: 'Upload a photograph', backLink: '/photos', maxUploadMegabytes: settings.maxUploadMegabytes, values: {},
      contextItems: settings.contexts.map((c) => ({ value: c, text: contextLabel(c), checked: values.contexts?.includes(c),
        hint: settings.prohibitedContexts.includes(c) ? { text: 'Never photographed: the policy does not allow it' } : undefined })),
      classItems: [{ value: '', text: 'Choose later' }, ...classes.map((c) => ({ value: c.id, text: c.title, selected: c.id === values.classId }))], ...extra };
  };

  app.get('/photos/new', { config: { permission: 'media:upload' }, schema: { hide: true } }, async (request, reply) =>
    render(request, reply, 'photos/views/upload.njk', await uploadPage(request)));

  app.post('/photos', { config: { permission: 'media:upload' }, preHandler: app.csrfProtection, schema: { hide: true } }, async (request, reply) => {
    const body = request.body;
    const file = await uploadedFile(body);
    const values = { event: fieldValue(body, 'event'), takenOn: fieldValue(body, 'takenOn'), contexts: fieldValues(body, 'contexts'), classId: fieldValue(body, 'classId') };
    try {
      const { id } = await services.photos.upload(actorOf(request), { fileName: file?.name ?? '', bytes: file?.bytes ?? null, event: values.event,
        takenOn: values.takenOn, contexts: values.contexts, pupilIds: [], unidentified: 0 });
      setFlash(reply, 'Photograph uploaded. Now say who is in it.');
      return reply.redirect(`/photos/${id}/tag${values.classId ? `?class=${encodeURIComponent(values.classId)}` : ''}`, 303);
    } catch (error) {
      const problems = error instanceof ValidationError ? error.problems
        : error instanceof AppError && error.statusCode === 422 ? [{ field: (error as AppError & { field: string }).field, message: error.message }] : null;
      if (!problems) throw error;
      return render(request, reply, 'photos/views/upload.njk', await uploadPage(request, { values, ...formErrors(problems) }), 400);
    }
  });

  app.get('/photos/:id', { config: { permission: 'media:view' }, schema: { hide: true, params: IdParams } }, async (request, reply) => {
    const actor = actorOf(request);
    const { id } = request.params as Static<typeof IdParams>;
    const [view, requests] = await Promise.all([services.photos.photo(actor, id), services.photoPublishing.history(actor, id)]);
    const labels = new Map(view.settings.photos.channels.map((c) => [c.key, c.label]));
    return render(request, reply, 'photos/views/photo.njk', { title: view.photo.event_name, backLink: view.photo.archived_at ? '/photos?archived=1' : '/photos', ...view, contextLabel,
      requests: requests.map((r) => ({ ...r, channelLabel: labels.get(r.channel) ?? r.channel, rows: requestRows(r) })),
      canTag: may(actor, 'media:upload') && !view.photo.archived_at, canPublish: may(actor, 'media:publish') && !view.photo.archived_at,
      canKeep: may(actor, 'media:keep'), canTakeDown: may(actor, 'consent:takedown') });
  });

  for (const size of ['original', 'preview'] as const) {
    app.get(`/photos/:id/${size}`, { config: { permission: 'media:view' }, schema: { hide: true, params: IdParams } }, async (request, reply) => {
      const image = await services.photos.original(actorOf(request), (request.params as Static<typeof IdParams>).id, size);
      return privateImage(reply, image.mime, image.bytes);
    });
  }

  const tagPage = async (request: FastifyRequest, id: string, classId: string | undefined, extra: Record<string, unknown> = {}) => {
    const actor = actorOf(request);
    const [view, classes] = await Promise.all([services.photos.photo(actor, id), services.people.classes(actor)]);
    if (view.photo.archived_at) throw new Conflict('archived', 'This photograph is archived: who is in it can no longer be changed.');
    const chosen = classes.find((c) => c.id === classId) ?? classes.find((c) => view.pupils.some((p) => p.class_id === c.id)) ?? classes[0];
    const inClass = chosen ? (await services.people.classWithPupils(actor, chosen.id)).pupils : [];
    const tagged = new Set(view.pupils.map((p) => p.id));
    const name = (p: { given_name: string; family_name: string; preferred_name: string | null }) => `${p.preferred_name || p.given_name} ${p.family_name}`;
    const others = view.pupils.filter((p) => !inClass.some((q) => q.id === p.id));
    return { title: `Who is in this photograph: ${view.photo.event_name}`, backLink: `/photos/${id}`, photo: view.photo, chosenClass: chosen,
      classItems: classes.map((c) => ({ value: c.id, text: c.title, selected: c.id === chosen?.id })),
      pupilItems: [...others, ...inClass].map((p) => ({ value: p.id, text: name(p), checked: tagged.has(p.id) })),
      unidentified: String(view.photo.unidentified_count), ...extra };
  };

  app.get('/photos/:id/tag', { config: { permission: 'media:upload' }, schema: { hide: true, params: IdParams, querystring: TagQuery } }, async (request, reply) => {
    const { id } = request.params as Static<typeof IdParams>;
    return render(request, reply, 'photos/views/tag.njk', await tagPage(request, id, (request.query as Static<typeof TagQuery>).class));
  });

  app.post('/photos/:id/tag', { config: { permission: 'media:upload' }, preHandler: app.csrfProtection, schema: { hide: true, params: IdParams, body: TagBody } }, async (request, reply) => {
    const { id } = request.params as Static<typeof IdParams>;
    const body = request.body as Static<typeof TagBody>;
    try {
      await services.photos.tag(actorOf(request), id, { pupilIds: [body.pupils].flat(), unidentified: body.unidentified });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return render(request, reply, 'photos/views/tag.njk', await tagPage(request, id, undefined, { unidentified: body.unidentified, ...formErrors(error.problems) }), 400);
    }
    setFlash(reply, 'Saved who is in the photograph');
    return reply.redirect(`/photos/${id}`, 303);
  });

  app.post('/photos/:id/evidence', { config: { permission: 'media:keep' }, preHandler: app.csrfProtection, schema: { hide: true, params: IdParams, body: EvidenceBody } }, async (request, reply) => {
    const { id } = request.params as Static<typeof IdParams>;
    const keep = (request.body as Static<typeof EvidenceBody>).evidence === 'yes';
    await services.photos.setEvidence(actorOf(request), id, keep);
    setFlash(reply, keep ? 'Kept as evidence of achievement: it will not be deleted with its year' : 'No longer kept as evidence of achievement');
    return reply.redirect(`/photos/${id}`, 303);
  });

  await publishRoutes(app, services);
  await photoApiRoutes(app, services);
}
