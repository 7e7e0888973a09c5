import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { connect, createServer } from 'node:net';
import { Resolver } from 'node:dns/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The real filters from Debian (unbound, dnsmasq, squidGuard, e2guardian), each run on loopback on
 * a high port from its own configuration in a temporary folder: no daemon, no chroot, nothing in
 * /etc touched. `.ci/run` installs them; under CI=true a missing one fails its test instead of skipping.
 */
export const filterPrograms = {
  unbound: '/usr/sbin/unbound',
  dnsmasq: '/usr/sbin/dnsmasq',
  squidGuard: '/usr/bin/squidGuard',
  e2guardian: '/usr/sbin/e2guardian',
} as const;

export function skipWithout(program: keyof typeof filterPrograms): boolean {
  if (existsSync(filterPrograms[program])) return false;
  if (process.env.CI === 'true') return false;
  console.warn(`Skipping: ${filterPrograms[program]} is not installed (apt-get install -y unbound dnsmasq squidguard e2guardian)`);
  return true;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface Running {
  port: number;
  dir: string;
  stop(): Promise<void>;
}

function stopper(child: ChildProcess, dir: string) {
  return async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    await rm(dir, { recursive: true, force: true });
  };
}

/** A DNS answer as a person's computer would see it: the addresses, or the error code (ENOTFOUND is NXDOMAIN). */
export async function lookUp(port: number, name: string): Promise<string[] | string> {
  const resolver = new Resolver({ timeout: 2000, tries: 2 });
  resolver.setServers([`127.0.0.1:${port}`]);
  try {
    return await resolver.resolve4(name);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? String(error);
  }
}

