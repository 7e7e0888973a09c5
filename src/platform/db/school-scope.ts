import {
  PostgresQueryCompiler,
  sql,
  type Kysely,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type Transaction,
  type UnknownRow,
} from 'kysely';
import type { DB } from './schema.ts';

/** A transaction in which only one school's rows exist (row-level security as `app_user`). */
export type SchoolTx = Transaction<DB> & { readonly __schoolScoped: true };

export class SchoolScopeEscape extends Error {
  constructor(readonly statement: string) {
    super(`Refused inside a school's transaction: a statement that would change the role, the school or the session (${statement.slice(0, 80)})`);
  }
}

const compiler = new PostgresQueryCompiler();

/**
 * Statements that would step out of the school: switching the role back (RESET ROLE, SET ROLE,
 * SET SESSION AUTHORIZATION, RESET ALL), changing a setting such as app.school_id (SET, RESET,
 * set_config), or running code that could do any of these (DO blocks). The pg driver sends a
 * statement without parameters as a simple query, which may hold several statements, so each
 * one is looked at.
 */
export function escapesSchoolScope(text: string): boolean {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/--[^\n]*/g, ' ');
  if (/set_config|session_authorization/i.test(code)) return true;
  return code.split(';').some((statement) => /^\s*\(*\s*(SET|RESET|DO|DISCARD|CALL|LOAD|ALTER\s+(ROLE|USER|SYSTEM|DATABASE))\b/i.test(statement));
}

/** Checks each statement run through a school-scoped transaction before it is sent. */
class SchoolScopeGuard implements KyselyPlugin {
  transformQuery({ node, queryId }: PluginTransformQueryArgs): RootOperationNode {
    const compiled = compiler.compileQuery(node, queryId);
    if (escapesSchoolScope(compiled.sql)) throw new SchoolScopeEscape(compiled.sql);
    return node;
  }

  transformResult({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(result);
  }
}

const guard = new SchoolScopeGuard();

/**
 * Runs `work` in a transaction as the unprivileged `app_user` role with the school set, so
 * PostgreSQL itself hides every other school's rows even if a query forgets its filter. The role
 * and the school are set before the guard goes on; after that, nothing run through the
 * transaction may change them back (RESET ROLE would otherwise return to the owner).
 */
export async function withSchool<T>(db: Kysely<DB>, schoolId: string, work: (tx: SchoolTx) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (tx) => {
    await sql`SET LOCAL ROLE app_user`.execute(tx);
    await sql`SELECT set_config('app.school_id', ${schoolId}, true)`.execute(tx);
    return work(tx.withPlugin(guard) as SchoolTx);
  });
}

/**
 * The owner's transaction with one school set and the retention mark on: row-level security still
 * holds the owner to that school (bindOwnerToo), and the consent history's trigger lets DELETE
 * through only under this mark. Used by school-database.ts alone, for the leavers' retention job.
 */
export function withSchoolForRetention<T>(db: Kysely<DB>, schoolId: string, work: (tx: SchoolTx) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (tx) => {
    await sql`SELECT set_config('app.school_id', ${schoolId}, true)`.execute(tx);
    await sql`SELECT set_config('app.retention', 'leavers', true)`.execute(tx);
    return work(tx.withPlugin(guard) as SchoolTx);
  });
}
