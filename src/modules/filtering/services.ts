import type { ModuleContext } from '../../platform/modules.ts';
import { createFilteringService } from './filtering.service.ts';

export function createFilteringServices({ schools, config, onMail }: ModuleContext) {
  return { filtering: createFilteringService(schools, config, onMail) };
}
export type FilteringServices = ReturnType<typeof createFilteringServices>;
