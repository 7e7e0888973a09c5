import { defineModule } from '../../platform/modules.ts';
import { exportRoutes } from './exports.routes.ts';
import { createExportsServices } from './services.ts';

/** Exports (RPT-3) that open safely in a spreadsheet, and subject access: everything held about one pupil. */
export const exportsModule = defineModule({
  name: 'exports',
  services: createExportsServices,
  routes: [exportRoutes],
});
