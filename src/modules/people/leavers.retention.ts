import { recordAudit } from '../../platform/audit/audit.ts';
import { destroyConsentAnswers, listSchools, withSchool, type SchoolDatabase } from '../../platform/db/school-database.ts';
import { enqueueMail } from '../../platform/mail/outbox.ts';
import { formatDay } from '../../platform/text/dates.ts';
import { currentSettings } from '../settings/settings.service.ts';
import * as repo from './leavers.repository.ts';
import { consentStep, leaverDates } from './leavers.rules.ts';
import { staffHoldingRoles } from './staff-roles.repository.ts';

const job = { id: null, label: 'Leavers’ records retention (scheduled)' };

export interface LeaverRetentionRun {
  /** Leavers whose consent answers were destroyed, and how many answers. */
  destroyed: number;
  answers: number;
  /** Leavers due whose answers a live publication still relies on: kept. */
  held: number;
  /** Leavers the head was told about before their answers go. */
  noticed: number;
  /** Concerns about leavers whose answers came due: kept, never destroyed by this job. */
  concernsKept: number;
}

/**
 * Issue 13, the nightly job for leavers (IRMS defaults in the settings): a leaver's photo consent
 * answers are destroyed the settings' years after they left, unless a published photograph still
 * relies on them; the headteacher is told the settings' notice days before (never less: one due
 * without a notice gets one first); each destruction is
 * audited. Child protection records (concerns) are never destroyed here: the settings keep them to
 * the date of birth plus at least 25 years, and nothing in this system is that old. `now` lets
 * tests move through the years.
 */
export async function runLeaverRetention(schools: SchoolDatabase, baseUrl: string, now = new Date()): Promise<LeaverRetentionRun> {
  const today = now.toISOString().slice(0, 10);
  const total: LeaverRetentionRun = { destroyed: 0, answers: 0, held: 0, noticed: 0, concernsKept: 0 };
  for (const school of await listSchools(schools)) {
    const due = await withSchool(schools, school.id, async (tx) => {
      const settings = (await currentSettings(tx, school.id)).settings.retention;
      const noticed = await repo.noticedLeavers(tx);
      const destroy: { id: string; leftOn: string }[] = [];
      const notice: { id: string; destroyOn: string }[] = [];
      for (const p of await repo.leaversWithConsentAnswers(tx)) {
        const dates = leaverDates({ leavingDate: p.leaving_date, dateOfBirth: p.date_of_birth }, settings);
        const next = consentStep(dates, noticed.get(p.id), today, settings.deletionNoticeDays);
        if (next.step === 'destroy') destroy.push({ id: p.id, leftOn: p.leaving_date! });
        else if (next.step === 'notice') notice.push({ id: p.id, destroyOn: next.destroyOn });
      }
      if (notice.length) {
        const first = notice.map((n) => n.destroyOn).sort()[0];
        for (const n of notice)
          await recordAudit(tx, school.id, job, {
            action: 'consent.destruction-notice',
            subjectType: 'pupil',
            subjectId: n.id,
            detail: { destroyOn: n.destroyOn },
          });
        for (const head of await staffHoldingRoles(tx, ['headteacher'], { withEmail: true }))
          await enqueueMail(tx, school.id, {
            to: head.email!,
            subject: `Photo consent answers of ${notice.length} ${notice.length === 1 ? 'leaver' : 'leavers'} will be destroyed from ${formatDay(first)}`,
            text: `As the school's retention settings say, the photo consent answers of ${notice.length} ${notice.length === 1 ? 'pupil who has' : 'pupils who have'} left will be destroyed from ${formatDay(first)}. Answers a published photograph still relies on are kept until it is taken down. Safeguarding records are not affected.\nThe settings: ${baseUrl}/settings/edit/rules`,
          });
        total.noticed += notice.length;
      }
      total.concernsKept += await repo.concernsInvolving(
        tx,
        destroy.map((d) => d.id),
      );
      return destroy;
    });
    if (due.length === 0) continue;
    const leftOn = new Map(due.map((d) => [d.id, d.leftOn]));
    const destroyed = await destroyConsentAnswers(
      schools,
      school.id,
      due.map((d) => d.id),
      async (tx, gone) => {
        for (const [pupilId, answers] of gone)
          await recordAudit(tx, school.id, job, {
            action: 'consent.destroyed',
            subjectType: 'pupil',
            subjectId: pupilId,
            detail: { reason: 'retention', answers, leftOn: leftOn.get(pupilId) },
          });
      },
    );
    total.destroyed += destroyed.size;
    total.answers += [...destroyed.values()].reduce((n, a) => n + a, 0);
    total.held += due.length - destroyed.size;
  }
  return total;
}
