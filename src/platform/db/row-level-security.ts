import { sql, type Kysely } from 'kysely';

/**
 * Gives `app_user` access to a school-owned table and lets it see only the rows of the school set
 * for the transaction (see withSchool). Append-only tables get SELECT and INSERT alone.
 */
export async function isolateBySchool(db: Kysely<unknown>, table: string, access: 'read-write' | 'append-only' = 'read-write'): Promise<void> {
  const privileges = access === 'append-only' ? 'SELECT, INSERT' : 'SELECT, INSERT, UPDATE, DELETE';
  await sql
    .raw(
      `GRANT ${privileges} ON ${table} TO app_user;
ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
CREATE POLICY school_isolation ON ${table}
  USING (school_id = nullif(current_setting('app.school_id', true), '')::uuid)
  WITH CHECK (school_id = nullif(current_setting('app.school_id', true), '')::uuid);`,
    )
    .execute(db);
}

/** Sequences behind bigserial columns of new tables. */
export const grantSequences = (db: Kysely<unknown>) => sql.raw('GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO app_user;').execute(db);

/** A trigger that refuses UPDATE and DELETE, even from the table's owner: history is appended, never rewritten. */
export async function makeAppendOnly(db: Kysely<unknown>, table: string): Promise<void> {
  await sql.raw(`CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();`).execute(db);
}
