import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { DataDirInUseError } from './platform/db/data-dir-lock.ts';
import { openAppDatabase } from './platform/db/open.ts';
import { appendAnchors } from './platform/audit/anchors.ts';
import { mailQueue, startBackgroundJobs } from './platform/mail/mail-jobs.ts';
import { countSchools } from './modules/school/school.service.ts';
import { createConsentLinkService } from './modules/consent/consent-link.service.ts';
import { policyReviewJobs } from './modules/policies/policies.reminders.ts';
import { runPhotoRetention } from './modules/photos/photos.retention.ts';
import { fileStorage } from './modules/photos/photos.storage.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openAppDatabase(config, 'server');
  const consentLinks = createConsentLinkService(database.db, config, () => void jobs.nudge(mailQueue));
  const jobs = await startBackgroundJobs(config, database, {
    // Every morning: remind families who have not answered a consent request.
    'consent-reminders': { cron: '0 8 * * *', handler: async () => { await consentLinks.sendReminders(); } },
    // Every morning: tell policy owners their review is coming up (POL-3).
    ...policyReviewJobs(database.db, config.baseUrl, () => void jobs.nudge(mailQueue)),
    // Every night: archive last year's photographs, delete the year before's, warn the head first (MED-7).
    // Every night: each school's audit chain head goes to DATA_DIR/audit-anchors.log, outside the database.
    'audit-anchor': { cron: '40 2 * * *', handler: async () => { await appendAnchors(database.db, config.dataDir); } },
    'photo-retention': { cron: '30 2 * * *', handler: async () => { await runPhotoRetention(database.db, fileStorage(config.storageDir), config.baseUrl); void jobs.nudge(mailQueue); } },
  });
  const app = await buildApp({
    config, database,
    onMailQueued: () => void jobs.nudge(mailQueue).catch((error: Error) => app.log.error(error, 'could not queue mail delivery')),
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info(`${signal} received, stopping`);
    await app.close();
    await jobs.stop();
    jobs.closeTransport();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `the embedded database in ${config.dataDir}`;
  const next = (await countSchools(database.db)) === 0 ? `open ${config.baseUrl}/setup to create your school, or stop and run "npm run demo"` : `open ${config.baseUrl}`;
  console.log(`eSafety Office is running on ${where}: ${next}`);
  if (!config.smtpUrl) console.log('No SMTP_URL is set: e-mails wait in the outbox, readable by the headteacher under "Sent mail".');
}

main().catch((error: unknown) => {
  if (error instanceof DataDirInUseError) console.error(error.message);
  else console.error('eSafety Office could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
