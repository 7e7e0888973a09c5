import type { SchoolTx } from '../../../platform/db/school-scope.ts';
import type { FaceBox, FaceKind } from './faces.rules.ts';

/** The only file that writes SQL for faces. Boxes and tags only: there is no column for anything else. */

export interface FaceRow {
  face_index: number;
  x: number;
  y: number;
  width: number;
  height: number;
  score: number;
  pupil_id: string | null;
  kind: FaceKind | null;
}

export function facesOf(tx: SchoolTx, photoId: string): Promise<FaceRow[]> {
  return tx
    .selectFrom('photo_faces')
    .select(['face_index', 'x', 'y', 'width', 'height', 'score', 'pupil_id', 'kind'])
    .where('photo_id', '=', photoId)
    .orderBy('face_index')
    .execute();
}

export function faceState(tx: SchoolTx, photoId: string) {
  return tx
    .selectFrom('photos')
    .select(['faces_status', 'faces_width', 'faces_height', 'storage_key'])
    .where('id', '=', photoId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/**
 * Records what was found, once: only while the photograph still has the file that was looked at
 * and is still waiting (another worker or the job may have got there first). False when it had.
 */
export async function recordFaces(
  tx: SchoolTx,
  schoolId: string,
  photoId: string,
  storageKey: string,
  found: { width: number; height: number; boxes: FaceBox[] },
) {
  const claimed = await tx
    .updateTable('photos')
    .set({ faces_status: 'done', faces_width: found.width, faces_height: found.height })
    .where('id', '=', photoId)
    .where('storage_key', '=', storageKey)
    .where('faces_status', '=', 'pending')
    .returning('id')
    .executeTakeFirst();
  if (!claimed) return false;
  if (found.boxes.length) {
    await tx
      .insertInto('photo_faces')
      .values(
        found.boxes.map((b, index) => ({
          school_id: schoolId,
          photo_id: photoId,
          face_index: index,
          x: b.x,
          y: b.y,
          width: b.width,
          height: b.height,
          score: b.score,
        })),
      )
      .execute();
  }
  return true;
}

export function setFaceTag(tx: SchoolTx, photoId: string, index: number, tag: { pupilId: string | null; kind: FaceKind | null }, by: string) {
  return tx
    .updateTable('photo_faces')
    .set({ pupil_id: tag.pupilId, kind: tag.kind, tagged_by: by, tagged_at: new Date() })
    .where('photo_id', '=', photoId)
    .where('face_index', '=', index)
    .returning('face_index')
    .executeTakeFirst();
}

/** A pupil untagged from the photograph is untagged from its faces too, so the counts stay honest. */
export async function clearFacesOfPupilsNotIn(tx: SchoolTx, photoId: string, pupilIds: string[]) {
  let query = tx
    .updateTable('photo_faces')
    .set({ pupil_id: null, tagged_by: null, tagged_at: null })
    .where('photo_id', '=', photoId)
    .where('pupil_id', 'is not', null);
  if (pupilIds.length) query = query.where('pupil_id', 'not in', pupilIds);
  await query.execute();
}

/** Photographs still waiting for their faces to be looked for, oldest first. */
export function photosAwaitingFaces(tx: SchoolTx, limit: number) {
  return tx
    .selectFrom('photos')
    .select(['id', 'storage_key'])
    .where('faces_status', '=', 'pending')
    .where('deleted_at', 'is', null)
    .where('storage_key', 'is not', null)
    .orderBy('uploaded_at')
    .limit(limit)
    .execute();
}

export function addPupilTag(tx: SchoolTx, schoolId: string, photoId: string, pupilId: string, by: string) {
  return tx
    .insertInto('photo_pupils')
    .values({ school_id: schoolId, photo_id: photoId, pupil_id: pupilId, tagged_by: by })
    .onConflict((oc) => oc.columns(['photo_id', 'pupil_id']).doNothing())
    .execute();
}

/** Takes a pupil off the photograph when no other face is theirs (they were tagged on this face only). */
export async function removePupilTagIfOnNoFace(tx: SchoolTx, photoId: string, pupilId: string) {
  const elsewhere = await tx.selectFrom('photo_faces').select('face_index').where('photo_id', '=', photoId).where('pupil_id', '=', pupilId).executeTakeFirst();
  if (!elsewhere) await tx.deleteFrom('photo_pupils').where('photo_id', '=', photoId).where('pupil_id', '=', pupilId).execute();
}
