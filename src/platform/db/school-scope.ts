import { AsyncLocalStorage } from 'node:async_hooks';
import {
  CompiledQuery,
  PostgresDialect,
  PostgresDriver,
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
  type DatabaseConnection,
  type Driver,
  type PostgresDialectConfig,
  type TransactionSettings,
} from 'kysely';
import { forgetActors, writesActorTables } from '../auth/actor-cache.ts';
import { isUuid } from '../http/ids.ts';
import { readOnlyCommit } from './pglite-thread.ts';
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

/**
 * Checks each statement run through a school-scoped transaction before it is sent, and notes
 * whether it changed a table the signed-in person is read from (so the cache of who is signed in
 * is emptied once the transaction has ended).
 */
class SchoolScopeGuard implements KyselyPlugin {
  wroteActorTables = false;

  constructor(private readonly scope?: PendingScope) {}

  transformQuery({ node, queryId }: PluginTransformQueryArgs): RootOperationNode {
    // On the driver's path (the scope went with the BEGIN) the connection checks the SQL Kysely compiles anyway
    // (guardConnection); only a transaction scoped by separate statements needs a compilation of its own here.
    if (!this.scope?.connection) {
      const compiled = compiler.compileQuery(node, queryId);
      if (escapesSchoolScope(compiled.sql)) throw new SchoolScopeEscape(compiled.sql);
    }
    if (!this.wroteActorTables && writesActorTables(node)) this.wroteActorTables = true;
    // Only a plain SELECT reads without writing; anything else (raw SQL included) may write.
    if (this.scope && !(node.kind === 'SelectQueryNode' && !node.with)) this.scope.mayHaveWritten = true;
    return node;
  }

  transformResult({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(result);
  }
}

/** The statements that put a transaction into one school, sent with its BEGIN. */
interface PendingScope {
  statement: string;
  /** Set by the driver once it has sent them with the BEGIN. */
  sent: boolean;
  /**
   * The connection whose BEGIN set the scope, once it has: only its COMMIT may be the read-only one, and every
   * statement it runs in this scope's call is checked (guardConnection).
   */
  connection?: DatabaseConnection;
  /** Set by the guard at the first statement that is not a plain SELECT. */
  mayHaveWritten: boolean;
}

/**
 * Hands a school's scope from `withSchool` to the BEGIN that Kysely sends for it. Only the first
 * BEGIN in that call takes it (`sent`), so any other transaction started inside `work` is left as
 * it was.
 */
const nextBegin = new AsyncLocalStorage<PendingScope | undefined>();

/**
 * Kysely's PostgreSQL driver, except that a school's transaction starts in ONE round trip:
 * `BEGIN; SET LOCAL ROLE app_user; SET LOCAL app.school_id = '…'` as one simple
 * query (the pg driver sends a statement without parameters that way, and PostgreSQL and PGlite
 * run its statements in order, stopping at the first error). Before, these were three round
 * trips on every request; on PGlite each one is work the event loop cannot spend rendering.
 */
class SchoolScopeDriver extends PostgresDriver {
  override async acquireConnection(): Promise<DatabaseConnection> {
    const connection = await super.acquireConnection();
    if (!guarded.has(connection)) guardConnection(connection);
    return connection;
  }

  override async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const scope = nextBegin.getStore();
    if (!scope || scope.sent || settings.isolationLevel || settings.accessMode) return super.beginTransaction(connection, settings);
    scope.sent = true;
    try {
      await connection.executeQuery(CompiledQuery.raw(`BEGIN; ${scope.statement}`));
    } catch (error) {
      // The BEGIN may have run before a later statement failed: give the pool back no open transaction.
      await connection.executeQuery(CompiledQuery.raw('ROLLBACK')).catch(() => undefined);
      throw error;
    }
    scope.connection = connection;
  }

  /**
   * A school's transaction that only read ends with a COMMIT the embedded database's thread may
   * send ahead without waiting (pglite-thread.ts): nothing was written, so its answer cannot
   * change what the request did. Any other COMMIT is waited for, as before.
   */
  override async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const scope = nextBegin.getStore();
    if (scope?.connection !== connection || scope.mayHaveWritten) return super.commitTransaction(connection);
    await connection.executeQuery(CompiledQuery.raw(readOnlyCommit));
  }
}

