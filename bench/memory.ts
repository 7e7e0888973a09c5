/**
 * The embedded server's memory, as the operating system counts it (RSS): idle after start, the
 * highest while under load, and idle again afterwards (issue 17 point 12, goal ≤ 300 MB idle).
 *
 * Runs the compiled server (`npm run build` first; `npm install` does it) on a fresh data folder
 * with the OneRoster fixture imported, then loads `GET /api/v1/pupils` and `GET /api/v1/classes`
 * with an API token through autocannon in its own worker thread.
 *
 *   npx tsx bench/memory.ts          # BENCH_DURATION seconds of load (default 15), BENCH_CONNECTIONS (default 10)
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { fmt, formatTable, intEnv, isMain, progress, writeResults } from './lib.ts';

const root = new URL('..', import.meta.url).pathname;
const fixture = join(root, 'test/fixtures/oneroster/basic');

const rssMb = (pid: number): number => {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return line ? Number(line.replace(/\D+/g, '')) / 1024 : Number.NaN;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runMemoryBench() {
  if (!existsSync(join(root, 'dist/server.js'))) throw new Error('No compiled server: run `npm run build` first');
  const duration = intEnv('BENCH_DURATION', 15);
  const connections = intEnv('BENCH_CONNECTIONS', 10);
  const dataDir = mkdtempSync(join(tmpdir(), 'esafety-bench-memory-'));
  const port = 3900 + Math.floor(Math.random() * 90);
  const env = { ...process.env, DATA_DIR: dataDir, PORT: String(port), BASE_URL: `http://127.0.0.1:${port}`, ESAFETY_PASSWORD: 'bench-password-long-enough' };
  const cli = (args: string[]) => {
    const result = spawnSync(process.execPath, [join(root, 'bin/esafety.js'), ...args], { env, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`esafety ${args.join(' ')} failed: ${result.stderr}`);
    return result.stdout.trim();
  };
  progress('memory', 'setting up a school with the OneRoster fixture');
  cli(['school', 'add', '--name', 'Bench Primary', '--urn', '100001']);
  cli(['user', 'add', '--school', '100001', '--email', 'office@bench.example', '--name', 'Olive Office', '--role', 'office']);
  const token = cli(['token', 'add', '--school', '100001', '--email', 'office@bench.example']);
  cli(['import', 'oneroster', fixture, '--school', '100001']);

  const server = spawn(process.execPath, [join(root, 'dist/server.js')], { env, stdio: 'ignore' });
  try {
    const started = Date.now();
    for (;;) {
      if (Date.now() - started > 60_000) throw new Error('The server did not answer /health within a minute');
      const ok = await fetch(`http://127.0.0.1:${port}/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      await sleep(250);
    }
    await sleep(5_000);
    const idle = rssMb(server.pid!);
    progress('memory', `idle ${fmt.int(idle)} MB; loading for ${duration} s`);
    let peak = idle;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMb(server.pid!))), 250);
    const headers = { authorization: `Bearer ${token}` };
    const load = await Promise.all(
      ['/api/v1/pupils', '/api/v1/classes'].map((path) =>
        autocannon({ url: `http://127.0.0.1:${port}${path}`, connections: Math.max(1, connections / 2), duration, headers, workers: 1 }),
      ),
    );
    clearInterval(sampler);
    const afterLoad = rssMb(server.pid!);
    await sleep(15_000);
    const settled = rssMb(server.pid!);
    const requests = load.reduce((n, r) => n + r.requests.total, 0);
    const non2xx = load.reduce((n, r) => n + r.non2xx, 0);
    const result = {
      idleMb: idle,
      peakMb: Math.max(peak, afterLoad),
      afterLoadMb: afterLoad,
      settledMb: settled,
      requests,
      non2xx,
      duration,
      connections,
      load: loadavg(),
    };
    console.log(
      formatTable(
        ['moment', 'RSS MB'],
        [
          ['idle, 5 s after start', fmt.int(idle)],
          [`highest during ${duration} s of load (${connections} connections, ${requests} requests, ${non2xx} not 2xx)`, fmt.int(result.peakMb)],
          ['right after the load', fmt.int(afterLoad)],
          ['15 s after the load', fmt.int(settled)],
        ],
      ),
    );
    console.log(
      `load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
    await writeResults('memory', result);
    return result;
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) await runMemoryBench();
