import { defineModule } from '../../platform/modules.ts';
import { accountRoutes } from './accounts.routes.ts';
import { declarationRoutes } from './declarations.routes.ts';
import { phoneRoutes } from './phones.routes.ts';
import { pressRoutes } from './press.routes.ts';
import { registersApiRoutes } from './registers.api.ts';
import { registersRoutes } from './registers.routes.ts';
import { createRegistersServices } from './services.ts';

/** Registers (REG-1…4): school accounts and online services, pupils' phones, press enquiries, staff declarations. */
export const registersModule = defineModule({
  name: 'registers',
  services: createRegistersServices,
  routes: [registersApiRoutes, registersRoutes, accountRoutes, phoneRoutes, pressRoutes, declarationRoutes],
});
