import { sql } from 'kysely';
import type { SchoolTx } from '../../platform/db/school-scope.ts';
import type { FilterRequestStatus, FilterRequestStep, FilterRequestTable } from '../../platform/db/schema.ts';
import type { Insertable } from 'kysely';

/** Requests to block or open a site, and their steps: the only SQL of the requests side of this module. */

const fullName = (alias: string) => sql<string>`${sql.ref(`${alias}.given_name`)} || ' ' || ${sql.ref(`${alias}.family_name`)}`;

export function insertRequest(tx: SchoolTx, row: Insertable<FilterRequestTable>) {
  return tx.insertInto('filter_requests').values(row).returning(['id', 'status', 'requested_at']).executeTakeFirstOrThrow();
}

export async function insertStep(tx: SchoolTx, row: { school_id: string; request_id: string; step: FilterRequestStep; note: string; by_staff: string | null }) {
  await tx.insertInto('filter_request_steps').values(row).execute();
}

const requestColumns = [
  'r.id',
  'r.kind',
  'r.domain',
  'r.display_domain',
  'r.reason',
  'r.duration',
  'r.class_id',
  'r.concern_id',
  'r.requested_by',
  'r.requested_at',
  'r.status',
  'r.in_force_from',
  'r.expires_at',
] as const;

function requestsQuery(tx: SchoolTx) {
  return tx
    .selectFrom('filter_requests as r')
    .innerJoin('staff as s', 's.id', 'r.requested_by')
    .leftJoin('classes as c', 'c.id', 'r.class_id')
    .select(requestColumns)
    .select([fullName('s').as('requested_by_name'), 'c.title as class_title']);
}

export type RequestRow = Awaited<ReturnType<typeof findRequest>> & {};

export function findRequest(tx: SchoolTx, id: string) {
  return requestsQuery(tx).where('r.id', '=', id).executeTakeFirst();
}

/** Locks the request for a decision, so two people deciding at once cannot both act. */
export function lockRequest(tx: SchoolTx, id: string) {
  return tx
    .selectFrom('filter_requests')
    .select(['id', 'kind', 'status', 'duration', 'in_force_from', 'requested_by', 'display_domain'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export function requestsWith(tx: SchoolTx, statuses: readonly FilterRequestStatus[]) {
  return requestsQuery(tx)
    .where('r.status', 'in', [...statuses])
    .orderBy('r.requested_at')
    .execute();
}

export function recentlyClosed(tx: SchoolTx, limit: number) {
  return requestsQuery(tx).where('r.status', 'in', ['approved', 'refused', 'expired']).orderBy('r.requested_at', 'desc').limit(limit).execute();
}

export function requestsBy(tx: SchoolTx, staffId: string, limit: number) {
  return requestsQuery(tx).where('r.requested_by', '=', staffId).orderBy('r.requested_at', 'desc').limit(limit).execute();
}

export function stepsOf(tx: SchoolTx, requestId: string) {
  return tx
    .selectFrom('filter_request_steps as t')
    .leftJoin('staff as s', 's.id', 't.by_staff')
    .select(['t.id', 't.step', 't.note', 't.at'])
    .select(sql<string | null>`${fullName('s')}`.as('by_name'))
    .where('t.request_id', '=', requestId)
    .orderBy('t.at')
    .orderBy('t.id')
    .execute();
}

export async function setStatus(
  tx: SchoolTx,
  id: string,
  change: { status: FilterRequestStatus; in_force_from?: Date | null; expires_at?: Date | null },
): Promise<void> {
  await tx.updateTable('filter_requests').set(change).where('id', '=', id).execute();
}

/** Decisions that are or may be in force (approved, or blocked at once) for one list. */
export function decisionsForList(tx: SchoolTx, kind: 'block' | 'unblock') {
  return tx
    .selectFrom('filter_requests')
    .select(['id', 'domain', 'status', 'in_force_from', 'expires_at'])
    .where('kind', '=', kind)
    .where('status', 'in', ['approved', 'applied-urgently'])
    .execute();
}

/** Decisions whose time has run out and are still marked in force. */
export function lapsed(tx: SchoolTx, now: Date) {
  return tx
    .selectFrom('filter_requests')
    .select(['id', 'kind', 'display_domain', 'expires_at'])
    .where('status', 'in', ['approved', 'applied-urgently'])
    .where('expires_at', '<=', now)
    .execute();
}

export async function classExists(tx: SchoolTx, id: string): Promise<boolean> {
  return Boolean(await tx.selectFrom('classes').select('id').where('id', '=', id).executeTakeFirst());
}

export async function concernExists(tx: SchoolTx, id: string): Promise<boolean> {
  return Boolean(await tx.selectFrom('concerns').select('id').where('id', '=', id).executeTakeFirst());
}

export { activeClasses } from '../people/people.repository.ts';

export function staffEmail(tx: SchoolTx, id: string) {
  return tx.selectFrom('staff').select(['id', 'email']).where('id', '=', id).where('active', '=', true).where('email', 'is not', null).executeTakeFirst();
}

export function countWaiting(tx: SchoolTx, statuses: readonly FilterRequestStatus[]) {
  return tx
    .selectFrom('filter_requests')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('status', 'in', [...statuses])
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n));
}
