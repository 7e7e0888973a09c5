import type { Actor } from '../../platform/auth/actor.ts';
import { may } from '../../platform/auth/access.ts';
import { trustLedBy, withSchool, type SchoolDatabase } from '../../platform/db/school-database.ts';
import { countUnsentMail, mailTrouble } from '../../platform/mail/outbox.ts';
import { backupStatus } from '../../platform/backup/status.ts';
import { currentTermName } from './school-calendar.ts';
import { firstStepCounts, termContaining } from './school.repository.ts';
import { policyDashboard } from '../policies/policies.acknowledgements.ts';
import { concernsNeedingAttention, overdueConcernsFor } from '../concerns/concerns.queries.ts';
import { countActiveClasses, countPupilsOnRoll, countStaffWithoutTwoFactor } from '../people/people.repository.ts';
import { photosAwaitingDecisionOf } from '../photos/photos.deciders.ts';
import { registerTasksFor } from '../registers/registers.dashboard.ts';
import { filteringHomeFor } from '../filtering/filtering.home.ts';

/** What each person sees first (RPT-1): the counts and jobs their roles can act on. */
export async function dashboardFor(schools: SchoolDatabase, actor: Actor, today = new Date(), backupDir: string | null = null) {
  const view = await schoolDashboard(schools, actor, today, backupDir);
  // The lead of a trust (named by whoever runs the server) finds the trust view from home.
  const trust = await trustLedBy(schools, actor.staffId);
  return { ...view, trust: trust ? { name: trust.name } : null };
}

function schoolDashboard(schools: SchoolDatabase, actor: Actor, today: Date, backupDir: string | null) {
  return withSchool(schools, actor.schoolId, async (tx) => {
    const pupils = may(actor, 'people:read') ? await countPupilsOnRoll(tx) : null;
    const classes = may(actor, 'people:read') ? await countActiveClasses(tx) : null;
    const unsentMail = may(actor, 'mail:read') ? await countUnsentMail(tx) : null;
    // E-mail failing for an hour or more: safeguarding notices and password resets are not arriving.
    const mailFailing = unsentMail ? await mailTrouble(tx) : null;
    const staffWithoutTwoFactor = may(actor, 'staff:manage') ? await countStaffWithoutTwoFactor(tx) : null;
    const concernsNeedingMe = may(actor, 'concern:read') ? await concernsNeedingAttention(tx, actor) : null;
    // Issue 19: concerns past the time their type gives to act, with nothing done yet.
    const concernsOverdue = may(actor, 'concern:read') ? await overdueConcernsFor(tx, actor, today) : null;
    const canReportConcern = may(actor, 'concern:report');
    const canSeeConcernOverview = may(actor, 'concern:overview');
    const policyTasks = await policyDashboard(tx, actor);
    const photosAwaitingDecision = await photosAwaitingDecisionOf(tx, actor);
    const backups = may(actor, 'backup:status') ? await backupStatus(tx, backupDir, today) : null;
    const registerTasks = await registerTasksFor(tx, actor);
    const filtering = await filteringHomeFor(tx, actor);
    // The school's own term dates name the term; the default boundaries only where it has none for today.
    const term = currentTermName(await termContaining(tx, today.toISOString().slice(0, 10)), today);
    const counts = await firstStepCounts(tx, actor.staffId);
    // The headteacher's first week, in order, each ticked when done (only for whoever sets the school up).
    const firstSteps =
      may(actor, 'staff:manage') && may(actor, 'settings:edit')
        ? [
            { text: 'Import pupils, carers, staff and classes from your management information system', href: '/import', done: counts.pupils > 0 },
            { text: 'Invite your staff to sign in', href: '/staff', done: counts.invitedStaff > 0 },
            { text: 'Add a governor to approve policies with you', href: '/staff/new', done: counts.governors > 0 },
            { text: 'Import or write your online-safety policy', href: '/policies', done: counts.policies > 0 },
            { text: 'Ask carers about photographs', href: '/consent/requests/new', done: counts.consentRequests > 0 },
          ]
        : [];
    return {
      term,
      firstSteps,
      firstStepsLeft: firstSteps.filter((s) => !s.done).length,
      openTakedowns: may(actor, 'consent:takedown') ? counts.openTakedowns : 0,
      policyTasks,
      photosAwaitingDecision,
      backups,
      registerTasks,
      canCheckPost: may(actor, 'postcheck:use'),
      filtering,
      pupils,
      classes,
      unsentMail,
      mailFailing,
      staffWithoutTwoFactor,
      concernsNeedingMe,
      concernsOverdue,
      canReportConcern,
      canSeeConcernOverview,
      canImport: may(actor, 'import:run'),
      canSeeStaff: may(actor, 'staff:read'),
    };
  });
}
