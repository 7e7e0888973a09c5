import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../../config.ts';
import type { Database } from '../db/database.ts';
import type { JobDefinition } from '../modules.ts';
import { createBackup, recordBackupRun, type BackupSummary } from './backup.ts';

const nightlyName = /^esafety-backup-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z\.tar$/;

/** The file name of a nightly backup: its time in UTC, so names sort by age. */
export const nightlyFileName = (at: Date) => `esafety-backup-${at.toISOString().slice(0, 19).replace(/:/g, '-')}Z.tar`;

/** Keeps the newest `keep` nightly backups in the folder and deletes the older ones (only files this job named). */
export function rotateBackups(dir: string, keep: number): string[] {
  const old = readdirSync(dir)
    .filter((name) => nightlyName.test(name))
    .sort()
    .reverse()
    .slice(keep);
  for (const name of old) rmSync(join(dir, name), { force: true });
  return old;
}

/** One nightly backup into BACKUP_DIR, noted for the home page, then the rotation. */
export async function nightlyBackup(config: Config, database: Database, now = new Date()): Promise<BackupSummary> {
  if (!config.backupDir) throw new Error('BACKUP_DIR is not set');
  const startedAt = new Date();
  try {
    const summary = await createBackup({ config, database, out: join(config.backupDir, nightlyFileName(now)) });
    await recordBackupRun(database.db, { startedAt, trigger: 'nightly', ok: true, file: summary.file, bytes: summary.bytes });
    rotateBackups(config.backupDir, config.backupKeep);
    return summary;
  } catch (error) {
    await recordBackupRun(database.db, { startedAt, trigger: 'nightly', ok: false, error: error instanceof Error ? error.message : String(error) });
    throw error;
  }
}

/** The server's nightly backup job, when BACKUP_DIR is set (01:15 server time, before the other nightly jobs). */
export function backupJobs(config: Config, database: Database): Record<string, JobDefinition> {
  if (!config.backupDir) return {};
  return {
    'backup-nightly': {
      cron: '15 1 * * *',
      handler: async () => {
        await nightlyBackup(config, database);
      },
    },
  };
}
