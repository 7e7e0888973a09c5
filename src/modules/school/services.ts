import type { Actor } from '../../platform/auth/actor.ts';
import type { ModuleContext } from '../../platform/modules.ts';
import { dashboardFor } from './dashboard.ts';
import { countSchools, setUpFirstSchool, type FirstSchool } from './school.service.ts';

/** The school module's services: whether a school exists yet, setting up the first one, the home page. */
export function createSchoolServices({ schools, config }: ModuleContext) {
  return {
    school: {
      isSetUp: async () => (await countSchools(schools)) > 0,
      setUpFirstSchool: (input: FirstSchool) => setUpFirstSchool(schools, input),
      dashboard: (actor: Actor) => dashboardFor(schools, actor, new Date(), config.backupDir),
    },
  };
}
export type SchoolServices = ReturnType<typeof createSchoolServices>;
