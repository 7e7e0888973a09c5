import type { ModuleContext } from '../../platform/modules.ts';
import { createConcernsService } from './concerns.service.ts';
import { createDeadlineReminders } from './concerns.deadlines.ts';

export function createConcernsServices({ schools, config, onMail }: ModuleContext) {
  return { concerns: createConcernsService(schools, config, onMail), deadlines: createDeadlineReminders(schools, config, onMail) };
}
export type ConcernsServices = ReturnType<typeof createConcernsServices>;
