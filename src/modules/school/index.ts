import { defineModule } from '../../platform/modules.ts';
import { schoolRoutes } from './school.routes.ts';
import { createSchoolServices } from './services.ts';

/** Setting up a school and the home page. */
export const schoolModule = defineModule({
  name: 'school',
  services: createSchoolServices,
  routes: [schoolRoutes],
});
