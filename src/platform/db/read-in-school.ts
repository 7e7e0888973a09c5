import type { PGlite } from '@electric-sql/pglite';
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, type DatabaseConnection, type QueryCreator } from 'kysely';
import pg from 'pg';
import { DatabaseError, type BackendMessage, type DataRowMessage, type RowDescriptionMessage } from 'pg-protocol/dist/messages.js';
import { Parser } from 'pg-protocol/dist/parser.js';
import { serialize } from 'pg-protocol/dist/serializer.js';
import { isUuid } from '../http/ids.ts';
import { joined, PGliteThread } from './pglite-thread.ts';
import type { DB } from './schema.ts';

/**
 * A school's read of one statement on the embedded database, as ONE exchange of PostgreSQL's wire
 * protocol that the app writes itself: the statement that sets the school's role and school, then
 * the read's prepared statement with this request's values, then a Sync.
 *
 * Why (issue 17, point 10): a busy page that asks one question (the class page) spent about half a
 * millisecond of the main thread per request on the way there and back through Kysely's
 * transaction, the pool, pg's client and PGlite's adapter, for three statements whose text and
 * answers never change; and it held the one connection until the main thread, busy rendering
 * another page, got round to the answer. Here the main thread writes the messages, posts them, and
 * gives the connection back at once: the database's thread runs them in turn with what comes after,
 * so it always has the next page's question waiting.
 *
 * The school is set by a prepared statement too (`set_config('role', …, true)` is `SET LOCAL
 * ROLE`), and there is no BEGIN or COMMIT: every message up to a Sync is one transaction of
 * PostgreSQL's own (the extended protocol's implicit transaction), which the Sync ends, the role
 * and school with it. Nothing of it is text the database parses again on each read.
 *
 * Safe by construction: the statement is a plain SELECT checked when it was compiled
 * (compiled-once.ts); it runs only after the statement that sets the role and the school in the
 * same transaction, because any error there skips every message up to the Sync (the read never runs
 * outside the school); and the Sync ends that transaction whatever happened (a failed one is rolled
 * back), so the connection is idle, as the postgres superuser with no school, for the next client.
 */
export class EmbeddedReader {
  /** The reads this database has prepared, by SQL text: the statement's name and, once read, its columns. */
  readonly #prepared = new Map<string, Statement>();
  /** The name of the prepared statement that sets the role and the school, once a read has prepared it. */
  #school: string | null = null;
  /** Statements a failed read used, closed at the start of the next. */
  readonly #closing: string[] = [];
  #next = 0;

  private constructor(
    private readonly pool: pg.Pool,
    private readonly send: (bytes: Uint8Array) => Promise<BackendMessage[]>,
    /** The thread posts before `send` returns, so the connection may be handed on then. */
    private readonly postsAtOnce: boolean,
  ) {}

  static for(pool: pg.Pool, engine: PGlite | PGliteThread): EmbeddedReader {
    if (engine instanceof PGliteThread) return new EmbeddedReader(pool, (bytes) => engine.exchange(bytes), true);
    return new EmbeddedReader(pool, async (bytes) => parsed(await engine.execProtocolRaw(bytes)), false);
  }

