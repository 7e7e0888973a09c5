import { byName } from '../people/names.ts';
import { sql } from 'kysely';
import type { SchoolTx } from '../../platform/db/school-scope.ts';

// --- consent requests (CON-4) ---

export interface NewRequest {
  id?: string;
  schoolId: string;
  kind: 'standard' | 'express';
  title: string;
  description: string | null;
  purposes: string[];
  scope: string;
  formVersion: number;
  expiresAt: Date;
  createdBy: string | null;
}

export function insertRequest(tx: SchoolTx, r: NewRequest) {
  return tx
    .insertInto('consent_requests')
    .values({
      ...(r.id ? { id: r.id } : {}),
      school_id: r.schoolId,
      kind: r.kind,
      title: r.title,
      description: r.description,
      purposes: r.purposes,
      scope: r.scope,
      form_version: r.formVersion,
      expires_at: r.expiresAt,
      created_by: r.createdBy,
    })
    .returning(['id', 'title'])
    .executeTakeFirstOrThrow();
}

export async function addRequestPupils(tx: SchoolTx, schoolId: string, requestId: string, pupilIds: string[]): Promise<void> {
  await tx
    .insertInto('consent_request_pupils')
    .values(pupilIds.map((pupilId) => ({ school_id: schoolId, request_id: requestId, pupil_id: pupilId })))
    .execute();
}

export function findRequest(tx: SchoolTx, requestId: string) {
  return tx.selectFrom('consent_requests').selectAll().where('id', '=', requestId).executeTakeFirst();
}

/** The latest 100 requests, each with how many families were sent a link and how many answered. */
export function listRequests(tx: SchoolTx) {
  return tx
    .selectFrom('consent_requests as r')
    .select(['r.id', 'r.kind', 'r.title', 'r.scope', 'r.created_at', 'r.expires_at'])
    .select(sql<number>`(SELECT count(*)::int FROM consent_links l WHERE l.request_id = r.id)`.as('links'))
    .select(sql<number>`(SELECT count(*)::int FROM consent_links l WHERE l.request_id = r.id AND l.answered_at IS NOT NULL)`.as('answered'))
    .orderBy('r.created_at', 'desc')
    .limit(100)
    .execute();
}

export async function requestPupilIds(tx: SchoolTx, requestId: string): Promise<string[]> {
  return (await tx.selectFrom('consent_request_pupils').select('pupil_id').where('request_id', '=', requestId).execute()).map((r) => r.pupil_id);
}

export function findCarer(tx: SchoolTx, carerId: string) {
  return tx.selectFrom('carers').select(['id', 'given_name', 'family_name']).where('id', '=', carerId).executeTakeFirst();
}

/** The children in a request for whom this carer has parental responsibility (the paper form: on roll or not). */
export function requestChildrenOfCarer(tx: SchoolTx, requestId: string, carerId: string) {
  return tx
    .selectFrom('consent_request_pupils as rp')
    .innerJoin('pupil_carers as pc', 'pc.pupil_id', 'rp.pupil_id')
    .innerJoin('pupils as p', 'p.id', 'rp.pupil_id')
    .select(['p.id', 'p.given_name', 'p.family_name', 'p.preferred_name'])
    .where('rp.request_id', '=', requestId)
    .where('pc.carer_id', '=', carerId)
    .where('pc.parental_responsibility', '=', true)
    .where('pc.court_order', '=', false) // a court order: never sent anything (issue 20)
    .execute();
}

// --- personal links (CON-4) ---

export async function insertLink(
  tx: SchoolTx,
  link: { schoolId: string; requestId: string; carerId: string; tokenHash: string; expiresAt: Date; emailedAt: Date | null },
): Promise<void> {
  await tx
    .insertInto('consent_links')
    .values({
      school_id: link.schoolId,
      request_id: link.requestId,
      carer_id: link.carerId,
      token_hash: link.tokenHash,
      expires_at: link.expiresAt,
      emailed_at: link.emailedAt,
    })
    .execute();
}

