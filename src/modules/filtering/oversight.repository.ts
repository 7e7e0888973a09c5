import { sql, type QueryCreator } from 'kysely';
import type { SchoolTx } from '../../platform/db/school-scope.ts';
import type { AlertSeverity, AlertTriage, DB } from '../../platform/db/schema.ts';

/** Bans, monitoring alerts and the yearly review: the only SQL of that side of this module. */

const fullName = (alias: string) => sql<string>`${sql.ref(`${alias}.given_name`)} || ' ' || ${sql.ref(`${alias}.family_name`)}`;

// --- the yearly review ---

export async function insertReview(
  tx: SchoolTx,
  review: { school_id: string; completed_on: string; next_due: string; participants: { role: string; name: string }[]; recorded_by: string },
  points: { key: string; met: boolean; evidence: string; actions: string }[],
): Promise<string> {
  const row = await tx
    .insertInto('filtering_reviews')
    .values({ ...review, participants: JSON.stringify(review.participants) })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx
    .insertInto('filtering_review_points')
    .values(points.map((p) => ({ ...p, school_id: review.school_id, review_id: row.id })))
    .execute();
  return row.id;
}

export async function reviews(tx: SchoolTx) {
  const rows = await tx
    .selectFrom('filtering_reviews as r')
    .innerJoin('staff as s', 's.id', 'r.recorded_by')
    .select(['r.id', 'r.completed_on', 'r.next_due', 'r.participants', 'r.recorded_at'])
    .select(fullName('s').as('recorded_by_name'))
    .orderBy('r.completed_on', 'desc')
    .orderBy('r.recorded_at', 'desc')
    .execute();
  const points = rows.length
    ? await tx
        .selectFrom('filtering_review_points')
        .select(['review_id', 'key', 'met', 'evidence', 'actions'])
        .where(
          'review_id',
          'in',
          rows.map((r) => r.id),
        )
        .execute()
    : [];
  return rows.map((r) => ({ ...r, points: points.filter((p) => p.review_id === r.id) }));
}

export function latestReview(tx: SchoolTx) {
  return tx.selectFrom('filtering_reviews').select(['completed_on', 'next_due']).orderBy('completed_on', 'desc').limit(1).executeTakeFirst();
}

// --- computer bans (FLT-4) ---

export function insertBan(
  tx: SchoolTx,
  ban: {
    school_id: string;
    pupil_id: string;
    concern_id: string | null;
    reason: string;
    starts_on: string;
    ends_on: string;
    supervised_use: boolean;
    created_by: string;
  },
) {
  return tx.insertInto('computer_bans').values(ban).returning('id').executeTakeFirstOrThrow();
}

