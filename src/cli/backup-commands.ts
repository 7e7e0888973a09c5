import { resolve } from 'node:path';
import type { Config } from '../config.ts';
import { createBackup, describeBackup, recordBackupRun, type BackupSummary } from '../platform/backup/backup.ts';
import { restoreBackup } from '../platform/backup/restore.ts';
import { requestBackupFromServer } from '../platform/backup/server-socket.ts';
import { openDatabase } from '../platform/db/database.ts';
import { openAppDatabase } from '../platform/db/open.ts';
import { UsageError, type Output } from './commands.ts';

/**
 * `esafety backup --out FILE`. On PostgreSQL, pg_dump reads a consistent snapshot whatever else
 * is running. On the embedded database the running server holds the folder, so the backup is
 * asked of it (server-socket.ts); with no server running, this command opens the folder itself.
 */
export async function backupCommand(config: Config, io: Output, out: string | undefined): Promise<number> {
  if (!out) throw new UsageError('Say where to write the backup: esafety backup --out FILE');
  const file = resolve(out);
  const startedAt = new Date();
  let summary: BackupSummary;
  if (config.databaseUrl) {
    summary = await createBackup({ config, out: file });
    const database = await openDatabase({ url: config.databaseUrl });
    try {
      await recordBackupRun(database.db, { startedAt, trigger: 'command', ok: true, file, bytes: summary.bytes }).catch(() => {
        /* a database from before backups were noted: the backup itself is good */
      });
    } finally {
      await database.close();
    }
  } else {
    const fromServer = await requestBackupFromServer(config.dataDir, file);
    if (fromServer) {
      summary = fromServer;
      io.err('The server is running: it made the backup.');
    } else {
      const database = await openAppDatabase(config, 'esafety backup');
      try {
        summary = await createBackup({ config, database, out: file });
        await recordBackupRun(database.db, { startedAt, trigger: 'command', ok: true, file, bytes: summary.bytes });
      } finally {
        await database.close();
      }
    }
  }
  io.out(describeBackup(summary));
  io.err('Keep a copy somewhere other than this server (and one off-site): the backup holds every school’s records and photographs.');
  return 0;
}

/** `esafety restore FILE [--resend-unsent]` into an empty data folder or an empty database. */
export async function restoreCommand(config: Config, io: Output, file: string | undefined, resendUnsent: boolean): Promise<number> {
  if (!file) throw new UsageError('Say which backup to restore: esafety restore FILE');
  const summary = await restoreBackup({ config, file: resolve(file), resendUnsent });
  const made = new Date(summary.backupMadeAt).toUTCString();
  io.out(`Restored the backup made ${made} into ${config.databaseUrl ? 'the PostgreSQL database (DATABASE_URL)' : config.dataDir}.`);
  io.out(
    `Checked: ${summary.tables} tables with ${summary.rows} rows, as many as when the backup was made; ${summary.photographs} photographs, each matching its checksum; the audit log is intact (${summary.auditEntries} entries).`,
  );
  if (summary.photographBucket)
    io.out(
      `The photographs were in the ${summary.photographBucket} when the backup was made and are not in it: start the app with STORAGE_DRIVER=s3 and the S3_* variables of that bucket (or of a copy of it).`,
    );
  if (config.s3 && summary.photographs > 0)
    io.out(
      `The backup's ${summary.photographs} photograph${summary.photographs === 1 ? ' was' : 's were'} restored into ${config.storageDir}; STORAGE_DRIVER is s3, so move ${summary.photographs === 1 ? 'it' : 'them'} into the bucket with: esafety storage copy --to s3`,
    );
  if (summary.rolesCreated.length) io.out(`Created the database role${summary.rolesCreated.length === 1 ? '' : 's'} ${summary.rolesCreated.join(', ')}.`);
  if (summary.unsentMail > 0)
    io.out(
      summary.mailHeld
        ? `${summary.unsentMail} e-mail${summary.unsentMail === 1 ? ' was' : 's were'} waiting to be sent when the backup was made: ${summary.unsentMail === 1 ? 'it is' : 'they are'} held, not sent, since ${summary.unsentMail === 1 ? 'it' : 'they'} may have gone out already. To send them, restore again with --resend-unsent.`
        : `${summary.unsentMail} e-mail${summary.unsentMail === 1 ? '' : 's'} waiting when the backup was made will be sent when the server starts.`,
    );
  return 0;
}
