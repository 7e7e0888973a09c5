import { sql } from 'kysely';
import type { SchoolTx } from '../../platform/db/school-scope.ts';
import type { PhoneAction } from './registers.rules.ts';

/** The SQL of the phones register (REG-2). */
export function dayEvents(tx: SchoolTx, date: string) {
  return tx
    .selectFrom('phone_events')
    .select(['id', 'pupil_id as pupilId', 'action', 'undoes', 'recorded_by as recordedBy', 'recorded_at'])
    .where('on_date', '=', date)
    .orderBy('recorded_at')
    .orderBy('id')
    .execute();
}

export async function recordPhone(tx: SchoolTx, schoolId: string, pupilId: string, date: string, action: PhoneAction, by: string) {
  await tx.insertInto('phone_events').values({ school_id: schoolId, pupil_id: pupilId, on_date: date, action, recorded_by: by }).execute();
}

/** Appends the row that cancels a tap; the unique index lets a tap be undone once only. */
export async function recordUndo(tx: SchoolTx, schoolId: string, tap: { id: string; pupilId: string }, date: string, by: string) {
  await tx
    .insertInto('phone_events')
    .values({ school_id: schoolId, pupil_id: tap.pupilId, on_date: date, action: 'undone', undoes: tap.id, recorded_by: by })
    .execute();
}

export function pupilOnRoll(tx: SchoolTx, id: string) {
  return tx
    .selectFrom('pupils as p')
    .leftJoin('classes as c', 'c.id', 'p.class_id')
    .select(['p.id', 'p.given_name', 'p.family_name', 'p.preferred_name', 'p.class_id', 'c.title as class_title', 'p.on_roll'])
    .where('p.id', '=', id)
    .executeTakeFirst();
}

export { activeClasses } from '../people/people.repository.ts';

export function findClass(tx: SchoolTx, id: string) {
  return tx.selectFrom('classes').select(['id', 'title']).where('id', '=', id).where('active', '=', true).executeTakeFirst();
}

export function pupilsOfClass(tx: SchoolTx, classId: string) {
  return tx
    .selectFrom('pupils')
    .select(['id', 'given_name', 'family_name', 'preferred_name'])
    .where('class_id', '=', classId)
    .where('on_roll', '=', true)
    .orderBy('family_name')
    .orderBy('given_name')
    .execute();
}

/** Pupils by id with their class, for the "not collected" list. */
export function pupilsByIds(tx: SchoolTx, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return tx
    .selectFrom('pupils as p')
    .leftJoin('classes as c', 'c.id', 'p.class_id')
    .select(['p.id', 'p.given_name', 'p.family_name', 'p.preferred_name', 'c.title as class_title'])
    .where('p.id', 'in', ids)
    .orderBy('c.title')
    .orderBy('p.family_name')
    .execute();
}

export function exemptions(tx: SchoolTx) {
  return tx
    .selectFrom('phone_exemptions as e')
    .innerJoin('pupils as p', 'p.id', 'e.pupil_id')
    .leftJoin('classes as c', 'c.id', 'p.class_id')
    .select(['e.pupil_id', 'e.note', 'e.recorded_at', 'p.given_name', 'p.family_name', 'p.preferred_name', 'c.title as class_title', 'p.class_id'])
    .orderBy('p.family_name')
    .execute();
}

export async function setExemption(tx: SchoolTx, schoolId: string, pupilId: string, note: string, by: string) {
  await sql`INSERT INTO phone_exemptions (school_id, pupil_id, note, recorded_by) VALUES (${schoolId}, ${pupilId}, ${note}, ${by})
    ON CONFLICT (pupil_id) DO UPDATE SET note = EXCLUDED.note, recorded_by = EXCLUDED.recorded_by, recorded_at = now()`.execute(tx);
}

export async function removeExemption(tx: SchoolTx, pupilId: string): Promise<boolean> {
  const done = await tx.deleteFrom('phone_exemptions').where('pupil_id', '=', pupilId).executeTakeFirst();
  return Number(done.numDeletedRows) > 0;
}

export function exemptionOf(tx: SchoolTx, pupilId: string) {
  return tx.selectFrom('phone_exemptions').select(['note', 'recorded_at']).where('pupil_id', '=', pupilId).executeTakeFirst();
}

/** A pupil's taps, newest first. */
export function pupilHistory(tx: SchoolTx, pupilId: string, limit = 200) {
  return tx
    .selectFrom('phone_events as e')
    .innerJoin('staff as s', 's.id', 'e.recorded_by')
    .select(['e.on_date', 'e.action', 'e.recorded_at', 's.given_name', 's.family_name'])
    .where('e.pupil_id', '=', pupilId)
    .orderBy('e.recorded_at', 'desc')
    .limit(limit)
    .execute();
}
