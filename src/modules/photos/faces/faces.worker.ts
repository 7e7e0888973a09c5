/**
 * The face finder's thread: the model and the pixel work stay off the thread that answers requests,
 * so a 12-megapixel upload never holds up anyone else's page.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadFaceModel, type FaceModel } from './faces.model.ts';

export interface FaceJob {
  id: number;
  image: Uint8Array;
}
export type FaceAnswer =
  | { id: number; ok: true; width: number; height: number; boxes: { x: number; y: number; width: number; height: number; score: number }[] }
  | { id: number; ok: false; message: string };

const options = (workerData ?? {}) as { threads?: number };
let model: Promise<FaceModel> | null = null;
// One photograph at a time: the model is not re-entrant and two at once would only share the core.
let queue: Promise<void> = Promise.resolve();

parentPort?.on('message', (job: FaceJob) => {
  queue = queue.then(async () => {
    try {
      model ??= loadFaceModel({ threads: options.threads ?? 1 });
      const found = await (await model).find(Buffer.from(job.image.buffer, job.image.byteOffset, job.image.byteLength));
      parentPort!.postMessage({ id: job.id, ok: true, width: found.width, height: found.height, boxes: found.boxes } satisfies FaceAnswer);
    } catch (error) {
      if (model && !(await model.then(() => true).catch(() => false))) model = null;
      parentPort!.postMessage({ id: job.id, ok: false, message: error instanceof Error ? error.message : String(error) } satisfies FaceAnswer);
    }
  });
});
