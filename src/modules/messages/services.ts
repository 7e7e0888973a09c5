import type { ModuleContext } from '../../platform/modules.ts';
import { createMessageService } from './messages.service.ts';

export function createMessageServices({ schools, config, onMail }: ModuleContext) {
  return { messages: createMessageService(schools, config, onMail) };
}
export type MessageServices = ReturnType<typeof createMessageServices>;
