import { sql, type Kysely } from 'kysely';

/**
 * Each backup made (nightly, or with `esafety backup`), and each one that failed: the home page
 * tells the headteacher when the last one was made. One list for the whole installation (a backup
 * holds every school), readable by the app role, written only by the platform.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `CREATE TABLE backup_runs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  started_at timestamptz NOT NULL,
  finished_at timestamptz NOT NULL DEFAULT now(),
  trigger text NOT NULL CHECK (trigger IN ('nightly', 'command')),
  ok boolean NOT NULL,
  file_name text,
  bytes bigint,
  error text
);
CREATE INDEX backup_runs_finished ON backup_runs (finished_at DESC);
GRANT SELECT ON backup_runs TO app_user;`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('DROP TABLE backup_runs;').execute(db);
}
