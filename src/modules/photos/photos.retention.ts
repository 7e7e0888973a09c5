import type { Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { DB } from '../../platform/db/schema.ts';
import { withSchool, type SchoolTx } from '../../platform/db/school-scope.ts';
import { enqueueMail } from '../../platform/mail/outbox.ts';
import { currentSettings } from '../settings/settings.service.ts';
import { staffWithRoles } from './photos.publishing.repository.ts';
import { retentionDue } from './photos.rules.ts';
import type { PhotoStorage } from './photos.storage.ts';

const job = { id: null, label: 'Photo retention (scheduled)' };
const ukDate = (d: Date) => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(d);

export interface RetentionRun { archived: number; deleted: number; notices: number }

async function runForSchool(tx: SchoolTx, schoolId: string, baseUrl: string, now: Date, keysToDelete: string[]): Promise<RetentionRun> {
  const retention = (await currentSettings(tx, schoolId)).settings.retention;
  const photos = await tx.selectFrom('photos').select(['id', 'event_name', 'academic_year', 'year_ends_on', 'archived_at', 'evidence_of_achievement', 'storage_key'])
    .where('deleted_at', 'is', null).execute();
  const run: RetentionRun = { archived: 0, deleted: 0, notices: 0 };
  const upcoming = new Map<string, { deleteOn: Date; count: number }>();
  for (const photo of photos) {
    const due = retentionDue({ yearEndsOn: photo.year_ends_on, archived: photo.archived_at !== null, evidence: photo.evidence_of_achievement }, retention, now);
    if (due.delete) {
      // Publications are history and stay; their copies go with the photograph (publicationOf then finds none).
      const copies = await tx.selectFrom('photo_publications').select('copy_key as key').where('photo_id', '=', photo.id).where('copy_key', 'is not', null).execute();
      await tx.deleteFrom('photo_pupils').where('photo_id', '=', photo.id).execute();
      await tx.updateTable('photos').set({ deleted_at: now, storage_key: null }).where('id', '=', photo.id).execute();
      await recordAudit(tx, schoolId, job, { action: 'photo.deleted', subjectType: 'photo', subjectId: photo.id,
        detail: { reason: 'retention', event: photo.event_name, academicYear: photo.academic_year, publishedCopies: copies.length } });
      keysToDelete.push(...[photo.storage_key, ...copies.map((c) => c.key)].filter((k): k is string => Boolean(k)));
      run.deleted++;
      continue;
    }
    if (due.archive) {
      await tx.updateTable('photos').set({ archived_at: now }).where('id', '=', photo.id).execute();
      await recordAudit(tx, schoolId, job, { action: 'photo.archived', subjectType: 'photo', subjectId: photo.id, detail: { academicYear: photo.academic_year } });
      run.archived++;
    }
    if (due.notice) {
      const entry = upcoming.get(photo.academic_year) ?? { deleteOn: due.deleteOn, count: 0 };
      entry.count++;
      upcoming.set(photo.academic_year, entry);
    }
  }
  for (const [year, { deleteOn, count }] of upcoming) {
    const sent = await tx.insertInto('photo_deletion_notices').values({ school_id: schoolId, academic_year: year, delete_on: deleteOn.toISOString().slice(0, 10) })
      .onConflict((oc) => oc.doNothing()).returning('academic_year').executeTakeFirst();
    if (!sent) continue;
    for (const head of await staffWithRoles(tx, ['headteacher'])) {
      await enqueueMail(tx, schoolId, { to: head.email!, subject: `Photographs from ${year} will be deleted on ${ukDate(deleteOn)}`,
        text: `${count} photograph${count === 1 ? '' : 's'} from ${year} will be deleted on ${ukDate(deleteOn)}, as the photography policy says. Any that are needed as evidence of achievement must be marked before then:\n${baseUrl}/photos?archived=1` });
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
export async function runPhotoRetention(db: Kysely<DB>, storage: PhotoStorage, baseUrl: string, now = new Date()): Promise<RetentionRun> {
  const total: RetentionRun = { archived: 0, deleted: 0, notices: 0 };
  for (const school of await db.selectFrom('schools').select('id').execute()) {
    const keys: string[] = [];
    const run = await withSchool(db, school.id, (tx) => runForSchool(tx, school.id, baseUrl, now, keys));
    // Files go once the records say they are gone; a failure here leaves a file no record points to.
    for (const key of keys) await storage.delete(key);
    total.archived += run.archived;
    total.deleted += run.deleted;
    total.notices += run.notices;
  }
  return total;
}
