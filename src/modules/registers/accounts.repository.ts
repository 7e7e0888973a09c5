import { sql } from 'kysely';
import type { SchoolTx } from '../../platform/db/school-scope.ts';

/** The SQL of the accounts and services register (REG-1) and the ICT lead's password tasks. */
const name = (alias: string) => sql<string | null>`(SELECT ${sql.ref(`${alias}.given_name`)} || ' ' || ${sql.ref(`${alias}.family_name`)})`;

export function listAccounts(tx: SchoolTx) {
  return tx
    .selectFrom('school_accounts as a')
    .leftJoin('staff as h', 'h.id', 'a.credentials_holder_id')
    .leftJoin('staff as o', 'o.id', 'a.owner_id')
    .innerJoin('staff as r', 'r.id', 'a.requested_by')
    .select([
      'a.id',
      'a.name',
      'a.kind',
      'a.url',
      'a.purpose',
      'a.status',
      'a.review_on',
      'a.owner_id',
      'a.credentials_holder_id',
      'a.data_protection',
      'a.requested_at',
      'a.decided_at',
      'a.decision_note',
      'h.active as holder_active',
    ])
    .select([name('h').as('holder_name'), name('o').as('owner_name'), name('r').as('requested_by_name')])
    .orderBy(sql`CASE a.status WHEN 'requested' THEN 0 WHEN 'approved' THEN 1 ELSE 2 END`)
    .orderBy('a.name')
    .execute();
}

export function findAccount(tx: SchoolTx, id: string) {
  return tx
    .selectFrom('school_accounts as a')
    .leftJoin('staff as h', 'h.id', 'a.credentials_holder_id')
    .leftJoin('staff as o', 'o.id', 'a.owner_id')
    .innerJoin('staff as r', 'r.id', 'a.requested_by')
    .leftJoin('staff as d', 'd.id', 'a.decided_by')
    .selectAll('a')
    .select(['h.active as holder_active'])
    .select([name('h').as('holder_name'), name('o').as('owner_name'), name('r').as('requested_by_name'), name('d').as('decided_by_name')])
    .where('a.id', '=', id)
    .executeTakeFirst();
}
export type AccountRecord = NonNullable<Awaited<ReturnType<typeof findAccount>>>;

export function insertAccount(
  tx: SchoolTx,
  schoolId: string,
  a: {
    name: string;
    kind: 'social-media-account' | 'online-service';
    url: string;
    purpose: string;
    ownerId: string | null;
    holderId: string | null;
    dataProtection: string;
    reviewOn: string;
    status: 'requested' | 'approved';
    by: string;
  },
) {
  const approved = a.status === 'approved';
  return tx
    .insertInto('school_accounts')
    .values({
      school_id: schoolId,
      name: a.name,
      kind: a.kind,
      url: a.url,
      purpose: a.purpose,
      owner_id: a.ownerId,
      credentials_holder_id: a.holderId,
      data_protection: a.dataProtection,
      review_on: a.reviewOn,
      status: a.status,
      requested_by: a.by,
      decided_by: approved ? a.by : null,
      decided_at: approved ? new Date() : null,
      decision_note: approved ? 'Approved when it was entered, by someone who approves accounts' : null,
    })
    .returning(['id', 'status'])
    .executeTakeFirstOrThrow();
}

/** Decides a request once: a decision made a moment earlier by someone else wins (nothing is updated). */
export async function decideAccount(tx: SchoolTx, id: string, decision: 'approved' | 'refused', by: string, note: string | null): Promise<boolean> {
  const done = await tx
    .updateTable('school_accounts')
    .set({ status: decision, decided_by: by, decided_at: new Date(), decision_note: note, updated_at: new Date() })
    .where('id', '=', id)
    .where('status', '=', 'requested')
    .executeTakeFirst();
  return Number(done.numUpdatedRows) === 1;
}

export async function setHolder(tx: SchoolTx, id: string, holderId: string | null) {
  await tx.updateTable('school_accounts').set({ credentials_holder_id: holderId, updated_at: new Date() }).where('id', '=', id).execute();
}

export async function markReviewed(tx: SchoolTx, id: string, nextReview: string) {
  await tx.updateTable('school_accounts').set({ review_on: nextReview, reviewed_at: new Date(), updated_at: new Date() }).where('id', '=', id).execute();
}

