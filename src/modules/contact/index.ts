import { defineModule } from '../../platform/modules.ts';
import { contactRoutes } from './contact.routes.ts';
import { createContactServices } from './services.ts';

/** The parents' voice: a public form on which a family raises a concern with the school (003 §2.7). */
export const contactModule = defineModule({
  name: 'contact',
  services: createContactServices,
  routes: [contactRoutes],
});
