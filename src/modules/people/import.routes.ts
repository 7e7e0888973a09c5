import { Type } from 'typebox';
import type { ModuleRoutes } from '../../platform/modules.ts';
import type { PeopleServices } from './services.ts';
import { acceptUploads, formFile } from '../../platform/http/form-body.ts';
import { formErrors, render, setFlash } from '../../platform/http/render.ts';
import { actorOf } from '../../platform/http/request-context.ts';
import { IdParams } from '../../platform/http/schemas.ts';
import { may } from '../../platform/auth/access.ts';

export const maxUploadMegabytes = 50;
/** The confirmation: its CSRF token, and whether to invite the new staff. */
const ConfirmBody = Type.Object({ _csrf: Type.Optional(Type.String()), invite: Type.Optional(Type.String({ maxLength: 10 })) });

/** PPL-1: a OneRoster export from the MIS, uploaded, previewed, then confirmed. */
export const importRoutes: ModuleRoutes<PeopleServices> = async (app, { services }) => {
  // Uploads are parsed before the CSRF check, which then reads the form's _csrf field. A file over the limit is a 413.
  await acceptUploads(app, { maxFileBytes: maxUploadMegabytes * 1024 * 1024, fields: 5 });

  const formPage = { title: 'Import from your management information system', maxUploadMegabytes };

  app.get('/import', { config: { permission: 'import:run' }, schema: { hide: true } }, async (request, reply) =>
    render(request, reply, 'people/views/import.njk', formPage),
  );

  // No body schema: @fastify/multipart attaches the parts (the file and _csrf) to the body; formFile reads them.
  app.post('/import', { config: { permission: 'import:run' }, preHandler: app.csrfProtection, schema: { hide: true } }, async (request, reply) => {
    // An empty file counts as none chosen (formFile), so both ask for the file.
    const file = await formFile(request.body, 'file');
    if (!file) {
      return render(
        request,
        reply,
        'people/views/import.njk',
        { ...formPage, ...formErrors([{ field: 'file', message: 'Select a OneRoster .zip file' }]) },
        400,
      );
    }
    const result = await services.import.preview(actorOf(request), file.fileName, file.bytes);
    if (!result.ok) {
      return render(
        request,
        reply,
        'people/views/import.njk',
        {
          ...formPage,
          problems: result.problems,
          fileName: file.fileName,
          ...formErrors([
            {
              field: 'file',
              message: `${file.fileName} cannot be imported: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'} found. Nothing has been changed.`,
            },
          ]),
        },
        400,
      );
    }
    return render(request, reply, 'people/views/import-preview.njk', {
      title: 'Check the changes before you import',
      fileName: file.fileName,
      outcome: result.outcome,
      pendingId: result.pendingId,
      // New staff from this file, and any already here who were never invited.
      inviteCount: may(actorOf(request), 'staff:manage')
        ? result.outcome.summary.staff.created + (await services.staffInvitations.countUninvited(actorOf(request)))
        : 0,
      backLink: '/import',
    });
  });

  app.post(
    '/import/:id/confirm',
    { config: { permission: 'import:run' }, preHandler: app.csrfProtection, schema: { hide: true, params: IdParams, body: ConfirmBody } },
    async (request, reply) => {
      const result = await services.import.confirm(actorOf(request), request.params.id);
      if (!result.ok) {
        return render(
          request,
          reply,
          'people/views/import.njk',
          {
            ...formPage,
            problems: result.problems,
            ...formErrors([
              { field: 'file', message: 'The school’s records changed since the preview, and the file cannot now be imported. Nothing has been changed.' },
            ]),
          },
          400,
        );
      }
      const s = result.outcome.summary;
      // Imported staff are invited only when the person importing asked for it (and may invite).
      const invited = request.body.invite === 'yes' ? await services.staffInvitations.inviteUninvited(actorOf(request)) : 0;
      setFlash(
        reply,
        `Import finished: ${s.pupils.created} pupils added, ${s.pupils.updated} updated, ${s.pupils.left} marked as left; ${s.carers.created} carers and ${s.staff.created} staff added.${invited ? ` ${invited} ${invited === 1 ? 'person was' : 'people were'} e-mailed an invitation to sign in.` : ''}`,
      );
      return reply.redirect('/classes', 303);
    },
  );
};
