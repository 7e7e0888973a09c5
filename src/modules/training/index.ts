import { defineModule } from '../../platform/modules.ts';
import { trainingApiRoutes } from './training.api.ts';
import { trainingRoutes } from './training.routes.ts';
import { createTrainingServices } from './services.ts';

/** Staff training (AGR-3): courses, completions, what is due and overdue, reminders. */
export const trainingModule = defineModule({
  name: 'training',
  services: createTrainingServices,
  routes: [trainingApiRoutes, trainingRoutes],
  jobs: ({ training }) => ({
    // Every morning: a reminder to whoever has training overdue or due within a fortnight (once a week at most).
    'training-reminders': {
      cron: '0 7 * * *',
      handler: async () => {
        await training.sendReminders();
      },
    },
  }),
});
