import { byName } from '../people/names.ts';
import { sql } from 'kysely';
import type { SchoolTx } from '../../platform/db/school-scope.ts';
import type { CarerLink, Decision } from './consent.rules.ts';
import { staffHoldingRoles } from '../people/staff-roles.repository.ts';

export interface PupilForConsent {
  id: string;
  given_name: string;
  family_name: string;
  preferred_name: string | null;
  class_id: string | null;
  year_group: number | null;
  /** Issue 19: never photographed or published (a court order, a safeguarding reason); the reason is not read here. */
  do_not_photograph: boolean;
}

const pupilColumns = ['p.id', 'p.given_name', 'p.family_name', 'p.preferred_name', 'p.class_id', 'c.year_group', 'p.do_not_photograph'] as const;

export function findPupil(tx: SchoolTx, pupilId: string): Promise<PupilForConsent | undefined> {
  return tx.selectFrom('pupils as p').leftJoin('classes as c', 'c.id', 'p.class_id').select(pupilColumns).where('p.id', '=', pupilId).executeTakeFirst();
}

export function pupilsOnRollIn(
  tx: SchoolTx,
  filter: { classId?: string; yearGroup?: number; pupilIds?: string[]; admittedSince?: string },
): Promise<PupilForConsent[]> {
  let query = tx.selectFrom('pupils as p').leftJoin('classes as c', 'c.id', 'p.class_id').select(pupilColumns).where('p.on_roll', '=', true);
  if (filter.classId) query = query.where('p.class_id', '=', filter.classId);
  if (filter.yearGroup !== undefined) query = query.where('c.year_group', '=', filter.yearGroup);
  if (filter.pupilIds) query = query.where('p.id', 'in', filter.pupilIds.length ? filter.pupilIds : ['00000000-0000-0000-0000-000000000000']);
  if (filter.admittedSince) query = query.where('p.admission_date', '>=', filter.admittedSince);
  return query.orderBy('p.family_name').orderBy('p.given_name').execute().then(byName);
}

/**
 * Each carer's latest answer per pupil and purpose (DISTINCT ON, served by the index on
 * (pupil_id, purpose, carer_id, recorded_at DESC)): the consent rule needs nothing older, and a
 * class list no longer reads every answer ever given.
 */
export async function decisionsFor(tx: SchoolTx, pupilIds: string[]): Promise<Map<string, Decision[]>> {
  const byPupil = new Map<string, Decision[]>(pupilIds.map((id) => [id, []]));
  if (pupilIds.length === 0) return byPupil;
  const rows = await tx
    .selectFrom('consent_decisions')
    .distinctOn(['pupil_id', 'purpose', 'carer_id'])
    .select(['pupil_id', 'purpose', 'decision', 'carer_id', 'recorded_at', 'form_version', 'year_group'])
    .where('pupil_id', 'in', pupilIds)
    .orderBy('pupil_id')
    .orderBy('purpose')
    .orderBy('carer_id')
    .orderBy('recorded_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  for (const r of rows) {
    byPupil.get(r.pupil_id)?.push({
      purpose: r.purpose,
      decision: r.decision,
      carerId: r.carer_id,
      recordedAt: r.recorded_at,
      formVersion: r.form_version,
      yearGroup: r.year_group,
    });
  }
  return byPupil;
}

export async function carerLinksFor(tx: SchoolTx, pupilIds: string[]): Promise<Map<string, CarerLink[]>> {
  const byPupil = new Map<string, CarerLink[]>(pupilIds.map((id) => [id, []]));
  if (pupilIds.length === 0) return byPupil;
  const rows = await tx
    .selectFrom('pupil_carers as pc')
    .innerJoin('carers as k', 'k.id', 'pc.carer_id')
    .select(['pc.pupil_id', 'pc.carer_id', 'pc.parental_responsibility'])
    .where('pc.pupil_id', 'in', pupilIds)
    .where('k.active', '=', true)
    .execute();
  for (const r of rows) byPupil.get(r.pupil_id)?.push({ carerId: r.carer_id, parentalResponsibility: r.parental_responsibility });
  return byPupil;
}

/** Issue 19: which of these pupils must never be photographed or published. */
export async function doNotPhotographAmong(tx: SchoolTx, pupilIds: string[]): Promise<Set<string>> {
  if (pupilIds.length === 0) return new Set();
  const rows = await tx.selectFrom('pupils').select('id').where('id', 'in', pupilIds).where('do_not_photograph', '=', true).execute();
  return new Set(rows.map((r) => r.id));
}

/**
 * The carers with parental responsibility of all these pupils, once each, in one query, in the MIS's
 * contact order; never one under a court order, whatever their responsibility (issue 20).
 */
