import { sql } from 'kysely';
import type { SchoolTx } from '../../platform/db/school-scope.ts';

/** The only file of the events module that speaks SQL (AGR-4: meetings, assemblies and workshops, and who came). */

const count = (column: 'carer_id' | 'pupil_id' | 'staff_id') =>
  sql<number>`(SELECT count(*)::int FROM event_attendance a WHERE a.event_id = e.id AND ${sql.ref(`a.${column}`)} IS NOT NULL)`;

export function listEvents(tx: SchoolTx, filter: { classId?: string } = {}) {
  let query = tx
    .selectFrom('events as e')
    .leftJoin('classes as c', 'c.id', 'e.class_id')
    .select(['e.id', 'e.kind', 'e.title', 'e.held_on', 'e.notes', 'e.class_id', 'c.title as class_title'])
    .select([count('carer_id').as('carers'), count('pupil_id').as('pupils'), count('staff_id').as('staff')])
    .orderBy('e.held_on', 'desc')
    .orderBy('e.created_at', 'desc');
  // A class's events are its own and the whole school's.
  if (filter.classId) query = query.where((eb) => eb.or([eb('e.class_id', '=', filter.classId!), eb('e.class_id', 'is', null)]));
  return query.execute();
}
export type EventRow = Awaited<ReturnType<typeof listEvents>>[number];

export async function findEvent(tx: SchoolTx, id: string): Promise<EventRow | undefined> {
  return (await listEvents(tx)).find((e) => e.id === id);
}

export async function insertEvent(
  tx: SchoolTx,
  values: { schoolId: string; kind: 'meeting' | 'assembly' | 'workshop'; title: string; heldOn: string; classId: string | null; notes: string; by: string },
): Promise<string> {
  const row = await tx
    .insertInto('events')
    .values({
      school_id: values.schoolId,
      kind: values.kind,
      title: values.title,
      held_on: values.heldOn,
      class_id: values.classId,
      notes: values.notes,
      created_by: values.by,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function activeClasses(tx: SchoolTx) {
  return tx
    .selectFrom('classes')
    .select(['id', 'title'])
    .where('active', '=', true)
    .orderBy(sql`year_group NULLS LAST`)
    .orderBy('title')
    .execute();
}

export function findClass(tx: SchoolTx, id: string) {
  return tx.selectFrom('classes').select(['id', 'title']).where('id', '=', id).where('active', '=', true).executeTakeFirst();
}

/** The pupils an event is for: one class's, or everyone's on roll. */
export function audiencePupils(tx: SchoolTx, classId: string | null) {
  let query = tx
    .selectFrom('pupils as p')
    .leftJoin('classes as c', 'c.id', 'p.class_id')
    .select(['p.id', 'p.given_name', 'p.family_name', 'p.preferred_name', 'c.title as class_title'])
    .where('p.on_roll', '=', true);
  if (classId) query = query.where('p.class_id', '=', classId);
  return query.execute();
}

/** Their carers with parental responsibility, each once. */
export function audienceCarers(tx: SchoolTx, pupilIds: string[]) {
  if (pupilIds.length === 0) return Promise.resolve([]);
  return tx
    .selectFrom('carers as k')
    .select(['k.id', 'k.given_name', 'k.family_name'])
    .where('k.active', '=', true)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('pupil_carers as pc')
          .select('pc.carer_id')
          .whereRef('pc.carer_id', '=', 'k.id')
          .where('pc.parental_responsibility', '=', true)
          .where('pc.court_order', '=', false) // a court order: never sent anything (issue 20)
          .where('pc.pupil_id', 'in', pupilIds),
      ),
    )
    .execute();
}

export function activeStaff(tx: SchoolTx) {
  return tx.selectFrom('staff').select(['id', 'given_name', 'family_name']).where('active', '=', true).execute();
}

export function attendance(tx: SchoolTx, eventId: string) {
  return tx.selectFrom('event_attendance').select(['carer_id', 'pupil_id', 'staff_id']).where('event_id', '=', eventId).execute();
}

/** Who came, as a whole: the list replaces the one recorded before. */
export async function replaceAttendance(
  tx: SchoolTx,
  schoolId: string,
  eventId: string,
  people: { carerIds: string[]; pupilIds: string[]; staffIds: string[] },
) {
  await tx.deleteFrom('event_attendance').where('event_id', '=', eventId).execute();
  const rows = [
    ...people.carerIds.map((id) => ({ school_id: schoolId, event_id: eventId, carer_id: id })),
    ...people.pupilIds.map((id) => ({ school_id: schoolId, event_id: eventId, carer_id: null, pupil_id: id })),
    ...people.staffIds.map((id) => ({ school_id: schoolId, event_id: eventId, carer_id: null, staff_id: id })),
  ];
  if (rows.length) await tx.insertInto('event_attendance').values(rows).execute();
}