async function until(check: () => Promise<boolean>, what: string, output: () => string, ms = 20_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${what} did not start: ${output()}`);
}

function collect(child: ChildProcess) {
  let text = '';
  child.stdout?.on('data', (c: Buffer) => (text += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (text += c.toString()));
  return () => text.slice(-2000);
}

/**
 * unbound with the exported response policy zones (the allow list first, so an opened name passes
 * a blocked parent) over a local authoritative zone standing in for the internet.
 */
export async function startUnbound(zones: { block: string; allow?: string }, records: Record<string, string>): Promise<Running> {
  const dir = await mkdtemp(join(tmpdir(), 'esafety-unbound-'));
  const port = await freePort();
  const soa = ['$TTL 60', '@ IN SOA localhost. hostmaster.localhost. 1 3600 600 86400 60', '@ IN NS localhost.'];
  await writeFile(join(dir, 'internet.zone'), [...soa, ...Object.entries(records).map(([name, ip]) => `${name}. IN A ${ip}`), ''].join('\n'));
  await writeFile(join(dir, 'block.rpz'), zones.block);
  if (zones.allow) await writeFile(join(dir, 'allow.rpz'), zones.allow);
  const conf = [
    'server:',
    '  interface: 127.0.0.1',
    `  port: ${port}`,
    '  do-daemonize: no',
    '  chroot: ""',
    '  username: ""',
    `  directory: "${dir}"`,
    '  pidfile: ""',
    '  use-syslog: no',
    '  logfile: ""',
    '  do-ip6: no',
    '  module-config: "respip iterator"',
    '  access-control: 127.0.0.0/8 allow',
    '  local-zone: "test." nodefault',
    'remote-control:',
    '  control-enable: no',
    ...(zones.allow ? ['rpz:', '  name: "allow.rpz.esafety."', `  zonefile: "${join(dir, 'allow.rpz')}"`] : []),
    'rpz:',
    '  name: "block.rpz.esafety."',
    `  zonefile: "${join(dir, 'block.rpz')}"`,
    'auth-zone:',
    '  name: "test."',
    `  zonefile: "${join(dir, 'internet.zone')}"`,
    '  for-downstream: no',
    '  for-upstream: yes',
    '',
  ].join('\n');
  await writeFile(join(dir, 'unbound.conf'), conf);
  const check = spawnSync('/usr/sbin/unbound-checkconf', [join(dir, 'unbound.conf')], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`unbound-checkconf refused the configuration: ${check.stdout}${check.stderr}`);
  const child = spawn(filterPrograms.unbound, ['-d', '-c', join(dir, 'unbound.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
  const output = collect(child);
  const probe = Object.keys(records)[0];
  // Started once it answers at all (a blocked name answers too: NXDOMAIN is an answer).
  await until(async () => child.exitCode === null && !['ECONNREFUSED', 'ETIMEOUT', 'ESERVFAIL'].includes(String(await lookUp(port, probe))), 'unbound', output);
  return { port, dir, stop: stopper(child, dir) };
}

/** dnsmasq answering from the exported hosts file alone (no upstream, no /etc/hosts). */
export async function startDnsmasq(hosts: string): Promise<Running> {
  const dir = await mkdtemp(join(tmpdir(), 'esafety-dnsmasq-'));
  const port = await freePort();
  await writeFile(join(dir, 'blocked.hosts'), hosts, { mode: 0o644 });
  const child = spawn(
    filterPrograms.dnsmasq,
    [
      '--keep-in-foreground',
      '--conf-file=/dev/null',
      '--no-resolv',
      '--no-hosts',
      `--addn-hosts=${join(dir, 'blocked.hosts')}`,
      '--listen-address=127.0.0.1',
      '--bind-interfaces',
      `--port=${port}`,
      `--pid-file=${join(dir, 'dnsmasq.pid')}`,
      '--user=root',
      '--log-facility=-',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const output = collect(child);
  await until(async () => child.exitCode === null && (await lookUp(port, 'probe.invalid')) !== 'ECONNREFUSED', 'dnsmasq', output);
  return { port, dir, stop: stopper(child, dir) };
}

/**
 * squidGuard with the exported domain list: its own database build (-C all) must accept it, then
 * each address is put to it the way squid does; answers the addresses it redirects.
 */
export async function squidGuardBlocks(domains: string, urls: string[]): Promise<{ blocked: string[]; log: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'esafety-squidguard-'));
  try {
    await cp(join(import.meta.dirname, '..', 'fixtures', 'filtering', 'squidGuard.conf'), join(dir, 'squidGuard.conf'));
    const conf = (await readFile(join(dir, 'squidGuard.conf'), 'utf8')).replaceAll('@DIR@', dir);
    await writeFile(join(dir, 'squidGuard.conf'), conf);
    await mkdir(join(dir, 'db', 'blocked'), { recursive: true });
    await writeFile(join(dir, 'db', 'blocked', 'domains'), domains);
    const build = spawnSync(filterPrograms.squidGuard, ['-d', '-c', join(dir, 'squidGuard.conf'), '-C', 'all'], { encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`squidGuard -C all failed: ${build.stderr}`);
    if (!(await readdir(join(dir, 'db', 'blocked'))).includes('domains.db')) throw new Error(`squidGuard built no database: ${build.stderr}`);
    const run = spawnSync(filterPrograms.squidGuard, ['-c', join(dir, 'squidGuard.conf')], {
      input: urls.map((u) => `${u} 10.0.0.1/- - GET\n`).join(''),
      encoding: 'utf8',
    });
    const answers = run.stdout.trim().split('\n');
    if (answers.length !== urls.length) throw new Error(`squidGuard answered ${answers.length} of ${urls.length}: ${run.stdout}${run.stderr}`);
    return { blocked: urls.filter((_, i) => answers[i].startsWith('OK rewrite-url=')), log: build.stderr };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * e2guardian as a proxy on loopback with the exported lists as its banned and exception site
 * lists (Debian's own configuration otherwise); answers the sites it refused with its block page.
 */
export async function e2guardianBlocks(lists: { block: string; allow: string }, sites: string[]): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'esafety-e2guardian-'));
  const port = await freePort();
  await cp('/etc/e2guardian', join(dir, 'etc'), { recursive: true });
  await writeFile(join(dir, 'banned'), lists.block);
  await writeFile(join(dir, 'allowed'), lists.allow);
  const rewrite = async (file: string, edit: (text: string) => string) =>
    writeFile(file, edit((await readFile(file, 'utf8')).replaceAll('/etc/e2guardian', join(dir, 'etc'))));
  for (const name of await readdir(join(dir, 'etc'))) if (name.endsWith('.conf') || name.endsWith('.story')) await rewrite(join(dir, 'etc', name), (t) => t);
  await rewrite(join(dir, 'etc', 'e2guardian.conf'), (t) =>
    [
      t
        .replace(/^filterports = .*$/m, `filterports = ${port}`)
        .replace(/^filterip =.*$/m, 'filterip = 127.0.0.1')
        .replace(/^httpworkers = .*$/m, 'httpworkers = 20'),
      `pidfilename = '${join(dir, 'e2guardian.pid')}'`,
      `loglocation = '${join(dir, 'access.log')}'`,
      "daemonuser = 'root'",
      "daemongroup = 'root'",
      '',
    ].join('\n'),
  );
  await rewrite(join(dir, 'etc', 'e2guardianf1.conf'), (t) =>
    t
      .replace(`path=${join(dir, 'etc')}/lists/bannedsitelist'`, `path=${join(dir, 'banned')}'`)
      .replace(`path=${join(dir, 'etc')}/lists/exceptionsitelist'`, `path=${join(dir, 'allowed')}'`),
  );
  const child = spawn(filterPrograms.e2guardian, ['-N', '-c', join(dir, 'etc', 'e2guardian.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
  const output = collect(child);
  const stop = stopper(child, dir);
  try {
    await until(
      () =>
        new Promise((resolve) => {
          const socket = connect(port, '127.0.0.1', () => (socket.end(), resolve(true)));
          socket.on('error', () => resolve(false));
        }),
      'e2guardian',
      output,
    );
    const blocked: string[] = [];
    for (const site of sites) {
      const page = await new Promise<string>((resolve) => {
        let text = '';
        const socket = connect(port, '127.0.0.1', () => socket.write(`GET http://${site}/ HTTP/1.1\r\nHost: ${site}\r\nConnection: close\r\n\r\n`));
        socket.on('data', (c: Buffer) => (text += c.toString()));
        socket.on('end', () => resolve(text));
        socket.on('error', () => resolve(text));
        setTimeout(() => (socket.destroy(), resolve(text)), 10_000);
      });
      if (page.includes('Blocked site:')) blocked.push(site);
    }
    return blocked;
  } finally {
    await stop();
  }
}
