import type { Generated } from 'kysely';

/** Tables of the backup migration (20261201T1110). */
export interface BackupRunTable {
  id: Generated<string>;
  started_at: Date;
  finished_at: Generated<Date>;
  trigger: 'nightly' | 'command';
  ok: boolean;
  file_name: string | null;
  bytes: string | number | null;
  error: string | null;
}
