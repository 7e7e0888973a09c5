import { defineModule } from '../../platform/modules.ts';
import { filteringApiRoutes } from './filtering.api.ts';
import { filteringRoutes } from './filtering.routes.ts';
import { oversightApiRoutes } from './oversight.api.ts';
import { oversightRoutes } from './oversight.routes.ts';
import { createFilteringServices } from './services.ts';
import { tokenRoutes } from './tokens.routes.ts';

/**
 * Web filtering and monitoring (FLT-1…4, 001 §5): requests to block or open a site, decided as the
 * policy says, the lists the filter loads, computer bans, monitoring alerts and the DfE yearly review.
 */
export const filteringModule = defineModule({
  name: 'filtering',
  services: createFilteringServices,
  routes: [filteringRoutes, filteringApiRoutes, oversightRoutes, oversightApiRoutes, tokenRoutes],
  jobs: ({ filtering, oversight }) => ({
    // Every quarter of an hour: a lesson's opening lapses on time (the exported lists already leave it out).
    'filter-expiry': { cron: '*/15 * * * *', handler: async () => void (await filtering.expireLapsed()) },
    // Every night: copies of monitoring alerts older than the settings' retention go (001 §5).
    'monitoring-retention': { cron: '40 2 * * *', handler: async () => void (await oversight.purgeAlerts()) },
  }),
});
