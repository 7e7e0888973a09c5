/**
 * The embedded server under 50 users at once (issue 17, point 11: "answers every request in under 2 s p99 at 50
 * connections, queueing fairly"). The compiled server runs on a data folder holding one school of 400 pupils
 * (imported from a generated OneRoster package), and autocannon (in its own worker thread) sends 50
 * connections to `GET /api/v1/pupils` (an office API token) and, separately, to the class page (an office session
 * signed in through the real form).
 *
 * Two variants of the same server alternate, round by round, on the same folder: the embedded database on the
 * main thread (`PGLITE_THREAD=main`, as before point 11) and on its own thread (the default). Reported: req/s,
 * p50, p99, the slowest request, timeouts and non-2xx answers, with the load average before and after.
 *
 *   npm run build && npx tsx bench/load.ts   # BENCH_CONNECTIONS (50), BENCH_DURATION (10 s per route), BENCH_ROUNDS (2)
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { generateRosterPackage } from '../src/modules/people/oneroster/sample-roster.ts';
import { fmt, formatTable, intEnv, interleave, isMain, median, progress, writeResults, serverNodeOptions } from './lib.ts';

const root = new URL('..', import.meta.url).pathname;
const log = (message: string) => progress('load', message);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

interface Sample {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  max: number;
  requests: number;
  timeouts: number;
  non2xx: number;
}

/** Signs in through the real form: the CSRF cookie and token from the page, then the session cookie. */
async function signIn(base: string, email: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair.indexOf('=');
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const page = await fetch(`${base}/sign-in`);
  keep(page);
  const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1];
  if (!token) throw new Error('No form token on the sign-in page');
  const signedIn = await fetch(`${base}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookie() },
    body: new URLSearchParams({ _csrf: token, email, password }).toString(),
  });
  keep(signedIn);
  if (signedIn.status !== 303) throw new Error(`Signing in answered ${signedIn.status}`);
  return cookie();
}

export async function runLoadBench() {
  if (!existsSync(join(root, 'dist/server.js'))) throw new Error('No compiled server: run `npm run build` first');
  const connections = intEnv('BENCH_CONNECTIONS', 50);
  const duration = intEnv('BENCH_DURATION', 10);
  const rounds = intEnv('BENCH_ROUNDS', 2);
  const dataDir = mkdtempSync(join(tmpdir(), 'esafety-bench-load-'));
  const rosterDir = mkdtempSync(join(tmpdir(), 'esafety-bench-roster-'));
  const port = 3800 + Math.floor(Math.random() * 90);
  const base = `http://127.0.0.1:${port}`;
  const password = 'bench-password-long-enough';
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    SESSION_SECRET: 'bench-secret-'.padEnd(40, 'x'),
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    BASE_URL: base,
    ESAFETY_PASSWORD: password,
    LOG_LEVEL: 'warn',
  };
  const cli = (args: string[]) => {
    const result = spawnSync(process.execPath, [join(root, 'bin/esafety.js'), ...args], { env, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`esafety ${args.join(' ')} failed: ${result.stderr}`);
    return result.stdout.trim();
  };
  try {
    log('setting up a school of 400 pupils');
    for (const [name, text] of generateRosterPackage({ pupils: 400, seed: 11 })) writeFileSync(join(rosterDir, name), text);
    cli(['school', 'add', '--name', 'Bench Primary', '--urn', '100001']);
    cli(['user', 'add', '--school', '100001', '--email', 'office@bench.example', '--name', 'Olive Office', '--role', 'office']);
    const token = cli(['token', 'add', '--school', '100001', '--email', 'office@bench.example']);
    cli(['import', 'oneroster', rosterDir, '--school', '100001']);

    const variants = (['main', 'worker'] as const).map((thread) => ({
      name: thread === 'main' ? 'database on the main thread (before)' : 'database on its own thread',
      async run(): Promise<Record<string, Sample>> {
        const server = spawn(process.execPath, [...serverNodeOptions(), join(root, 'dist/server.js')], {
          env: { ...env, PGLITE_THREAD: thread },
          stdio: 'ignore',
        });
        try {
          const started = Date.now();
          for (;;) {
            if (Date.now() - started > 60_000) throw new Error('The server did not answer /health within a minute');
            if (
              await fetch(`${base}/health`).then(
                (r) => r.ok,
                () => false,
              )
            )
              break;
            await sleep(200);
          }
          const headers = { authorization: `Bearer ${token}` };
          const classes = (await (await fetch(`${base}/api/v1/classes`, { headers })).json()) as { data?: { id: string }[] } | { id: string }[];
          const classId = (Array.isArray(classes) ? classes : (classes.data ?? []))[0]?.id;
          if (!classId) throw new Error('No class to load');
          const cookie = await signIn(base, 'office@bench.example', password);
          const page = await fetch(`${base}/classes/${classId}`, { headers: { cookie } });
          if (page.status !== 200) throw new Error(`The class page answered ${page.status}`);
          const samples: Record<string, Sample> = {};
          for (const [route, path, routeHeaders] of [
            ['pupils API', '/api/v1/pupils', headers],
            ['class page', `/classes/${classId}`, { cookie }],
          ] as const) {
            // A short warm-up at the same concurrency, then the measured run.
            await autocannon({ url: `${base}${path}`, connections, duration: 1, headers: routeHeaders, workers: 1 });
            const result = await autocannon({ url: `${base}${path}`, connections, duration, headers: routeHeaders, workers: 1, timeout: 10 });
            samples[route] = {
              requestsPerSecond: result.requests.average,
              p50: result.latency.p50,
              p99: result.latency.p99,
              max: result.latency.max,
              requests: result.requests.total,
              timeouts: result.timeouts,
              non2xx: result.non2xx,
            };
            log(`${thread}: ${route} ${fmt.int(result.requests.average)} req/s, p99 ${result.latency.p99} ms, ${result.timeouts} timeouts (load ${load()})`);
          }
          return samples;
        } finally {
          server.kill('SIGTERM');
          await new Promise((resolve) => server.once('exit', resolve));
        }
      },
    }));
    const loadBefore = load();
    const results = await interleave(rounds, variants);
    const loadAfter = load();
    const rows: string[][] = [];
    for (const route of ['pupils API', 'class page']) {
      for (const [variant, samples] of results) {
        const of = (pick: (s: Sample) => number) => median(samples.map((s) => pick(s[route])));
        rows.push([
          route,
          variant,
          fmt.int(of((s) => s.requestsPerSecond)),
          fmt.int(of((s) => s.p50)),
          fmt.int(of((s) => s.p99)),
          fmt.int(Math.max(...samples.map((s) => s[route].max))),
          String(samples.reduce((n, s) => n + s[route].timeouts + s[route].non2xx, 0)),
        ]);
      }
    }
    console.log(formatTable(['route', 'variant', 'req/s', 'p50 ms', 'p99 ms', 'slowest ms', 'timeouts + non-2xx'], rows));
    console.log(`${connections} connections, ${rounds} rounds of ${duration} s per route; load average ${loadBefore} → ${loadAfter}`);
    await writeResults('load', { connections, duration, rounds, loadBefore, loadAfter, results: Object.fromEntries(results) });
    return results;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(rosterDir, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) await runLoadBench();
