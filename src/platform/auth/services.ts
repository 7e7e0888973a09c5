import type { ModuleContext } from '../modules.ts';
import { createAuthService } from './auth.service.ts';

export function createAccountServices({ db, config, onMail }: ModuleContext) {
  return { auth: createAuthService(db, config, onMail), config };
}
export type AccountServices = ReturnType<typeof createAccountServices>;
