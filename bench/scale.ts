/**
 * Many schools on one PostgreSQL (issue 17, point 13): the class page and GET /api/v1/pupils of ONE school, at 50
 * connections, in a database holding 500 schools × 400 pupils, against the same school in a database holding it
 * alone. Two scratch databases are made from the URL (needs CREATEDB) and dropped afterwards; the database in the URL
 * is not touched. Both are ANALYZEd once filled, as an import does. Rounds alternate between the two databases;
 * medians and same-round ratios (many ÷ one) are reported.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/scale.ts
 *   BENCH_SCHOOLS=50 (default 500)  BENCH_SCHOOL_PUPILS=400  BENCH_CONNECTIONS=50  BENCH_DURATION=5  BENCH_ROUNDS=3
 *   (TEST_DATABASE_URL is used when BENCH_DATABASE_URL is unset.)
 */
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import pg from 'pg';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { applyRoster } from '../src/modules/people/import.apply.ts';
import { parseRosterFiles } from '../src/modules/people/oneroster/oneroster.parse.ts';
import { generateRosterPackage } from '../src/modules/people/oneroster/sample-roster.ts';
import { addApiToken } from '../src/modules/school/school.service.ts';
import { openDatabase, type Database } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { withSchool } from '../src/platform/db/school-database.ts';
import { sessionCookie } from '../src/platform/http/security.ts';
import { TestBrowser } from '../test/helpers/app.ts';
import { makeSchool, makeStaff } from '../test/helpers/factories.ts';
import { fmt, formatTable, intEnv, interleave, isMain, median, pairedRatio, progress, writeResults } from './lib.ts';

const log = (message: string) => progress('scale', message);

interface Sample {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  requests: number;
}

