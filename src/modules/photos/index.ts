import { defineModule } from '../../platform/modules.ts';
import { runPhotoRetention } from './photos.retention.ts';
import { photoRoutes } from './photos.routes.ts';
import { createPhotosServices } from './services.ts';

/** Photographs (MED-1…8): uploaded, checked against consent, published without metadata, kept as long as the policy says. */
export const photosModule = defineModule({
  name: 'photos',
  services: createPhotosServices,
  routes: [photoRoutes],
  jobs: ({ storage, faces }, { schools, config, onMail }) => ({
    // Issue 14: faces of photographs not yet looked at (uploaded before faces were found, or while the server stopped).
    'photo-faces': { cron: '*/5 * * * *', handler: () => faces.lookForWaiting() },
    // Every night: archive last year's photographs, delete the year before's, warn the head first (MED-7).
    'photo-retention': {
      cron: '30 2 * * *',
      handler: async () => {
        await runPhotoRetention(schools, storage, config.baseUrl);
        onMail();
      },
    },
  }),
});
