/**
 * Shared helpers for the benchmarks. Every benchmark here reports RATIOS against a baseline measured in the
 * same run, with baseline and subject rounds interleaved, because the machines they run on are small and shared.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { openDatabase, type Database } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { closePgliteTemplate, createTestDatabase } from '../test/helpers/database.ts';

export const benchDir = dirname(fileURLToPath(import.meta.url));
export const resultsDir = join(benchDir, 'results');

/** True when the module at `metaUrl` is the script node was asked to run (not imported by bench/run.ts). */
/**
 * The Node.js options `npm start` gives the server (package.json's start script), so a benchmark
 * that starts the compiled server runs it exactly as a school does.
 */
export function serverNodeOptions(): string[] {
  const start = (JSON.parse(readFileSync(join(benchDir, '..', 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
  const options = /\bnode ((?:--\S+ )*)dist\/server\.js/.exec(start);
  if (!options) throw new Error(`package.json's start script does not run dist/server.js with node: ${start}`);
  return options[1].split(' ').filter(Boolean);
}

export const isMain = (metaUrl: string): boolean => process.argv[1] !== undefined && metaUrl === pathToFileURL(process.argv[1]).href;

const started = performance.now();

/** A progress line on stderr, with seconds since the process started benchmarking. */
export function progress(bench: string, message: string): void {
  process.stderr.write(`[${bench} +${((performance.now() - started) / 1000).toFixed(1)}s] ${message}\n`);
}

/**
 * A fresh, migrated, empty PGlite database, cloned from one migrated template per process (the same one the tests
 * use): starting PGlite is the slowest step (4–10 s on a busy 2-core box), so bench/run.ts pays for it once.
 * Close the template with closePgliteTemplate() before exiting.
 */
export const freshPgliteDatabase = (): Promise<Database> => createTestDatabase('pglite');
export { closePgliteTemplate };

/**
 * The embedded database as the server runs it: a data folder, PGlite on its own thread (issue 17,
 * point 11), migrated. `BENCH_THREAD=main` keeps PGlite on the benchmark's thread, as before. The folder
 * goes when the database is closed.
 */
export async function serverLikePgliteDatabase(): Promise<Database> {
  const thread = process.env.BENCH_THREAD === 'main' ? 'main' : 'worker';
  const dir = mkdtempSync(join(tmpdir(), 'esafety-bench-pglite-'));
  const database = await openDatabase({ dataDir: dir, thread });
  await migrateToLatest(database.db);
  return {
    ...database,
    async close() {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Seconds on the clock the benchmarks read. `BENCH_CLOCK=cpu` reads this process's CPU time
 * (user + system) instead of the wall clock: PGlite runs in this thread, so CPU time is the work
 * done, and it barely moves when other programs load the machine (the wall clock moves 2-5x).
 */
export const clockSeconds: () => number =
  process.env.BENCH_CLOCK === 'cpu'
    ? () => {
        const { user, system } = process.cpuUsage();
        return (user + system) / 1e6;
      }
    : () => performance.now() / 1000;

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export const intEnv = (name: string, fallback: number): number => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive whole number, not "${raw}"`);
  return value;
};

export interface Variant<T> {
  name: string;
  run: (round: number) => Promise<T>;
}

/**
 * Runs every variant once per round, alternating the order (A B C, then C B A, …) so that a slow patch of the
 * machine, or a warming JIT, does not land on the same variant every time. Returns the samples by variant name.
 */
export async function interleave<T>(rounds: number, variants: readonly Variant<T>[]): Promise<Map<string, T[]>> {
  const samples = new Map<string, T[]>(variants.map((v) => [v.name, []]));
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? variants : [...variants].reverse();
    for (const variant of order) samples.get(variant.name)!.push(await variant.run(round));
  }
  return samples;
}

/** Median of the per-round ratios subject/baseline: pairs rounds taken close together in time. */
export function pairedRatio(subject: readonly number[], baseline: readonly number[]): number {
  return median(subject.map((value, i) => value / baseline[i]));
}

export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export const fmt = {
  int: (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-GB') : '–'),
  ms: (n: number) => (Number.isFinite(n) ? n.toFixed(n < 10 ? 2 : 1) : '–'),
  ratio: (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '–'),
};

export function machine() {
  return {
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpus: availableParallelism(),
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    /** 1, 5 and 15-minute load averages when the results were written: above the core count, expect noise. */
    loadAverage: loadavg().map((n) => Math.round(n * 100) / 100),
  };
}

/** Writes bench/results/<name>.json (the folder is git-ignored apart from its .gitignore). */
export async function writeResults(name: string, data: unknown): Promise<string> {
  await mkdir(resultsDir, { recursive: true });
  const ignore = join(resultsDir, '.gitignore');
  if (!existsSync(ignore)) await writeFile(ignore, '*\n!.gitignore\n');
  const file = join(resultsDir, `${name}.json`);
  await writeFile(file, JSON.stringify({ name, date: new Date().toISOString(), machine: machine(), ...(data as object) }, null, 2) + '\n');
  return file;
}

/**
 * The CPU time of the calling thread alone, in ms (Linux: /proc/thread-self/stat, in clock ticks of
 * 10 ms), or null elsewhere. Unlike event loop utilisation it does not count time the thread was
 * ready to run but waiting for a core, so on a busy machine it shows the work the thread itself did.
 */
export function threadCpuMs(): number | null {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    // Fields after the command's closing parenthesis: state is the 3rd field, utime the 14th and stime the 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}
