import type { ModuleContext } from '../../platform/modules.ts';
import { createFilteringService } from './filtering.service.ts';
import { createOversightService } from './oversight.service.ts';
import { createTokenService } from './tokens.service.ts';

export function createFilteringServices({ schools, config, onMail }: ModuleContext) {
  return {
    filtering: createFilteringService(schools, config, onMail),
    oversight: createOversightService(schools, config, onMail),
    tokens: createTokenService(schools),
  };
}
export type FilteringServices = ReturnType<typeof createFilteringServices>;
