import { requireAccess } from '../../../platform/auth/access.ts';
import { auditActor, type Actor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { listSchools, withSchool, type SchoolDatabase } from '../../../platform/db/school-database.ts';
import type { SchoolTx } from '../../../platform/db/school-scope.ts';
import { Conflict, NotFound, ValidationError } from '../../../platform/http/errors.ts';
import { isUuid } from '../../../platform/http/ids.ts';
import * as photos from '../photos.repository.ts';
import type { PhotoStorage } from '../photos.storage.ts';
import type { FaceDetector } from './faces.detector.ts';
import * as repo from './faces.repository.ts';
import { unaccountedFaces, type FaceBox, type FaceKind } from './faces.rules.ts';

/** The faces of a photograph as the API answers them (issue 14 contract). */
export interface FacesAnswer {
  status: 'done' | 'pending';
  found: number;
  boxes: FaceBox[];
}

export const faceKinds: readonly FaceKind[] = ['adult', 'not-a-pupil', 'not-a-face'];
export type FaceTagInput = { pupilId: string } | { kind: string } | { clear: true };

export const facesAnswer = (status: 'done' | 'pending', rows: readonly repo.FaceRow[]): FacesAnswer => ({
  status,
  found: rows.length,
  boxes: rows.map((r) => ({ x: r.x, y: r.y, width: r.width, height: r.height, score: Math.round(r.score * 1000) / 1000 })),
});

/** Everything the check and the tag page need about a photograph's faces, read in the caller's transaction. */
export async function facesInPhoto(tx: SchoolTx, photo: { id: string; unidentified_count: number }) {
  const state = await repo.faceState(tx, photo.id);
  const rows = await repo.facesOf(tx, photo.id);
  const tagged = await photos.taggedPupils(tx, photo.id);
  return {
    status: state?.faces_status ?? 'pending',
    width: state?.faces_width ?? null,
    height: state?.faces_height ?? null,
    rows,
    unaccounted: unaccountedFaces(
      rows.map((r) => ({ pupilId: r.pupil_id, kind: r.kind })),
      tagged.length,
      photo.unidentified_count,
    ),
  };
}

export interface FaceServiceDeps {
  schools: SchoolDatabase;
  storage: PhotoStorage;
  detector: FaceDetector;
  /** How long an upload waits for its faces before answering "pending" (they are still looked for). */
  uploadWaitMs?: number;
}

/**
 * Issue 14: faces found on the school's own server, detection only. Looking happens outside any
 * transaction, in the detector's worker thread; the boxes are written in a short transaction of
 * their own. A photograph is looked at once, however many ask at the same moment.
 */
export function createFaceService({ schools, storage, detector, uploadWaitMs = 4000 }: FaceServiceDeps) {
  const inSchool = <T>(schoolId: string, work: (tx: SchoolTx) => Promise<T>) => withSchool(schools, schoolId, work);
  const looking = new Map<string, Promise<void>>();

  async function lookNow(schoolId: string, photoId: string) {
    const state = await inSchool(schoolId, (tx) => repo.faceState(tx, photoId));
    if (!state || state.faces_status !== 'pending' || !state.storage_key) return;
    const image = await storage.get(state.storage_key);
    if (!image) return;
    const found = await detector.detect(image);
    await inSchool(schoolId, async (tx) => {
      if (!(await repo.recordFaces(tx, schoolId, photoId, state.storage_key!, found))) return;
      await recordAudit(
        tx,
        schoolId,
        { id: null, label: 'Face finder' },
        { action: 'photo.faces-found', subjectType: 'photo', subjectId: photoId, detail: { found: found.boxes.length } },
      );
    });
  }

  /** Looks for the faces of a photograph still waiting (at most once at a time per photograph). */
  function look(schoolId: string, photoId: string): Promise<void> {
    const running = looking.get(photoId);
    if (running) return running;
    const started = lookNow(schoolId, photoId).finally(() => looking.delete(photoId));
    looking.set(photoId, started);
    return started;
  }

  async function requirePhoto(tx: SchoolTx, id: string) {
    const photo = isUuid(id) ? await photos.findPhoto(tx, id) : undefined;
    if (!photo) throw new NotFound('There is no such photograph');
    return photo;
  }

  async function answer(schoolId: string, photoId: string): Promise<FacesAnswer> {
    return inSchool(schoolId, async (tx) => {
      const state = await repo.faceState(tx, photoId);
      return facesAnswer(state?.faces_status ?? 'pending', await repo.facesOf(tx, photoId));
    });
  }

  return {
    look,

    /** After an upload: waits a little for the faces, else answers "pending" while the looking goes on. */
    async afterUpload(actor: Actor, photoId: string): Promise<FacesAnswer> {
      const done = look(actor.schoolId, photoId).then(
        () => true,
        (error: unknown) => {
          console.error(`Faces of photograph ${photoId} could not be looked for yet`, error);
          return true;
        },
      );
      await Promise.race([done, new Promise((resolve) => setTimeout(resolve, uploadWaitMs).unref())]);
      return answer(actor.schoolId, photoId);
    },

    /** Before a publication is checked: faces not yet looked for are looked for now (outside the transaction). */
    async beforeChecking(schoolId: string, photoId: string) {
      if (!isUuid(photoId)) return;
      await look(schoolId, photoId).catch((error: unknown) => console.error(`Faces of photograph ${photoId} could not be looked for`, error));
    },

    async faces(actor: Actor, photoId: string): Promise<FacesAnswer> {
      requireAccess(actor, 'media:view');
      await inSchool(actor.schoolId, (tx) => requirePhoto(tx, photoId));
      return answer(actor.schoolId, photoId);
    },

    /** What the tag page shows: each box with its tag, and how many faces are not accounted for. */
    async tagView(actor: Actor, photoId: string) {
      requireAccess(actor, 'media:view');
      return inSchool(actor.schoolId, async (tx) => facesInPhoto(tx, await requirePhoto(tx, photoId)));
    },

    /**
     * Says who faces are, all at once: a pupil on roll (who is then tagged in the photograph), or
     * adult, not a pupil, not a face; or nobody yet. A pupil taken off a face is untagged from the
     * photograph too, unless another face is theirs. `field` names the form field of each face.
     */
    async tagMany(actor: Actor, photoId: string, changes: readonly { index: number; input: FaceTagInput }[], field: (index: number) => string) {
      requireAccess(actor, 'media:upload');
      return inSchool(actor.schoolId, async (tx) => {
        const photo = await requirePhoto(tx, photoId);
        if (photo.archived_at) throw new Conflict('archived', 'This photograph is archived: who is in it can no longer be changed.');
        const faces = await repo.facesOf(tx, photoId);
        const after = new Map(faces.map((f) => [f.face_index, { pupilId: f.pupil_id, kind: f.kind }]));
        const problems: { field: string; message: string }[] = [];
        const chosen = changes.flatMap((c) => ('pupilId' in c.input ? [c.input.pupilId] : []));
        const onRoll = new Set((await photos.pupilsOnRoll(tx, chosen.filter(isUuid))).map((p) => p.id));
        for (const { index, input } of changes) {
          if (!after.has(index)) throw new NotFound(`This photograph has no face number ${index + 1}`);
          if ('pupilId' in input) {
            if (!onRoll.has(input.pupilId)) problems.push({ field: field(index), message: `Face ${index + 1}: choose a pupil on roll from the class list` });
            else after.set(index, { pupilId: input.pupilId, kind: null });
          } else if ('kind' in input) {
            if (!faceKinds.includes(input.kind as FaceKind))
              problems.push({ field: field(index), message: `Face ${index + 1}: choose adult, not a pupil or not a face` });
            else after.set(index, { pupilId: null, kind: input.kind as FaceKind });
          } else after.set(index, { pupilId: null, kind: null });
        }
        const seen = new Map<string, number>();
        for (const [index, tag] of [...after].sort((a, b) => a[0] - b[0])) {
          if (!tag.pupilId) continue;
          const first = seen.get(tag.pupilId);
          if (first !== undefined && changes.some((c) => c.index === index))
            problems.push({ field: field(index), message: `Face ${index + 1}: this pupil is already face ${first + 1}` });
          else seen.set(tag.pupilId, index);
        }
        if (problems.length) throw new ValidationError(problems);
        const changed = faces.filter((f) => {
          const tag = after.get(f.face_index)!;
          return tag.pupilId !== f.pupil_id || tag.kind !== f.kind;
        });
        for (const face of changed) await repo.setFaceTag(tx, photoId, face.face_index, after.get(face.face_index)!, actor.staffId);
        for (const face of changed) if (face.pupil_id) await repo.removePupilTagIfOnNoFace(tx, photoId, face.pupil_id);
        for (const face of changed) {
          const pupilId = after.get(face.face_index)!.pupilId;
          if (pupilId) await repo.addPupilTag(tx, actor.schoolId, photoId, pupilId, actor.staffId);
        }
        if (changed.length) {
          await recordAudit(tx, actor.schoolId, auditActor(actor), {
            action: 'photo.faces-tagged',
            subjectType: 'photo',
            subjectId: photoId,
            detail: {
              faces: changed.map((f) => {
                const tag = after.get(f.face_index)!;
                return { face: f.face_index + 1, tag: tag.pupilId ? 'pupil' : (tag.kind ?? 'nobody yet') };
              }),
            },
          });
        }
        const now = await facesInPhoto(tx, { id: photoId, unidentified_count: photo.unidentified_count });
        return { changed: changed.length, unaccounted: now.unaccounted, after };
      });
    },

    /** The API's one face (issue 14 contract): `{pupilId}` or `{kind}`. */
    async tag(actor: Actor, photoId: string, index: number, input: FaceTagInput) {
      const field = 'pupilId' in input ? 'pupilId' : 'kind';
      const done = await this.tagMany(actor, photoId, [{ index, input }], () => field);
      const tag = done.after.get(index)!;
      return { index, pupilId: tag.pupilId, kind: tag.kind, unaccounted: done.unaccounted };
    },

    /** The job: photographs whose faces were never looked for (uploaded before this, or while the server stopped). */
    async lookForWaiting(limitPerSchool = 20) {
      for (const school of await listSchools(schools)) {
        const waiting = await inSchool(school.id, (tx) => repo.photosAwaitingFaces(tx, limitPerSchool));
        for (const photo of waiting) {
          await look(school.id, photo.id).catch((error: unknown) => console.error(`Faces of photograph ${photo.id} could not be looked for`, error));
        }
      }
    },
  };
}

export type FaceService = ReturnType<typeof createFaceService>;
