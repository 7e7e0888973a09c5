import { createRequire } from 'node:module';
import type { EventLoopUtilization } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { CommandCompleteMessage, DatabaseError, ReadyForQueryMessage, type BackendMessage } from 'pg-protocol/dist/messages.js';
import { Parser } from 'pg-protocol/dist/parser.js';

/**
 * What the app needs of the embedded database beyond SQL: a copy of its files (backups) and
 * closing it. PGlite itself has both; so has {@link PGliteThread}.
 */
export interface EmbeddedEngine {
  dumpDataDir(compression?: 'auto' | 'gzip' | 'none'): Promise<Blob>;
  close(): Promise<void>;
}

/**
 * The worker's whole program, as CommonJS text: it runs the same under tsx, vitest and the compiled
 * server, with no second file to build. It holds PGlite and answers PostgreSQL's wire protocol,
 * bytes in and bytes out; parsing stays on the main thread, so errors arrive as pg's own.
 */
const threadProgram = `
const { parentPort, workerData } = require('node:worker_threads');
const { PGlite } = require(workerData.pglite);
let pglite = null;
// One request at a time, in the order they came: a statement sent ahead (see pipelined below) runs
// before the one after it, never beside it.
let queue = Promise.resolve();
const problem = (error) => ({
  message: String((error && error.message) || error),
  name: error && error.name,
  code: error && error.code,
  errno: error && error.errno,
  stack: error && error.stack,
});
parentPort.on('message', (request) => {
  queue = queue.then(() => answer(request));
});
async function answer(request) {
  const { id, op } = request;
  try {
    if (op === 'open') {
      pglite = await PGlite.create(request.dataDir, { startParams: request.startParams });
      parentPort.postMessage({ id });
    } else if (op === 'exec') {
      // The raw answer, copied out of WebAssembly's memory as it comes: PGlite's own reading of it
      // (for LISTEN, which the app does not use) would parse every row a second time.
      const chunks = [];
      let size = 0;
      // (No syncToFs: a data folder is Node's own file system, which PGlite has nothing to copy back to.)
      await pglite.execProtocolRawStream(request.bytes, {
        syncToFs: false,
        onRawData: (chunk) => {
          chunks.push(chunk.slice());
          size += chunk.length;
        },
      });
      const bytes = chunks.length === 1 ? chunks[0] : new Uint8Array(size);
      if (chunks.length !== 1) {
        let at = 0;
        for (const chunk of chunks) {
          bytes.set(chunk, at);
          at += chunk.length;
        }
      }
      parentPort.postMessage({ id, bytes }, [bytes.buffer]);
    } else if (op === 'dump') {
      const buffer = await (await pglite.dumpDataDir(request.compression)).arrayBuffer();
      parentPort.postMessage({ id, buffer }, [buffer]);
    } else if (op === 'close') {
      if (pglite) await pglite.close();
      pglite = null;
      parentPort.postMessage({ id });
    }
  } catch (error) {
    parentPort.postMessage({ id, error: problem(error) });
  }
}
`;

/**
 * Frontend messages after which the client waits for the server: Sync, Flush, a simple Query,
 * Terminate, the end or failure of a COPY, and the start-up packet (its first byte is a length, 0).
 * Parse, Bind, Describe, Execute and Close are answered only then.
 */
const answerNow = new Set([0x53, 0x48, 0x51, 0x58, 0x63, 0x66, 0x00]);

/**
 * Simple queries whose answer is known before they run, sent ahead without waiting (see
 * {@link PGliteThread.execProtocolStream}): a school's BEGIN with its SET LOCALs, and the COMMIT
 * of a transaction that only read (`readOnlyCommit`, sent by school-scope.ts). Each maps to the
 * command tags PostgreSQL answers with and the transaction status after it.
 */
const setLocal = String.raw`SET LOCAL (ROLE [a-z_]+|[a-z_]+(\.[a-z_]+)? = '[0-9A-Za-z_-]+')`;
const beginWithSettings = new RegExp(`^BEGIN(; ${setLocal})*$`);
export const readOnlyCommit = 'COMMIT /* read only */';

