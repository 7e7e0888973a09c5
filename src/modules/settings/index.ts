import { defineModule } from '../../platform/modules.ts';
import { settingsEditorRoutes } from './settings-editor.routes.ts';
import { settingsRoutes } from './settings.routes.ts';
import { createSettingsServices } from './services.ts';

/** The policy settings: one versioned document per school, edited section by section. */
export const settingsModule = defineModule({
  name: 'settings',
  services: createSettingsServices,
  routes: [settingsRoutes, settingsEditorRoutes],
  settings: [
    { href: '/settings/edit/concerns', text: 'Change who hears about concerns and what can be done' },
    { href: '/settings/edit/photos', text: 'Change the rules for photographs' },
    { href: '/settings/edit/rules', text: 'Change how long photographs are kept and who approves publishing them' },
  ],
});