/** Approved accounts, for the post check's "where will it go". */
export function approvedAccounts(tx: SchoolTx) {
  return tx.selectFrom('school_accounts').select(['id', 'name', 'kind']).where('status', '=', 'approved').orderBy('name').execute();
}

/** Accounts as photo channels (REG-1): the approved ones to publish on, or every one, so a withdrawal still finds what was published there. */
export function accountsAsChannels(tx: SchoolTx, approvedOnly: boolean) {
  let query = tx.selectFrom('school_accounts').select(['id', 'name', 'kind']).orderBy('name');
  if (approvedOnly) query = query.where('status', '=', 'approved');
  return query.execute();
}

export function approvedAccount(tx: SchoolTx, id: string) {
  return tx.selectFrom('school_accounts').select(['id', 'name', 'kind']).where('id', '=', id).where('status', '=', 'approved').executeTakeFirst();
}

/** Raises a password task for an account unless one is already open (one open task per account). */
export async function raiseCredentialTask(
  tx: SchoolTx,
  schoolId: string,
  accountId: string,
  reason: 'holder-left' | 'holder-changed',
  formerHolderId: string | null,
) {
  await sql`INSERT INTO account_credential_tasks (school_id, account_id, reason, former_holder_id)
    VALUES (${schoolId}, ${accountId}, ${reason}, ${formerHolderId})
    ON CONFLICT (account_id) WHERE done_at IS NULL DO NOTHING`.execute(tx);
}

/** Approved or requested accounts whose credentials this person holds. */
export function accountsHeldBy(tx: SchoolTx, staffId: string) {
  return tx.selectFrom('school_accounts').select(['id', 'name']).where('credentials_holder_id', '=', staffId).where('status', '!=', 'refused').execute();
}

export function openCredentialTasks(tx: SchoolTx) {
  return tx
    .selectFrom('account_credential_tasks as t')
    .innerJoin('school_accounts as a', 'a.id', 't.account_id')
    .leftJoin('staff as f', 'f.id', 't.former_holder_id')
    .select(['t.id', 't.account_id', 't.reason', 't.raised_at', 'a.name as account_name'])
    .select(name('f').as('former_holder_name'))
    .where('t.done_at', 'is', null)
    .orderBy('t.raised_at')
    .execute();
}

export async function closeCredentialTasks(tx: SchoolTx, accountId: string, by: string): Promise<number> {
  const done = await tx
    .updateTable('account_credential_tasks')
    .set({ done_at: new Date(), done_by: by })
    .where('account_id', '=', accountId)
    .where('done_at', 'is', null)
    .executeTakeFirst();
  return Number(done.numUpdatedRows);
}

export async function countAccounts(tx: SchoolTx, today: string) {
  const row = await tx
    .selectFrom('school_accounts')
    .select([
      sql<number>`count(*) FILTER (WHERE status = 'requested')::int`.as('requested'),
      sql<number>`count(*) FILTER (WHERE status = 'approved' AND review_on <= ${today}::date)::int`.as('reviewsDue'),
    ])
    .executeTakeFirstOrThrow();
  const tasks = await tx
    .selectFrom('account_credential_tasks')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('done_at', 'is', null)
    .executeTakeFirstOrThrow();
  return { requested: row.requested, reviewsDue: row.reviewsDue, passwordTasks: tasks.n };
}

/** Active staff, to choose an owner or credentials holder from. */
export function activeStaff(tx: SchoolTx) {
  return tx.selectFrom('staff').select(['id', 'given_name', 'family_name']).where('active', '=', true).orderBy('family_name').orderBy('given_name').execute();
}

export function activeStaffMember(tx: SchoolTx, id: string) {
  return tx.selectFrom('staff').select(['id', 'given_name', 'family_name']).where('id', '=', id).where('active', '=', true).executeTakeFirst();
}

/** An active member of staff's e-mail address, for a notice that something needs their attention. */
export async function emailOf(tx: SchoolTx, id: string): Promise<string | null> {
  const row = await tx.selectFrom('staff').select('email').where('id', '=', id).where('active', '=', true).executeTakeFirst();
  return row?.email ?? null;
}