function predictedAnswer(sql: string): { tags: string[]; status: 'T' | 'I' } | null {
  if (beginWithSettings.test(sql)) return { tags: sql.split('; ').map((statement) => (statement === 'BEGIN' ? 'BEGIN' : 'SET')), status: 'T' };
  if (sql === readOnlyCommit) return { tags: ['COMMIT'], status: 'I' };
  return null;
}

/** The text of a simple Query message ('Q', length, text, NUL), or null for any other message. */
function simpleQueryText(message: Uint8Array): string | null {
  if (message[0] !== 0x51 || message.byteLength < 6) return null;
  return Buffer.from(message.buffer, message.byteOffset + 5, message.byteLength - 6).toString('utf8');
}

interface Reply {
  id: number;
  error?: { message: string; name?: string; code?: string; errno?: number; stack?: string };
  bytes?: Uint8Array;
  buffer?: ArrayBuffer;
}

/**
 * PGlite on a worker thread (issue 17, point 11). PGlite runs each statement synchronously inside
 * WebAssembly: on the main thread a query stopped every other request, rendering included, for as
 * long as it ran, and under 50 connections the queue of half-served requests grew without bound.
 * Here the statement runs on its own thread while the main thread goes on rendering and answering;
 * the single connection (the pool's `max: 1`) still keeps one transaction at a time, in turn.
 *
 * It offers what `@electric-sql/pglite/node-postgres` calls on a PGlite (`waitReady`,
 * `execProtocolStream`), so the pool, Kysely and pg-boss use it unchanged.
 */
export class PGliteThread implements EmbeddedEngine {
  readonly waitReady: Promise<void> = Promise.resolve();
  readonly #worker: Worker;
  readonly #pending = new Map<number, { resolve: (reply: Reply) => void; reject: (error: Error) => void }>();
  #next = 0;
  #held: Uint8Array[] = [];
  #stopped: Error | null = null;
  /**
   * Statements answered already (a school's BEGIN, a read-only COMMIT), to go to the thread with the next
   * statement that waits for its answer, or on their own at the end of this turn of the event loop.
   */
  #answered: { bytes: Uint8Array; kind: 'begin' | 'commit' }[] = [];
  #flushScheduled = false;
  /** The first failure of a statement answered ahead, given to the exchange after it. */
  #aheadFailed: DatabaseError | Error | null = null;
  /** Sent-ahead statements not yet answered. */
  readonly #ahead = new Set<Promise<void>>();
  /** How many statements were answered ahead, and how many exchanges were waited for (tests and benchmarks read them). */
  readonly exchanges = { sentAhead: 0, waitedFor: 0, posted: 0 };

  /** How busy the database's thread has been (benchmarks read its busy time per request); as `performance.eventLoopUtilization`. */
  eventLoopUtilization(since?: EventLoopUtilization): EventLoopUtilization {
    return this.#worker.performance.eventLoopUtilization(since);
  }

  private constructor(worker: Worker) {
    this.#worker = worker;
    worker.on('message', (reply: Reply) => {
      const waiting = this.#pending.get(reply.id);
      if (!waiting) return;
      this.#settled(reply.id);
      if (reply.error) waiting.reject(Object.assign(new Error(reply.error.message), reply.error));
      else waiting.resolve(reply);
    });
    const stop = (error: Error) => {
      this.#stopped = error;
      for (const [id, waiting] of this.#pending) {
        this.#settled(id);
        waiting.reject(error);
      }
    };
    worker.on('error', (error) => stop(new Error(`The embedded database stopped: ${error.message}`, { cause: error })));
    worker.on('exit', (code) => stop(new Error(`The embedded database stopped (its thread ended with code ${code})`)));
    // Idle, the thread does not keep the process alive (a CLI command ends when its work does);
    // while a request is out, it does.
    worker.unref();
  }

