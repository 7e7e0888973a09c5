import { defineModule } from '../../platform/modules.ts';
import { schoolRoutes } from './school.routes.ts';

/** Setting up a school and the home page. */
export const schoolModule = defineModule({
  name: 'school',
  services: ({ db }) => ({ db }),
  routes: [schoolRoutes],
});
