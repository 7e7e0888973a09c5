import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { modules } from './modules/index.ts';
import { countSchools } from './modules/school/school.service.ts';
import { DataDirInUseError } from './platform/db/data-dir-lock.ts';
import { openAppDatabase } from './platform/db/open.ts';
import { configureMailSealing } from './platform/mail/sealed.ts';
import { mailQueue, startBackgroundJobs } from './platform/mail/mail-jobs.ts';
import { jobsOf, startModules } from './platform/modules.ts';
import { backupJobs } from './platform/backup/nightly.ts';
import { listenForBackupRequests } from './platform/backup/server-socket.ts';
import { checkBucket } from './modules/photos/photos.s3-storage.ts';
import { collectStartupGarbage } from './platform/memory.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  if (config.s3) await checkBucket(config.s3);
  const database = await openAppDatabase(config, 'server');
  // Before any job runs: delivery unseals the links kept sealed in the outbox.
  configureMailSealing(config.sessionSecret);
  // One set of modules for the web app and the jobs; mail queued by either starts delivery now.
  let jobs: Awaited<ReturnType<typeof startBackgroundJobs>> | null = null;
  const onMail = () => void jobs?.nudge(mailQueue).catch((error: Error) => console.error('could not queue mail delivery:', error.message));
  const instances = startModules(modules, { config, db: database.db, schools: database.schools, onMail });
  jobs = await startBackgroundJobs(config, database, { ...jobsOf(instances), ...backupJobs(config, database) });
  // On the embedded database, `esafety backup` asks this process for the backup (it holds the folder).
  const backupRequests = config.databaseUrl
    ? null
    : await listenForBackupRequests(config, database).catch((error: Error) => {
        console.error(`"esafety backup" will not be able to reach this server: ${error.message}`);
        return null;
      });
  const app = await buildApp({ config, database, onMailQueued: onMail, modules: instances });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info(`${signal} received, stopping`);
    await app.close();
    await backupRequests?.close();
    await jobs?.stop();
    jobs?.closeTransport();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `the embedded database in ${config.dataDir}`;
  const next =
    (await countSchools(database.schools)) === 0
      ? `open ${config.baseUrl}/setup to create your school, or stop and run "npm run demo"`
      : `open ${config.baseUrl}`;
  console.log(`eSafety Office is running on ${where}: ${next}`);
  if (config.s3) console.log(`Photographs are kept in the private bucket "${config.s3.bucket}" at ${config.s3.endpoint} (STORAGE_DRIVER=s3).`);
  if (!config.backupDir) console.log('No BACKUP_DIR is set: no nightly backup is made (see "Backups and restores" in the README).');
  if (!config.smtpUrl) console.log('No SMTP_URL is set: e-mails wait in the outbox, readable by the headteacher under "Sent mail".');
  collectStartupGarbage();
}

main().catch((error: unknown) => {
  if (error instanceof DataDirInUseError) console.error(error.message);
  else console.error('eSafety Office could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
