/**
 * Faces (issue 14): milliseconds per 12-megapixel class photograph (4032 × 3024, 44 faces in four
 * rows, made from the labelled samples), and recall and precision on the labelled photographs
 * (the six group photographs shipped in @vladmandic/face-api, faces counted by hand in
 * bench/faces-labels.json, plus the class photograph, whose boxes are known by construction).
 * Time is reported against sharp's plain decode → resize → encode of the same photograph in the
 * same run. Also: the memory the face finder adds (resident set, before and after), and whether
 * the event loop stays free while it works in its thread.
 *
 *   npx tsx bench/faces.ts      BENCH_ROUNDS=5 by default; FACE_THREADS=1 (as the app runs it)
 */
import sharp from 'sharp';
import { workerFaceDetector } from '../src/modules/photos/faces/faces.detector.ts';
import { loadFaceModel } from '../src/modules/photos/faces/faces.model.ts';
import { classPhotograph, samplePhotos, score } from './faces-photos.ts';
import { fmt, formatTable, interleave, intEnv, isMain, median, pairedRatio, progress, writeResults, type Variant } from './lib.ts';

const timed = async (work: () => Promise<unknown>) => {
  const start = performance.now();
  await work();
  return performance.now() - start;
};
const megabytes = (bytes: number) => Math.round(bytes / 1024 / 1024);

export async function runFacesBench(options: { rounds?: number; threads?: number } = {}) {
  const rounds = options.rounds ?? intEnv('BENCH_ROUNDS', 5);
  const threads = options.threads ?? intEnv('FACE_THREADS', 1);
  const rssBefore = process.memoryUsage().rss;
  const model = await loadFaceModel({ threads });
  const photo = await classPhotograph({ width: 4032, height: 3024, rows: 4, perRow: 11 });
  progress('faces', `${photo.name}, ${(photo.bytes.length / 1024 / 1024).toFixed(1)} MB; ${rounds} rounds after a warm-up; ${threads} thread(s)`);

  // Accuracy: every labelled photograph once.
  const labelled = [...(await samplePhotos()), photo];
  const accuracy = [];
  let tiles = 0;
  for (const p of labelled) {
    const found = await model.find(p.bytes);
    if (p === photo) tiles = found.tiles;
    accuracy.push({ name: p.name, ...score(found.boxes, p.faces) });
  }
  const total = accuracy.reduce((sum, a) => ({ faces: sum.faces + a.faces, found: sum.found + a.found, hits: sum.hits + a.hits }), {
    faces: 0,
    found: 0,
    hits: 0,
  });

  const variants: Variant<number>[] = [
    {
      name: 'plain sharp',
      run: () => timed(() => sharp(photo.bytes).rotate().resize({ width: 2048, height: 2048, fit: 'inside' }).jpeg().toBuffer()),
    },
    { name: 'find faces', run: () => timed(() => model.find(photo.bytes)) },
  ];
  await interleave(1, variants);
  const samples = await interleave(rounds, variants);
  const baseline = samples.get('plain sharp')!;
  const rssModel = process.memoryUsage().rss;
  await model.release();

  // The app's way: in the worker thread. How late does a 10 ms timer fire on the main thread meanwhile?
  const detector = workerFaceDetector({ threads });
  await detector.detect(photo.bytes);
  const lateness: number[] = [];
  let ticking = true;
  const tick = async () => {
    while (ticking) {
      const start = performance.now();
      await new Promise((resolve) => setTimeout(resolve, 10));
      lateness.push(performance.now() - start - 10);
    }
  };
  const ticker = tick();
  const inWorker = await timed(() => detector.detect(photo.bytes));
  ticking = false;
  await ticker;
  await detector.close();

  return {
    rounds,
    threads,
    tilesPer12MP: tiles,
    medians: Object.fromEntries([...samples].map(([name, values]) => [name, { msPerPhoto: median(values) }])),
    ratios: Object.fromEntries([...samples].map(([name, values]) => [name, { vsPlainSharp: pairedRatio(values, baseline) }])),
    inWorkerMs: inWorker,
    mainThreadTimerLatenessMs: { median: median(lateness), max: Math.max(...lateness) },
    extraMemoryMb: megabytes(rssModel - rssBefore),
    accuracy,
    recall: total.hits / total.faces,
    precision: total.hits / Math.max(1, total.found),
  };
}

export function describeFaces(r: Awaited<ReturnType<typeof runFacesBench>>): string {
  const time = formatTable(
    ['subject', 'ms per 12 MP photo', '× plain sharp'],
    Object.keys(r.medians).map((name) => [name, fmt.ms(r.medians[name].msPerPhoto), fmt.ratio(r.ratios[name].vsPlainSharp)]),
  );
  const accuracy = formatTable(
    ['photograph', 'faces', 'found', 'right', 'recall', 'precision'],
    r.accuracy.map((a) => [a.name, String(a.faces), String(a.found), String(a.hits), fmt.ratio(a.hits / a.faces), fmt.ratio(a.hits / Math.max(1, a.found))]),
  );
  return [
    `Faces in a 12-megapixel class photograph (${r.rounds} rounds, ${r.threads} thread(s), ${r.tilesPer12MP} tiles; ratio = median of same-round ratios)`,
    time,
    `In the worker thread: ${fmt.ms(r.inWorkerMs)} ms; a 10 ms timer on the main thread meanwhile fired late by ${fmt.ms(r.mainThreadTimerLatenessMs.median)} ms (median), ${fmt.ms(r.mainThreadTimerLatenessMs.max)} ms at most`,
    `Memory added by the model and one 12 MP photograph: ${r.extraMemoryMb} MB resident`,
    '',
    `Recall ${fmt.ratio(r.recall)}, precision ${fmt.ratio(r.precision)}`,
    accuracy,
  ].join('\n');
}

if (isMain(import.meta.url)) {
  const result = await runFacesBench();
  console.log(describeFaces(result));
  progress('faces', `results in ${await writeResults('faces', result)}`);
}
