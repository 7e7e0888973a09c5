import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import type { ModuleRoutes } from '../../platform/modules.ts';
import { apiErrors, IdParams } from '../../platform/http/schemas.ts';
import { linesOf } from '../concerns/concerns.input.ts';
import { render } from '../../platform/http/render.ts';
import { actorOf } from '../../platform/http/request-context.ts';
import type { ExportFile, ExportFormat } from './exports.service.ts';
import type { ExportsServices } from './services.ts';

const FileParams = Type.Object({ file: Type.String({ pattern: '^[a-z][a-z-]{1,40}\\.(csv|xlsx)$' }) });
const SubjectAccessBody = Type.Object({
  _csrf: Type.Optional(Type.String()),
  redact: Type.Optional(Type.String({ maxLength: 5000 })),
  withhold: Type.Optional(Type.Union([Type.Array(Type.String({ maxLength: 40 }), { maxItems: 500 }), Type.String({ maxLength: 40 })])),
});

const parseFile = (file: string) => {
  const [key, format] = file.split('.');
  return { key, format: format as ExportFormat };
};

const send = (reply: FastifyReply, file: ExportFile) =>
  reply
    .header('content-type', file.contentType)
    .header('cache-control', 'no-store')
    .header('x-content-type-options', 'nosniff')
    .header('content-disposition', `attachment; filename="${file.fileName}"`)
    .send(file.body);

/** Exports (RPT-3) as pages for staff and as the API, and a pupil's subject access export. */
export const exportRoutes: ModuleRoutes<ExportsServices> = async (app, { services }) => {
  app.get('/exports', { config: { permission: 'dashboard:view' }, schema: { hide: true } }, async (request, reply) =>
    render(request, reply, 'exports/views/exports.njk', { title: 'Download lists', lists: services.exports.available(actorOf(request)) }),
  );

  app.get('/exports/:file', { config: { permission: 'dashboard:view' }, schema: { hide: true, params: FileParams } }, async (request, reply) => {
    const { key, format } = parseFile(request.params.file);
    return send(reply, await services.exports.download(actorOf(request), key, format));
  });

  app.get(
    '/api/v1/exports/:file',
    {
      config: { permission: 'dashboard:view' },
      schema: {
        summary: 'A list as CSV (UTF-8 with BOM, formula-like cells neutralised) or .xlsx: pupils, consent, concerns (no details), publications',
        tags: ['exports'],
        params: FileParams,
        response: { 401: apiErrors[401], 403: apiErrors[403], 404: apiErrors[404] },
      },
    },
    async (request, reply) => {
      const { key, format } = parseFile(request.params.file);
      return send(reply, await services.exports.download(actorOf(request), key, format));
    },
  );

  app.get('/pupils/:id/subject-access', { config: { permission: 'export:pupil' }, schema: { hide: true, params: IdParams } }, async (request, reply) => {
    const view = await services.subjectAccess.prepare(actorOf(request), request.params.id);
    return render(request, reply, 'exports/views/subject-access.njk', {
      title: `Subject access: ${view.pupil.name}`,
      backLink: `/pupils/${view.pupil.id}`,
      ...view,
      concernItems: view.concerns.map((c) => ({ value: c.id, text: c.label })),
    });
  });

  app.post(
    '/pupils/:id/subject-access',
    { config: { permission: 'export:pupil' }, preHandler: app.csrfProtection, schema: { hide: true, params: IdParams, body: SubjectAccessBody } },
    async (request, reply) => {
      const { redact = '', withhold = [] } = request.body;
      const result = await services.subjectAccess.export(actorOf(request), request.params.id, {
        redact: linesOf(redact),
        withhold: [withhold].flat(),
      });
      return send(reply, { fileName: result.fileName, contentType: 'application/zip', body: Buffer.from(result.zip) });
    },
  );
};
