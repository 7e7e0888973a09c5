import { defineModule } from '../modules.ts';
import { appendAnchors } from './anchors.ts';
import { auditRoutes } from './audit.routes.ts';
import { createAuditServices } from './services.ts';

/** The audit log the headteacher reads, and the nightly anchor of each school's chain outside the database. */
export const auditModule = defineModule({
  name: 'audit',
  services: createAuditServices,
  routes: [auditRoutes],
  jobs: (_services, { db, config }) => ({
    // Every night: each school's audit chain head goes to DATA_DIR/audit-anchors.log, outside the database.
    'audit-anchor': {
      cron: '40 2 * * *',
      handler: async () => {
        await appendAnchors(db, config.dataDir);
      },
    },
  }),
});
