import type { ModuleContext } from '../../platform/modules.ts';
import { createFilteringService } from './filtering.service.ts';
import { createOversightService } from './oversight.service.ts';

export function createFilteringServices({ schools, config, onMail }: ModuleContext) {
  return { filtering: createFilteringService(schools, config, onMail), oversight: createOversightService(schools, config, onMail) };
}
export type FilteringServices = ReturnType<typeof createFilteringServices>;
