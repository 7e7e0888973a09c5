import { requireAccess } from '../../platform/auth/access.ts';
import { auditActor, type Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { withSchool, type SchoolDatabase } from '../../platform/db/school-database.ts';
import type { SchoolTx } from '../../platform/db/school-scope.ts';
import { Conflict, NotFound, ValidationError, type FieldProblem } from '../../platform/http/errors.ts';
import { isUuid } from '../../platform/http/ids.ts';
import { listClasses, pupilsInClass } from '../people/people.repository.ts';
import { academicYearFor } from '../school/school-calendar.ts';
import { currentSettings } from '../settings/settings.service.ts';
import { defaultProhibitedWording, prohibitedWordingFallback } from '../settings/settings.defaults.ts';
import { preview, readUpload, uploadTooLarge } from './photos.images.ts';
import * as repo from './photos.repository.ts';
import { clearFacesOfPupilsNotIn } from './faces/faces.repository.ts';
import type { FaceService } from './faces/faces.service.ts';
import { prohibitedContextsIn } from './photos.rules.ts';
import { newStorageKey, type PhotoStorage } from './photos.storage.ts';

/**
 * An upload refused for what it is (the API's 422): `prohibited-context` or `invalid-image`. A
 * problem with one field, so the upload form shows it beside that field like any other.
 */
export class PhotoRefused extends ValidationError {
  override readonly statusCode = 422;
  override readonly code: 'prohibited-context' | 'invalid-image';

  constructor(
    code: 'prohibited-context' | 'invalid-image',
    message: string,
    readonly field: string,
  ) {
    super([{ field, message }], message);
    this.code = code;
  }
}

export interface UploadInput {
  fileName: string;
  bytes: Buffer | null;
  event: string;
  takenOn: string;
  contexts: string[];
  pupilIds: string[];
  unidentified: string | number;
}

export const contextLabel = (key: string) => key.charAt(0).toUpperCase() + key.slice(1).replace(/-/g, ' ');
const isDate = (value: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);

export interface PhotoServiceDeps {
  schools: SchoolDatabase;
  storage: PhotoStorage;
  faces: FaceService;
}

export function createPhotoService({ schools, storage, faces }: PhotoServiceDeps) {
  const inSchool = <T>(actor: Actor, work: (tx: SchoolTx) => Promise<T>) => withSchool(schools, actor.schoolId, work);
  const settingsOf = async (tx: SchoolTx, actor: Actor) => (await currentSettings(tx, actor.schoolId)).settings;

  async function requirePhoto(tx: SchoolTx, id: string) {
    const photo = isUuid(id) ? await repo.findPhoto(tx, id) : undefined;
    if (!photo) throw new NotFound('There is no such photograph. It may have been deleted under the school’s retention rule.');
    return photo;
  }
  const requireEditable = (photo: repo.PhotoRow) => {
    if (photo.archived_at) throw new Conflict('archived', 'This photograph is archived: it can be looked at but not changed or published.');
  };

  async function checkTags(tx: SchoolTx, pupilIds: string[]) {
    const ids = [...new Set(pupilIds.filter((id) => id.trim()))];
    if (ids.some((id) => !isUuid(id))) throw new ValidationError([{ field: 'pupilIds', message: 'Choose pupils from the class list' }]);
    const found = await repo.pupilsOnRoll(tx, ids);
    if (found.length !== ids.length) throw new ValidationError([{ field: 'pupilIds', message: 'Choose pupils on roll from the class list' }]);
    return ids;
  }

  function checkUnidentified(value: string | number): number {
    const text = String(value).trim();
    if (text === '') return 0;
    if (!/^\d{1,3}$/.test(text))
      throw new ValidationError([{ field: 'unidentified', message: 'Enter how many people are not identified yet as a number, like 0 or 2' }]);
    return Number(text);
  }

  /** MED-1, MED-2, MED-3: everything about an upload but the image itself, against the school's current settings. */
  async function checkUpload(tx: SchoolTx, actor: Actor, input: UploadInput) {
    const settings = (await settingsOf(tx, actor)).photos;
    const problems: FieldProblem[] = [];
    const event = input.event.trim();
    if (!event) problems.push({ field: 'event', message: 'Enter the event, like “Year 4 trip to the castle”' });
    else if (event.length > 200) problems.push({ field: 'event', message: 'The event must be 200 characters or fewer' });
    if (!isDate(input.takenOn)) problems.push({ field: 'takenOn', message: 'Enter the date the photograph was taken, like 12 6 2026' });
    const contexts = [...new Set(input.contexts.map((c) => c.trim()).filter(Boolean))];
    if (contexts.length === 0) problems.push({ field: 'contexts', message: 'Choose what was happening' });
    else if (contexts.some((c) => !settings.contexts.includes(c)))
      problems.push({ field: 'contexts', message: `Choose from: ${settings.contexts.map(contextLabel).join(', ')}` });
    if (!input.bytes) problems.push({ field: 'file', message: 'Choose a photograph to upload' });
    if (problems.length) throw new ValidationError(problems);
    const prohibited = prohibitedContextsIn(contexts, settings.prohibitedContexts);
    if (prohibited.length) {
      // Each occasion's own sentence from the school's policy (settings photos.prohibitedWording).
      const wording = settings.prohibitedWording ?? defaultProhibitedWording;
      const says = prohibited.map((c) => `“${wording[c] ?? prohibitedWordingFallback(contextLabel(c))}”`).join(' ');
      throw new PhotoRefused(
        'prohibited-context',
        `This photograph cannot be kept: ${prohibited.map(contextLabel).join(', ').toLowerCase()} is not photographed. The policy says: ${says}`,
        'contexts',
      );
    }
    const unidentified = checkUnidentified(input.unidentified);
    const pupilIds = await checkTags(tx, input.pupilIds);
    return { event, contexts, unidentified, pupilIds, bytes: input.bytes!, maxUploadMegabytes: settings.maxUploadMegabytes };
  }

  return {
    /** The upload form: the contexts to choose from, the upload limit, and the classes to tag from next. */
    async uploadOptions(actor: Actor) {
      requireAccess(actor, 'media:upload');
      requireAccess(actor, 'people:read');
      return inSchool(actor, async (tx) => ({ settings: (await settingsOf(tx, actor)).photos, classes: await listClasses(tx) }));
    },

    /**
     * MED-1, MED-2, MED-3: checks everything first; only a photo that passes is stored. The image is
     * read (decoded, HEIC converted) between two short transactions, never inside one, and what could
     * have changed meanwhile (settings, pupils on roll) is checked again before the rows are written.
     */
    async upload(actor: Actor, input: UploadInput) {
      requireAccess(actor, 'media:upload');
      const { maxUploadMegabytes } = await inSchool(actor, (tx) => checkUpload(tx, actor, input));
      const name = input.fileName || 'The file';
      const image = await readUpload(name, input.bytes!, maxUploadMegabytes);
      if (!image.ok) throw new PhotoRefused('invalid-image', image.message, 'file');
      const key = newStorageKey('originals', actor.schoolId, image.format === 'jpeg' ? 'jpg' : image.format);
      await storage.put(key, image.bytes);
      let created: { id: string };
      try {
        created = await inSchool(actor, async (tx) => {
          const checked = await checkUpload(tx, actor, input);
          const tooLarge = uploadTooLarge(name, checked.bytes, checked.maxUploadMegabytes);
          if (tooLarge) throw new PhotoRefused('invalid-image', tooLarge, 'file');
          const { event, contexts, unidentified, pupilIds } = checked;
          const year =
            (await repo.academicYearOn(tx, input.takenOn)) ??
            (({ label, endsOn }) => ({ label, ends_on: endsOn }))(academicYearFor(new Date(`${input.takenOn}T00:00:00Z`)));
          const row = await repo.insertPhoto(tx, actor.schoolId, {
            eventName: event,
            takenOn: input.takenOn,
            contexts,
            uploadedBy: actor.staffId,
            unidentified,
            storageKey: key,
            mime: image.mime,
            width: image.width,
            height: image.height,
            byteSize: image.bytes.length,
            academicYear: year.label,
            yearEndsOn: year.ends_on,
          });
          await repo.replaceTags(tx, actor.schoolId, row.id, pupilIds, actor.staffId);
          await recordAudit(tx, actor.schoolId, auditActor(actor), {
            action: 'photo.uploaded',
            subjectType: 'photo',
            subjectId: row.id,
            detail: { event, takenOn: input.takenOn, contexts, pupils: pupilIds.length, unidentified, convertedFrom: image.convertedFrom },
          });
          return { id: row.id };
        });
      } catch (error) {
        await storage.delete(key);
        throw error;
      }
      // Issue 14: the faces are looked for now, in the face finder's thread; the answer waits a little for them.
      return { id: created.id, faces: await faces.afterUpload(actor, created.id) };
    },

    /** Everyday list (this year's and last year's, not yet archived) or the archive. */
    async list(actor: Actor, archived = false) {
      requireAccess(actor, 'media:view');
      return inSchool(actor, (tx) => repo.listPhotos(tx, archived));
    },

    async photo(actor: Actor, id: string) {
      requireAccess(actor, 'media:view');
      return inSchool(actor, async (tx) => {
        const photo = await requirePhoto(tx, id);
        return { photo, pupils: await repo.taggedPupils(tx, id), settings: await settingsOf(tx, actor) };
      });
    },

    /**
     * MED-2's form: the photograph, who is tagged, the classes, and the pupils on roll in the chosen
     * class (the one asked for, else the class of someone already tagged, else the first).
     */
    async tagOptions(actor: Actor, id: string, classId: string | undefined) {
      requireAccess(actor, 'media:view');
      requireAccess(actor, 'people:read');
      return inSchool(actor, async (tx) => {
        const photo = await requirePhoto(tx, id);
        const [pupils, classes] = [await repo.taggedPupils(tx, id), await listClasses(tx)];
        if (photo.archived_at) throw new Conflict('archived', 'This photograph is archived: who is in it can no longer be changed.');
        const chosen = classes.find((c) => c.id === classId) ?? classes.find((c) => pupils.some((p) => p.class_id === c.id)) ?? classes[0];
        return { photo, pupils, classes, chosen, inClass: chosen ? await pupilsInClass(tx, chosen.id) : [] };
      });
    },

    /** MED-2: who is in the photo, from the class list, and how many are not identified yet. */
    async tag(actor: Actor, id: string, input: { pupilIds: string[]; unidentified: string | number }) {
      requireAccess(actor, 'media:upload');
      await inSchool(actor, async (tx) => {
        const photo = await requirePhoto(tx, id);
        requireEditable(photo);
        const unidentified = checkUnidentified(input.unidentified);
        const pupilIds = await checkTags(tx, input.pupilIds);
        await repo.replaceTags(tx, actor.schoolId, id, pupilIds, actor.staffId);
        await clearFacesOfPupilsNotIn(tx, id, pupilIds);
        await repo.setUnidentified(tx, id, unidentified);
        await recordAudit(tx, actor.schoolId, auditActor(actor), {
          action: 'photo.tagged',
          subjectType: 'photo',
          subjectId: id,
          detail: { pupils: pupilIds.length, unidentified },
        });
      });
    },

    /** The original, for staff only (never public). */
    async original(actor: Actor, id: string, size: 'original' | 'preview') {
      requireAccess(actor, 'media:view');
      const photo = await inSchool(actor, (tx) => requirePhoto(tx, id));
      const bytes = photo.storage_key ? await storage.get(photo.storage_key) : null;
      if (!bytes) throw new NotFound('The file of this photograph is missing');
      return size === 'original' ? { bytes, mime: photo.mime } : { bytes: await preview(bytes), mime: 'image/jpeg' };
    },

    /** MED-7: a photo kept as evidence of achievement is not deleted with its year. */
    async setEvidence(actor: Actor, id: string, evidence: boolean) {
      requireAccess(actor, 'media:keep');
      await inSchool(actor, async (tx) => {
        await requirePhoto(tx, id);
        await repo.setEvidence(tx, id, evidence);
        await recordAudit(tx, actor.schoolId, auditActor(actor), {
          action: evidence ? 'photo.kept-as-evidence' : 'photo.evidence-unmarked',
          subjectType: 'photo',
          subjectId: id,
        });
      });
    },
  };
}

export type PhotoService = ReturnType<typeof createPhotoService>;