const guarded = new WeakSet<DatabaseConnection>();

/**
 * Checks, on the connection itself, every statement run in a school's scope on the connection that
 * set it: the SQL Kysely has just compiled, so the guard need not compile each query a second time
 * (on the class page that was a tenth of the main thread), and a statement compiled elsewhere and
 * handed to `tx.executeQuery` is checked too, which the plugin alone never saw. Kysely's
 * PostgreSQL connection lives as long as its pool client, so this is done once per connection.
 */
function guardConnection(connection: DatabaseConnection): void {
  guarded.add(connection);
  const refuseEscape = (compiled: CompiledQuery) => {
    if (nextBegin.getStore()?.connection === connection && escapesSchoolScope(compiled.sql)) throw new SchoolScopeEscape(compiled.sql);
  };
  const executeQuery = connection.executeQuery.bind(connection);
  const streamQuery = connection.streamQuery.bind(connection);
  connection.executeQuery = async <R>(compiled: CompiledQuery) => {
    refuseEscape(compiled);
    return executeQuery<R>(compiled);
  };
  connection.streamQuery = async function* <R>(compiled: CompiledQuery, chunkSize?: number) {
    refuseEscape(compiled);
    yield* streamQuery<R>(compiled, chunkSize);
  };
}

/** The dialect the app's Kysely uses (database.ts): PostgreSQL's, with the driver above. */
export class SchoolScopeDialect extends PostgresDialect {
  readonly #config: PostgresDialectConfig;

  constructor(config: PostgresDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new SchoolScopeDriver(this.#config);
  }
}

/**
 * Runs `work` in a transaction as the unprivileged `app_user` role with the school set, so
 * PostgreSQL itself hides every other school's rows even if a query forgets its filter. The role
 * and the school are set before the guard goes on; after that, nothing run through the
 * transaction may change them back (RESET ROLE would otherwise return to the owner).
 *
 * The role and the school go with the BEGIN in one round trip (SchoolScopeDriver). The school id
 * is written into that statement only when it is a UUID (every school's id is), so nothing a
 * caller passes can become SQL; anything else, or a Kysely not built on SchoolScopeDialect, gets
 * the same two statements sent separately, with the id as a parameter.
 */
export async function withSchool<T>(db: Kysely<DB>, schoolId: string, work: (tx: SchoolTx) => Promise<T>): Promise<T> {
  const scope: PendingScope | undefined = isUuid(schoolId)
    ? { statement: `SET LOCAL ROLE app_user; SET LOCAL app.school_id = '${schoolId}'`, sent: false, mayHaveWritten: false }
    : undefined;
  const guard = new SchoolScopeGuard(scope);
  try {
    return await nextBegin.run(scope, () =>
      db.transaction().execute(async (tx) => {
        if (!scope?.sent) {
          await sql`SET LOCAL ROLE app_user`.execute(tx);
          await sql`SELECT set_config('app.school_id', ${schoolId}, true)`.execute(tx);
        }
        return work(tx.withPlugin(guard) as SchoolTx);
      }),
    );
  } finally {
    // A role, a member of staff or a session changed: whoever is cached is looked up again from now
    // on (the rows changed at COMMIT, after the statement itself had emptied the cache).
    if (guard.wroteActorTables) forgetActors();
  }
}

/**
 * The owner's transaction with one school set and the retention mark on: row-level security still
 * holds the owner to that school (bindOwnerToo), and the consent history's trigger lets DELETE
 * through only under this mark. Used by school-database.ts alone, for the leavers' retention job.
 */
export function withSchoolForRetention<T>(db: Kysely<DB>, schoolId: string, work: (tx: SchoolTx) => Promise<T>): Promise<T> {
  const guard = new SchoolScopeGuard();
  return db.transaction().execute(async (tx) => {
    await sql`SELECT set_config('app.school_id', ${schoolId}, true)`.execute(tx);
    await sql`SELECT set_config('app.retention', 'leavers', true)`.execute(tx);
    return work(tx.withPlugin(guard) as SchoolTx);
  });
}
