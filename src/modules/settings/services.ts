import type { ModuleContext } from '../../platform/modules.ts';
import { createSettingsService } from './settings.service.ts';

export function createSettingsServices({ schools }: ModuleContext) {
  return { settings: createSettingsService(schools) };
}
export type SettingsServices = ReturnType<typeof createSettingsServices>;
