import { defineModule } from '../../platform/modules.ts';
import { postCheckApiRoutes } from './post-check.api.ts';
import { postCheckRoutes } from './post-check.routes.ts';
import { createPostCheckServices } from './services.ts';

/** Asking before posting (REG-5): staff check a draft against the school's own policy, and ask their line manager when unsure. */
export const postCheckModule = defineModule({
  name: 'post-check',
  services: createPostCheckServices,
  routes: [postCheckApiRoutes, postCheckRoutes],
  settings: [{ href: '/post-check/settings', text: 'Change the words the post check treats as negative comment' }],
});
