import { defineModule } from '../modules.ts';
import { auditRoutes } from './audit.routes.ts';

/** The audit log the headteacher reads. */
export const auditModule = defineModule({
  name: 'audit',
  services: ({ db }) => ({ db }),
  routes: [async (app, { services }) => auditRoutes(app, services)],
});
