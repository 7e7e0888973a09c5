/**
 * Faces (issue 14): milliseconds per 12-megapixel class photograph (4032 × 3024, 44 faces in four
 * rows, made from the labelled samples), and recall and precision on the labelled photographs
 * (the six group photographs shipped in @vladmandic/face-api, faces counted by hand in
 * bench/faces-labels.json, plus the class photograph, whose boxes are known by construction).
 * Also recall on nine other class layouts of the same faces (other face sizes, other places
 * relative to the tiles). Time is reported against sharp's plain decode → resize → encode of the
 * same photograph in the same rounds, for the finder with one inference thread and with two, with
 * each one's CPU time (which a busy machine hardly changes) and where it goes. Also: the memory the face
 * finder adds (resident set, before and after), and how late a timer on the main thread fires
 * while the finder works in its worker thread, the app's way.
 *
 *   npx tsx bench/faces.ts      BENCH_ROUNDS=5 by default; FACE_THREADS: the app's setting (default as the app runs it)
 *   BENCH_FACES_BEFORE=/path/to/an/older/checkout npx tsx bench/faces.ts
 *                               also times that checkout's face finder (one thread) in the same rounds
 */
import { resolve } from 'node:path';
import sharp from 'sharp';
import { defaultFaceThreads, workerFaceDetector } from '../src/modules/photos/faces/faces.detector.ts';
import { loadFaceModel, type FaceModel, type FoundFaces } from '../src/modules/photos/faces/faces.model.ts';
import { classPhotograph, samplePhotos, score, type Labelled } from './faces-photos.ts';
import { fmt, formatTable, interleave, intEnv, isMain, median, pairedRatio, progress, writeResults, type Variant } from './lib.ts';

const timed = async (work: () => Promise<unknown>) => {
  const start = performance.now();
  await work();
  return performance.now() - start;
};
/** Wall-clock and CPU milliseconds (all of the process's threads: sharp's, onnxruntime's) of one piece of work. */
const clocked = async <T>(work: () => Promise<T>) => {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = await work();
  const wall = performance.now() - start;
  const { user, system } = process.cpuUsage(cpu);
  return { result, wall, cpu: (user + system) / 1000 };
};
const megabytes = (bytes: number) => Math.round(bytes / 1024 / 1024);

async function accuracyOf(model: Pick<FaceModel, 'find'>, labelled: readonly Labelled[]) {
  const photos = [];
  for (const p of labelled) photos.push({ name: p.name, ...score((await model.find(p.bytes)).boxes, p.faces) });
  const total = photos.reduce((sum, a) => ({ faces: sum.faces + a.faces, found: sum.found + a.found, hits: sum.hits + a.hits }), {
    faces: 0,
    found: 0,
    hits: 0,
  });
  return { photos, recall: total.hits / total.faces, precision: total.hits / Math.max(1, total.found) };
}

const otherLayouts = [
  { width: 4032, height: 3024, rows: 3, perRow: 9 },
  { width: 4032, height: 3024, rows: 3, perRow: 10 },
  { width: 4032, height: 3024, rows: 4, perRow: 10 },
  { width: 4032, height: 3024, rows: 4, perRow: 13 },
  { width: 4032, height: 3024, rows: 5, perRow: 12 },
  { width: 4000, height: 3000, rows: 4, perRow: 10 },
  { width: 4608, height: 3456, rows: 4, perRow: 11 },
  { width: 4032, height: 2268, rows: 3, perRow: 11 },
  { width: 3024, height: 4032, rows: 5, perRow: 8 },
];
const tally = (a: Awaited<ReturnType<typeof accuracyOf>>) => ({
  faces: a.photos.reduce((sum, p) => sum + p.faces, 0),
  hits: a.photos.reduce((sum, p) => sum + p.hits, 0),
  found: a.photos.reduce((sum, p) => sum + p.found, 0),
});

/** The face finder of another checkout (e.g. a `git worktree` of the commit before a change), loaded from its own files. */
async function finderFrom(checkout: string): Promise<Pick<FaceModel, 'find' | 'release'>> {
  const module = (await import(resolve(checkout, 'src/modules/photos/faces/faces.model.ts'))) as { loadFaceModel: typeof loadFaceModel };
  return module.loadFaceModel({ threads: 1 });
}

