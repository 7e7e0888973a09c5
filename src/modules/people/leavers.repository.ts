import { sql } from 'kysely';
import type { SchoolTx } from '../../platform/db/school-scope.ts';

/** The leavers' retention job's questions: ids and dates only. */

/** Pupils who have left and still have photo consent answers on record. */
export function leaversWithConsentAnswers(tx: SchoolTx) {
  return tx
    .selectFrom('pupils as p')
    .select(['p.id', 'p.leaving_date', 'p.date_of_birth'])
    .where('p.on_roll', '=', false)
    .where('p.leaving_date', 'is not', null)
    .where((eb) => eb.exists(eb.selectFrom('consent_decisions as d').select('d.id').whereRef('d.pupil_id', '=', 'p.id')))
    .execute();
}

/** Leavers the head has already been told about (a notice is sent once), with the day the notice gave. */
export async function noticedLeavers(tx: SchoolTx): Promise<Map<string, string>> {
  const rows = await tx
    .selectFrom('audit_log')
    .select(['subject_id', sql<string>`detail->>'destroyOn'`.as('destroy_on')])
    .where('action', '=', 'consent.destruction-notice')
    .where('subject_type', '=', 'pupil')
    .execute();
  return new Map(rows.filter((r) => r.subject_id !== null).map((r) => [r.subject_id!, r.destroy_on]));
}

/** How many of these pupils' concerns are on record: the job never destroys them. */
export async function concernsInvolving(tx: SchoolTx, pupilIds: readonly string[]): Promise<number> {
  if (pupilIds.length === 0) return 0;
  const row = await tx
    .selectFrom('concern_people')
    .select(sql<string>`count(DISTINCT concern_id)`.as('n'))
    .where('pupil_id', 'in', [...pupilIds])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
