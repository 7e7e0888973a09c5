import type { Actor } from '../../platform/auth/actor.ts';
import { may } from '../../platform/auth/access.ts';
import { withSchool, type SchoolDatabase } from '../../platform/db/school-database.ts';
import { countUnsentMail } from '../../platform/mail/outbox.ts';
import { currentTermName } from './school-calendar.ts';
import { termContaining } from './school.repository.ts';
import { policyDashboard } from '../policies/policies.acknowledgements.ts';
import { concernsNeedingAttention } from '../concerns/concerns.queries.ts';
import { countActiveClasses, countPupilsOnRoll, countStaffWithoutTwoFactor } from '../people/people.repository.ts';
import { photosAwaitingDecisionOf } from '../photos/photos.deciders.ts';
import { filteringHomeFor } from '../filtering/filtering.home.ts';

/** What each person sees first (RPT-1): the counts and jobs their roles can act on. */
export async function dashboardFor(schools: SchoolDatabase, actor: Actor, today = new Date()) {
  return withSchool(schools, actor.schoolId, async (tx) => {
    const pupils = may(actor, 'people:read') ? await countPupilsOnRoll(tx) : null;
    const classes = may(actor, 'people:read') ? await countActiveClasses(tx) : null;
    const unsentMail = may(actor, 'mail:read') ? await countUnsentMail(tx) : null;
    const staffWithoutTwoFactor = may(actor, 'staff:manage') ? await countStaffWithoutTwoFactor(tx) : null;
    const concernsNeedingMe = may(actor, 'concern:read') ? await concernsNeedingAttention(tx, actor) : null;
    const canReportConcern = may(actor, 'concern:report');
    const canSeeConcernOverview = may(actor, 'concern:overview');
    const policyTasks = await policyDashboard(tx, actor);
    const photosAwaitingDecision = await photosAwaitingDecisionOf(tx, actor);
    const filtering = await filteringHomeFor(tx, actor);
    // The school's own term dates name the term; the default boundaries only where it has none for today.
    const term = currentTermName(await termContaining(tx, today.toISOString().slice(0, 10)), today);
    return {
      term,
      policyTasks,
      photosAwaitingDecision,
      filtering,
      pupils,
      classes,
      unsentMail,
      staffWithoutTwoFactor,
      concernsNeedingMe,
      canReportConcern,
      canSeeConcernOverview,
      canImport: may(actor, 'import:run'),
      canSeeStaff: may(actor, 'staff:read'),
    };
  });
}
