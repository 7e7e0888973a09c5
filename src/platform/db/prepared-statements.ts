import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import type pg from 'pg';

/**
 * Statements prepared on one connection, at most; later new statements are sent unprepared, as
 * before. The app has a few hundred distinct statements (Kysely writes the same SQL for the same
 * question, the values travel apart), so this bounds the server's memory per connection.
 */
export const maxPreparedPerConnection = 300;

/**
 * Each connection's statement names, by SQL text, and how many it has prepared. Kept by the
 * protocol connection, not by the pool's client: PGlite's adapter gives every client the pool
 * makes the same connection (one backend, which keeps what it prepared), so a client made after
 * an idle one was closed must go on with the same names, not start again at 1.
 */
const namesOf = new WeakMap<object, { names: Map<string, string>; prepared: number }>();
const wrapped = new WeakMap<pg.PoolClient, PostgresPoolClient>();

/**
 * The pool as Kysely sees it, with every statement that has parameters sent as a NAMED (prepared)
 * statement on its connection. PostgreSQL then parses and plans it once per connection and, after
 * a few runs, reuses a generic plan; unnamed, it was planned on every run. On PGlite planning was
 * most of a small query's cost (the class page's class query 2.9 ms to plan, 0.25 ms to run, under
 * the shared machine's load), and it runs on the thread that renders the pages.
 *
 * Row-level security stays exact: the policies read `app.school_id` when a statement runs, not when
 * it is planned, and PostgreSQL plans again when the role a plan was made for changes. Statements
 * without parameters (BEGIN, COMMIT, migrations' DDL, the school's scope) go as before.
 */
export function preparingPool(pool: pg.Pool): PostgresPool {
  return {
    async connect() {
      const client = await pool.connect();
      let facade = wrapped.get(client);
      if (!facade) {
        facade = preparing(client);
        wrapped.set(client, facade);
      }
      return facade;
    },
    end: () => pool.end(),
  };
}

function preparing(client: pg.PoolClient): PostgresPoolClient {
  const connection = (client as unknown as { connection?: object }).connection ?? client;
  const statements = namesOf.get(connection) ?? { names: new Map<string, string>(), prepared: 0 };
  namesOf.set(connection, statements);
  const { names } = statements;
  function query<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>>;
  function query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
  function query<R>(sqlOrCursor: string | PostgresCursor<R>, parameters?: ReadonlyArray<unknown>): unknown {
    if (typeof sqlOrCursor !== 'string') return client.query(sqlOrCursor as unknown as pg.Submittable);
    const values = [...(parameters ?? [])];
    if (values.length === 0) return client.query(sqlOrCursor, values);
    let name = names.get(sqlOrCursor);
    if (name === undefined && statements.prepared < maxPreparedPerConnection) {
      name = `esafety_${++statements.prepared}`;
      names.set(sqlOrCursor, name);
    }
    if (name === undefined) return client.query(sqlOrCursor, values);
    return client.query({ name, text: sqlOrCursor, values }).catch((error: unknown) => {
      // A table's columns changed under a prepared `SELECT *` (a migration while running): this
      // statement fails once, and is prepared afresh under a new name the next time.
      if (error instanceof Error && 'code' in error && error.code === '0A000' && /cached plan must not change result type/.test(error.message)) {
        names.delete(sqlOrCursor);
      }
      throw error;
    });
  }
  return {
    query,
    release: (destroy?: boolean) => client.release(destroy),
  };
}
