import { sql } from 'kysely';
import type { SchoolTx } from '../../platform/db/school-scope.ts';
import type { DefaultCourse } from './training.defaults.ts';

/** The only file of the training module that speaks SQL. */

const fullName = (alias: string) => sql<string>`${sql.ref(`${alias}.given_name`)} || ' ' || ${sql.ref(`${alias}.family_name`)}`;

export function courses(tx: SchoolTx, activeOnly = false) {
  let query = tx.selectFrom('training_courses').select(['id', 'key', 'title', 'description', 'due_within_days', 'renewal_months', 'active']);
  if (activeOnly) query = query.where('active', '=', true);
  return query.orderBy('created_at').orderBy('key').execute();
}
export type CourseRow = Awaited<ReturnType<typeof courses>>[number];

export function findCourse(tx: SchoolTx, keyOrId: string) {
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(keyOrId);
  return tx
    .selectFrom('training_courses')
    .select(['id', 'key', 'title', 'description', 'due_within_days', 'renewal_months', 'active'])
    .where(isUuid ? 'id' : 'key', '=', keyOrId)
    .executeTakeFirst();
}

export async function insertCourse(tx: SchoolTx, schoolId: string, c: DefaultCourse): Promise<string | null> {
  const row = await tx
    .insertInto('training_courses')
    .values({ school_id: schoolId, key: c.key, title: c.title, description: c.description, due_within_days: c.dueWithinDays, renewal_months: c.renewalMonths })
    .onConflict((oc) => oc.columns(['school_id', 'key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function updateCourse(
  tx: SchoolTx,
  id: string,
  changes: { title: string; description: string; due_within_days: number; renewal_months: number | null; active: boolean },
) {
  await tx.updateTable('training_courses').set(changes).where('id', '=', id).execute();
}

/** The day a person started: as the MIS or the staff page says, or else the day their record was made (import or set-up). */
const startedOn = sql<string>`to_char(coalesce(s.start_date, s.created_at::date), 'YYYY-MM-DD')`;

/** Active people with the day they started. */
export function activeStaff(tx: SchoolTx) {
  return tx
    .selectFrom('staff as s')
    .select(['s.id', 's.email'])
    .select(fullName('s').as('name'))
    .select(startedOn.as('started_on'))
    .where('s.active', '=', true)
    .orderBy('s.family_name')
    .orderBy('s.given_name')
    .execute();
}

export function findStaff(tx: SchoolTx, id: string) {
  return tx
    .selectFrom('staff as s')
    .select(['s.id', 's.active', 's.email'])
    .select(fullName('s').as('name'))
    .select(startedOn.as('started_on'))
    .where('s.id', '=', id)
    .executeTakeFirst();
}

export function completions(tx: SchoolTx, staffId?: string) {
  let query = tx
    .selectFrom('training_completions as t')
    .innerJoin('training_courses as c', 'c.id', 't.course_id')
    .select([
      't.id',
      't.staff_id',
      't.course_id',
      'c.title as course_title',
      'c.key as course_key',
      't.completed_on',
      't.provider',
      't.certificate_name',
      't.recorded_by_label',
    ])
    .orderBy('t.completed_on', 'desc');
  if (staffId) query = query.where('t.staff_id', '=', staffId);
  return query.execute();
}

export async function insertCompletion(
  tx: SchoolTx,
  values: {
    schoolId: string;
    staffId: string;
    courseId: string;
    completedOn: string;
    provider: string | null;
    certificate: { name: string; type: string; bytes: Buffer } | null;
    recordedBy: string | null;
    recordedByLabel: string;
  },
): Promise<string> {
  const row = await tx
    .insertInto('training_completions')
    .values({
      school_id: values.schoolId,
      staff_id: values.staffId,
      course_id: values.courseId,
      completed_on: values.completedOn,
      provider: values.provider,
      certificate_name: values.certificate?.name ?? null,
      certificate_type: values.certificate?.type ?? null,
      certificate: values.certificate?.bytes ?? null,
      recorded_by: values.recordedBy,
      recorded_by_label: values.recordedByLabel,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function certificate(tx: SchoolTx, completionId: string) {
  return tx
    .selectFrom('training_completions')
    .select(['staff_id', 'certificate_name', 'certificate_type', 'certificate'])
    .where('id', '=', completionId)
    .executeTakeFirst();
}

export async function remindedSince(tx: SchoolTx, since: string): Promise<Set<string>> {
  const rows = await tx.selectFrom('training_reminders').select('staff_id').where('sent_on', '>=', since).execute();
  return new Set(rows.map((r) => r.staff_id));
}

export async function markReminded(tx: SchoolTx, schoolId: string, staffId: string, on: string) {
  await tx
    .insertInto('training_reminders')
    .values({ school_id: schoolId, staff_id: staffId, sent_on: on })
    .onConflict((oc) => oc.columns(['staff_id', 'sent_on']).doNothing())
    .execute();
}
