import type { Config } from '../../config.ts';
import { listSchools, withSchool, type SchoolDatabase } from '../../platform/db/school-database.ts';
import { enqueueMail } from '../../platform/mail/outbox.ts';
import { schoolTerms } from '../school/school.repository.ts';
import { currentSettings } from '../settings/settings.service.ts';
import { deadlineOf } from './concerns.record.ts';
import * as repo from './concerns.repository.ts';

/**
 * Issue 19: a concern past the time its type gives to act, with nothing done yet, reminds those it
 * was routed to — once, by e-mail through the outbox, saying only that something needs attention
 * and where (no details, like every concern e-mail).
 */
export function createDeadlineReminders(schools: SchoolDatabase, config: Config, onMail: () => void = () => {}) {
  return {
    async remindOverdue(now = new Date()): Promise<number> {
      let sent = 0;
      for (const school of await listSchools(schools)) {
        sent += await withSchool(schools, school.id, async (tx) => {
          const { settings } = await currentSettings(tx, school.id);
          const timed = settings.concerns.routes.filter((r) => r.deadline).map((r) => r.type);
          const open = await repo.openConcernsOfTypes(tx, timed);
          if (open.length === 0) return 0;
          const ids = open.map((c) => c.id);
          const [entries, terms, reminded] = await Promise.all([repo.entriesOf(tx, ids), schoolTerms(tx), repo.remindedAmong(tx, ids)]);
          let count = 0;
          for (const c of open) {
            if (reminded.has(c.id)) continue;
            const due = deadlineOf(
              settings,
              { type: c.type, reportedAt: c.reported_at },
              entries.filter((e) => e.concern_id === c.id),
              terms,
              now,
            );
            if (!due?.overdue) continue;
            for (const contact of await repo.staffContacts(tx, c.routed_to)) {
              await enqueueMail(tx, school.id, {
                to: contact.email!,
                subject: 'A concern is overdue and needs attention',
                text: `A concern on eSafety Office has passed the time the school's policy gives to act, and nothing has been recorded yet.\n\nOpen it here (you will be asked to sign in):\n${config.baseUrl}/concerns/${c.id}\n\nThe details are kept on eSafety Office only; do not forward this e-mail.`,
              });
              count++;
            }
            await repo.recordReminder(tx, school.id, c.id);
          }
          return count;
        });
      }
      if (sent) onMail();
      return sent;
    },
  };
}
