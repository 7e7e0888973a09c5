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
  USING (school_id = ${schoolOfTransaction})
  WITH CHECK (school_id = ${schoolOfTransaction});`,
    )
    .execute(db);
  await bindOwnerToo(db, table);
}

/**
 * The school set for the transaction, as the policies compare it: a sub-select, so PostgreSQL reads
 * the setting and parses the UUID once per statement (an InitPlan), not once for every row it looks
 * at. Written bare, it was evaluated on each row: on the class page about a third of the embedded
 * database's time per page (bench/README.md, issue 17, point 10). An index on school_id is used all
 * the same (the sub-select's value is a parameter of the scan).
 */
export const schoolOfTransaction = `(SELECT nullif(current_setting('app.school_id', true), '')::uuid)`;

/** The platform's way in (below), likewise read once per statement. */
export const platformWayIn = `(SELECT current_user <> 'app_user' AND nullif(current_setting('app.school_id', true), '') IS NULL)`;

/**
 * The role the platform's way in applies to: the account that owns the tables (it runs migrations,
 * sign-in, mail delivery and nightly jobs) is made a member; `app_user` never is. NOLOGIN, created
 * when missing, like app_user.
 */
export const platformRole = 'esafety_platform';
export const platformRoleSql = `DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${platformRole}') THEN
    CREATE ROLE ${platformRole} NOLOGIN;
  END IF;
END $$;
GRANT ${platformRole} TO CURRENT_USER;`;

/**
 * FORCE ROW LEVEL SECURITY, so the table's owner is bound by the policies as well. The owner keeps
 * a deliberate way in for platform work that runs before any school is known (sign-in, mail
 * delivery, nightly jobs, migrations): the `platform_access` policy, which holds only while no
 * school is set. Inside a school's transaction (app.school_id set) even the owner, say after a
 * RESET ROLE, sees that one school alone. Superusers (PGlite's only user) bypass row-level
 * security whatever this says, which is why withSchool also refuses role changes (school-scope.ts).
 *
 * The policy is for the platform role only (`TO esafety_platform`), not for everyone: a policy that
 * applies to app_user is ORed with school_isolation, and `school_id = … OR <anything else>` cannot
 * use an index on school_id. With 500 schools on one server every list of a school read all of
 * them (bench/scale.ts: the pupils API at 0.16 of one school's speed).
 */
export async function bindOwnerToo(db: Kysely<unknown>, table: string): Promise<void> {
  await sql
    .raw(
      `${platformRoleSql}
ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS platform_access ON ${table};
CREATE POLICY platform_access ON ${table} TO ${platformRole}
  USING (${platformWayIn})
  WITH CHECK (${platformWayIn});`,
    )
    .execute(db);
}

/** Sequences behind bigserial columns of new tables. */
export const grantSequences = (db: Kysely<unknown>) => sql.raw('GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO app_user;').execute(db);

/** Triggers that refuse UPDATE, DELETE and TRUNCATE, even from the table's owner: history is appended, never rewritten. */
export async function makeAppendOnly(db: Kysely<unknown>, table: string): Promise<void> {
  await sql
    .raw(`CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();`)
    .execute(db);
  await refuseTruncate(db, table);
}

/** TRUNCATE skips row triggers, so it gets a statement trigger of its own. */
export async function refuseTruncate(db: Kysely<unknown>, table: string): Promise<void> {
  await sql
    .raw(
      `DROP TRIGGER IF EXISTS ${table}_no_truncate ON ${table};
CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();`,
    )
    .execute(db);
}
