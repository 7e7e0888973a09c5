import { byName } from '../people/names.ts';
import { sql } from 'kysely';
import { permissions } from '../../platform/auth/permissions.ts';
import type { SchoolTx } from '../../platform/db/school-scope.ts';
import { staffHoldingRoles, staffRolesOf } from '../people/staff-roles.repository.ts';

const versionColumns = [
  'v.id',
  'v.policy_id',
  'v.number',
  'v.status',
  'v.change_summary',
  'v.approving_body',
  'v.meeting_date',
  'v.minute_ref',
  'v.signatories',
  'v.approved_on',
  'v.last_reviewed',
  'v.next_review_due',
  'v.next_review_term',
  'v.original_name',
  'v.original_mime',
  'v.created_at',
  'v.updated_at',
  'v.imported',
] as const;

export function listPolicies(tx: SchoolTx) {
  return tx
    .selectFrom('policies as p')
    .leftJoin('staff as o', 'o.id', 'p.owner_id')
    .select([
      'p.id',
      'p.slug',
      'p.title',
      'p.kind',
      'p.status',
      'p.owner_id',
      'p.review_interval_months',
      'p.applies_to',
      'p.updated_at',
      'p.created_at',
      'o.given_name as owner_given_name',
      'o.family_name as owner_family_name',
      'o.email as owner_email',
    ])
    .select(
      sql<number | null>`(SELECT max(v.number) FROM policy_versions v WHERE v.policy_id = p.id AND v.status IN ('draft', 'awaiting-approval'))`.as(
        'open_version',
      ),
    )
    .orderBy('p.title')
    .execute();
}

export type PolicyRow = Awaited<ReturnType<typeof listPolicies>>[number];

export async function findPolicy(tx: SchoolTx, id: string): Promise<PolicyRow | undefined> {
  return (await listPolicies(tx)).find((p) => p.id === id);
}

export function findPolicyBySlug(tx: SchoolTx, slug: string) {
  return tx.selectFrom('policies').select(['id', 'slug', 'title', 'kind', 'status']).where('slug', '=', slug).executeTakeFirst();
}

export async function slugsLike(tx: SchoolTx, base: string): Promise<Set<string>> {
  const rows = await tx.selectFrom('policies').select('slug').where('slug', 'like', `${base}%`).execute();
  return new Set(rows.map((r) => r.slug));
}

export function insertPolicy(
  tx: SchoolTx,
  values: { school_id: string; slug: string; title: string; kind: string; owner_id: string | null; review_interval_months: number; applies_to: string[] },
) {
  return tx.insertInto('policies').values(values).returning(['id', 'slug']).executeTakeFirstOrThrow();
}

