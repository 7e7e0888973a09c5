/**
 * One eSafety Office instance's background work, as the server runs it (startBackgroundJobs), for
 * tests that kill it: `node --import tsx test/helpers/mail-instance.ts` with DATABASE_URL, SMTP_URL
 * and MAIL_FROM set. Prints "ready" once delivery runs.
 */
import { loadConfig } from '../../src/config.ts';
import { openDatabase } from '../../src/platform/db/database.ts';
import { startBackgroundJobs } from '../../src/platform/mail/mail-jobs.ts';

const config = loadConfig({ ...process.env, NODE_ENV: 'test' });
const database = await openDatabase({ url: config.databaseUrl! });
const jobs = await startBackgroundJobs(config, database);
process.stdout.write('ready\n');
process.on('SIGTERM', () => {
  void jobs
    .stop()
    .then(() => jobs.closeTransport())
    .then(() => database.close())
    .then(() => process.exit(0));
});
