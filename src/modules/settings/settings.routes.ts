import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { roleLabels } from '../../platform/auth/permissions.ts';
import type { DB } from '../../platform/db/schema.ts';
import { withSchool } from '../../platform/db/school-scope.ts';
import { render } from '../../platform/http/render.ts';
import { actorOf } from '../../platform/http/request-context.ts';
import { currentSettings } from './settings.service.ts';

const recipientLabel = (r: string) => (r === 'class-teacher' ? 'Class teacher' : r === 'line-manager' ? 'The reporter’s line manager' : roleLabels[r as keyof typeof roleLabels] ?? r);

/** Read-only view of the policy settings every module obeys; editing them arrives with the policies module (POL-6). */
export async function settingsRoutes(app: FastifyInstance, { db }: { db: Kysely<DB> }) {
  app.get('/settings', { config: { permission: 'settings:read' }, schema: { hide: true } }, async (request, reply) => {
    const actor = actorOf(request);
    const current = await withSchool(db, actor.schoolId, (tx) => currentSettings(tx, actor.schoolId));
    return render(request, reply, 'settings/views/settings.njk', {
      title: 'Policy settings', version: current.version, since: current.createdAt, settings: current.settings,
      routes: current.settings.concerns.routes.map((r) => ({ ...r, recipients: r.notify.map(recipientLabel).join(', ') })),
    });
  });
}
