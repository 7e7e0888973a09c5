import type { ModuleContext } from '../../platform/modules.ts';
import { createAccountsService } from './accounts.service.ts';
import { createDeclarationsService } from './declarations.service.ts';
import { createPhonesService } from './phones.service.ts';
import { createPressService } from './press.service.ts';

export function createRegistersServices({ schools, config, onMail }: ModuleContext) {
  const deps = { schools, baseUrl: config.baseUrl, onMail };
  return {
    accounts: createAccountsService(deps),
    phones: createPhonesService(schools),
    press: createPressService(deps),
    declarations: createDeclarationsService(deps),
  };
}
export type RegistersServices = ReturnType<typeof createRegistersServices>;
