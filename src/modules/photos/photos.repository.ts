import { byName } from '../people/names.ts';
import { sql, type NotNull } from 'kysely';
import type { SchoolTx } from '../../platform/db/school-scope.ts';

/** The only file of the photos module that writes SQL for photos and tags. */
const photoColumns = [
  'ph.id',
  'ph.event_name',
  'ph.taken_on',
  'ph.contexts',
  'ph.uploaded_by',
  'ph.uploaded_at',
  'ph.unidentified_count',
  'ph.storage_key',
  'ph.mime',
  'ph.width',
  'ph.height',
  'ph.byte_size',
  'ph.academic_year',
  'ph.year_ends_on',
  'ph.archived_at',
  'ph.evidence_of_achievement',
] as const;

export type PhotoRow = Awaited<ReturnType<typeof findPhoto>> & {};

export function findPhoto(tx: SchoolTx, id: string) {
  return tx
    .selectFrom('photos as ph')
    .innerJoin('staff as s', 's.id', 'ph.uploaded_by')
    .select(photoColumns)
    .select(sql<string>`s.given_name || ' ' || s.family_name`.as('uploaded_by_name'))
    .where('ph.id', '=', id)
    .where('ph.deleted_at', 'is', null)
    .executeTakeFirst();
}

export function listPhotos(tx: SchoolTx, archived: boolean) {
  return tx
    .selectFrom('photos as ph')
    .select(photoColumns)
    .select(sql<number>`(SELECT count(*)::int FROM photo_pupils pp WHERE pp.photo_id = ph.id)`.as('tagged'))
    .select(
      sql<number>`(SELECT count(*)::int FROM photo_publications pb WHERE pb.photo_id = ph.id
      AND NOT EXISTS (SELECT 1 FROM photo_publication_takedowns td WHERE td.publication_id = pb.id))`.as('published'),
    )
    .where('ph.deleted_at', 'is', null)
    .where('ph.archived_at', archived ? 'is not' : 'is', null)
    .orderBy('ph.taken_on', 'desc')
    .orderBy('ph.uploaded_at', 'desc')
    .limit(200)
    .execute();
}

export interface NewPhoto {
  eventName: string;
  takenOn: string;
  contexts: string[];
  uploadedBy: string;
  unidentified: number;
  storageKey: string;
  mime: string;
  width: number;
  height: number;
  byteSize: number;
  academicYear: string;
  yearEndsOn: string;
}

export function insertPhoto(tx: SchoolTx, schoolId: string, p: NewPhoto) {
  return tx
    .insertInto('photos')
    .values({
      school_id: schoolId,
      event_name: p.eventName,
      taken_on: p.takenOn,
      contexts: p.contexts,
      uploaded_by: p.uploadedBy,
      unidentified_count: p.unidentified,
      storage_key: p.storageKey,
      mime: p.mime,
      width: p.width,
      height: p.height,
      byte_size: p.byteSize,
      academic_year: p.academicYear,
      year_ends_on: p.yearEndsOn,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** The academic year a date falls in, from the school's own calendar. */
export function academicYearOn(tx: SchoolTx, date: string) {
  return tx.selectFrom('academic_years').select(['label', 'ends_on']).where('starts_on', '<=', date).where('ends_on', '>=', date).executeTakeFirst();
}

export interface PupilRecord {
  id: string;
  given_name: string;
  family_name: string;
  preferred_name: string | null;
  class_id: string | null;
  year_group: number | null;
  /** Issue 19: never photographed or published. */
  do_not_photograph: boolean;
}

const pupilColumns = ['p.id', 'p.given_name', 'p.family_name', 'p.preferred_name', 'p.class_id', 'c.year_group', 'p.do_not_photograph'] as const;

export function taggedPupils(tx: SchoolTx, photoId: string): Promise<PupilRecord[]> {
  return tx
    .selectFrom('photo_pupils as pp')
    .innerJoin('pupils as p', 'p.id', 'pp.pupil_id')
    .leftJoin('classes as c', 'c.id', 'p.class_id')
    .select(pupilColumns)
    .where('pp.photo_id', '=', photoId)
    .orderBy('p.family_name')
    .orderBy('p.given_name')
    .execute()
    .then(byName);
}

/** Everyone in the directory, for the names check: pupils on roll and those who have left. */
export function directory(tx: SchoolTx): Promise<PupilRecord[]> {
  return tx.selectFrom('pupils as p').leftJoin('classes as c', 'c.id', 'p.class_id').select(pupilColumns).execute();
}

export function pupilsOnRoll(tx: SchoolTx, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return tx.selectFrom('pupils').select('id').where('id', 'in', ids).where('on_roll', '=', true).execute();
}

export async function replaceTags(tx: SchoolTx, schoolId: string, photoId: string, pupilIds: string[], by: string) {
  await tx.deleteFrom('photo_pupils').where('photo_id', '=', photoId).execute();
  if (pupilIds.length) {
    await tx
      .insertInto('photo_pupils')
      .values(pupilIds.map((pupilId) => ({ school_id: schoolId, photo_id: photoId, pupil_id: pupilId, tagged_by: by })))
      .execute();
  }
}

export function setUnidentified(tx: SchoolTx, photoId: string, count: number) {
  return tx.updateTable('photos').set({ unidentified_count: count }).where('id', '=', photoId).execute();
}

export function setEvidence(tx: SchoolTx, photoId: string, evidence: boolean) {
  return tx.updateTable('photos').set({ evidence_of_achievement: evidence }).where('id', '=', photoId).execute();
}

/** MED-7: every photograph not yet deleted, with what the retention rule needs. */
export function photosForRetention(tx: SchoolTx) {
  return tx
    .selectFrom('photos')
    .select(['id', 'event_name', 'academic_year', 'year_ends_on', 'archived_at', 'evidence_of_achievement', 'storage_key'])
    .where('deleted_at', 'is', null)
    .execute();
}

export async function archivePhotos(tx: SchoolTx, photoIds: string[], at: Date) {
  if (photoIds.length === 0) return;
  await tx.updateTable('photos').set({ archived_at: at }).where('id', 'in', photoIds).execute();
}

/** The published copies of these photographs that still have a file (they go with the photograph). */
export async function publishedCopyKeys(tx: SchoolTx, photoIds: string[]) {
  if (photoIds.length === 0) return [];
  return tx
    .selectFrom('photo_publications')
    .select(['photo_id', 'copy_key as key'])
    .where('photo_id', 'in', photoIds)
    .where('copy_key', 'is not', null)
    .$narrowType<{ key: NotNull }>()
    .execute();
}

/** Deletes the photographs' records as retention does: untagged, marked deleted, their file forgotten. Publications stay as history. */
export async function markPhotosDeleted(tx: SchoolTx, photoIds: string[], at: Date) {
  if (photoIds.length === 0) return;
  await tx.deleteFrom('photo_pupils').where('photo_id', 'in', photoIds).execute();
  await tx.updateTable('photos').set({ deleted_at: at, storage_key: null }).where('id', 'in', photoIds).execute();
}

/** Records that the notice for a year's deletion has gone; false when it already had (sent once per year). */
export async function recordDeletionNotice(tx: SchoolTx, schoolId: string, academicYear: string, deleteOn: string): Promise<boolean> {
  const sent = await tx
    .insertInto('photo_deletion_notices')
    .values({ school_id: schoolId, academic_year: academicYear, delete_on: deleteOn })
    .onConflict((oc) => oc.doNothing())
    .returning('academic_year')
    .executeTakeFirst();
  return sent !== undefined;
}
