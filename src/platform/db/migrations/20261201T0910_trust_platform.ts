import { sql, type Kysely } from 'kysely';
import { bindOwnerToo, refuseTruncate } from '../row-level-security.ts';

/**
 * Closing the holes found when the product was attacked (issue 15): TOTP codes used once,
 * reset links that die with the password, an atomic sign-in counter, secret links sealed in the
 * outbox, an audit log that cannot be truncated, and row-level security that binds the owner too.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
-- The last TOTP time step accepted for each person: the same code never works twice.
ALTER TABLE staff ADD COLUMN totp_last_step bigint;

-- Throttling counts in one row per key, incremented atomically before the password is checked,
-- so ten guesses sent at once count as ten.
CREATE TABLE sign_in_counters (
  key text PRIMARY KEY,
  window_started_at timestamptz NOT NULL DEFAULT now(),
  count integer NOT NULL
);

-- A new password (however it was set) ends every reset or invitation link still outstanding.
CREATE FUNCTION staff_password_changed() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  UPDATE password_resets SET used_at = now() WHERE staff_id = NEW.id AND used_at IS NULL;
  RETURN NEW;
END $f$;
CREATE TRIGGER staff_password_changed AFTER UPDATE OF password_hash ON staff
  FOR EACH ROW WHEN (OLD.password_hash IS DISTINCT FROM NEW.password_hash) EXECUTE FUNCTION staff_password_changed();

-- The full text of a mail that carries a secret link, encrypted with a key the database does not
-- hold, kept only until the mail is sent; body_text has the link replaced by "(link hidden)".
ALTER TABLE outbox ADD COLUMN sealed_body text;
ALTER TABLE outbox ADD COLUMN body_purged_at timestamptz;
`,
    )
    .execute(db);

  // Every append-only table (audit_log first) refuses TRUNCATE, which skips row triggers.
  const appendOnly = await sql<{ table: string }>`SELECT DISTINCT c.relname AS "table" FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND t.tgname LIKE '%\\_append\\_only' ORDER BY 1`.execute(db);
  for (const { table } of appendOnly.rows) await refuseTruncate(db, table);

  // Row-level security binds the owner as well on every table that has it.
  const isolated = await sql<{ table: string }>`SELECT c.relname AS "table" FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relrowsecurity ORDER BY 1`.execute(db);
  for (const { table } of isolated.rows) await bindOwnerToo(db, table);
}

export async function down(): Promise<void> {
  throw new Error('The trust migration cannot be undone');
}
