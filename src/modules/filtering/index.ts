import { defineModule } from '../../platform/modules.ts';
import { filteringApiRoutes } from './filtering.api.ts';
import { filteringRoutes } from './filtering.routes.ts';
import { createFilteringServices } from './services.ts';

/** Web filtering (FLT-1…3): requests to block or open a site, decided as the policy says, and the lists the filter loads. */
export const filteringModule = defineModule({
  name: 'filtering',
  services: createFilteringServices,
  routes: [filteringRoutes, filteringApiRoutes],
  jobs: ({ filtering }) => ({
    // Every quarter of an hour: a lesson's opening lapses on time (the exported lists already leave it out).
    'filter-expiry': { cron: '*/15 * * * *', handler: async () => void (await filtering.expireLapsed()) },
  }),
});