export async function liftBan(tx: SchoolTx, id: string, by: string, note: string): Promise<boolean> {
  const result = await tx
    .updateTable('computer_bans')
    .set({ lifted_at: new Date(), lifted_by: by, lifted_note: note })
    .where('id', '=', id)
    .where('lifted_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Bans, not yet narrowed or selected from. */
/** Built from a school's transaction, or from the builder of the class page's one read (read-in-school.ts). */
function bans(q: QueryCreator<DB>) {
  return q.selectFrom('computer_bans as b');
}

/** Bans not lifted that have not ended by this day (some may start later). */
function notEnded(q: QueryCreator<DB>, day: string) {
  return bans(q).where('b.lifted_at', 'is', null).where('b.ends_on', '>=', day);
}

/** Bans in force on this day: not lifted, started, not ended. The one place that says so. */
function inForceOn(q: QueryCreator<DB>, day: string) {
  return notEnded(q, day).where('b.starts_on', '<=', day);
}

/** The bans with their pupils. */
function withPupils(query: ReturnType<typeof bans>) {
  return query.innerJoin('pupils as p', 'p.id', 'b.pupil_id');
}

/** What the bans' pages show of each ban. */
function withDetails(query: ReturnType<typeof bans>) {
  return withPupils(query)
    .leftJoin('classes as c', 'c.id', 'p.class_id')
    .select(['b.id', 'b.pupil_id', 'b.concern_id', 'b.reason', 'b.starts_on', 'b.ends_on', 'b.supervised_use', 'b.created_at', 'c.title as class_title'])
    .select(fullName('p').as('pupil_name'));
}

/**
 * A class's bans in force on this day, as the class page shows them (FLT-4): a query for the page's
 * one statement to read with the rest (people.repository.ts), not run on its own. Whether the school
 * has any ban in force is asked first, once (one look-up in `computer_bans_in_force`): most days
 * there is none, and then the class's pupils are not looked up one by one.
 */
export function activeBansOfClassQuery(q: QueryCreator<DB>, day: string, classId: string) {
  return withPupils(inForceOn(q, day))
    .select(['b.pupil_id', 'b.supervised_use', 'b.ends_on'])
    .select(fullName('p').as('pupil_name'))
    .where('p.class_id', '=', classId)
    .where(({ exists }) => exists(inForceOn(q, day).select(sql`1`.as('one'))))
    .orderBy('b.ends_on');
}

/** Bans in force on this day, for one pupil or class when asked. */
export function activeBans(tx: SchoolTx, day: string, filter: { pupilId?: string; classId?: string } = {}) {
  let query = withDetails(inForceOn(tx, day));
  if (filter.pupilId) query = query.where('b.pupil_id', '=', filter.pupilId);
  if (filter.classId) query = query.where('p.class_id', '=', filter.classId);
  return query.orderBy('b.ends_on').execute();
}

export function upcomingAndActiveBans(tx: SchoolTx, day: string) {
  return withDetails(notEnded(tx, day)).orderBy('b.starts_on').execute();
}

export async function pupilExists(tx: SchoolTx, id: string): Promise<boolean> {
  return Boolean(await tx.selectFrom('pupils').select('id').where('id', '=', id).executeTakeFirst());
}

export function pupilsOnRoll(tx: SchoolTx) {
  return tx
    .selectFrom('pupils as p')
    .leftJoin('classes as c', 'c.id', 'p.class_id')
    .select(['p.id', 'c.title as class_title'])
    .select(fullName('p').as('name'))
    .where('p.on_roll', '=', true)
    .orderBy('p.family_name')
    .orderBy('p.given_name')
    .execute();
}

// --- monitoring alerts (001 §5) ---

export interface NewAlert {
  school_id: string;
  source: string;
  external_id: string | null;
  occurred_at: Date;
  username: string;
  device: string;
  pupil_id: string | null;
  category: string;
  severity: AlertSeverity;
  detail: string;
  received_via: 'upload' | 'api';
}

/** Stores an alert once: the same product's alert id sent again is not a second alert. */
export async function insertAlert(tx: SchoolTx, alert: NewAlert): Promise<{ id: string; duplicate: boolean }> {
  const row = await tx
    .insertInto('monitoring_alerts')
    .values(alert)
    .onConflict((oc) => oc.columns(['school_id', 'source', 'external_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (row) return { id: row.id, duplicate: false };
  const held = await tx
    .selectFrom('monitoring_alerts')
    .select('id')
    .where('source', '=', alert.source)
    .where('external_id', '=', alert.external_id)
    .executeTakeFirstOrThrow();
  return { id: held.id, duplicate: true };
}

export function alerts(tx: SchoolTx, triage: readonly AlertTriage[], limit: number) {
  return tx
    .selectFrom('monitoring_alerts as a')
    .leftJoin('pupils as p', 'p.id', 'a.pupil_id')
    .leftJoin('staff as s', 's.id', 'a.triaged_by')
    .select([
      'a.id',
      'a.source',
      'a.occurred_at',
      'a.username',
      'a.device',
      'a.pupil_id',
      'a.category',
      'a.severity',
      'a.detail',
      'a.triage',
      'a.triage_note',
      'a.triaged_at',
      'a.concern_id',
    ])
    .select([sql<string | null>`${fullName('p')}`.as('pupil_name'), sql<string | null>`${fullName('s')}`.as('triaged_by_name')])
    .where('a.triage', 'in', [...triage])
    .orderBy('a.occurred_at', 'desc')
    .limit(limit)
    .execute();
}

export function findAlert(tx: SchoolTx, id: string) {
  return tx.selectFrom('monitoring_alerts').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function triageAlert(tx: SchoolTx, id: string, change: { triage: AlertTriage; triage_note: string; triaged_by: string; concern_id?: string }) {
  await tx
    .updateTable('monitoring_alerts')
    .set({ ...change, triaged_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/** Pupils by their MIS identifier (what the monitoring product is given from the MIS too). */
export async function pupilIdsBySourcedId(tx: SchoolTx, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.selectFrom('pupils').select(['id', 'sourced_id']).where('sourced_id', 'in', ids).execute();
  return new Map(rows.filter((r) => r.sourced_id).map((r) => [r.sourced_id!, r.id]));
}

export async function deleteAlertsBefore(tx: SchoolTx, before: Date): Promise<number> {
  const result = await tx.deleteFrom('monitoring_alerts').where('received_at', '<', before).where('triage', '!=', 'concern-opened').executeTakeFirst();
  return Number(result.numDeletedRows);
}

export function countNewAlerts(tx: SchoolTx) {
  return tx
    .selectFrom('monitoring_alerts')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('triage', '=', 'new')
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n));
}
