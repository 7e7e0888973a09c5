import type { QueryCreator } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { SchoolTx } from '../../platform/db/school-scope.ts';

/** The only file of the lessons module that speaks SQL (AGR-5). */

export { activeClasses } from '../people/people.repository.ts';

export function findClass(tx: SchoolTx, id: string) {
  return tx.selectFrom('classes').select(['id', 'title', 'year_group', 'active']).where('id', '=', id).executeTakeFirst();
}

export async function teachesClass(tx: SchoolTx, staffId: string, classId: string): Promise<boolean> {
  return Boolean(await tx.selectFrom('class_teachers').select('class_id').where('staff_id', '=', staffId).where('class_id', '=', classId).executeTakeFirst());
}

export async function classIdsTaughtBy(tx: SchoolTx, staffId: string): Promise<Set<string>> {
  return new Set((await tx.selectFrom('class_teachers').select('class_id').where('staff_id', '=', staffId).execute()).map((r) => r.class_id));
}

export async function insertLesson(
  tx: SchoolTx,
  values: { schoolId: string; classId: string; subject: 'computing' | 'pshe' | 'assembly'; topic: string; taughtOn: string; by: string; byLabel: string },
): Promise<string> {
  const row = await tx
    .insertInto('esafety_lessons')
    .values({
      school_id: values.schoolId,
      class_id: values.classId,
      subject: values.subject,
      topic: values.topic,
      taught_on: values.taughtOn,
      recorded_by: values.by,
      recorded_by_label: values.byLabel,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return String(row.id);
}

/** Lessons, newest first: of one class, or of every class since a day. */
/** A class's latest lessons, as its class page lists them (AGR-5): a query for the page's one statement (people.repository.ts). */
export function latestLessonsOfClassQuery(q: QueryCreator<DB>, classId: string, limit: number) {
  return q
    .selectFrom('esafety_lessons as l')
    .select(['l.id', 'l.topic', 'l.taught_on'])
    .where('l.class_id', '=', classId)
    .orderBy('l.taught_on', 'desc')
    .orderBy('l.id', 'desc')
    .limit(limit);
}

export function lessons(tx: SchoolTx, filter: { classId?: string; since?: string; limit?: number }) {
  let query = tx
    .selectFrom('esafety_lessons as l')
    .innerJoin('classes as c', 'c.id', 'l.class_id')
    .select(['l.id', 'l.class_id', 'c.title as class_title', 'c.year_group', 'l.subject', 'l.topic', 'l.taught_on', 'l.recorded_by_label'])
    .orderBy('l.taught_on', 'desc')
    .orderBy('l.id', 'desc');
  if (filter.classId) query = query.where('l.class_id', '=', filter.classId);
  if (filter.since) query = query.where('l.taught_on', '>=', filter.since);
  if (filter.limit) query = query.limit(filter.limit);
  return query.execute();
}
export type LessonRow = Awaited<ReturnType<typeof lessons>>[number];
