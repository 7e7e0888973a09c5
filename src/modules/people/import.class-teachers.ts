/** The import's writer for class teachers (part of import.apply.ts's repository-like writer, so its SQL stays here). */
import type { SchoolTx } from '../../platform/db/school-scope.ts';
import type { RosterPackage } from './oneroster/oneroster.model.ts';

/**
 * Who teaches each class, from OneRoster teacher enrolments, so that a concern about a pupil can
 * reach their class teacher (INC-3). A full export replaces the teachers of the classes it lists;
 * a delta adds live enrolments and removes those marked tobedeleted.
 */
export async function applyClassTeachers(tx: SchoolTx, schoolId: string, roster: RosterPackage, classIds: ReadonlyMap<string, string>): Promise<void> {
  const teaching = roster.enrollments.filter((e) => e.role === 'teacher');
  if (teaching.length === 0) return;
  const staff = await tx.selectFrom('staff').select(['id', 'sourced_id']).where('sourced_id', 'is not', null).execute();
  const staffIds = new Map(staff.map((s) => [s.sourced_id!, s.id]));
  const pairs = teaching.flatMap((e) => {
    const classId = classIds.get(e.classSourcedId);
    const staffId = staffIds.get(e.userSourcedId);
    return classId && staffId ? [{ classId, staffId, live: !e.toBeDeleted }] : [];
  });
  if (roster.mode === 'bulk') {
    const classes = [...new Set(pairs.map((p) => p.classId))];
    if (classes.length) await tx.deleteFrom('class_teachers').where('class_id', 'in', classes).execute();
  } else {
    for (const p of pairs.filter((p) => !p.live)) {
      await tx.deleteFrom('class_teachers').where('class_id', '=', p.classId).where('staff_id', '=', p.staffId).execute();
    }
  }
  const live = pairs.filter((p) => p.live).map((p) => ({ school_id: schoolId, class_id: p.classId, staff_id: p.staffId }));
  if (live.length)
    await tx
      .insertInto('class_teachers')
      .values(live)
      .onConflict((oc) => oc.columns(['class_id', 'staff_id']).doNothing())
      .execute();
}
