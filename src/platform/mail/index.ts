import { defineModule } from '../modules.ts';
import { mailRoutes } from './mail.routes.ts';
import { createMailServices } from './services.ts';

/** The outbox as the headteacher sees it ("Sent mail"). Delivery itself is a platform job. */
export const mailModule = defineModule({
  name: 'mail',
  services: createMailServices,
  routes: [mailRoutes],
});