/** A scratch database on the server of `url`, migrated; `dispose` closes and drops it. */
async function scratchDatabase(url: URL, label: string): Promise<{ database: Database; dispose: () => Promise<void> }> {
  const name = `esafety_scale_${label}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
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
  const drop = () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  try {
    const database = await openDatabase({ url: target.toString() });
    await migrateToLatest(database.db);
    return {
      database,
      async dispose() {
        await database.close();
        await drop();
      },
    };
  } catch (error) {
    await drop();
    throw error;
  }
}

/** `count` schools of `pupils` pupils each, from the import's own generator and apply step (4 at a time). */
async function fillSchools(database: Database, count: number, pupils: number, label: string): Promise<string[]> {
  const ids: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const n = next++;
      const school = await makeSchool(database.db, { name: `Scale Primary ${n + 1}`, urn: String(300000 + n) });
      const parsed = parseRosterFiles(generateRosterPackage({ pupils, seed: n + 1 }));
      if (!parsed.ok) throw new Error(parsed.problems[0]);
      await withSchool(database.schools, school.id, (tx) => applyRoster(tx, school.id, parsed.roster));
      ids[n] = school.id;
      if ((n + 1) % 50 === 0) log(`${label}: ${n + 1} of ${count} schools`);
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  await sql`ANALYZE`.execute(database.db);
  return ids;
}

interface Site {
  app: Awaited<ReturnType<typeof buildApp>>;
  targets: Record<'class page' | 'pupils API', { url: string; headers: Record<string, string> }>;
}

/** The app on `database`, listening, with a teacher of the first school signed in and holding an API token. */
async function openSite(database: Database, schoolId: string): Promise<Site> {
  const app = await buildApp({ config: loadConfig({ NODE_ENV: 'test' }, { baseUrl: 'http://localhost' }), database });
  await app.ready();
  await app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const teacher = await makeStaff(database.db, schoolId, ['teacher']);
  const browser = new TestBrowser(app);
  await browser.signIn(teacher);
  const cookie = `_csrf=${browser.cookies.get('_csrf')}; ${sessionCookie}=${browser.cookies.get(sessionCookie)}`;
  const { classId, token } = await withSchool(database.schools, schoolId, async (tx) => {
    const row = await tx.selectFrom('classes').select('id').where('sourced_id', '=', 'cls-00001').executeTakeFirstOrThrow();
    return { classId: row.id, token: await addApiToken(tx, schoolId, { id: null, label: 'bench' }, teacher.email) };
  });
  return {
    app,
    targets: {
      'class page': { url: `${base}/classes/${classId}`, headers: { cookie } },
      'pupils API': { url: `${base}/api/v1/pupils`, headers: { authorization: `Bearer ${token}` } },
    },
  };
}

export async function runScaleBench() {
  const raw = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!raw) throw new Error('Set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to a PostgreSQL server where the user may CREATE DATABASE');
  const url = new URL(raw);
  const schools = intEnv('BENCH_SCHOOLS', 500);
  const pupils = intEnv('BENCH_SCHOOL_PUPILS', 400);
  const connections = intEnv('BENCH_CONNECTIONS', 50);
  const duration = intEnv('BENCH_DURATION', 5);
  const rounds = intEnv('BENCH_ROUNDS', 3);

  const opened: { dispose: () => Promise<void> }[] = [];
  const sites: Site[] = [];
  try {
    log('creating two scratch databases');
    const one = await scratchDatabase(url, 'one');
    opened.push(one);
    const many = await scratchDatabase(url, 'many');
    opened.push(many);
    log(`filling: 1 school, and ${schools} schools × ${pupils} pupils`);
    const fillStarted = performance.now();
    const [oneSchool] = await fillSchools(one.database, 1, pupils, 'one');
    const [manyFirst] = await fillSchools(many.database, schools, pupils, 'many');
    const fillSeconds = (performance.now() - fillStarted) / 1000;
    const { rows } = await sql<{ n: string }>`SELECT count(*) AS n FROM pupils`.execute(many.database.db);
    log(`filled in ${fillSeconds.toFixed(0)} s: ${rows[0].n} pupils in the large database`);

    sites.push(await openSite(one.database, oneSchool), await openSite(many.database, manyFirst));
    const [small, large] = sites;
    const bodyBytes: Record<string, number> = {};
    for (const [label, site] of [
      ['1 school', small],
      [`${schools} schools`, large],
    ] as const) {
      for (const [name, target] of Object.entries(site.targets)) {
        const response = await fetch(target.url, { headers: target.headers, redirect: 'manual' });
        const body = await response.text();
        if (response.status !== 200) throw new Error(`${label}, ${name}: ${target.url} answered ${response.status}`);
        bodyBytes[`${name}, ${label}`] = Buffer.byteLength(body);
      }
    }

    const load = async (site: Site, name: keyof Site['targets'], seconds: number): Promise<Sample> => {
      const result = await autocannon({ ...site.targets[name], connections, duration: seconds, workers: 1, timeout: 30 });
      if (result.errors || result.timeouts || result.non2xx) {
        throw new Error(`${name}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx responses`);
      }
      return { requestsPerSecond: result.requests.total / result.duration, p50: result.latency.p50, p99: result.latency.p99, requests: result.requests.total };
    };
    log('warming up');
    for (const site of sites) for (const name of ['class page', 'pupils API'] as const) await load(site, name, 1);

    const variants = (['class page', 'pupils API'] as const).flatMap((name) =>
      (
        [
          ['1 school', small],
          [`${schools} schools`, large],
        ] as const
      ).map(([label, site]) => ({
        name: `${name}, ${label}`,
        run: () => {
          log(`${name}, ${label}: ${duration} s`);
          return load(site, name, duration);
        },
      })),
    );
    const samples = Object.fromEntries(await interleave(rounds, variants)) as Record<string, Sample[]>;
    const medians = Object.fromEntries(
      Object.entries(samples).map(([name, list]) => [
        name,
        { requestsPerSecond: median(list.map((s) => s.requestsPerSecond)), p50: median(list.map((s) => s.p50)), p99: median(list.map((s) => s.p99)) },
      ]),
    );
    const ratios: Record<string, number> = {};
    for (const name of ['class page', 'pupils API']) {
      const base = samples[`${name}, 1 school`].map((s) => s.requestsPerSecond);
      ratios[name] = pairedRatio(
        samples[`${name}, ${schools} schools`].map((s) => s.requestsPerSecond),
        base,
      );
    }
    const table = formatTable(
      ['route, database', 'req/s', 'p50 ms', 'p99 ms', 'req/s ÷ 1 school'],
      Object.keys(samples).map((name) => [
        name,
        fmt.int(medians[name].requestsPerSecond),
        fmt.ms(medians[name].p50),
        fmt.ms(medians[name].p99),
        name.endsWith(', 1 school') ? '1.00' : fmt.ratio(ratios[name.slice(0, name.indexOf(','))]),
      ]),
    );
    return {
      schools,
      pupils,
      connections,
      duration,
      rounds,
      fillSeconds,
      pupilsInLargeDatabase: Number(rows[0].n),
      bodyBytes,
      samples,
      medians,
      ratios,
      table,
    };
  } finally {
    for (const site of sites) await site.app.close();
    for (const database of opened.reverse()) await database.dispose();
  }
}

if (isMain(import.meta.url)) {
  const result = await runScaleBench();
  console.log(
    [
      `One school's class page and GET /api/v1/pupils on PostgreSQL: a database of ${result.schools} schools × ${result.pupils} pupils (${result.pupilsInLargeDatabase} pupils) against one of that school alone;`,
      `autocannon ${result.connections} connections in a worker thread, ${result.rounds} interleaved rounds × ${result.duration} s; medians, and the median of same-round ratios.`,
      result.table,
    ].join('\n'),
  );
  console.log(`\nWrote ${await writeResults('scale', { ...result, table: undefined })}`);
}
