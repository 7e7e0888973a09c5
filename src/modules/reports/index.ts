import { defineModule } from '../../platform/modules.ts';
import { reportApiRoutes } from './reports.api.ts';
import { reportRoutes } from './reports.routes.ts';
import { createReportsServices } from './services.ts';
import { trustRoutes } from './trust.routes.ts';

/** Oversight (RPT-2): the governors' yearly report, as a page with charts, a PDF and JSON. */
export const reportsModule = defineModule({
  name: 'reports',
  services: createReportsServices,
  routes: [reportRoutes, reportApiRoutes, trustRoutes],
});
