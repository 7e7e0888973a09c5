import { defineModule } from '../modules.ts';
import { authRoutes } from './auth.routes.ts';
import { createAccountServices } from './services.ts';
import { ssoRoutes } from './sso.routes.ts';
import { twoFactorRoutes } from './two-factor.routes.ts';

/** Signing in and out (with a password, or with the school's Microsoft, Google or other provider), two-factor and the person's own account. */
export const accountModule = defineModule({
  name: 'account',
  services: createAccountServices,
  routes: [authRoutes, twoFactorRoutes, ssoRoutes],
  settings: [{ href: '/settings/sign-in', text: 'Signing in with Microsoft or Google' }],
});
