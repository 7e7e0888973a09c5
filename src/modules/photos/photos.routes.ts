import { typedDay } from '../../platform/text/dates.ts';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { ModuleRoutes } from '../../platform/modules.ts';
import type { PhotosServices } from './services.ts';
import { may } from '../../platform/auth/access.ts';
import { Forbidden } from '../../platform/http/errors.ts';
import { acceptUploads, formFile, formValue, formValues } from '../../platform/http/form-body.ts';
import { submitForm, type FormErrors } from '../../platform/http/forms.ts';
import { render, setFlash } from '../../platform/http/render.ts';
import { actorOf } from '../../platform/http/request-context.ts';
import { IdParams } from '../../platform/http/schemas.ts';
import { photoApiRoutes } from './photos.api.ts';
import { privateImage } from './photos.http.ts';
import { publishRoutes } from './photos.publish.routes.ts';
import { contextLabel } from './photos.service.ts';
import { requestRows } from './photos.view-model.ts';

/** The largest upload any school's settings may allow; each school's own limit is checked after. */
export const uploadCeilingMegabytes = 200;
const ListQuery = Type.Object({ archived: Type.Optional(Type.String({ maxLength: 5 })) });
const TagQuery = Type.Object({ class: Type.Optional(Type.String({ maxLength: 64 })) });
const TagBody = Type.Object({
  pupils: Type.Union([Type.Array(Type.String()), Type.String()], { default: [] }),
  unidentified: Type.String({ default: '0', maxLength: 10 }),
});
const EvidenceBody = Type.Object({ evidence: Type.String({ default: '', maxLength: 5 }) });
/** One select per face, named `face-<index>`: a pupil's id, adult, not-a-pupil, not-a-face, or empty for nobody yet (and the CSRF token). */
const FacesBody = Type.Record(Type.String({ maxLength: 20 }), Type.String({ maxLength: 64 }));
const faceField = (index: number) => `face-${index}`;
const faceChoices = [
  { value: 'adult', text: 'An adult' },
  { value: 'not-a-pupil', text: 'Someone who is not a pupil here' },
  { value: 'not-a-face', text: 'Not a face' },
];

interface UploadValues {
  event: string;
  takenOn: string;
  contexts: string[];
  classId: string;
}

/**
 * The photographs pages; the publishing pages and the API are registered inside this plugin, so
 * they share its multipart parsing and its checks of who decides and of ids.
 */
