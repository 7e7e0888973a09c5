import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import type { Database } from '../db/database.ts';
import type { DB } from '../db/schema.ts';
import { startJobs, type Jobs } from '../jobs/jobs.ts';
import { deliverNext, purgeOldMail, smtpTransport, type MailTransport } from './delivery.ts';
import { configureMailSealing } from './sealed.ts';

/** The name modules' onMail() nudges: delivery on this instance looks at the outbox now. */
export const mailQueue = 'mail-deliver';

/** How often every instance looks at the outbox by itself (mail queued by another instance or the CLI, leases run out, retries fall due). */
export const mailPollMs = 3000;

export interface MailDelivery {
  /** Look at the outbox now (mail was just queued). */
  wake(): void;
  stop(): Promise<void>;
}

/**
 * Delivery on this instance: a loop that sends while there is mail due and otherwise looks again
 * every few seconds. It needs no job queue: every instance runs it, each message is leased by the
 * one that takes it (delivery.ts), so an instance that dies holds up nothing but the message it was
 * sending, and only until its lease runs out.
 */
export function startMailDelivery(db: Kysely<DB>, transport: MailTransport, from: string, pollMs = mailPollMs): MailDelivery {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  let lastProblem = '';

  const round = async () => {
    do {
      again = false;
      for (;;) {
        if (stopped) return;
        const outcome = await deliverNext(db, transport, from);
        // Nothing due, or the mail server is down (every waiting message now waits for it).
        if (outcome === 'none' || outcome === 'server') break;
      }
    } while (again && !stopped);
  };
  const run = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    if (timer) clearTimeout(timer);
    timer = null;
    running = round()
      .then(
        () => {
          lastProblem = '';
        },
        (error: unknown) => {
          // The database went away for a moment: say so once, and carry on at the next round.
          const message = error instanceof Error ? error.message : String(error);
          if (message !== lastProblem) console.error(`Mail delivery could not read the outbox: ${message}`);
          lastProblem = message;
        },
      )
      .finally(() => {
        running = null;
        if (!stopped) timer = setTimeout(run, again ? 0 : pollMs);
      });
  };
  run();
  return {
    wake: run,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

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
  // Mail used to be a pg-boss queue run every minute, one job at a time: a killed instance's job
  // stayed active for 15 minutes and blocked every other (issue 17). Its schedule goes.
  const jobs = await startJobs(database.pool, handlers, [mailQueue]);
  const mail = transport ? startMailDelivery(database.db, transport, config.mailFrom) : null;
  return {
    nudge: async (name) => {
      if (name === mailQueue) mail?.wake();
      else if (handlers[name]) await jobs.nudge(name);
    },
    stop: async () => {
      await mail?.stop();
      await jobs.stop();
    },
    closeTransport: () => transport?.close(),
  };
}
