import type { ModuleContext } from '../../platform/modules.ts';
import { createContactService } from './contact.service.ts';

export function createContactServices({ schools, config, onMail }: ModuleContext) {
  return { contact: createContactService(schools, config, onMail) };
}
export type ContactServices = ReturnType<typeof createContactServices>;
