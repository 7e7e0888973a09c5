import type { ModuleContext } from '../../platform/modules.ts';
import { createImportService } from './import.service.ts';
import { createPeopleService } from './people.service.ts';
import { createStaffInvitations } from './staff-invitation.ts';

export function createPeopleServices({ db, config, onMail }: ModuleContext) {
  return { people: createPeopleService(db, { baseUrl: config.baseUrl, onMail }), staffInvitations: createStaffInvitations(db, config, onMail), import: createImportService(db) };
}
export type PeopleServices = ReturnType<typeof createPeopleServices>;