  static async open(dataDir: string, startParams: readonly string[]): Promise<PGliteThread> {
    const pglite = createRequire(import.meta.url).resolve('@electric-sql/pglite');
    // The thread's own JavaScript is small (messages and copies of answers, kept outside the heap):
    // a young generation of 4 MB instead of V8's default (up to 3 × 16 MB) keeps its heap small.
    const resourceLimits = { maxYoungGenerationSizeMb: 4 };
    const thread = new PGliteThread(new Worker(threadProgram, { eval: true, workerData: { pglite }, resourceLimits }));
    try {
      await thread.#call({ op: 'open', dataDir, startParams: [...startParams] });
    } catch (error) {
      await thread.#worker.terminate();
      throw error;
    }
    return thread;
  }

  /**
   * The backend's messages for the frontend's; errors are among them, as pg expects. The adapter hands
   * over one message at a time (Parse, Bind, Describe, Execute, Sync for one statement): they are
   * held until the one that asks for an answer, and cross to the thread together, once.
   *
   * A school's BEGIN (with its SET LOCALs) is answered at once, as PostgreSQL will answer it, and goes
   * to the thread with the transaction's first statement; a read-only COMMIT is answered at once and
   * sent without waiting (issue 17, point 10: a page's transaction holds the one connection for two
   * thread hops fewer, and crosses to the thread once less). The thread runs everything in the order
   * sent. If such a statement fails, the next exchange reports its error and does not run (the
   * transaction is aborted, so nothing runs in the wrong school or as the wrong role).
   */
  async execProtocolStream(message: Uint8Array, options: { throwOnError?: boolean } = {}): Promise<BackendMessage[]> {
    const known = this.#held.length === 0 ? predictedAnswer(simpleQueryText(message) ?? '') : null;
    if (known) {
      this.exchanges.sentAhead++;
      // A copy: pg's Buffer may be a view of a larger pool.
      this.#answered.push({ bytes: new Uint8Array(message), kind: known.status === 'T' ? 'begin' : 'commit' });
      this.#scheduleFlush();
      return [...known.tags.map((tag) => new CommandCompleteMessage(tag.length + 5, tag)), new ReadyForQueryMessage(5, known.status)];
    }
    this.#held.push(message);
    if (!answerNow.has(message[0])) return [];
    const held = this.#held;
    this.#held = [];
    const messages = await this.#exchange(held);
    const failed = messages.find((m): m is DatabaseError => m instanceof DatabaseError);
    if (options.throwOnError !== false && failed) throw failed;
    return messages;
  }

