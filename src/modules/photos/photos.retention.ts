import { formatDay } from '../../platform/text/dates.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { listSchools, withSchool, type SchoolDatabase } from '../../platform/db/school-database.ts';
import type { SchoolTx } from '../../platform/db/school-scope.ts';
import { enqueueMail } from '../../platform/mail/outbox.ts';
import { staffHoldingRoles } from '../people/staff-roles.repository.ts';
import { currentSettings } from '../settings/settings.service.ts';
import * as repo from './photos.repository.ts';
import { retentionDue } from './photos.rules.ts';
import type { PhotoStorage } from './photos.storage.ts';

const job = { id: null, label: 'Photo retention (scheduled)' };
const ukDate = (d: Date) => formatDay(d.toISOString().slice(0, 10));

export interface RetentionRun {
  archived: number;
  deleted: number;
  notices: number;
}

async function runForSchool(tx: SchoolTx, schoolId: string, baseUrl: string, now: Date, keysToDelete: string[]): Promise<RetentionRun> {
  const retention = (await currentSettings(tx, schoolId)).settings.retention;
  const photos = (await repo.photosForRetention(tx)).map((photo) => ({
    photo,
    due: retentionDue({ yearEndsOn: photo.year_ends_on, archived: photo.archived_at !== null, evidence: photo.evidence_of_achievement }, retention, now),
  }));
  const toDelete = photos.filter((p) => p.due.delete).map((p) => p.photo);
  const toArchive = photos.filter((p) => !p.due.delete && p.due.archive).map((p) => p.photo);

  // Publications are history and stay; their copies go with the photograph (publicationOf then finds none).
  const copies = await repo.publishedCopyKeys(
    tx,
    toDelete.map((p) => p.id),
  );
  await repo.markPhotosDeleted(
    tx,
    toDelete.map((p) => p.id),
    now,
  );
  for (const photo of toDelete) {
    const keys = copies.filter((c) => c.photo_id === photo.id).map((c) => c.key);
    await recordAudit(tx, schoolId, job, {
      action: 'photo.deleted',
      subjectType: 'photo',
      subjectId: photo.id,
      detail: { reason: 'retention', event: photo.event_name, academicYear: photo.academic_year, publishedCopies: keys.length },
    });
    keysToDelete.push(...[photo.storage_key, ...keys].filter((k): k is string => Boolean(k)));
  }
  await repo.archivePhotos(
    tx,
    toArchive.map((p) => p.id),
    now,
  );
  for (const photo of toArchive) {
    await recordAudit(tx, schoolId, job, {
      action: 'photo.archived',
      subjectType: 'photo',
      subjectId: photo.id,
      detail: { academicYear: photo.academic_year },
    });
  }

  const upcoming = new Map<string, { deleteOn: Date; count: number }>();
  for (const { photo, due } of photos) {
    if (due.delete || !due.notice) continue;
    const entry = upcoming.get(photo.academic_year) ?? { deleteOn: due.deleteOn, count: 0 };
    entry.count++;
    upcoming.set(photo.academic_year, entry);
  }
  const run: RetentionRun = { archived: toArchive.length, deleted: toDelete.length, notices: 0 };
  for (const [year, { deleteOn, count }] of upcoming) {
    if (!(await repo.recordDeletionNotice(tx, schoolId, year, deleteOn.toISOString().slice(0, 10)))) continue;
    for (const head of await staffHoldingRoles(tx, ['headteacher'], { withEmail: true })) {
      await enqueueMail(tx, schoolId, {
        to: head.email!,
        subject: `Photographs from ${year} will be deleted on ${ukDate(deleteOn)}`,
        text: `${count} photograph${count === 1 ? '' : 's'} from ${year} will be deleted on ${ukDate(deleteOn)}, as the photography policy says. Any that are needed as evidence of achievement must be marked before then:\n${baseUrl}/photos?archived=1`,
      });
    }
    run.notices++;
  }
  return run;
}

/**
 * MED-7, the scheduled job: archives last year's photographs, deletes the year before's (originals
 * and published copies) unless kept as evidence, and warns the headteacher beforehand. `now` lets
 * tests move through the school year.
 */
export async function runPhotoRetention(schools: SchoolDatabase, storage: PhotoStorage, baseUrl: string, now = new Date()): Promise<RetentionRun> {
  const total: RetentionRun = { archived: 0, deleted: 0, notices: 0 };
  for (const school of await listSchools(schools)) {
    const keys: string[] = [];
    const run = await withSchool(schools, school.id, (tx) => runForSchool(tx, school.id, baseUrl, now, keys));
    // Files go once the records say they are gone; a failure here leaves a file no record points to.
    for (const key of keys) await storage.delete(key);
    total.archived += run.archived;
    total.deleted += run.deleted;
    total.notices += run.notices;
  }
  return total;
}
