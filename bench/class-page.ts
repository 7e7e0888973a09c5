/**
 * Requests per second and latency of GET /classes/:id (a class of 30 pupils, signed in as a teacher) against a
 * baseline on the SAME app instance: GET /bench/fixed-class, which renders the same people/views/class.njk through
 * the same render() helper (reply.view) with a fixed in-memory actor and the data the route itself handed render()
 * for this class (caught once), and touches no database: the same page, byte for byte in length. A third
 * variant sends the session cookie to that fixed route, so the cost of identifying the signed-in person (done in
 * onRequest for every route, public ones included) can be told apart from the cost of the class queries. Rounds alternate; medians and same-round ratios are reported.
 *
 *   npx tsx bench/class-page.ts       BENCH_DURATION=3 (s per round; 2 when short of time) BENCH_ROUNDS=3 BENCH_CONNECTIONS=10 BENCH_ONLY="class page"
 *
 * Besides requests per second, each route's CPU time per request (the whole process: server, database thread and
 * the load generator's thread) is reported; on a busy machine it moves less than req/s.
 */
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { applyRoster } from '../src/modules/people/import.apply.ts';
import { parseRosterFiles } from '../src/modules/people/oneroster/oneroster.parse.ts';
import { generateRosterPackage } from '../src/modules/people/oneroster/sample-roster.ts';
import { findClass, pupilsInClass } from '../src/modules/people/people.repository.ts';
import { yearGroupLabel } from '../src/modules/school/school-calendar.ts';
import { pupilDisplayName as displayName } from '../src/modules/people/names.ts';
import type { Actor } from '../src/platform/auth/actor.ts';
import { actorForSession } from '../src/platform/auth/auth.repository.ts';
import { tokenHash } from '../src/platform/auth/secrets.ts';
import { withSchool } from '../src/platform/db/school-database.ts';
import type { PGliteThread } from '../src/platform/db/pglite-thread.ts';
import { addApiToken } from '../src/modules/school/school.service.ts';
import { render } from '../src/platform/http/render.ts';
import { sessionCookie } from '../src/platform/http/security.ts';
import { TestBrowser } from '../test/helpers/app.ts';
import { makeSchool, makeStaff } from '../test/helpers/factories.ts';
import {
  closePgliteTemplate,
  fmt,
  formatTable,
  serverLikePgliteDatabase,
  threadCpuMs,
  intEnv,
  interleave,
  isMain,
  median,
  pairedRatio,
  progress,
  writeResults,
} from './lib.ts';

const classSize = 30;
const classCount = 10;

export interface PageSample {
  requestsPerSecond: number;
  /** The whole process's CPU time (server, database thread and load generator) per request: steadier than req/s on a busy machine. */
  cpuMsPerRequest: number;
  /** Messages posted to the database's thread per request under this load (statements sent together count once). */
  threadMessagesPerRequest: number | null;
  /** The server's main thread: its own CPU time per request (Linux), else its busy time (event loop utilisation). */
  mainMsPerRequest: number;
  /** The embedded database's thread: its busy time per request (null off the thread). */
  threadMsPerRequest: number | null;
  p50: number;
  p99: number;
  requests: number;
}

export interface ClassPageBenchResult {
  durationSeconds: number;
  rounds: number;
  connections: number;
  bodyBytes: Record<string, number>;
  samples: Record<string, PageSample[]>;
  /** Each measure's median over the rounds. */
  medians: Record<string, Omit<PageSample, 'requests'>>;
  /** Median over rounds of subject ÷ baseline from the same round (req/s below 1 and latency above 1 mean slower). */
  ratios: Record<string, { requestsPerSecond: number; cpu: number; p50: number; p99: number }>;
  table: string;
}

