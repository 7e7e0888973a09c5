import type { SchoolTx } from '../platform/db/school-scope.ts';

/**
 * A year of plausible history for the demo school, so the governors' report shows a full year:
 * concerns spread over the terms (more in the autumn, some out of hours, a few repeats), actions
 * taken a day or a few days later, and referrals now and then. Deterministic (no randomness).
 */
const pattern: { type: string; count: number }[] = [
  { type: 'cyber-bullying', count: 14 },
  { type: 'inappropriate-content', count: 9 },
  { type: 'community-post', count: 6 },
  { type: 'safeguarding', count: 3 },
  { type: 'filter-circumvention', count: 7 },
  { type: 'contact-attempt', count: 2 },
  { type: 'raised-by-carer', count: 5 },
];
const actionFor: Record<string, string> = {
  'cyber-bullying': 'carers-informed',
  'inappropriate-content': 'site-blocked',
  'community-post': 'removal-requested',
  safeguarding: 'outside-agency-referral',
  'filter-circumvention': 'computer-ban',
  'contact-attempt': 'note',
  'raised-by-carer': 'carer-contacted',
};

export async function loadDemoHistory(tx: SchoolTx, schoolId: string, reporterId: string, actorId: string, now = new Date()): Promise<void> {
  const yearStart = Date.UTC(now.getUTCMonth() >= 8 ? now.getUTCFullYear() - 1 : now.getUTCFullYear() - 2, 8, 1);
  const days = Math.floor((now.getTime() - yearStart) / 86_400_000) - 2;
  const pupils = (await tx.selectFrom('pupils').select('id').orderBy('id').limit(40).execute()).map((p) => p.id);
  let n = 0;
  for (const { type, count } of pattern) {
    for (let i = 0; i < count; i++) {
      n++;
      // Spread over the days since last September, denser in the autumn.
      const day = Math.floor((((n * 37) % 100) ** 1.15 / 100 ** 1.15) * days);
      const at = new Date(yearStart + day * 86_400_000 + ((n * 7) % 8) * 3_600_000 + 8 * 3_600_000);
      const outOfHours = n % 3 === 0;
      const concern = await tx
        .insertInto('concerns')
        .values({
          school_id: schoolId,
          type,
          summary: 'Demo concern',
          details: 'Recorded by the demo loader to show a year of history.',
          occurred_at: at,
          reported_at: at,
          location: outOfHours ? 'out-of-school' : 'in-school',
          out_of_hours: outOfHours,
          restricted: type === 'safeguarding',
          reported_by: reporterId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (pupils.length) {
        // A few pupils appear more than once (repeats).
        const pupil = pupils[n % 5 === 0 ? 0 : n % pupils.length];
        await tx.insertInto('concern_people').values({ school_id: schoolId, concern_id: concern.id, kind: 'pupil', pupil_id: pupil }).execute();
      }
      const actedAt = new Date(at.getTime() + (1 + (n % 4)) * 86_400_000);
      if (actedAt < now) {
        await tx
          .insertInto('concern_entries')
          .values({ school_id: schoolId, concern_id: concern.id, kind: 'action', action_key: actionFor[type], created_by: actorId, created_at: actedAt })
          .execute();
        if (n % 2 === 0)
          await tx
            .insertInto('concern_entries')
            .values({
              school_id: schoolId,
              concern_id: concern.id,
              kind: 'closed',
              note: 'Resolved (demo)',
              created_by: actorId,
              created_at: new Date(actedAt.getTime() + 86_400_000),
            })
            .execute();
      }
    }
  }
}
