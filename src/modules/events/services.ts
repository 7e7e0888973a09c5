import type { ModuleContext } from '../../platform/modules.ts';
import { createEventService } from './events.service.ts';

export function createEventServices({ schools }: ModuleContext) {
  return { events: createEventService(schools) };
}
export type EventServices = ReturnType<typeof createEventServices>;
