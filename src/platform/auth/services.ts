import type { ModuleContext } from '../modules.ts';
import { createAuthService } from './auth.service.ts';
import { createSsoService } from './sso.service.ts';

export function createAccountServices({ db, config, onMail }: ModuleContext) {
  return { auth: createAuthService(db, config, onMail), sso: createSsoService(db, config), config };
}
export type AccountServices = ReturnType<typeof createAccountServices>;