export async function runFacesBench(options: { rounds?: number; threads?: number; before?: string } = {}) {
  const rounds = options.rounds ?? intEnv('BENCH_ROUNDS', 5);
  const threads = options.threads ?? intEnv('FACE_THREADS', defaultFaceThreads);
  const before = options.before ?? process.env.BENCH_FACES_BEFORE;
  const rssBefore = process.memoryUsage().rss;
  const model = await loadFaceModel({ threads });
  const photo = await classPhotograph({ width: 4032, height: 3024, rows: 4, perRow: 11 });
  progress('faces', `${photo.name}, ${(photo.bytes.length / 1024 / 1024).toFixed(1)} MB; ${rounds} rounds after a warm-up; the app uses ${threads} thread(s)`);

  // Accuracy: every labelled photograph once. The memory figure is the app's model after a 12 MP photograph.
  const labelled = [...(await samplePhotos()), photo];
  const accuracy = await accuracyOf(model, labelled);
  const tiles = (await model.find(photo.bytes)).tiles;
  const rssModel = process.memoryUsage().rss;
  // The same faces in other class layouts: other sizes and other places relative to the tiles, so a
  // tile plan cannot be fitted to the one photograph above.
  const layouts = await Promise.all(otherLayouts.map((layout) => classPhotograph(layout)));
  const layoutAccuracy = await accuracyOf(model, layouts);
  // Where the time goes, for each finder: the median of each stage over the timed rounds.
  const stages = new Map<string, FoundFaces['ms'][]>();
  // CPU time hardly moves with the machine's load: with one thread it is about what an idle machine's wall clock would show.
  const cpuMs = new Map<string, number[]>();
  const keepCpu = (name: string, ms: number) => cpuMs.set(name, [...(cpuMs.get(name) ?? []), ms]);

  const finders = new Map<string, Pick<FaceModel, 'find' | 'release'>>([
    ['find faces, 1 thread', threads === 1 ? model : await loadFaceModel({ threads: 1 })],
    ['find faces, 2 threads', threads === 2 ? model : await loadFaceModel({ threads: 2 })],
  ]);
  let accuracyBefore: Awaited<ReturnType<typeof accuracyOf>> | undefined;
  let layoutAccuracyBefore: Awaited<ReturnType<typeof accuracyOf>> | undefined;
  if (before) {
    const old = await finderFrom(before);
    finders.set('before, 1 thread', old);
    accuracyBefore = await accuracyOf(old, labelled);
    layoutAccuracyBefore = await accuracyOf(old, layouts);
  }
  const variants: Variant<number>[] = [
    {
      name: 'plain sharp',
      run: async () => {
        const { wall, cpu } = await clocked(() => sharp(photo.bytes).rotate().resize({ width: 2048, height: 2048, fit: 'inside' }).jpeg().toBuffer());
        keepCpu('plain sharp', cpu);
        return wall;
      },
    },
    ...[...finders].map(([name, finder]) => ({
      name,
      run: async () => {
        const { result, wall, cpu } = await clocked(() => finder.find(photo.bytes));
        keepCpu(name, cpu);
        // An older checkout may not say where its time went.
        if (result.ms) stages.set(name, [...(stages.get(name) ?? []), result.ms]);
        return wall;
      },
    })),
  ];
  await interleave(1, variants);
  cpuMs.clear();
  stages.clear();
  const samples = await interleave(rounds, variants);
  const baseline = samples.get('plain sharp')!;
  for (const finder of new Set([model, ...finders.values()])) await finder.release();

  // The app's way: in the worker thread. How late does a 10 ms timer fire on the main thread meanwhile?
  const inWorker: Record<string, { ms: number; timerLatenessMs: { median: number; max: number } }> = {};
  for (const workerThreads of [1, 2]) {
    const detector = workerFaceDetector({ threads: workerThreads });
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
    const times: number[] = [];
    for (let i = 0; i < 3; i++) times.push(await timed(() => detector.detect(photo.bytes)));
    ticking = false;
    await ticker;
    await detector.close();
    inWorker[`${workerThreads} thread(s)`] = { ms: median(times), timerLatenessMs: { median: median(lateness), max: Math.max(...lateness) } };
  }

  return {
    rounds,
    threads,
    tilesPer12MP: tiles,
    medians: Object.fromEntries([...samples].map(([name, values]) => [name, { msPerPhoto: median(values), cpuMsPerPhoto: median(cpuMs.get(name)!) }])),
    stages: Object.fromEntries(
      [...stages].map(([name, runs]) => [
        name,
        Object.fromEntries(Object.keys(runs[0]).map((stage) => [stage, median(runs.map((run) => run[stage as keyof FoundFaces['ms']]))])),
      ]),
    ),
    ratios: Object.fromEntries([...samples].map(([name, values]) => [name, { vsPlainSharp: pairedRatio(values, baseline) }])),
    inWorker,
    extraMemoryMb: megabytes(rssModel - rssBefore),
    accuracy: accuracy.photos,
    recall: accuracy.recall,
    precision: accuracy.precision,
    layouts: { ...tally(layoutAccuracy), recall: layoutAccuracy.recall, precision: layoutAccuracy.precision, accuracy: layoutAccuracy.photos },
    before: accuracyBefore &&
      layoutAccuracyBefore && {
        checkout: before,
        recall: accuracyBefore.recall,
        precision: accuracyBefore.precision,
        accuracy: accuracyBefore.photos,
        layouts: { ...tally(layoutAccuracyBefore), recall: layoutAccuracyBefore.recall, precision: layoutAccuracyBefore.precision },
      },
  };
}

