import { recordAudit } from '../../platform/audit/audit.ts';
import { listSchools, withSchool, type SchoolDatabase } from '../../platform/db/school-database.ts';
import { enqueueMail } from '../../platform/mail/outbox.ts';
import { currentSettings } from '../settings/settings.service.ts';
import { londonDay } from './policies.context.ts';
import * as repo from './policies.repository.ts';
import { reminderIsDue, reviewDue } from './policies.rules.ts';
import { schoolTerms } from '../school/school.repository.ts';

export const policyReviewQueue = 'policy-review-reminders';

/**
 * The daily job (POL-3): each policy's owner hears `policyReview.reminderWeeks` before its review
 * is due — once per approved version, however often the job runs. Without an owner the
 * headteachers hear. `now` comes in so tests can walk a simulated year.
 */
export async function sendReviewReminders(schools: SchoolDatabase, baseUrl: string, now = new Date()): Promise<number> {
  const today = londonDay(now);
  let sent = 0;
  for (const school of await listSchools(schools)) {
    sent += await withSchool(schools, school.id, async (tx) => {
      const { settings } = await currentSettings(tx, school.id);
      const staff = await repo.activeStaff(tx);
      const terms = await schoolTerms(tx);
      let count = 0;
      for (const version of await repo.currentVersions(tx)) {
        const review = reviewDue(version, terms);
        if (!reminderIsDue(review, today, settings.policyReview.reminderWeeks) || (await repo.reminderSent(tx, version.id))) continue;
        const owner = staff.find((s) => s.id === version.owner_id && s.email);
        const recipients = owner ? [owner] : await repo.headteachersWithEmail(tx);
        for (const person of recipients) {
          await enqueueMail(tx, school.id, {
            to: person.email!,
            subject: 'A school policy is due for review',
            text: `A policy you look after is due for review in ${review!.term}. Open it to start the review:\n${baseUrl}/policies/${version.policy_id}`,
          });
        }
        await repo.insertReminder(tx, { school_id: school.id, version_id: version.id, sent_at: now });
        await recordAudit(
          tx,
          school.id,
          { id: null, label: 'Review reminders' },
          {
            action: 'policy.review-reminder-sent',
            subjectType: 'policy',
            subjectId: version.policy_id,
            detail: { version: version.number, due: review!.due, recipients: recipients.length },
          },
        );
        count++;
      }
      return count;
    });
  }
  return sent;
}

/** The daily review-reminder job, for startBackgroundJobs (06:00 each day). */
export const policyReviewJobs = (schools: SchoolDatabase, baseUrl: string, onMail: () => void = () => {}) => ({
  [policyReviewQueue]: {
    cron: '0 6 * * *',
    handler: async () => {
      if ((await sendReviewReminders(schools, baseUrl)) > 0) onMail();
    },
  },
});
