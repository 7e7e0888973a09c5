/**
 * OneRoster import speed, in pupils per second, against two baselines measured in the same run:
 *   - parse only: parseRosterFiles on the same files (the CPU floor of reading the package);
 *   - bulk insert: the same number of pupil rows written with multi-row INSERTs in one school transaction
 *     (the floor for "writing N rows" through this driver, row-level security included).
 * Subject, each round on a fresh, empty school: a full import, a re-import of the same package (nothing changes),
 * and a re-import in which ~5% of pupils have moved class. Runs on PGlite in memory, and on PostgreSQL as well
 * when BENCH_DATABASE_URL is set (a scratch database is created there and dropped afterwards).
 *
 *   npx tsx bench/import.ts          BENCH_PUPILS=2000 BENCH_ROUNDS=5 by default (3 under bench/run.ts)
 */
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Insertable } from 'kysely';
import pg from 'pg';
import { createImportService, type ImportResult } from '../src/modules/people/import.service.ts';
import { parseRosterFiles, type RosterPackage } from '../src/modules/people/oneroster/oneroster.parse.ts';
import { generateRosterPackage } from '../src/modules/people/oneroster/sample-roster.ts';
import { createSchool } from '../src/modules/school/school.service.ts';
import { openDatabase, type Database } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import type { PupilTable } from '../src/platform/db/schema.ts';
import { withSchool } from '../src/platform/db/school-scope.ts';
import {
  clockSeconds,
  closePgliteTemplate,
  fmt,
  formatTable,
  freshPgliteDatabase,
  intEnv,
  interleave,
  isMain,
  median,
  pairedRatio,
  progress,
  writeResults,
  type Variant,
} from './lib.ts';

const actor = { id: null, label: 'benchmark' };
// Every Nth pupil moves class: 20 gives 5%; BENCH_MOVE_EVERY=1 is a September roll-over, when everyone moves.
const moveShare = Number(process.env.BENCH_MOVE_EVERY ?? 20);

type Kind = 'pglite' | 'postgres';

interface BenchDatabase {
  database: Database;
  dispose(): Promise<void>;
}

