import { defineModule } from '../../platform/modules.ts';
import { messageApiRoutes } from './messages.api.ts';
import { messageRoutes } from './messages.routes.ts';
import { createMessageServices } from './services.ts';

/** Telling parents (AGR-4): messages to carers by e-mail, text and letter, each kept with its recipients. */
export const messagesModule = defineModule({
  name: 'messages',
  services: createMessageServices,
  routes: [messageApiRoutes, messageRoutes],
  jobs: ({ messages }) => ({
    // Every minute: texts waiting for GOV.UK Notify (nothing happens unless NOTIFY_API_KEY is set).
    'message-texts': {
      cron: '* * * * *',
      handler: async () => {
        await messages.sendTexts();
      },
    },
  }),
});
