import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FaceBox } from './faces.rules.ts';
import type { FaceAnswer, FaceJob } from './faces.worker.ts';

export interface DetectedFaces {
  width: number;
  height: number;
  boxes: FaceBox[];
}

/** Finds faces in an image (its bytes as stored). Detection only: boxes, never who. */
export interface FaceDetector {
  detect(image: Buffer): Promise<DetectedFaces>;
  close(): Promise<void>;
}

/**
 * The worker runs TypeScript like the rest of the app: it loads faces.worker.ts through tsx's
 * own import function, so it works the same under `tsx`, the tests and the CLI.
 */
function startWorker(threads: number): Worker {
  // tsx's ESM entry (`tsx/esm/api`, import condition), found from its package folder.
  const tsx = pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist', 'esm', 'api', 'index.mjs')).href;
  const entry = new URL('./faces.worker.ts', import.meta.url).href;
  const code = `import(${JSON.stringify(tsx)}).then(({ tsImport }) => tsImport(${JSON.stringify(entry)}, ${JSON.stringify(entry)}));`;
  return new Worker(code, { eval: true, workerData: { threads } });
}

/** Inference threads in the worker: one leaves the other core to answer requests. */
export const defaultFaceThreads = 1;

/** One worker thread for the whole app, started when first needed; a crashed worker is replaced at the next photograph. */
export function workerFaceDetector(options: { threads?: number } = {}): FaceDetector {
  let worker: Worker | null = null;
  let nextId = 1;
  const waiting = new Map<number, { resolve: (faces: DetectedFaces) => void; reject: (error: Error) => void }>();

  const failAll = (error: Error) => {
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
  };

  function running(): Worker {
    if (worker) return worker;
    const started = startWorker(options.threads ?? defaultFaceThreads);
    started.unref();
    started.on('message', (answer: FaceAnswer) => {
      const job = waiting.get(answer.id);
      if (!job) return;
      waiting.delete(answer.id);
      if (answer.ok) job.resolve({ width: answer.width, height: answer.height, boxes: answer.boxes });
      else job.reject(new Error(`Faces could not be looked for: ${answer.message}`));
    });
    started.on('error', (error) => {
      if (worker === started) worker = null;
      failAll(error);
    });
    started.on('exit', () => {
      if (worker === started) worker = null;
      failAll(new Error('The face finder stopped'));
    });
    worker = started;
    return started;
  }

  return {
    detect(image) {
      return new Promise<DetectedFaces>((resolve, reject) => {
        const id = nextId++;
        waiting.set(id, { resolve, reject });
        // A copy goes to the worker (the caller keeps its buffer); the worker's is moved, not copied again.
        const copy = new Uint8Array(image);
        running().postMessage({ id, image: copy } satisfies FaceJob, [copy.buffer]);
      });
    },
    async close() {
      const stopping = worker;
      worker = null;
      if (stopping) await stopping.terminate();
    },
  };
}
