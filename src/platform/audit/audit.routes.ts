import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { Type, type Static } from 'typebox';
import type { Config } from '../../config.ts';
import type { DB } from '../db/schema.ts';
import { anchorLine, readAnchors } from './anchors.ts';
import { withSchool } from '../db/school-scope.ts';
import { render } from '../http/render.ts';
import { actorOf } from '../http/request-context.ts';

const pageSize = 50;
const Query = Type.Object({ before: Type.Optional(Type.String({ pattern: '^[0-9]{1,18}$' })) });

/** The headteacher browses the school's audit log, newest first. */
export async function auditRoutes(app: FastifyInstance, { db, config }: { db: Kysely<DB>; config: Config }) {
  app.get('/audit', { config: { permission: 'audit:read' }, schema: { hide: true, querystring: Query } }, async (request, reply) => {
    const actor = actorOf(request);
    const { before } = request.query as Static<typeof Query>;
    const entries = await withSchool(db, actor.schoolId, (tx) => {
      let query = tx.selectFrom('audit_log').select(['id', 'at', 'actor_label', 'action', 'subject_type', 'subject_id', 'detail'])
        .orderBy('id', 'desc').limit(pageSize + 1);
      if (before) query = query.where('id', '<', before);
      return query.execute();
    });
    const page = entries.slice(0, pageSize);
    return render(request, reply, 'audit/views/audit.njk', {
      title: 'Audit log',
      entries: page.map((e) => ({ ...e, detailText: Object.keys(e.detail).length ? JSON.stringify(e.detail) : '' })),
      olderHref: entries.length > pageSize ? `/audit?before=${page.at(-1)!.id}` : null,
    });
  });

  /** The school's lines of the anchor file, to keep somewhere other than this server. */
  app.get('/audit/anchors', { config: { permission: 'audit:read' }, schema: { hide: true } }, async (request, reply) => {
    const actor = actorOf(request);
    const lines = readAnchors(config.dataDir).filter((a) => a.urn === actor.schoolUrn).map((a) => `${anchorLine(a)}\n`).join('');
    return reply.header('content-type', 'text/plain; charset=utf-8')
      .header('content-disposition', `attachment; filename="audit-anchors-${actor.schoolUrn.replace(/[^A-Za-z0-9-]/g, '')}.txt"`)
      .send(lines || '# No anchors yet: the server writes one every night (or run "esafety audit anchor").\n');
  });
}