  async read<Row>(schoolId: string, sql: string, parameters: readonly unknown[]): Promise<Row[]> {
    if (!isUuid(schoolId)) throw new Error('A school read needs the school’s id');
    const values = parameters.map(asText);
    const client = await this.pool.connect();
    let answer: Promise<BackendMessage[]>;
    let read: Statement;
    let school: string;
    try {
      // Written while the connection is held, so what it closes, prepares and uses is in order with every
      // other exchange: a statement is prepared by the first read that needs it, and the reads posted
      // after it use it without waiting for its answer.
      const known = this.#prepared.get(sql);
      read = known ?? { name: `esafety_read_${++this.#next}`, fields: null };
      const prepareSchool = this.#school === null;
      school = this.#school ??= `esafety_school_${++this.#next}`;
      this.#prepared.set(sql, read);
      const bytes = joined([
        // It is no error to close a statement that does not exist.
        ...this.#closing.splice(0).map((name) => serialize.close({ type: 'S', name })),
        ...(prepareSchool ? [serialize.parse({ name: school, text: setSchool, types: [] })] : []),
        serialize.bind({ statement: school, values: [schoolId] }),
        execute,
        ...(known ? [] : [serialize.parse({ name: read.name, text: sql, types: [] })]),
        serialize.bind({ statement: read.name, values }),
        // The columns are asked for until they are known; the answer's shape cannot change while the statement stands.
        ...(read.fields ? [] : [describePortal]),
        execute,
        sync,
      ]);
      try {
        answer = this.send(bytes);
      } catch (error) {
        this.#forget(sql, read, school);
        throw error;
      }
      if (!this.postsAtOnce) await answer.catch(() => undefined);
    } finally {
      client.release();
    }
    let messages: BackendMessage[];
    try {
      messages = await answer;
    } catch (error) {
      this.#forget(sql, read, school);
      throw error;
    }
    const failed = messages.find((m): m is DatabaseError => m instanceof DatabaseError);
    const last = messages.at(-1);
    if (failed || last?.name !== 'readyForQuery' || (last as { status?: string }).status !== 'I') {
      this.#forget(sql, read, school);
      throw failed ?? new Error('The embedded database did not end the read’s transaction');
    }
    // The read's answer comes after the school's statement's (its one row, then CommandComplete).
    const answered = messages.slice(messages.findIndex((m) => m.name === 'commandComplete') + 1);
    read.fields ??= fieldsOf(answered);
    return rows<Row>(read.fields, answered);
  }

  /**
   * After a failed read, whatever failed (a Parse, a table changed under the prepared statement, setting the school,
   * the exchange itself): both statements are closed at the start of the next read and prepared afresh under new
   * names, so a failure leaves nothing behind, however often it happens.
   */
  #forget(sql: string, read: Statement, school: string): void {
    this.#closing.push(read.name, school);
    if (this.#prepared.get(sql) === read) this.#prepared.delete(sql);
    if (this.#school === school) this.#school = null;
  }
}

/** Sets the role and the school until the end of the transaction, as `withSchool`'s SET LOCALs do. */
const setSchool = `select set_config('role', 'app_user', true), set_config('app.school_id', $1, true)`;
const execute = serialize.execute();
const sync = serialize.sync();
const describePortal = serialize.describe({ type: 'P' });

interface Field {
  name: string;
  parse: (text: string) => unknown;
}

interface Statement {
  name: string;
  fields: Field[] | null;
}

/** A value as PostgreSQL's text format has it, as pg sends it; only the kinds compiled statements hold. */
function asText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  throw new Error(`A school read cannot send a ${typeof value} as a value`);
}

/** The read's columns, with pg's parser for each, from its RowDescription. */
function fieldsOf(messages: BackendMessage[]): Field[] {
  const description = messages.find((m): m is RowDescriptionMessage => m.name === 'rowDescription');
  if (!description) throw new Error('The embedded database did not describe the read’s columns');
  return description.fields.map((field) => ({ name: field.name, parse: typeParser(field.dataTypeID) }));
}

function rows<Row>(fields: Field[], messages: BackendMessage[]): Row[] {
  const out: Row[] = [];
  for (const message of messages) {
    if (message.name !== 'dataRow') continue;
    // In the text format every value is text, or null.
    const values = (message as DataRowMessage).fields as (string | null)[];
    const row: Record<string, unknown> = {};
    for (let i = 0; i < fields.length; i++) {
      const value = values[i];
      row[fields[i].name] = value === null ? null : fields[i].parse(value);
    }
    out.push(row as Row);
  }
  return out;
}

function parsed(bytes: Uint8Array): BackendMessage[] {
  const messages: BackendMessage[] = [];
  new Parser().parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), (m) => messages.push(m));
  return messages;
}

/** pg's own parser for a column's type, as the pool's clients use it (DATE as text: database.ts). */
const typeParser = (oid: number) => pg.types.getTypeParser(oid, 'text') as (text: string) => unknown;

/** Runs nothing: a statement built with it is only ever compiled. */
class BuildOnlyDriver extends DummyDriver {
  override async acquireConnection(): Promise<DatabaseConnection> {
    throw new Error('This query builder only builds statements (read-in-school.ts); run them through a school’s read');
  }
}

/** What a school's one-statement read is built with: Kysely's builder for our schema, which cannot run anything itself. */
export const statementBuilder: QueryCreator<DB> = new Kysely<DB>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new BuildOnlyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});