async function openBenchDatabase(kind: Kind): Promise<BenchDatabase> {
  if (kind === 'pglite') {
    const database = await freshPgliteDatabase();
    return { database, dispose: () => database.close() };
  }
  // A scratch database, so the benchmark never migrates or fills a database someone is using.
  const url = new URL(process.env.BENCH_DATABASE_URL!);
  const name = `esafety_bench_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  try {
    const database = await openDatabase({ url: target.toString() });
    await migrateToLatest(database.db);
    return {
      database,
      async dispose() {
        await database.close();
        await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      },
    };
  } catch (error) {
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    throw error;
  }
}

/** The same package with every `moveShare`-th pupil enrolled in another class (of the same year group when there is one). */
function withMovedPupils(files: Map<string, string>): { files: Map<string, string>; moved: number } {
  const classCount = files.get('classes.csv')!.trimEnd().split('\r\n').length - 1;
  let pupil = 0;
  let moved = 0;
  const lines = files
    .get('enrollments.csv')!
    .split('\r\n')
    .map((line, index) => {
      const fields = line.split(',');
      if (index === 0 || fields[6] !== 'student' || pupil++ % moveShare !== 0 || classCount < 2) return line;
      const from = Number(fields[3].slice(4)) - 1; // cls-00012 → 11
      const to = classCount > 7 ? (from + 7 < classCount ? from + 7 : from - 7) : (from + 1) % classCount;
      fields[3] = `cls-${String(to + 1).padStart(5, '0')}`;
      moved++;
      return fields.join(',');
    });
  return { files: new Map([...files, ['enrollments.csv', lines.join('\r\n')]]), moved };
}

async function writePackage(files: Map<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'esafety-bench-roster-'));
  for (const [name, text] of files) await writeFile(join(dir, name), text);
  return dir;
}

/** The files as importFromPath reads them from a folder: bytes, decoded by the parser. */
async function readPackage(dir: string): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  for (const name of await readdir(dir)) files.set(name, await readFile(join(dir, name)));
  return files;
}

/** Runs `work` and returns how long it took in seconds, with its result. */
async function timed<T>(work: () => Promise<T> | T): Promise<[number, T]> {
  const start = clockSeconds();
  const result = await work();
  return [clockSeconds() - start, result];
}

function expectOk(result: ImportResult, what: string): Extract<ImportResult, { ok: true }>['outcome'] {
  if (!result.ok) throw new Error(`${what} refused: ${result.problems.slice(0, 3).join('; ')}`);
  return result.outcome;
}

export interface ImportKindResult {
  kind: Kind;
  /** Seconds per round, by measurement. */
  samples: Record<string, number[]>;
  medians: Record<string, { seconds: number; pupilsPerSecond: number }>;
  /** Median over rounds of (subject pupils/s ÷ baseline pupils/s), measured in the same round. */
  ratios: Record<string, { vsParse: number; vsInsert: number }>;
  rowsWrittenByFullImport: Record<string, number>;
}

export interface ImportBenchResult {
  pupils: number;
  rounds: number;
  moved: number;
  kinds: ImportKindResult[];
  table: string;
}

const subjects = ['full import', 're-import, unchanged', 're-import, 5% moved'] as const;
const baselines = ['parse only', 'bulk insert'] as const;

async function benchKind(kind: Kind, pupils: number, rounds: number, dirs: { same: string; moved: string }, moved: number): Promise<ImportKindResult> {
  const log = (message: string) => progress('import', `${kind}: ${message}`);
  log('opening and migrating the database');
  const { database, dispose } = await openBenchDatabase(kind);
  try {
    const db = database.db;
    const imports = createImportService(database.schools);
    const bytes = await readPackage(dirs.same);
    const parsed = parseRosterFiles(bytes);
    if (!parsed.ok) throw new Error(`The generated package does not parse: ${parsed.problems[0]}`);
    const roster: RosterPackage = parsed.roster;
    const today = new Date().toISOString().slice(0, 10);
    const pupilRows = (schoolId: string): Insertable<PupilTable>[] =>
      roster.users
        .filter((u) => u.kind === 'pupil')
        .map((u) => ({
          school_id: schoolId,
          sourced_id: u.sourcedId,
          given_name: u.givenName,
          family_name: u.familyName,
          preferred_name: u.preferredName,
          date_of_birth: roster.birthDates.get(u.sourcedId) ?? null,
          class_id: null,
          admission_date: today,
        }));
    let schools = 0;
    const freshSchool = async () => (await createSchool(database.schools, { name: `Benchmark Primary ${++schools}`, urn: String(700000 + schools) }, actor)).id;
    let rowsWritten: Record<string, number> = {};

    const runSubject = async () => {
      const schoolId = await freshSchool();
      const [fullTime, full] = await timed(() => imports.importFromPath(schoolId, actor, dirs.same, false));
      const [sameTime, same] = await timed(() => imports.importFromPath(schoolId, actor, dirs.same, false));
      const [moveTime, move] = await timed(() => imports.importFromPath(schoolId, actor, dirs.moved, false));
      const times = { 'full import': fullTime, 're-import, unchanged': sameTime, 're-import, 5% moved': moveTime };
      // Check that each step did what it is named for, so a refusal can't pass for a fast import.
      const f = expectOk(full, 'full import').summary;
      if (f.pupils.created !== pupils) throw new Error(`full import created ${f.pupils.created} pupils, not ${pupils}`);
      const s = expectOk(same, 're-import').summary;
      const changes = [s.pupils, s.carers, s.staff, s.classes].reduce((n, c) => n + c.created + c.updated + c.left, 0);
      if (changes !== 0) throw new Error(`re-importing the same package changed ${changes} records: ${JSON.stringify(s)}`);
      const m = expectOk(move, 'moved re-import');
      if (m.summary.pupils.updated !== moved || m.moves.length !== moved)
        throw new Error(`moved re-import updated ${m.summary.pupils.updated} pupils, not ${moved}`);
      const links = await withSchool(db, schoolId, (tx) =>
        tx
          .selectFrom('pupil_carers')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow(),
      );
      rowsWritten = {
        pupils: f.pupils.created,
        carers: f.carers.created,
        pupilCarerLinks: Number(links.n),
        classes: f.classes.created,
        staff: f.staff.created,
      };
      return times;
    };
    const runParse = async () => {
      const [time, result] = await timed(() => parseRosterFiles(bytes));
      if (!result.ok) throw new Error('parse failed');
      return { 'parse only': time };
    };
    const runInsert = async () => {
      const schoolId = await freshSchool();
      const rows = pupilRows(schoolId);
      const [time] = await timed(() =>
        withSchool(db, schoolId, async (tx) => {
          for (let i = 0; i < rows.length; i += 500)
            await tx
              .insertInto('pupils')
              .values(rows.slice(i, i + 500))
              .execute();
        }),
      );
      return { 'bulk insert': time };
    };
    const variants: Variant<Record<string, number>>[] = [
      { name: 'parse', run: runParse },
      { name: 'subject', run: runSubject },
      { name: 'insert', run: runInsert },
    ];

    // One untimed round first: JIT, PGlite's buffers and the planner all warm up on it.
    log('warm-up round');
    for (const variant of variants) await variant.run(-1);
    log(`${rounds} rounds of parse / import ×3 / insert, order alternating`);
    const byVariant = await interleave(rounds, variants);
    const samples: Record<string, number[]> = {};
    for (const list of byVariant.values()) for (const sample of list) for (const [name, value] of Object.entries(sample)) (samples[name] ??= []).push(value);

    const medians: ImportKindResult['medians'] = {};
    for (const [name, list] of Object.entries(samples)) medians[name] = { seconds: median(list), pupilsPerSecond: median(list.map((s) => pupils / s)) };
    const ratios: ImportKindResult['ratios'] = {};
    const rate = (list: number[]) => list.map((s) => pupils / s);
    for (const name of subjects) {
      ratios[name] = {
        vsParse: pairedRatio(rate(samples[name]), rate(samples['parse only'])),
        vsInsert: pairedRatio(rate(samples[name]), rate(samples['bulk insert'])),
      };
    }
    return { kind, samples, medians, ratios, rowsWrittenByFullImport: rowsWritten };
  } finally {
    await dispose();
  }
}

export async function runImportBench(options: { rounds?: number } = {}): Promise<ImportBenchResult> {
  const pupils = intEnv('BENCH_PUPILS', 2000);
  const rounds = intEnv('BENCH_ROUNDS', options.rounds ?? 5);
  const kinds: Kind[] = process.env.BENCH_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
  const files = generateRosterPackage({ pupils, seed: 7 });
  const movedPackage = withMovedPupils(files);
  const dirs = { same: await writePackage(files), moved: await writePackage(movedPackage.files) };
  try {
    const results: ImportKindResult[] = [];
    for (const kind of kinds) results.push(await benchKind(kind, pupils, rounds, dirs, movedPackage.moved));

    const rows: string[][] = [];
    for (const r of results) {
      for (const name of baselines)
        rows.push([r.kind, `${name} (baseline)`, fmt.ms(r.medians[name].seconds * 1000), fmt.int(r.medians[name].pupilsPerSecond), '', '']);
      for (const name of subjects) {
        rows.push([
          r.kind,
          name,
          fmt.ms(r.medians[name].seconds * 1000),
          fmt.int(r.medians[name].pupilsPerSecond),
          fmt.ratio(r.ratios[name].vsParse),
          fmt.ratio(r.ratios[name].vsInsert),
        ]);
      }
    }
    const table = formatTable(['db', 'measure', 'median ms', 'pupils/s', '÷ parse', '÷ insert'], rows);
    return { pupils, rounds, moved: movedPackage.moved, kinds: results, table };
  } finally {
    await rm(dirs.same, { recursive: true, force: true });
    await rm(dirs.moved, { recursive: true, force: true });
  }
}

export function describeImport(result: ImportBenchResult): string {
  const written = result.kinds[0]?.rowsWrittenByFullImport ?? {};
  return [
    `OneRoster import: ${result.pupils} pupils, ${result.rounds} interleaved rounds (+1 warm-up), medians; ${result.moved} pupils moved in the last re-import.`,
    'Ratios are the median over rounds of subject pupils/s ÷ baseline pupils/s from the same round (1.00 = as fast as the baseline).',
    result.table,
    `A full import writes ${Object.entries(written)
      .map(([k, v]) => `${v} ${k}`)
      .join(', ')}; the insert baseline writes ${result.pupils} pupils only.`,
  ].join('\n');
}

export const saveImportResults = (result: ImportBenchResult): Promise<string> =>
  writeResults('import', { pupils: result.pupils, rounds: result.rounds, moved: result.moved, kinds: result.kinds });

if (isMain(import.meta.url)) {
  const result = await runImportBench().finally(closePgliteTemplate);
  console.log(describeImport(result));
  console.log(`\nWrote ${await saveImportResults(result)}`);
}