  /**
   * A whole exchange the caller has put together, which must leave the connection as it found it (a
   * transaction begun and ended in it): sent to the thread at once, in turn with every statement before
   * it (read-in-school.ts). The caller must hold the pool's connection while it calls this, so that no
   * client is between two of its messages; the call posts before it returns, and the thread runs
   * what comes after in order, so the connection may be handed on before the answer comes back.
   * Errors are among the messages returned.
   */
  exchange(messages: Uint8Array): Promise<BackendMessage[]> {
    if (this.#held.length > 0) throw new Error('A client is in the middle of a statement: hold the pool connection before exchanging');
    return this.#exchange([messages]);
  }

  async #exchange(held: Uint8Array[]): Promise<BackendMessage[]> {
    const answered = this.#answered;
    const out = joined([...answered.map((a) => a.bytes), ...held]);
    this.#answered = [];
    this.exchanges.waitedFor++;
    const { bytes } = await this.#call({ op: 'exec', bytes: out }, [out.buffer as ArrayBuffer]);
    let messages: BackendMessage[] = [];
    if (bytes && bytes.byteLength > 0) new Parser().parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), (m) => messages.push(m));
    // The answers of the statements answered ahead (one ReadyForQuery each) were given already.
    if (answered.length > 0) {
      let end = -1;
      for (const { kind } of answered) {
        const start = end + 1;
        end = messages.findIndex((m, i) => i >= start && m.name === 'readyForQuery');
        this.#noteAheadFailure(kind, messages.slice(start, end < 0 ? undefined : end + 1));
        if (end < 0) break;
      }
      messages = end < 0 ? [] : messages.slice(end + 1);
    }
    // A statement answered ahead failed: this exchange, which ran in the transaction it aborted, reports
    // that failure instead of "current transaction is aborted".
    const aheadFailed = this.#aheadFailed;
    this.#aheadFailed = null;
    if (aheadFailed) {
      if (!(aheadFailed instanceof DatabaseError)) throw aheadFailed;
      const at = messages.findIndex((m) => m instanceof DatabaseError);
      if (at >= 0) messages[at] = aheadFailed;
    }
    return messages;
  }

  /**
   * A BEGIN's failure belongs to the transaction it began, and is reported by its next statement; a
   * read-only COMMIT's (nothing was written, and the next statement is another transaction's) is only
   * worth a warning.
   */
  #noteAheadFailure(kind: 'begin' | 'commit', messages: BackendMessage[]) {
    const failure = messages.find((m): m is DatabaseError => m instanceof DatabaseError);
    if (!failure) return;
    if (kind === 'begin') this.#aheadFailed ??= failure;
    else process.emitWarning(`A read-only transaction's COMMIT failed: ${failure.message}`);
  }

  /**
   * Statements answered ahead wait for the next statement that needs the thread (under load, the next
   * request's, so a page's COMMIT and the next page's BEGIN cross with its question: one message each
   * way instead of two), but no longer than this turn of the event loop: a read-only transaction is not
   * left open while the server is idle.
   */
  #scheduleFlush() {
    if (this.#flushScheduled) return;
    this.#flushScheduled = true;
    setImmediate(() => {
      this.#flushScheduled = false;
      if (this.#held.length === 0) this.#sendAhead();
    });
  }

  /**
   * Sends the statements answered ahead, up to the last COMMIT, without waiting for their answers. A BEGIN
   * after it stays for its transaction's first statement, which is on its way.
   */
  #sendAhead() {
    let through = this.#answered.length;
    while (through > 0 && this.#answered[through - 1].kind !== 'commit') through--;
    const answered = this.#answered.slice(0, through);
    this.#answered = this.#answered.slice(through);
    if (answered.length === 0) return;
    const out = joined(answered.map((a) => a.bytes));
    const sent = this.#call({ op: 'exec', bytes: out }, [out.buffer as ArrayBuffer]).then(
      ({ bytes }) => {
        if (!bytes) return;
        const groups: BackendMessage[][] = [[]];
        new Parser().parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), (m) => {
          groups[groups.length - 1].push(m);
          if (m.name === 'readyForQuery') groups.push([]);
        });
        answered.forEach(({ kind }, i) => this.#noteAheadFailure(kind, groups[i] ?? []));
      },
      (error: Error) => {
        this.#aheadFailed ??= error;
      },
    );
    this.#ahead.add(sent);
    void sent.finally(() => this.#ahead.delete(sent));
  }

  async dumpDataDir(compression: 'auto' | 'gzip' | 'none' = 'auto'): Promise<Blob> {
    this.#sendAhead();
    const { buffer } = await this.#call({ op: 'dump', compression });
    return new Blob([buffer ?? new ArrayBuffer(0)]);
  }

  async close(): Promise<void> {
    if (this.#stopped) return;
    this.#sendAhead();
    await Promise.all(this.#ahead);
    try {
      await this.#call({ op: 'close' });
    } finally {
      await this.#worker.terminate();
    }
  }

  #call(request: Record<string, unknown>, transfer: ArrayBuffer[] = []): Promise<Reply> {
    if (this.#stopped) return Promise.reject(this.#stopped);
    const id = ++this.#next;
    return new Promise<Reply>((resolve, reject) => {
      if (this.#pending.size === 0) this.#worker.ref();
      this.#pending.set(id, { resolve, reject });
      if (request.op === 'exec') this.exchanges.posted++;
      this.#worker.postMessage({ id, ...request }, transfer);
    });
  }

  #settled(id: number) {
    this.#pending.delete(id);
    if (this.#pending.size === 0) this.#worker.unref();
  }
}

/** The messages as one buffer of the caller's own, so it can be moved to the thread rather than copied. */
export function joined(messages: Uint8Array[]): Uint8Array {
  if (messages.length === 1) return new Uint8Array(messages[0]);
  const out = new Uint8Array(messages.reduce((n, m) => n + m.byteLength, 0));
  let at = 0;
  for (const m of messages) {
    out.set(m, at);
    at += m.byteLength;
  }
  return out;
}
