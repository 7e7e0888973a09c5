import type { SchoolTx } from '../db/school-scope.ts';

/** A backup is overdue when BACKUP_DIR is set and none has been made for this long. */
export const overdueAfterHours = 48;

export interface BackupStatus {
  /** Whether nightly backups are set up on this server (BACKUP_DIR). */
  readonly nightly: boolean;
  /** When the newest good backup finished, if any. */
  readonly lastAt: Date | null;
  /** The newest attempt failed: when and why. */
  readonly failed: { readonly at: Date; readonly error: string } | null;
  /** Nightly backups are set up but none has been made in the last 48 hours. */
  readonly overdue: boolean;
}

/** What the headteacher's home page says about backups. */
export async function backupStatus(tx: SchoolTx, backupDir: string | null, now = new Date()): Promise<BackupStatus> {
  const latest = await tx.selectFrom('backup_runs').select(['finished_at', 'ok', 'error']).orderBy('finished_at', 'desc').limit(1).executeTakeFirst();
  const lastGood = await tx.selectFrom('backup_runs').select('finished_at').where('ok', '=', true).orderBy('finished_at', 'desc').limit(1).executeTakeFirst();
  const lastAt = lastGood ? new Date(lastGood.finished_at) : null;
  return {
    nightly: backupDir !== null,
    lastAt,
    failed: latest && !latest.ok ? { at: new Date(latest.finished_at), error: latest.error ?? 'no reason was given' } : null,
    overdue: backupDir !== null && (!lastAt || now.getTime() - lastAt.getTime() > overdueAfterHours * 3600_000),
  };
}