/** A request's links, one per family, with the carer's name and address. */
export function linksOfRequest(tx: SchoolTx, requestId: string) {
  return tx
    .selectFrom('consent_links as l')
    .innerJoin('carers as k', 'k.id', 'l.carer_id')
    .select([
      'l.id',
      'l.carer_id',
      'l.emailed_at',
      'l.reminded_at',
      'l.answered_at',
      'l.revoked_at',
      'l.expires_at',
      'k.given_name',
      'k.family_name',
      'k.email',
    ])
    .where('l.request_id', '=', requestId)
    .orderBy('k.family_name')
    .execute()
    .then(byName);
}

/** Revokes a link of the request that still works; false when there is none. */
export async function revokeLink(tx: SchoolTx, requestId: string, linkId: string): Promise<boolean> {
  const done = await tx
    .updateTable('consent_links')
    .set({ revoked_at: new Date() })
    .where('id', '=', linkId)
    .where('request_id', '=', requestId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(done.numUpdatedRows) === 1;
}

export function linkByTokenHash(tx: SchoolTx, hash: string) {
  return tx
    .selectFrom('consent_links')
    .select(['id', 'school_id', 'request_id', 'carer_id', 'expires_at', 'revoked_at'])
    .where('token_hash', '=', hash)
    .executeTakeFirst();
}

/** The school the link belongs to (row-level security shows only that one). */
export function currentSchool(tx: SchoolTx) {
  return tx.selectFrom('schools').select(['name']).executeTakeFirstOrThrow();
}

/** The children on roll in a request for whom this carer has parental responsibility (the carer's own form). */
export function familyOnRoll(tx: SchoolTx, requestId: string, carerId: string) {
  return tx
    .selectFrom('consent_request_pupils as rp')
    .innerJoin('pupil_carers as pc', 'pc.pupil_id', 'rp.pupil_id')
    .innerJoin('pupils as p', 'p.id', 'rp.pupil_id')
    .leftJoin('classes as c', 'c.id', 'p.class_id')
    .select(['p.id', 'p.given_name', 'p.family_name', 'p.preferred_name', 'p.class_id', 'c.year_group'])
    .where('rp.request_id', '=', requestId)
    .where('pc.carer_id', '=', carerId)
    .where('pc.parental_responsibility', '=', true)
    .where('pc.court_order', '=', false) // a court order: never sent anything (issue 20)
    .where('p.on_roll', '=', true)
    .orderBy('p.given_name')
    .execute();
}

export async function markLinkAnswered(tx: SchoolTx, linkId: string): Promise<void> {
  await tx.updateTable('consent_links').set({ answered_at: new Date() }).where('id', '=', linkId).execute();
}

/** Links still working and unanswered, e-mailed (and last reminded, if ever) on or before `cutoff`, to a carer with an address. */
export function linksDueReminder(tx: SchoolTx, now: Date, cutoff: Date) {
  return tx
    .selectFrom('consent_links as l')
    .innerJoin('carers as k', 'k.id', 'l.carer_id')
    .innerJoin('consent_requests as r', 'r.id', 'l.request_id')
    .select(['l.id', 'k.email', 'r.title'])
    .where('l.answered_at', 'is', null)
    .where('l.revoked_at', 'is', null)
    .where('l.expires_at', '>', now)
    .where('l.emailed_at', '<=', cutoff)
    .where((eb) => eb.or([eb('l.reminded_at', 'is', null), eb('l.reminded_at', '<=', cutoff)]))
    .where('k.email', 'is not', null)
    .execute();
}

/** A reminder replaces the link's token (only its hash is kept) and notes when it was sent. */
export async function replaceLinkToken(tx: SchoolTx, linkId: string, hash: string, remindedAt: Date): Promise<void> {
  await tx.updateTable('consent_links').set({ reminded_at: remindedAt, token_hash: hash }).where('id', '=', linkId).execute();
}
