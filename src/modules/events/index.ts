import { defineModule } from '../../platform/modules.ts';
import { eventApiRoutes } from './events.api.ts';
import { eventRoutes } from './events.routes.ts';
import { createEventServices } from './services.ts';

/** E-safety meetings, assemblies and workshops (AGR-4; 000 C), and who came. */
export const eventsModule = defineModule({
  name: 'events',
  services: createEventServices,
  routes: [eventApiRoutes, eventRoutes],
});
