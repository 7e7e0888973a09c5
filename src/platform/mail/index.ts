import { defineModule } from '../modules.ts';
import { mailRoutes } from './mail.routes.ts';

/** The outbox as the headteacher sees it ("Sent mail"). Delivery itself is a platform job. */
export const mailModule = defineModule({
  name: 'mail',
  services: ({ db }) => ({ db }),
  routes: [async (app, { services }) => mailRoutes(app, services)],
});
