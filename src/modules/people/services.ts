import type { ModuleContext } from '../../platform/modules.ts';
import { createImportService } from './import.service.ts';
import { createPeopleService } from './people.service.ts';
import { createStaffInvitations } from './staff-invitation.ts';

export function createPeopleServices({ schools, config, onMail }: ModuleContext) {
  return {
    people: createPeopleService(schools, { baseUrl: config.baseUrl, onMail }),
    staffInvitations: createStaffInvitations(schools, config, onMail),
    import: createImportService(schools),
  };
}
export type PeopleServices = ReturnType<typeof createPeopleServices>;
