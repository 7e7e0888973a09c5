/**
 * The embedded server's memory, as the operating system counts it (RSS): idle after a first start
 * on an empty data folder, idle after a start on a folder that has data, the highest while under
 * load, and idle again afterwards (issue 17 point 12, goal ≤ 300 MB idle).
 *
 * Runs the compiled server (`npm run build` first; `npm install` does it) as `npm start` does:
 * first on an empty data folder (the server creates the database), then, after the CLI has added a
 * school and imported the OneRoster fixture into that folder, again, and loads `GET /api/v1/pupils`
 * and `GET /api/v1/classes` with an API token through autocannon in its own worker thread.
 * PGLITE_THREAD passes through to the server (`main` to compare with the database on the main thread).
 *
 *   npx tsx bench/memory.ts          # BENCH_DURATION seconds of load (default 15), BENCH_CONNECTIONS (default 10)
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { fmt, formatTable, intEnv, isMain, progress, writeResults, serverNodeOptions } from './lib.ts';

const root = new URL('..', import.meta.url).pathname;
const fixture = join(root, 'test/fixtures/oneroster/basic');
/** How long after /health first answers the idle figure is read (the figures in bench/README.md use 5 s). */
const idleSeconds = 5;

const rssMb = (pid: number): number => {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return line ? Number(line.replace(/\D+/g, '')) / 1024 : Number.NaN;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const loadAverage = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

export async function runMemoryBench() {
  if (!existsSync(join(root, 'dist/server.js'))) throw new Error('No compiled server: run `npm run build` first');
  const duration = intEnv('BENCH_DURATION', 15);
  const connections = intEnv('BENCH_CONNECTIONS', 10);
  const dataDir = mkdtempSync(join(tmpdir(), 'esafety-bench-memory-'));
  const port = 3900 + Math.floor(Math.random() * 90);
  const env = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    BASE_URL: `http://127.0.0.1:${port}`,
    ESAFETY_PASSWORD: 'bench-password-long-enough',
  };
  const cli = (args: string[]) => {
    const result = spawnSync(process.execPath, [join(root, 'bin/esafety.js'), ...args], { env, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`esafety ${args.join(' ')} failed: ${result.stderr}`);
    return result.stdout.trim();
  };
  const startServer = async (): Promise<ChildProcess> => {
    const server = spawn(process.execPath, [...serverNodeOptions(), join(root, 'dist/server.js')], { env, stdio: 'ignore' });
    const started = Date.now();
    for (;;) {
      if (server.exitCode !== null) throw new Error(`The server stopped with code ${server.exitCode}`);
      if (Date.now() - started > 60_000) throw new Error('The server did not answer /health within a minute');
      const ok = await fetch(`http://127.0.0.1:${port}/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return server;
      await sleep(250);
    }
  };
  const stopServer = async (server: ChildProcess) => {
    if (server.exitCode !== null) return;
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  };
  const loadAtStart = loadAverage();

  let server: ChildProcess | null = null;
  try {
    progress('memory', 'first start, on an empty data folder');
    server = await startServer();
    await sleep(idleSeconds * 1000);
    const firstStart = rssMb(server.pid!);
    await stopServer(server);

    progress('memory', `first start idle ${fmt.int(firstStart)} MB; setting up a school with the OneRoster fixture`);
    cli(['school', 'add', '--name', 'Bench Primary', '--urn', '100001']);
    cli(['user', 'add', '--school', '100001', '--email', 'office@bench.example', '--name', 'Olive Office', '--role', 'office']);
    const token = cli(['token', 'add', '--school', '100001', '--email', 'office@bench.example']);
    cli(['import', 'oneroster', fixture, '--school', '100001']);

    server = await startServer();
    const pid = server.pid!;
    await sleep(idleSeconds * 1000);
    const idle = rssMb(pid);
    progress('memory', `idle ${fmt.int(idle)} MB; loading for ${duration} s`);
    let peak = idle;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 250);
    const headers = { authorization: `Bearer ${token}` };
    const load = await Promise.all(
      ['/api/v1/pupils', '/api/v1/classes'].map((path) =>
        autocannon({ url: `http://127.0.0.1:${port}${path}`, connections: Math.max(1, connections / 2), duration, headers, workers: 1 }),
      ),
    );
    clearInterval(sampler);
    const afterLoad = rssMb(pid);
    await sleep(15_000);
    const settled = rssMb(pid);
    const requests = load.reduce((n, r) => n + r.requests.total, 0);
    const non2xx = load.reduce((n, r) => n + r.non2xx, 0);
    const result = {
      thread: process.env.PGLITE_THREAD ?? 'worker',
      firstStartIdleMb: firstStart,
      idleMb: idle,
      peakMb: Math.max(peak, afterLoad),
      afterLoadMb: afterLoad,
      settledMb: settled,
      requests,
      non2xx,
      duration,
      connections,
      loadAtStart,
      loadAtEnd: loadAverage(),
    };
    console.log(
      formatTable(
        ['moment', 'RSS MB'],
        [
          [`idle, ${idleSeconds} s after a first start (empty data folder: the server creates the database)`, fmt.int(firstStart)],
          [`idle, ${idleSeconds} s after a start on the folder with the fixture's school`, fmt.int(idle)],
          [`highest during ${duration} s of load (${connections} connections, ${requests} requests, ${non2xx} not 2xx)`, fmt.int(result.peakMb)],
          ['right after the load', fmt.int(afterLoad)],
          ['15 s after the load', fmt.int(settled)],
        ],
      ),
    );
    console.log(`database thread: ${result.thread}; load average ${loadAtStart} → ${result.loadAtEnd}`);
    await writeResults('memory', result);
    return result;
  } finally {
    if (server) await stopServer(server);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) await runMemoryBench();
