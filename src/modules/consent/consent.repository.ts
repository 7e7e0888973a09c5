import { byName } from '../people/names.ts';
import { sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { readInSchool, type SchoolDatabase } from '../../platform/db/school-database.ts';
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
  for (const r of rows) byPupil.get(r.pupil_id)?.push(decisionOf(r));
  return byPupil;
}

/** A carer's answer as the consent rule reads it, from its row (or from JSON, which carries the time as text). */
function decisionOf(r: {
  purpose: string;
  decision: Decision['decision'];
  carer_id: string;
  recorded_at: Date | string;
  form_version: number;
  year_group: number | null;
}): Decision {
  return {
    purpose: r.purpose,
    decision: r.decision,
    carerId: r.carer_id,
    recordedAt: r.recorded_at instanceof Date ? r.recorded_at : new Date(r.recorded_at),
    formVersion: r.form_version,
    yearGroup: r.year_group,
  };
}

/**
 * CON-3's whole question in one statement (issue 17, point 10): the class, the school's current
 * settings, and each pupil on roll with what the consent rule needs of them (each carer's latest
 * answer per purpose, the active carers and their responsibility, never-photograph). One snapshot,
 * one exchange with the database, where it took six. Undefined when the class is not the school's.
 */
export async function classSheetData(schools: SchoolDatabase, schoolId: string, classId: string) {
  const [row] = await readInSchool(schools, schoolId, 'consent:class-sheet', { classId }, (v, q) =>
    q
      .selectFrom('classes as c')
      .leftJoinLateral(
        (eb) =>
          eb
            .selectFrom('school_settings as s')
            .select(['s.version', 's.document', 's.created_at'])
            .whereRef('s.school_id', '=', 'c.school_id')
            .orderBy('s.version', 'desc')
            .limit(1)
            .as('s'),
        (join) => join.onTrue(),
      )
      .select(['c.id', 'c.title', 'c.year_group', 's.version', 's.document', 's.created_at'])
      .select((eb) =>
        jsonArrayFrom(
          eb
            .selectFrom('pupils as p')
            .select(['p.id', 'p.given_name', 'p.family_name', 'p.preferred_name', 'p.class_id', 'p.do_not_photograph'])
            .select((e) => [
              // As decisionsFor: each carer's latest answer per purpose, from the same index.
              jsonArrayFrom(
                e
                  .selectFrom('consent_decisions as d')
                  .distinctOn(['d.purpose', 'd.carer_id'])
                  .select(['d.purpose', 'd.decision', 'd.carer_id', 'd.recorded_at', 'd.form_version', 'd.year_group'])
                  .whereRef('d.pupil_id', '=', 'p.id')
                  .orderBy('d.purpose')
                  .orderBy('d.carer_id')
                  .orderBy('d.recorded_at', 'desc')
                  .orderBy('d.id', 'desc'),
              ).as('decisions'),
              // As carerLinksFor. The carer's row is looked up by its key: as a join, PostgreSQL read every
              // carer of the school once per pupil (the school's policy is the only index it would use there).
              jsonArrayFrom(
                e
                  .selectFrom('pupil_carers as pc')
                  .select(['pc.carer_id', 'pc.parental_responsibility'])
                  .whereRef('pc.pupil_id', '=', 'p.id')
                  .where((w) => w(w.selectFrom('carers as k').select('k.active').whereRef('k.id', '=', 'pc.carer_id'), '=', true)),
              ).as('carers'),
            ])
            .whereRef('p.class_id', '=', 'c.id')
            .where('p.on_roll', '=', true),
        ).as('pupils'),
      )
      .where('c.id', '=', v.classId),
  );
  if (!row) return undefined;
  const pupils: PupilForConsent[] = [];
  const decisions = new Map<string, Decision[]>();
  const carers = new Map<string, CarerLink[]>();
  for (const { decisions: answers, carers: links, ...p } of row.pupils) {
    pupils.push({ ...p, year_group: row.year_group });
    decisions.set(p.id, answers.map(decisionOf));
    carers.set(
      p.id,
      links.map((l) => ({ carerId: l.carer_id, parentalResponsibility: l.parental_responsibility })),
    );
  }
  const settings = row.version === null ? null : { version: row.version, document: row.document, created_at: row.created_at! };
  return { class: { id: row.id, title: row.title }, settings, pupils: byName(pupils), decisions, carers };
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
