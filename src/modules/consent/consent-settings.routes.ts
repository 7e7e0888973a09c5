import type { ModuleRoutes } from '../../platform/modules.ts';
import type { ConsentServices } from './services.ts';
import { submitForm } from '../../platform/http/forms.ts';
import { render, setFlash } from '../../platform/http/render.ts';
import { actorOf } from '../../platform/http/request-context.ts';
import type { PolicySettings } from '../settings/settings.schema.ts';
import { basisItems, lapseItems } from './consent-settings.service.ts';
import { OpenFormBody } from './consent.schemas.ts';

/** The headteacher edits what carers are asked and when answers lapse (CON-1, renewal); each change is a new settings version. */
export const consentSettingsRoutes: ModuleRoutes<ConsentServices> = async (app, { services }) => {
  const page = (settings: PolicySettings, values: Record<string, unknown> = {}) => ({
    title: 'What carers are asked',
    settings,
    lapseItems,
    basisItems,
    values,
    backLink: '/consent',
  });

  app.get('/consent/settings', { config: { permission: 'consent:settings' }, schema: { hide: true } }, async (request, reply) =>
    render(request, reply, 'consent/views/settings.njk', page(await services.consentSettings.current(actorOf(request)))),
  );

  app.post(
    '/consent/settings',
    { config: { permission: 'consent:settings' }, preHandler: app.csrfProtection, schema: { hide: true, body: OpenFormBody } },
    async (request, reply) => {
      const actor = actorOf(request);
      const form = request.body;
      return submitForm(
        async () => {
          await services.consentSettings.change(actor, form);
          setFlash(reply, 'Saved. Carers will be asked in these words from now on.');
          return reply.redirect('/consent/settings', 303);
        },
        async (errors) =>
          render(request, reply, 'consent/views/settings.njk', { ...page(await services.consentSettings.current(actor), form), ...errors }, 400),
      );
    },
  );
};
