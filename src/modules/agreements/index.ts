import { defineModule } from '../../platform/modules.ts';
import { agreementApiRoutes } from './agreements.api.ts';
import { agreementPublicRoutes } from './agreements.public.routes.ts';
import { agreementRoutes } from './agreements.routes.ts';
import { createAgreementServices } from './services.ts';

/** Agreements (AGR-1, AGR-2): the code of conduct, home-school agreement and pupils' rules, versioned and signed. */
export const agreementsModule = defineModule({
  name: 'agreements',
  services: createAgreementServices,
  routes: [agreementApiRoutes, agreementRoutes, agreementPublicRoutes],
  jobs: ({ agreements }) => ({
    // Monday mornings: families who have not signed get a fresh link, staff a note of what waits.
    'agreement-reminders': {
      cron: '0 8 * * 1',
      handler: async () => {
        await agreements.sendReminders();
      },
    },
  }),
});
