import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { DatabaseError, type BackendMessage } from 'pg-protocol/dist/messages.js';
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
const problem = (error) => ({
  message: String((error && error.message) || error),
  name: error && error.name,
  code: error && error.code,
  errno: error && error.errno,
  stack: error && error.stack,
});
parentPort.on('message', async (request) => {
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
      await pglite.execProtocolRawStream(request.bytes, {
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
});
`;

/**
 * Frontend messages after which the client waits for the server: Sync, Flush, a simple Query,
 * Terminate, the end or failure of a COPY, and the start-up packet (its first byte is a length, 0).
 * Parse, Bind, Describe, Execute and Close are answered only then.
 */
const answerNow = new Set([0x53, 0x48, 0x51, 0x58, 0x63, 0x66, 0x00]);

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
   */
  async execProtocolStream(message: Uint8Array, options: { throwOnError?: boolean } = {}): Promise<BackendMessage[]> {
    this.#held.push(message);
    if (!answerNow.has(message[0])) return [];
    const held = this.#held;
    this.#held = [];
    const out = new Uint8Array(held.reduce((n, m) => n + m.byteLength, 0));
    let at = 0;
    for (const m of held) {
      out.set(m, at);
      at += m.byteLength;
    }
    const { bytes } = await this.#call({ op: 'exec', bytes: out }, [out.buffer]);
    const messages: BackendMessage[] = [];
    if (bytes && bytes.byteLength > 0) new Parser().parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), (m) => messages.push(m));
    const failed = messages.find((m): m is DatabaseError => m instanceof DatabaseError);
    if (options.throwOnError !== false && failed) throw failed;
    return messages;
  }

  async dumpDataDir(compression: 'auto' | 'gzip' | 'none' = 'auto'): Promise<Blob> {
    const { buffer } = await this.#call({ op: 'dump', compression });
    return new Blob([buffer ?? new ArrayBuffer(0)]);
  }

  async close(): Promise<void> {
    if (this.#stopped) return;
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
      this.#worker.postMessage({ id, ...request }, transfer);
    });
  }

  #settled(id: number) {
    this.#pending.delete(id);
    if (this.#pending.size === 0) this.#worker.unref();
  }
}
