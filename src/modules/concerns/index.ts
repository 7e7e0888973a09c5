import { defineModule } from '../../platform/modules.ts';
import { concernApiRoutes } from './concerns.api.ts';
import { concernOverviewRoutes } from './concerns.overview.routes.ts';
import { concernRoutes } from './concerns.routes.ts';
import { createConcernsServices } from './services.ts';

/** Concerns and incidents (INC-1…7): reported in a minute, routed from the settings, kept as history. */
export const concernsModule = defineModule({
  name: 'concerns',
  services: createConcernsServices,
  routes: [concernRoutes, concernApiRoutes, concernOverviewRoutes],
  jobs: ({ deadlines }) => ({
    // Issue 19: every quarter of an hour, concerns past their time to act remind those routed (once each).
    'concern-deadline-reminders': {
      cron: '*/15 * * * *',
      handler: async () => {
        await deadlines.remindOverdue();
      },
    },
  }),
});