export const photoRoutes: ModuleRoutes<PhotosServices> = async (app, { services }) => {
  // Uploads are parsed before the CSRF check, which then reads the form's _csrf field. Over the ceiling: the "too large" page (413).
  await acceptUploads(app, { maxFileBytes: uploadCeilingMegabytes * 1024 * 1024 });
  app.addHook('preValidation', async (request) => {
    // media:decide lets in every role the settings could name; whoever they do not name is refused
    // here, before the body is read or anything about a request is looked up (MED-5).
    if (request.routeOptions.config.permission === 'media:decide' && !(await services.photoPublishing.mayDecide(actorOf(request)))) {
      throw new Forbidden('The school’s policy gives this decision to someone else (see Policy settings)');
    }
    // Ids in the address need no check here: every route's params schema says `format: 'uuid'`,
    // and the error handler answers a non-UUID with 404 before any query runs.
  });

  app.get('/photos', { config: { permission: 'media:view' }, schema: { hide: true, querystring: ListQuery } }, async (request, reply) => {
    const actor = actorOf(request);
    const archived = request.query.archived === '1';
    return render(request, reply, 'photos/views/list.njk', {
      title: archived ? 'Archived photographs' : 'Photographs',
      archived,
      photos: await services.photos.list(actor, archived),
      canUpload: may(actor, 'media:upload'),
      canDecide: await services.photoPublishing.mayDecide(actor),
      contextLabel,
    });
  });

  const uploadPage = async (request: FastifyRequest, values: UploadValues | null, errors: FormErrors | object = {}) => {
    const { settings, classes } = await services.photos.uploadOptions(actorOf(request));
    return {
      title: 'Upload a photograph',
      backLink: '/photos',
      maxUploadMegabytes: settings.maxUploadMegabytes,
      values: values ?? {},
      contextItems: settings.contexts.map((c) => ({
        value: c,
        text: contextLabel(c),
        checked: values?.contexts.includes(c),
        hint: settings.prohibitedContexts.includes(c) ? { text: 'Never photographed: the policy does not allow it' } : undefined,
      })),
      classItems: [{ value: '', text: 'Choose later' }, ...classes.map((c) => ({ value: c.id, text: c.title, selected: c.id === values?.classId }))],
      ...errors,
    };
  };

  app.get('/photos/new', { config: { permission: 'media:upload' }, schema: { hide: true } }, async (request, reply) =>
    render(request, reply, 'photos/views/upload.njk', await uploadPage(request, null)),
  );

  // No body schema: @fastify/multipart attaches the parts (the file, the fields, _csrf) to the body; form-body.ts reads them.
  app.post('/photos', { config: { permission: 'media:upload' }, preHandler: app.csrfProtection, schema: { hide: true } }, async (request, reply) => {
    const body = request.body;
    const file = await formFile(body, 'file', { keepEmpty: true });
    const values = {
      event: formValue(body, 'event'),
      takenOn: typedDay(
        { 'takenOn-day': formValue(body, 'takenOn-day'), 'takenOn-month': formValue(body, 'takenOn-month'), 'takenOn-year': formValue(body, 'takenOn-year') },
        'takenOn',
      ),
      'takenOn-day': formValue(body, 'takenOn-day'),
      'takenOn-month': formValue(body, 'takenOn-month'),
      'takenOn-year': formValue(body, 'takenOn-year'),
      contexts: formValues(body, 'contexts'),
      classId: formValue(body, 'classId'),
    };
    return submitForm(
      async () => {
        const { id } = await services.photos.upload(actorOf(request), {
          fileName: file?.fileName ?? '',
          bytes: file?.bytes ?? null,
          event: values.event,
          takenOn: values.takenOn,
          contexts: values.contexts,
          pupilIds: [],
          unidentified: 0,
        });
        setFlash(reply, 'Photograph uploaded. Now say who is in it.');
        return reply.redirect(`/photos/${id}/tag${values.classId ? `?class=${encodeURIComponent(values.classId)}` : ''}`, 303);
      },
      async (errors) => render(request, reply, 'photos/views/upload.njk', await uploadPage(request, values, errors), 400),
    );
  });

  app.get('/photos/:id', { config: { permission: 'media:view' }, schema: { hide: true, params: IdParams } }, async (request, reply) => {
    const actor = actorOf(request);
    const { id } = request.params;
    const [view, requests] = await Promise.all([services.photos.photo(actor, id), services.photoPublishing.history(actor, id)]);
    const faces = await services.faces.tagView(actor, id);
    const facesText =
      faces.status === 'pending'
        ? 'Still being looked for'
        : `${faces.rows.length} found${faces.unaccounted ? `, ${faces.unaccounted} not yet identified` : faces.rows.length ? ', every one accounted for' : ''}`;
    return render(request, reply, 'photos/views/photo.njk', {
      title: view.photo.event_name,
      backLink: view.photo.archived_at ? '/photos?archived=1' : '/photos',
      ...view,
      contextLabel,
      requests: requests.map((r) => ({ ...r, rows: requestRows(r) })),
      facesText,
      canTag: may(actor, 'media:upload') && !view.photo.archived_at,
      canPublish: may(actor, 'media:publish') && !view.photo.archived_at,
      canKeep: may(actor, 'media:keep'),
      canTakeDown: may(actor, 'consent:takedown'),
    });
  });

  for (const size of ['original', 'preview'] as const) {
    app.get(`/photos/:id/${size}`, { config: { permission: 'media:view' }, schema: { hide: true, params: IdParams } }, async (request, reply) => {
      const image = await services.photos.original(actorOf(request), request.params.id, size);
      return privateImage(reply, image.mime, image.bytes);
    });
  }

  const tagPage = async (
    request: FastifyRequest,
    id: string,
    classId: string | undefined,
    extra: Record<string, unknown> = {},
    chosenFaces: Record<string, string> | null = null,
  ) => {
    const { photo, pupils, classes, chosen, inClass } = await services.photos.tagOptions(actorOf(request), id, classId);
    const faces = await services.faces.tagView(actorOf(request), id);
    const tagged = new Set(pupils.map((p) => p.id));
    const name = (p: { given_name: string; family_name: string; preferred_name: string | null }) => `${p.preferred_name || p.given_name} ${p.family_name}`;
    const others = pupils.filter((p) => !inClass.some((q) => q.id === p.id));
    const choosable = [...others, ...inClass];
    const faceItems = faces.rows.map((f) => {
      const current = chosenFaces?.[faceField(f.face_index)] ?? f.pupil_id ?? f.kind ?? '';
      const pupilItems = choosable.map((p) => ({ value: p.id, text: name(p) }));
      // A pupil tagged on this face but not in the list shown (another class) stays choosable.
      if (f.pupil_id && !choosable.some((p) => p.id === f.pupil_id)) pupilItems.unshift({ value: f.pupil_id, text: 'The pupil tagged now' });
      return {
        number: f.face_index + 1,
        field: faceField(f.face_index),
        // Positions for the numbered outlines drawn over the photograph (SVG, in the original's pixels).
        box: { x: f.x, y: f.y, width: f.width, height: f.height },
        accounted: Boolean(f.pupil_id || f.kind),
        items: [{ value: '', text: 'Not identified yet' }, ...pupilItems, ...faceChoices].map((item) => ({ ...item, selected: item.value === current })),
      };
    });
    const size = Math.max(faces.width ?? 1, faces.height ?? 1);
    return {
      faces: {
        status: faces.status,
        width: faces.width,
        height: faces.height,
        unaccounted: faces.unaccounted,
        items: faceItems,
        stroke: Math.max(2, Math.round(size / 320)),
        fontSize: Math.max(12, Math.round(size / 36)),
      },
      title: `Who is in this photograph: ${photo.event_name}`,
      backLink: `/photos/${id}`,
      photo,
      chosenClass: chosen,
      classItems: classes.map((c) => ({ value: c.id, text: c.title, selected: c.id === chosen?.id })),
      // Issue 19: the neutral marker beside a pupil who must never be photographed (never the reason).
      pupilItems: [...others, ...inClass].map((p) => ({
        value: p.id,
        text: name(p),
        checked: tagged.has(p.id),
        ...(p.do_not_photograph ? { hint: { text: 'Do not photograph' } } : {}),
      })),
      unidentified: String(photo.unidentified_count),
      ...extra,
    };
  };

  app.get(
    '/photos/:id/tag',
    { config: { permission: 'media:upload' }, schema: { hide: true, params: IdParams, querystring: TagQuery } },
    async (request, reply) => render(request, reply, 'photos/views/tag.njk', await tagPage(request, request.params.id, request.query.class)),
  );

  app.post(
    '/photos/:id/tag',
    { config: { permission: 'media:upload' }, preHandler: app.csrfProtection, schema: { hide: true, params: IdParams, body: TagBody } },
    async (request, reply) => {
      const {
        params: { id },
        body,
      } = request;
      return submitForm(
        async () => {
          await services.photos.tag(actorOf(request), id, { pupilIds: [body.pupils].flat(), unidentified: body.unidentified });
          setFlash(reply, 'Saved who is in the photograph');
          return reply.redirect(`/photos/${id}`, 303);
        },
        async (errors) =>
          render(request, reply, 'photos/views/tag.njk', await tagPage(request, id, undefined, { unidentified: body.unidentified, ...errors }), 400),
      );
    },
  );

  // Issue 14: who each face is, from the numbered boxes.
  app.post(
    '/photos/:id/faces',
    { config: { permission: 'media:upload' }, preHandler: app.csrfProtection, schema: { hide: true, params: IdParams, body: FacesBody } },
    async (request, reply) => {
      const {
        params: { id },
        body,
      } = request;
      const changes = Object.entries(body)
        .filter(([key]) => /^face-\d{1,4}$/.test(key))
        .map(([key, value]) => {
          const index = Number(key.slice(5));
          const input = value === '' ? { clear: true as const } : faceChoices.some((c) => c.value === value) ? { kind: value } : { pupilId: value };
          return { index, input };
        });
      return submitForm(
        async () => {
          const done = await services.faces.tagMany(actorOf(request), id, changes, faceField);
          setFlash(
            reply,
            done.unaccounted === 0
              ? 'Saved: every face is accounted for'
              : `Saved. ${done.unaccounted} ${done.unaccounted === 1 ? 'face is' : 'faces are'} not yet identified`,
          );
          return reply.redirect(`/photos/${id}/tag`, 303);
        },
        async (errors) => render(request, reply, 'photos/views/tag.njk', await tagPage(request, id, undefined, errors, body), 400),
      );
    },
  );

  app.post(
    '/photos/:id/evidence',
    { config: { permission: 'media:keep' }, preHandler: app.csrfProtection, schema: { hide: true, params: IdParams, body: EvidenceBody } },
    async (request, reply) => {
      const { id } = request.params;
      const keep = request.body.evidence === 'yes';
      await services.photos.setEvidence(actorOf(request), id, keep);
      setFlash(reply, keep ? 'Kept as evidence of achievement: it will not be deleted with its year' : 'No longer kept as evidence of achievement');
      return reply.redirect(`/photos/${id}`, 303);
    },
  );

  await app.register(publishRoutes, { services });
  await app.register(photoApiRoutes, { services });
};