export async function runClassPageBench(): Promise<ClassPageBenchResult> {
  const requestedDuration = process.env.BENCH_DURATION ? intEnv('BENCH_DURATION', 3) : null;
  const rounds = intEnv('BENCH_ROUNDS', 3);
  const connections = intEnv('BENCH_CONNECTIONS', 10);

  const log = (message: string) => progress('class-page', message);
  log('starting PGlite');
  const database = await serverLikePgliteDatabase();
  let app: Awaited<ReturnType<typeof buildApp>> | null = null;
  try {
    const db = database.db;
    log('creating a school of 300 pupils');

    // A school of 300 pupils in 10 classes of 30, from the same generator the import uses.
    const school = await makeSchool(db, { name: 'Benchmark Primary' });
    const parsed = parseRosterFiles(generateRosterPackage({ pupils: classSize * classCount, classes: classCount, seed: 11 }));
    if (!parsed.ok) throw new Error(parsed.problems[0]);
    await withSchool(database.schools, school.id, (tx) => applyRoster(tx, school.id, parsed.roster));
    const teacher = await makeStaff(db, school.id, ['teacher']);
    const { found, pupils } = await withSchool(database.schools, school.id, async (tx) => {
      const row = await tx.selectFrom('classes').select('id').where('sourced_id', '=', 'cls-00001').executeTakeFirstOrThrow();
      return { found: (await findClass(tx, row.id))!, pupils: await pupilsInClass(tx, row.id) };
    });
    if (pupils.length !== classSize) throw new Error(`The class has ${pupils.length} pupils, not ${classSize}`);

    const config = loadConfig({ NODE_ENV: 'test' }, { baseUrl: 'http://localhost' });
    app = await buildApp({ config, database });
    let fixedActor: Actor | null = null;
    // The page's own data, fixed once: exactly what the route hands render() for this class and this teacher (its
    // lessons, bans and events lists included), caught from the first class page below; until then, the class alone.
    let pageData: Record<string, unknown> = {
      title: found.title,
      class: { ...found, yearGroupLabel: yearGroupLabel(found.year_group) },
      backLink: '/classes',
      pupils: pupils.map((p) => ({ ...p, displayName: displayName(p) })),
    };
    let catchPageData = false;
    const addedByRender = new Set(['actor', 'schoolName', 'navigation', 'csrfToken', 'cspNonce', 'flash', 'fieldErrors']);
    app.addHook('preHandler', async (request, reply) => {
      if (!catchPageData || !request.url.startsWith('/classes/')) return;
      catchPageData = false;
      const view = reply.view.bind(reply);
      reply.view = (template: string, data: Record<string, unknown>) => {
        // What render() adds for every page is added again when the baseline renders.
        pageData = Object.fromEntries(Object.entries(data).filter(([name]) => !addedByRender.has(name)));
        return view(template, data);
      };
    });
    // Baseline: the same template through the same render() (→ reply.view: menu, CSRF token, CSP nonce), with an
    // in-memory actor and class. Without a session cookie the onRequest hook has no one to look up: no database.
    app.get('/bench/fixed-class', { config: { permission: 'public' }, schema: { hide: true } }, async (request, reply) => {
      request.actor = fixedActor;
      return render(request, reply, 'people/views/class.njk', pageData);
    });
    await app.ready();
    await app.listen({ host: '127.0.0.1', port: 0 });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

    // Through the real sign-in form (CSRF and all); then every cookie a browser would hold.
    const browser = new TestBrowser(app);
    await browser.signIn(teacher);
    const session = browser.cookies.get(sessionCookie);
    const csrfSecret = browser.cookies.get('_csrf');
    if (!session || !csrfSecret) throw new Error(`Sign-in left cookies ${[...browser.cookies.keys()].join(', ')}; expected ${sessionCookie} and _csrf`);
    fixedActor = Object.freeze(await actorForSession(db, tokenHash(session)));
    if (!fixedActor) throw new Error('The session does not lead to the teacher');
    const cookie = `_csrf=${csrfSecret}; ${sessionCookie}=${session}`;
    // The photo list (CON-3): every pupil of the class has carers' answers on record, so the rule has work to do.
    const token = await withSchool(database.schools, school.id, async (tx) => {
      const links = await tx
        .selectFrom('pupil_carers')
        .select(['pupil_id', 'carer_id'])
        .where(
          'pupil_id',
          'in',
          pupils.map((p) => p.id),
        )
        .execute();
      for (const [i, link] of links.entries()) {
        await tx
          .insertInto('consent_decisions')
          .values({
            school_id: school.id,
            pupil_id: link.pupil_id,
            purpose: 'website',
            decision: i % 4 === 0 ? 'refused' : 'granted',
            carer_id: link.carer_id,
            method: 'paper',
            form_version: 1,
            year_group: found.year_group,
            recorded_by_label: 'bench',
          })
          .execute();
      }
      return addApiToken(tx, school.id, { id: null, label: 'bench' }, teacher.email);
    });

    const targets = {
      // The CSRF secret cookie only, so render() reuses it as it does for the signed-in page.
      'fixed-class (baseline)': { url: `${base}/bench/fixed-class`, headers: { cookie: `_csrf=${csrfSecret}` } },
      'fixed-class + session': { url: `${base}/bench/fixed-class`, headers: { cookie } },
      'class page': { url: `${base}/classes/${found.id}`, headers: { cookie } },
      'photo list page': { url: `${base}/consent/classes/${found.id}?purpose=website`, headers: { cookie } },
      'photo list API': { url: `${base}/api/v1/classes/${found.id}/photo-list?purpose=website`, headers: { authorization: `Bearer ${token}` } },
    };
    catchPageData = true;
    const first = await fetch(targets['class page'].url, { headers: targets['class page'].headers, redirect: 'manual' });
    if (first.status !== 200 || catchPageData) throw new Error(`The class page answered ${first.status} without rendering its template`);
    log('app listening and teacher signed in');
    // Each must answer 200 with the class on it: a redirect to sign-in would be a very fast, very wrong result.
    const bodyBytes: Record<string, number> = {};
    // On PGlite's thread: how many exchanges with the database each request waits for, and how many it sends ahead.
    const thread = database.pglite && 'exchanges' in database.pglite ? (database.pglite as PGliteThread) : null;
    const exchanges = thread?.exchanges ?? null;
    for (const [name, target] of Object.entries(targets)) {
      const before = exchanges && { ...exchanges };
      const response = await fetch(target.url, { headers: target.headers, redirect: 'manual' });
      if (exchanges && before)
        log(`${name}: ${exchanges.waitedFor - before.waitedFor} exchanges waited for, ${exchanges.sentAhead - before.sentAhead} sent ahead`);
      const body = await response.text();
      const expected =
        name === 'photo list API'
          ? body.includes('"mayNot"') && body.includes(pupils[0].id)
          : body.includes(found.title) && body.includes(displayName(pupils[0])) && body.includes(fixedActor.name);
      if (response.status !== 200 || !expected) {
        throw new Error(`${name}: ${target.url} answered ${response.status} without the class on it`);
      }
      bodyBytes[name] = Buffer.byteLength(body);
    }

    const load = async (name: keyof typeof targets, duration: number): Promise<PageSample> => {
      log(`${name}: ${duration} s`);
      // workers: 1 puts the load generator on a thread of its own, off the server's event loop.
      const cpu = process.cpuUsage();
      const posted = exchanges?.posted ?? 0;
      const mainBusy = performance.eventLoopUtilization();
      const mainCpu = threadCpuMs();
      // (An older build's thread, compared side by side, may not say how busy it was.)
      const threadBusy = typeof thread?.eventLoopUtilization === 'function' ? thread.eventLoopUtilization() : undefined;
      const result = await autocannon({ ...targets[name], connections, duration, workers: 1 });
      const used = process.cpuUsage(cpu);
      const mainCpuAfter = threadCpuMs();
      const mainMs = mainCpu !== null && mainCpuAfter !== null ? mainCpuAfter - mainCpu : performance.eventLoopUtilization(mainBusy).active;
      const threadMs = threadBusy && thread ? thread.eventLoopUtilization(threadBusy).active : null;
      const messages = exchanges ? exchanges.posted - posted : null;
      if (result.errors || result.timeouts || result.non2xx) {
        throw new Error(`${name}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx responses`);
      }
      return {
        requestsPerSecond: result.requests.total / result.duration,
        cpuMsPerRequest: (used.user + used.system) / 1000 / result.requests.total,
        threadMessagesPerRequest: messages === null ? null : messages / result.requests.total,
        mainMsPerRequest: mainMs / result.requests.total,
        threadMsPerRequest: threadMs === null ? null : threadMs / result.requests.total,
        p50: result.latency.p50,
        p99: result.latency.p99,
        requests: result.requests.total,
      };
    };
    // BENCH_ONLY="class page": that route and the baseline alone (for a CPU profile of one route).
    const only = process.env.BENCH_ONLY;
    const names = (Object.keys(targets) as (keyof typeof targets)[]).filter((n) => !only || n === only || n === 'fixed-class (baseline)');
    // 3 s rounds, unless the time this process has already spent (PGlite takes 4–10 s to start on a busy 2-core box;
    // under bench/run.ts the import benchmark came first) would take it past ~50 s; then 2 s. Each run also costs
    // ~0.7 s to start its worker thread, and autocannon stops on whole seconds, so no fractions.
    const elapsed = performance.now() / 1000;
    const fits = (d: number) => elapsed + 1.7 + rounds * names.length * (d + 0.7) <= 50;
    const durationSeconds = requestedDuration ?? (fits(3) ? 3 : 2);
    if (durationSeconds !== (requestedDuration ?? 3)) log(`already ${elapsed.toFixed(0)} s in: ${durationSeconds} s rounds, to finish within a minute`);
    await load('class page', 1); // warm-up for all three: JIT, template compilation, PGlite's caches
    const byName = await interleave(
      rounds,
      names.map((name) => ({ name, run: () => load(name, durationSeconds) })),
    );

    const samples = Object.fromEntries(byName) as Record<string, PageSample[]>;
    const baseline = samples['fixed-class (baseline)'];
    const medians: ClassPageBenchResult['medians'] = {};
    const ratios: ClassPageBenchResult['ratios'] = {};
    for (const [name, list] of Object.entries(samples)) {
      medians[name] = {
        requestsPerSecond: median(list.map((s) => s.requestsPerSecond)),
        cpuMsPerRequest: median(list.map((s) => s.cpuMsPerRequest)),
        threadMessagesPerRequest: exchanges ? median(list.map((s) => s.threadMessagesPerRequest ?? 0)) : null,
        mainMsPerRequest: median(list.map((s) => s.mainMsPerRequest)),
        threadMsPerRequest: thread ? median(list.map((s) => s.threadMsPerRequest ?? 0)) : null,
        p50: median(list.map((s) => s.p50)),
        p99: median(list.map((s) => s.p99)),
      };
      const ratio = (pick: (s: PageSample) => number) => pairedRatio(list.map(pick), baseline.map(pick));
      // CPU as requests per CPU second (the inverse), so that like req/s, below 1 means costlier than the baseline.
      ratios[name] = {
        requestsPerSecond: ratio((s) => s.requestsPerSecond),
        cpu: ratio((s) => 1 / s.cpuMsPerRequest),
        p50: ratio((s) => s.p50),
        p99: ratio((s) => s.p99),
      };
    }
    const table = formatTable(
      [
        'route',
        'req/s',
        'p50 ms',
        'p99 ms',
        'req/s ÷ base',
        'p50 ÷ base',
        'p99 ÷ base',
        'CPU ms/req',
        'req per CPU s ÷ base',
        'main CPU ms/req',
        'db thread busy ms/req',
        'thread msgs/req',
        'body B',
      ],
      names.map((name) => [
        name,
        fmt.int(medians[name].requestsPerSecond),
        fmt.ms(medians[name].p50),
        fmt.ms(medians[name].p99),
        fmt.ratio(ratios[name].requestsPerSecond),
        fmt.ratio(ratios[name].p50),
        fmt.ratio(ratios[name].p99),
        medians[name].cpuMsPerRequest.toFixed(2),
        fmt.ratio(ratios[name].cpu),
        medians[name].mainMsPerRequest.toFixed(2),
        medians[name].threadMsPerRequest?.toFixed(2) ?? '–',
        medians[name].threadMessagesPerRequest?.toFixed(2) ?? '–',
        String(bodyBytes[name]),
      ]),
    );
    return { durationSeconds, rounds, connections, bodyBytes, samples, medians, ratios, table };
  } finally {
    if (app) await app.close();
    await database.close();
  }
}

export function describeClassPage(result: ClassPageBenchResult): string {
  return [
    `GET /classes/:id (${classSize} pupils, teacher session) vs the same template with fixed data; PGlite; autocannon ${result.connections} connections in a worker thread,`,
    `${result.rounds} interleaved rounds × ${result.durationSeconds} s per route (after a 1 s warm-up); medians, and the median of same-round ratios.`,
    result.table,
  ].join('\n');
}

export const saveClassPageResults = (result: ClassPageBenchResult): Promise<string> =>
  writeResults('class-page', {
    durationSeconds: result.durationSeconds,
    rounds: result.rounds,
    connections: result.connections,
    classSize,
    bodyBytes: result.bodyBytes,
    samples: result.samples,
    medians: result.medians,
    ratios: result.ratios,
  });

if (isMain(import.meta.url)) {
  const result = await runClassPageBench().finally(closePgliteTemplate);
  console.log(describeClassPage(result));
  console.log(`\nWrote ${await saveClassPageResults(result)}`);
}