export async function updatePolicy(
  tx: SchoolTx,
  id: string,
  values: Partial<{
    title: string;
    kind: string;
    owner_id: string | null;
    review_interval_months: number;
    applies_to: string[];
    status: 'draft' | 'awaiting-approval' | 'approved';
  }>,
): Promise<void> {
  await tx
    .updateTable('policies')
    .set({ ...values, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export function listVersions(tx: SchoolTx, policyId: string) {
  return tx.selectFrom('policy_versions as v').select(versionColumns).where('v.policy_id', '=', policyId).orderBy('v.number', 'desc').execute();
}

export type VersionRow = Awaited<ReturnType<typeof listVersions>>[number];

export function findVersion(tx: SchoolTx, policyId: string, number: number) {
  return tx
    .selectFrom('policy_versions as v')
    .select([...versionColumns, 'v.body_markdown'])
    .where('v.policy_id', '=', policyId)
    .where('v.number', '=', number)
    .executeTakeFirst();
}

export function originalFile(tx: SchoolTx, policyId: string, number: number) {
  return tx
    .selectFrom('policy_versions')
    .select(['original_file', 'original_mime', 'original_name'])
    .where('policy_id', '=', policyId)
    .where('number', '=', number)
    .executeTakeFirst();
}

export function insertVersion(
  tx: SchoolTx,
  values: {
    school_id: string;
    policy_id: string;
    number: number;
    body_markdown: string;
    change_summary: string;
    created_by: string | null;
    original_file?: Uint8Array | null;
    original_mime?: string | null;
    original_name?: string | null;
    imported?: string | null;
  },
) {
  return tx.insertInto('policy_versions').values(values).returning(['id', 'number']).executeTakeFirstOrThrow();
}

/** Only drafts and versions awaiting approval: the database refuses any change to an approved one. */
export async function updateVersion(
  tx: SchoolTx,
  id: string,
  values: Partial<{
    body_markdown: string;
    change_summary: string;
    status: 'draft' | 'awaiting-approval' | 'approved' | 'withdrawn';
    approving_body: string;
    meeting_date: string | null;
    minute_ref: string;
    signatories: string;
    approved_on: string;
    last_reviewed: string;
    next_review_due: string | null;
    next_review_term: string | null;
  }>,
): Promise<void> {
  await tx
    .updateTable('policy_versions')
    .set({ ...values, updated_at: new Date() })
    .where('id', '=', id)
    .where('status', 'in', ['draft', 'awaiting-approval'])
    .execute();
}

export function listLinks(tx: SchoolTx, policyId: string) {
  return tx
    .selectFrom('policy_links as l')
    .leftJoin('policies as p', 'p.id', 'l.linked_policy_id')
    .select(['l.linked_title', 'l.linked_policy_id', 'p.title as linked_policy_title'])
    .where('l.policy_id', '=', policyId)
    .orderBy('l.linked_title')
    .execute();
}

export async function replaceLinks(tx: SchoolTx, schoolId: string, policyId: string, links: { title: string; policyId: string | null }[]): Promise<void> {
  await tx.deleteFrom('policy_links').where('policy_id', '=', policyId).execute();
  if (links.length) {
    await tx
      .insertInto('policy_links')
      .values(links.map((l) => ({ school_id: schoolId, policy_id: policyId, linked_title: l.title, linked_policy_id: l.policyId })))
      .execute();
  }
}

export function signaturesOf(tx: SchoolTx, versionId: string) {
  return tx
    .selectFrom('policy_signatures')
    .select(['staff_id', 'role_title', 'typed_name', 'signed_at'])
    .where('version_id', '=', versionId)
    .orderBy('signed_at')
    .execute();
}

export async function insertSignature(
  tx: SchoolTx,
  values: { school_id: string; version_id: string; staff_id: string; role_title: string; typed_name: string },
): Promise<void> {
  await tx.insertInto('policy_signatures').values(values).execute();
}

export function activeStaff(tx: SchoolTx) {
  return tx
    .selectFrom('staff as s')
    .select(['s.id', 's.given_name', 's.family_name', 's.email', 's.created_at'])
    .select(staffRolesOf.as('roles'))
    .where('s.active', '=', true)
    .orderBy('s.family_name')
    .orderBy('s.given_name')
    .execute()
    .then(byName);
}

/** The active staff whose roles let them sign a policy (policy:sign), by name. */
export const policySigners = (tx: SchoolTx) => staffHoldingRoles(tx, permissions['policy:sign']);

/** The school's governors on eSafety Office (a chair of governors signs most policies). */
export const governors = (tx: SchoolTx) => staffHoldingRoles(tx, ['governor']);

/** The headteachers with an e-mail address: they hear about a policy that has no owner. */
export const headteachersWithEmail = (tx: SchoolTx) => staffHoldingRoles(tx, ['headteacher'], { withEmail: true });

export function acknowledgementsOf(tx: SchoolTx, versionId: string) {
  return tx.selectFrom('policy_acknowledgements').select(['staff_id', 'acknowledged_at']).where('version_id', '=', versionId).execute();
}

export async function insertAcknowledgement(tx: SchoolTx, values: { school_id: string; version_id: string; staff_id: string }): Promise<boolean> {
  const row = await tx
    .insertInto('policy_acknowledgements')
    .values(values)
    .onConflict((oc) => oc.doNothing())
    .returning('staff_id')
    .executeTakeFirst();
  return row !== undefined;
}

/** The version in force of each policy: its latest approved one. */
export function currentVersions(tx: SchoolTx) {
  return tx
    .selectFrom('policy_versions as v')
    .innerJoin('policies as p', 'p.id', 'v.policy_id')
    .select(['v.id', 'v.policy_id', 'v.number', 'v.approved_on', 'v.next_review_due', 'v.next_review_term', 'p.title', 'p.slug', 'p.applies_to', 'p.owner_id'])
    .where('v.status', '=', 'approved')
    .where('v.number', '=', (eb) =>
      eb
        .selectFrom('policy_versions as w')
        .select((e) => e.fn.max('w.number').as('n'))
        .whereRef('w.policy_id', '=', 'v.policy_id')
        .where('w.status', '=', 'approved'),
    )
    .orderBy('p.title')
    .execute();
}

export function publishedBody(tx: SchoolTx, versionId: string) {
  return tx
    .selectFrom('policy_versions')
    .select(['body_markdown', 'original_name'])
    .where('id', '=', versionId)
    .where('status', '=', 'approved')
    .executeTakeFirst();
}

export function reminderSent(tx: SchoolTx, versionId: string) {
  return tx.selectFrom('policy_review_reminders').select('sent_at').where('version_id', '=', versionId).executeTakeFirst();
}

export async function insertReminder(tx: SchoolTx, values: { school_id: string; version_id: string; sent_at: Date }): Promise<void> {
  await tx.insertInto('policy_review_reminders').values(values).execute();
}
