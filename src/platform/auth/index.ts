import { defineModule } from '../modules.ts';
import { authRoutes } from './auth.routes.ts';
import { createAccountServices } from './services.ts';
import { twoFactorRoutes } from './two-factor.routes.ts';

/** Signing in and out, passwords, two-factor and the person's own account. */
export const accountModule = defineModule({
  name: 'account',
  services: createAccountServices,
  routes: [authRoutes, twoFactorRoutes],
});
