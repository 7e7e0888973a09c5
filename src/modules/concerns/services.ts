import type { ModuleContext } from '../../platform/modules.ts';
import { createConcernsService } from './concerns.service.ts';

export function createConcernsServices({ db, config, onMail }: ModuleContext) {
  return { concerns: createConcernsService(db, config, onMail) };
}
export type ConcernsServices = ReturnType<typeof createConcernsServices>;
