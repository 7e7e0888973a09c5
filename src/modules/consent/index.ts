import { defineModule } from '../../platform/modules.ts';
import { consentRequestRoutes } from './consent-requests.routes.ts';
import { consentSettingsRoutes } from './consent-settings.routes.ts';
import { consentApiRoutes } from './consent.api.ts';
import { consentPublicRoutes } from './consent.public.routes.ts';
import { consentRoutes } from './consent.routes.ts';
import { createConsentServices } from './services.ts';

/** Photo consent (CON-1…6): asked once, recorded, consulted in the moment. */
export const consentModule = defineModule({
  name: 'consent',
  services: createConsentServices,
  routes: [consentApiRoutes, consentRoutes, consentRequestRoutes, consentPublicRoutes, consentSettingsRoutes],
  jobs: ({ consentLinks }) => ({
    // Every morning: remind families who have not answered a consent request.
    'consent-reminders': {
      cron: '0 8 * * *',
      handler: async () => {
        await consentLinks.sendReminders();
      },
    },
  }),
  settings: [{ href: '/consent/settings', text: 'Change what carers are asked about photographs' }],
});
