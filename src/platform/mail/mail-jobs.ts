import type { Config } from '../../config.ts';
import type { Database } from '../db/database.ts';
import { startJobs, type Jobs } from '../jobs/jobs.ts';
import { deliverDueMail, purgeOldMail, smtpTransport } from './delivery.ts';
import { configureMailSealing } from './sealed.ts';

export const mailQueue = 'mail-deliver';

/** Starts the background jobs: the scheduled ones given, and mail delivery when an SMTP server is configured. */
export async function startBackgroundJobs(
  config: Config,
  database: Database,
  scheduled: Parameters<typeof startJobs>[1] = {},
): Promise<Jobs & { closeTransport(): void }> {
  configureMailSealing(config.sessionSecret);
  const transport = config.smtpUrl ? smtpTransport(config.smtpUrl) : null;
  const handlers: Parameters<typeof startJobs>[1] = {
    ...scheduled,
    // Every night: the text of old mail goes (a school setting, 30 days unless it says otherwise).
    'mail-purge': {
      cron: '20 3 * * *',
      handler: async () => {
        await purgeOldMail(database.db);
      },
    },
  };
  if (transport) {
    handlers[mailQueue] = {
      // Every minute as well, so retries happen without anything new being queued.
      cron: '* * * * *',
      handler: async () => {
        while ((await deliverDueMail(database.db, transport, config.mailFrom)).sent > 0) {
          /* keep going while there is mail */
        }
      },
    };
  }
  const jobs = await startJobs(database.pool, handlers);
  if (transport) await jobs.nudge(mailQueue);
  return {
    ...jobs,
    nudge: async (name) => {
      if (handlers[name]) await jobs.nudge(name);
    },
    closeTransport: () => transport?.close(),
  };
}