export function describeFaces(r: Awaited<ReturnType<typeof runFacesBench>>): string {
  const time = formatTable(
    ['subject', 'ms per 12 MP photo', '× plain sharp', 'CPU ms'],
    Object.keys(r.medians).map((name) => [
      name,
      fmt.ms(r.medians[name].msPerPhoto),
      fmt.ratio(r.ratios[name].vsPlainSharp),
      fmt.ms(r.medians[name].cpuMsPerPhoto),
    ]),
  );
  const accuracy = formatTable(
    ['photograph', 'faces', 'found', 'right', 'recall', 'precision'],
    r.accuracy.map((a) => [a.name, String(a.faces), String(a.found), String(a.hits), fmt.ratio(a.hits / a.faces), fmt.ratio(a.hits / Math.max(1, a.found))]),
  );
  const stageNames = Object.keys(Object.values(r.stages)[0] ?? {});
  const stages = formatTable(
    ['where the time goes (ms, median)', ...stageNames],
    Object.entries(r.stages).map(([name, ms]) => [name, ...stageNames.map((stage) => fmt.ms(ms[stage]))]),
  );
  const worker = Object.entries(r.inWorker).map(
    ([name, w]) =>
      `In the worker thread, ${name}: ${fmt.ms(w.ms)} ms (median of 3); a 10 ms timer on the main thread meanwhile fired late by ${fmt.ms(w.timerLatenessMs.median)} ms (median), ${fmt.ms(w.timerLatenessMs.max)} ms at most`,
  );
  return [
    `Faces in a 12-megapixel class photograph (${r.rounds} rounds, ${r.tilesPer12MP} tiles; ratio = median of same-round ratios)`,
    time,
    '',
    stages,
    '',
    ...worker,
    `Memory added by the model (${r.threads} thread(s)) and one 12 MP photograph: ${r.extraMemoryMb} MB resident`,
    '',
    `Recall ${fmt.ratio(r.recall)}, precision ${fmt.ratio(r.precision)}`,
    accuracy,
    `Nine other class layouts (${r.layouts.faces} faces, 4,000–4,600 px): found ${r.layouts.hits}, recall ${fmt.ratio(r.layouts.recall)}, precision ${fmt.ratio(r.layouts.precision)}`,
    ...(r.before
      ? [
          `Before (${r.before.checkout}): recall ${fmt.ratio(r.before.recall)}, precision ${fmt.ratio(r.before.precision)}; other layouts: found ${r.before.layouts.hits} of ${r.before.layouts.faces}, recall ${fmt.ratio(r.before.layouts.recall)}, precision ${fmt.ratio(r.before.layouts.precision)}`,
        ]
      : []),
  ].join('\n');
}

if (isMain(import.meta.url)) {
  const result = await runFacesBench();
  console.log(describeFaces(result));
  progress('faces', `results in ${await writeResults('faces', result)}`);
}
