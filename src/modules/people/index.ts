import { defineModule } from '../../platform/modules.ts';
import { csvImportRoutes } from './import.csv.routes.ts';
import { importRoutes } from './import.routes.ts';
import { peopleApiRoutes } from './people.api.ts';
import { peopleRoutes } from './people.routes.ts';
import { runLeaverRetention } from './leavers.retention.ts';
import { createPeopleServices } from './services.ts';

/** Classes, pupils, carers and staff, and the import that keeps them in step with the MIS. */
export const peopleModule = defineModule({
  name: 'people',
  services: createPeopleServices,
  routes: [peopleRoutes, peopleApiRoutes, importRoutes, csvImportRoutes],
  jobs: (_services, { schools, config, onMail }) => ({
    // Every night: leavers' photo consent answers go when the retention settings say, the head told first (issue 13).
    'leaver-retention': {
      cron: '50 2 * * *',
      handler: async () => {
        await runLeaverRetention(schools, config.baseUrl);
        onMail();
      },
    },
  }),
});
