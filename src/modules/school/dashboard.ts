import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/auth/actor.ts';
import { may } from '../../platform/auth/access.ts';
import type { DB } from '../../platform/db/schema.ts';
import { withSchool } from '../../platform/db/school-scope.ts';
import { termName } from './school-calendar.ts';
import { policyDashboard } from '../policies/policies.acknowledgements.ts';
import { concernsNeedingAttention } from '../concerns/concerns.queries.ts';
import { photosAwaitingDecisionOf } from '../photos/photos.deciders.ts';

/** What each person sees first (RPT-1): the counts and jobs their roles can act on. */
export async function dashboardFor(db: Kysely<DB>, actor: Actor) {
  return withSchool(db, actor.schoolId, async (tx) => {
    const count = async (query: Promise<{ n: string }>) => Number((await query).n);
    const pupils = may(actor, 'people:read')
      ? await count(tx.selectFrom('pupils').select((eb) => eb.fn.countAll<string>().as('n')).where('on_roll', '=', true).executeTakeFirstOrThrow())
      : null;
    const classes = may(actor, 'people:read')
      ? await count(tx.selectFrom('classes').select((eb) => eb.fn.countAll<string>().as('n')).where('active', '=', true).executeTakeFirstOrThrow())
      : null;
    const unsentMail = may(actor, 'mail:read')
      ? await count(tx.selectFrom('outbox').select((eb) => eb.fn.countAll<string>().as('n')).where('sent_at', 'is', null).executeTakeFirstOrThrow())
      : null;
    const staffWithoutTwoFactor = may(actor, 'staff:manage')
      ? await count(tx.selectFrom('staff').select((eb) => eb.fn.countAll<string>().as('n')).where('active', '=', true)
          .where('password_hash', 'is not', null).where('totp_enabled_at', 'is', null).executeTakeFirstOrThrow())
      : null;
    const concernsNeedingMe = may(actor, 'concern:read') ? await concernsNeedingAttention(tx, actor) : null;
    const canReportConcern = may(actor, 'concern:report');
    const canSeeConcernOverview = may(actor, 'concern:overview');
    const policyTasks = await policyDashboard(tx, actor);
    const photosAwaitingDecision = await photosAwaitingDecisionOf(tx, actor);
    return { term: termName(new Date()), policyTasks, photosAwaitingDecision, pupils, classes, unsentMail, staffWithoutTwoFactor, concernsNeedingMe, canReportConcern, canSeeConcernOverview,
      canImport: may(actor, 'import:run'), canSeeStaff: may(actor, 'staff:read') };
  });
}