export function responsibleCarersOf(tx: SchoolTx, pupilIds: string[]) {
  if (pupilIds.length === 0) return Promise.resolve([]);
  return tx
    .selectFrom('pupil_carers as pc')
    .innerJoin('carers as k', 'k.id', 'pc.carer_id')
    .select(['k.id', 'k.email'])
    .groupBy(['k.id', 'k.email'])
    .orderBy(sql`min(pc.priority) NULLS LAST`)
    .orderBy('k.id')
    .where('pc.pupil_id', 'in', pupilIds)
    .where('pc.parental_responsibility', '=', true)
    .where('pc.court_order', '=', false) // a court order: never sent anything (issue 20)
    .where('k.active', '=', true)
    .execute();
}

export function carersOf(tx: SchoolTx, pupilId: string) {
  return tx
    .selectFrom('pupil_carers as pc')
    .innerJoin('carers as k', 'k.id', 'pc.carer_id')
    .select(['k.id', 'k.given_name', 'k.family_name', 'k.email', 'pc.relationship', 'pc.parental_responsibility', 'pc.court_order'])
    .where('pc.pupil_id', '=', pupilId)
    .where('k.active', '=', true)
    .orderBy('k.family_name')
    .execute()
    .then(byName);
}

export function history(tx: SchoolTx, pupilId: string) {
  return tx
    .selectFrom('consent_decisions as d')
    .innerJoin('carers as k', 'k.id', 'd.carer_id')
    .select([
      'd.id',
      'd.purpose',
      'd.decision',
      'd.carer_id',
      'd.method',
      'd.note',
      'd.form_version',
      'd.recorded_at',
      'd.recorded_by',
      'd.recorded_by_label',
      'k.given_name as carer_given_name',
      'k.family_name as carer_family_name',
    ])
    .where('d.pupil_id', '=', pupilId)
    .orderBy('d.recorded_at', 'desc')
    .orderBy('d.id', 'desc')
    .execute();
}

export interface NewDecision {
  pupilId: string;
  purpose: string;
  decision: 'granted' | 'refused';
  carerId: string;
  method: 'online' | 'paper' | 'in-person' | 'phone';
  formVersion: number;
  yearGroup: number | null;
  note: string | null;
  requestId: string | null;
  recordedBy: string | null;
  recordedByLabel: string;
}

export function insertDecision(tx: SchoolTx, schoolId: string, d: NewDecision) {
  return tx
    .insertInto('consent_decisions')
    .values({
      school_id: schoolId,
      pupil_id: d.pupilId,
      purpose: d.purpose,
      decision: d.decision,
      carer_id: d.carerId,
      method: d.method,
      form_version: d.formVersion,
      year_group: d.yearGroup,
      note: d.note,
      request_id: d.requestId,
      recorded_by: d.recordedBy,
      recorded_by_label: d.recordedByLabel,
    })
    .returning(['id', 'recorded_at'])
    .executeTakeFirstOrThrow();
}

export function insertTakedownTask(tx: SchoolTx, schoolId: string, pupilId: string, purpose: string, decisionId: string) {
  return tx
    .insertInto('takedown_tasks')
    .values({ school_id: schoolId, pupil_id: pupilId, purpose, decision_id: decisionId })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export function openTakedownTasks(tx: SchoolTx) {
  return tx
    .selectFrom('takedown_tasks as t')
    .innerJoin('pupils as p', 'p.id', 't.pupil_id')
    .select(['t.id', 't.pupil_id', 't.purpose', 't.created_at', 't.done_at', 'p.given_name', 'p.family_name', 'p.preferred_name'])
    .orderBy(sql`t.done_at IS NOT NULL`)
    .orderBy('t.created_at', 'desc')
    .limit(200)
    .execute();
}

/** The headteachers to tell (takedown tasks), with an e-mail address. */
export const headteacherEmails = (tx: SchoolTx) => staffHoldingRoles(tx, ['headteacher'], { withEmail: true });

// --- classes, as the consent pages need them ---

export function findClass(tx: SchoolTx, classId: string) {
  return tx.selectFrom('classes').select(['id', 'title']).where('id', '=', classId).executeTakeFirst();
}

/** The school's active classes, youngest first, for progress per class. */
export function activeClasses(tx: SchoolTx) {
  return tx.selectFrom('classes').select(['id', 'title', 'year_group']).where('active', '=', true).orderBy('year_group').orderBy('title').execute();
}

// --- takedown tasks (CON-6) ---

/** Marks an open task done; false when there is no such open task. */
export async function completeTakedownTask(tx: SchoolTx, taskId: string, staffId: string | null): Promise<boolean> {
  const done = await tx
    .updateTable('takedown_tasks')
    .set({ done_at: new Date(), done_by: staffId })
    .where('id', '=', taskId)
    .where('done_at', 'is', null)
    .executeTakeFirst();
  return Number(done.numUpdatedRows) === 1;
}

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
