import { may } from '../../platform/auth/access.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { SchoolTx } from '../../platform/db/school-scope.ts';
import { currentSettings } from '../settings/settings.service.ts';
import { decidersFor, londonDay } from './filtering.rules.ts';
import * as requests from './filtering.repository.ts';
import * as oversight from './oversight.repository.ts';

/** For the home page: website requests waiting for this person, new monitoring alerts, and when the yearly review falls due. */
export async function filteringHomeFor(tx: SchoolTx, actor: Actor) {
  const { decisions } = (await currentSettings(tx, actor.schoolId)).settings;
  const decides = [...decidersFor('unblock', decisions), ...decidersFor('block', decisions)].some((r) => actor.roles.includes(r));
  const requestsWaiting = actor.roles.includes('ict-lead')
    ? await requests.countWaiting(tx, ['with-ict-lead'])
    : decides && may(actor, 'filter:decide')
      ? await requests.countWaiting(tx, ['with-decider', 'applied-urgently'])
      : 0;
  const latest = may(actor, 'filtering-review:read') ? await oversight.latestReview(tx) : undefined;
  return {
    requestsWaiting,
    newAlerts: may(actor, 'monitoring:triage') ? await oversight.countNewAlerts(tx) : 0,
    review: may(actor, 'filtering-review:read') ? { nextDue: latest?.next_due ?? null, overdue: !latest || latest.next_due < londonDay(new Date()) } : null,
  };
}
