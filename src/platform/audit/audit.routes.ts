import { Type } from 'typebox';
import type { ModuleRoutes } from '../modules.ts';
import type { AuditServices } from './services.ts';
import { render } from '../http/render.ts';
import { actorOf } from '../http/request-context.ts';

const Query = Type.Object({ before: Type.Optional(Type.String({ pattern: '^[0-9]{1,18}$' })) });

/** The headteacher browses the school's audit log, newest first. */
export const auditRoutes: ModuleRoutes<AuditServices> = async (app, { services }) => {
  app.get('/audit', { config: { permission: 'audit:read' }, schema: { hide: true, querystring: Query } }, async (request, reply) => {
    const { entries, olderBefore } = await services.audit.page(actorOf(request), request.query.before);
    return render(request, reply, 'audit/views/audit.njk', {
      title: 'Audit log',
      entries: entries.map((e) => ({ ...e, detailText: Object.keys(e.detail).length ? JSON.stringify(e.detail) : '' })),
      olderHref: olderBefore === null ? null : `/audit?before=${olderBefore}`,
    });
  });

  /** The school's lines of the anchor file, to keep somewhere other than this server. */
  app.get('/audit/anchors', { config: { permission: 'audit:read' }, schema: { hide: true } }, async (request, reply) => {
    const actor = actorOf(request);
    return reply
      .header('content-type', 'text/plain; charset=utf-8')
      .header('content-disposition', `attachment; filename="audit-anchors-${actor.schoolUrn.replace(/[^A-Za-z0-9-]/g, '')}.txt"`)
      .send(services.audit.anchorLines(actor) || '# No anchors yet: the server writes one every night (or run "esafety audit anchor").\n');
  });
};
