import fastifyMultipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import type { PeopleServices } from './services.ts';
import { formErrors, render, setFlash } from '../../platform/http/render.ts';
import { actorOf } from '../../platform/http/request-context.ts';
import { NotFound } from '../../platform/http/errors.ts';

const maxUploadMegabytes = 50;
const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
import { isUuid } from '../../platform/http/ids.ts';

export async function importRoutes(app: FastifyInstance, { services }: { services: PeopleServices }) {
  // Uploads are parsed before the CSRF check, which then reads the form's _csrf field.
  await app.register(fastifyMultipart, { attachFieldsToBody: true, limits: { fileSize: maxUploadMegabytes * 1024 * 1024, files: 1, fields: 5 } });

  const formPage = { title: 'Import from your management information system', maxUploadMegabytes };

  app.get('/import', { config: { permission: 'import:run' }, schema: { hide: true } }, async (request, reply) =>
    render(request, reply, 'people/views/import.njk', formPage));

  app.post('/import', { config: { permission: 'import:run' }, preHandler: app.csrfProtection, schema: { hide: true } }, async (request, reply) => {
    const file = (request.body as { file?: MultipartFile } | undefined)?.file;
    if (!file || file.type !== 'file' || !file.filename) {
      return render(request, reply, 'people/views/import.njk', { ...formPage, ...formErrors([{ field: 'file', message: 'Select a OneRoster .zip file' }]) }, 400);
    }
    const bytes = await file.toBuffer();
    if (bytes.length === 0) {
      return render(request, reply, 'people/views/import.njk', { ...formPage, ...formErrors([{ field: 'file', message: `${file.filename} is empty` }]) }, 400);
    }
    const result = await services.import.preview(actorOf(request), file.filename, bytes);
    if (!result.ok) {
      return render(request, reply, 'people/views/import.njk', {
        ...formPage, problems: result.problems, fileName: file.filename,
        ...formErrors([{ field: 'file', message: `${file.filename} cannot be imported: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'} found. Nothing has been changed.` }]),
      }, 400);
    }
    return render(request, reply, 'people/views/import-preview.njk', { title: 'Check the changes before you import', fileName: file.filename, outcome: result.outcome, pendingId: result.pendingId, backLink: '/import' });
  });

  app.post('/import/:id/confirm', { config: { permission: 'import:run' }, preHandler: app.csrfProtection, schema: { hide: true, params: IdParams } }, async (request, reply) => {
    const { id } = request.params as Static<typeof IdParams>;
    if (!isUuid(id)) throw new NotFound('This import has expired or was already applied. Upload the file again.');
    const result = await services.import.confirm(actorOf(request), id);
    if (!result.ok) {
      return render(request, reply, 'people/views/import.njk', { ...formPage, problems: result.problems,
        ...formErrors([{ field: 'file', message: 'The school’s records changed since the preview, and the file cannot now be imported. Nothing has been changed.' }]) }, 400);
    }
    const s = result.outcome.summary;
    setFlash(reply, `Import finished: ${s.pupils.created} pupils added, ${s.pupils.updated} updated, ${s.pupils.left} marked as left; ${s.carers.created} carers and ${s.staff.created} staff added.`);
    return reply.redirect('/classes', 303);
  });
}
