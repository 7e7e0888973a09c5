import { spawn } from 'node:child_process';
import { lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.ts';
import { lockDataDir } from '../../src/platform/db/data-dir-lock.ts';
import { sql } from 'kysely';
import { loadConfig } from '../../src/config.ts';
import { openAppDatabase } from '../../src/platform/db/open.ts';
import { verifyAuditChain } from '../../src/platform/audit/audit.ts';
import { migratedDataFolder } from '../helpers/data-folder.ts';

const fixtureDir = new URL('../fixtures/oneroster/basic', import.meta.url).pathname;
const root = new URL('../..', import.meta.url).pathname;

/** Runs the CLI in this process, on its own embedded database folder, capturing what it prints. */
async function cli(dataDir: string, args: string[], env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { NODE_ENV: 'test', DATA_DIR: dataDir, ...env }, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('the esafety CLI on the embedded database', { timeout: 120_000 }, () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = migratedDataFolder('esafety-cli-');
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('adds a school, a user and an API token that works with the user’s roles', async () => {
    expect(await cli(dataDir, ['school', 'add', '--name', 'Wendover CE Junior', '--urn', '110492'])).toMatchObject({
      code: 0,
      out: expect.stringContaining('Created Wendover CE Junior'),
    });
    const again = await cli(dataDir, ['school', 'add', '--name', 'Wendover CE Junior', '--urn', '110492']);
    expect(again).toMatchObject({ code: 1, err: expect.stringContaining('already exists') });
    const user = await cli(
      dataDir,
      ['user', 'add', '--school', '110492', '--email', 'office@wendover.example', '--name', 'Olive Office', '--role', 'office', '--role', 'governor'],
      { ESAFETY_PASSWORD: 'a long password for olive' },
    );
    expect(user).toMatchObject({ code: 0, out: expect.stringContaining('office, governor') });
    const weak = await cli(dataDir, ['user', 'add', '--school', '110492', '--email', 'x@wendover.example', '--name', 'X Y', '--role', 'teacher'], {
      ESAFETY_PASSWORD: 'short',
    });
    expect(weak).toMatchObject({ code: 1, err: expect.stringContaining('at least 12 characters') });
    const badRole = await cli(dataDir, ['user', 'add', '--school', '110492', '--email', 'y@wendover.example', '--name', 'Y Z', '--role', 'caretaker'], {
      ESAFETY_PASSWORD: 'a long password for y',
    });
    expect(badRole).toMatchObject({ code: 1, err: expect.stringContaining('"caretaker" is not a role') });
    const token = await cli(dataDir, ['token', 'add', '--school', '110492', '--email', 'office@wendover.example']);
    expect(token.code).toBe(0);
    expect(token.out).toMatch(/^eso_[A-Za-z0-9_-]{40,}$/);
  });

  it('imports OneRoster with --json counts, and a dry run saves nothing', async () => {
    const dry = await cli(dataDir, ['import', 'oneroster', fixtureDir, '--school', '110492', '--dry-run', '--json']);
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.out)).toMatchObject({ pupils: { created: 11, updated: 0, left: 0 } });
    const real = await cli(dataDir, ['import', 'oneroster', fixtureDir, '--school', '110492', '--json']);
    expect(JSON.parse(real.out)).toEqual({
      pupils: { created: 11, updated: 0, left: 0 },
      carers: { created: 15, updated: 0, left: 0 },
      staff: { created: 4, updated: 0, left: 0 },
      classes: { created: 3, updated: 0, left: 0 },
      emailChangesHeld: [],
    });
    const again = await cli(dataDir, ['import', 'oneroster', fixtureDir, '--school', '110492', '--json']);
    expect(JSON.parse(again.out)).toMatchObject({ pupils: { created: 0, updated: 0, left: 0 } });
  });

  it('never changes a member of staff’s e-mail address from an import: --json lists the change as held', async () => {
    const changed = mkdtempSync(join(tmpdir(), 'roster-'));
    for (const name of readdirSync(fixtureDir)) {
      writeFileSync(join(changed, name), readFileSync(join(fixtureDir, name), 'utf8').replaceAll('t.baker@hazelwood.example.org', 'tom@elsewhere.example'));
    }
    const result = await cli(dataDir, ['import', 'oneroster', changed, '--school', '110492', '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toMatchObject({
      staff: { updated: 0 },
      emailChangesHeld: [{ sourcedId: 'stf-002', name: 'Tom Baker', from: 't.baker@hazelwood.example.org', to: 'tom@elsewhere.example' }],
    });
    const text = await cli(dataDir, ['import', 'oneroster', changed, '--school', '110492', '--dry-run']);
    expect(text.out).toContain('Tom Baker (stf-002): t.baker@hazelwood.example.org → tom@elsewhere.example');
  });

  it('refuses a package that is not there or not OneRoster with exit 1 and the problem', async () => {
    const missing = await cli(dataDir, ['import', 'oneroster', join(dataDir, 'nope.zip'), '--school', '110492']);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/nope\.zip/);
    const wrongSchool = await cli(dataDir, ['import', 'oneroster', fixtureDir, '--school', '999999']);
    expect(wrongSchool).toMatchObject({ code: 1, err: 'No school has the URN 999999' });
  });

  it('verifies the audit chain', async () => {
    expect(await cli(dataDir, ['audit', 'verify'])).toMatchObject({ code: 0, out: expect.stringMatching(/intact: \d+ entries/) });
  });

  it('says how to use it when the command is unknown', async () => {
    expect(await cli(dataDir, ['frobnicate'])).toMatchObject({ code: 2, err: expect.stringContaining('Usage: esafety') });
  });

  it('refuses to open the embedded database while the server holds it', async () => {
    const release = lockDataDir(dataDir, 'server');
    try {
      // A real second process, as an administrator would run it: `npx esafety …` through bin/.
      const child = spawn(process.execPath, [join(root, 'bin/esafety.js'), 'audit', 'verify'], {
        env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
      });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(code).toBe(1);
      expect(stderr).toContain('The eSafety Office server is running');
      expect(stderr).toContain('stop it first');
    } finally {
      release();
    }
  });
});

describe('the embedded data folder and the audit anchors', { timeout: 120_000 }, () => {
  let dataDir: string;
  let umask: number;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'esafety-private-'));
    // The usual umask, which leaves new files readable by every local user.
    umask = process.umask(0o022);
  });
  afterAll(() => {
    process.umask(umask);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps the database folder 0700 and every file in it 0600, whatever the umask', async () => {
    const folder = join(dataDir, 'data');
    expect(await cli(folder, ['school', 'add', '--name', 'Umask Primary', '--urn', '120001'])).toMatchObject({ code: 0 });
    const open: string[] = [];
    const walk = (path: string) => {
      const stat = lstatSync(path);
      if (stat.isDirectory()) {
        if ((stat.mode & 0o777) !== 0o700) open.push(`${path} ${(stat.mode & 0o777).toString(8)}`);
        for (const name of readdirSync(path)) walk(join(path, name));
      } else if ((stat.mode & 0o077) !== 0) {
        open.push(`${path} ${(stat.mode & 0o777).toString(8)}`);
      }
    };
    walk(folder);
    expect(readdirSync(join(folder, 'pglite')).length).toBeGreaterThan(5);
    expect(open).toEqual([]);
  });

  it('anchors each school’s chain head outside the database; verify fails once the newest entries are deleted', async () => {
    const folder = join(dataDir, 'data');
    const anchored = await cli(folder, ['audit', 'anchor']);
    expect(anchored.code).toBe(0);
    expect(anchored.out).toMatch(/^\d{4}-\d\d-\d\dT[^\t]+\t120001\t\d+\t[0-9a-f]{64}$/m);
    const file = join(folder, 'audit-anchors.log');
    expect(readFileSync(file, 'utf8')).toContain('\t120001\t');
    expect(lstatSync(file).mode & 0o777).toBe(0o600);
    expect(await cli(folder, ['audit', 'verify'])).toMatchObject({ code: 0, out: expect.stringContaining('matches the latest anchor') });

    // Someone with full access to the database removes the newest entries; the chain that is
    // left is still a valid chain, so only the anchor shows what happened.
    const database = await openAppDatabase(loadConfig({ NODE_ENV: 'test', DATA_DIR: folder }), 'test');
    try {
      await database.db.transaction().execute(async (tx) => {
        await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`.execute(tx);
        await sql`DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)`.execute(tx);
        await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`.execute(tx);
      });
      expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
    } finally {
      await database.close();
    }
    const verify = await cli(folder, ['audit', 'verify']);
    expect(verify.code).toBe(1);
    expect(verify.err).toMatch(/school 120001 does not match its anchor: .*entries were removed/);
  });

  it('npm run demo loads concerns, photographs and an approved policy, and prints the address the server will use', async () => {
    const folder = join(dataDir, 'demo');
    const first = await cli(folder, ['demo'], { PORT: '4123' });
    expect(first.code).toBe(0);
    expect(first.out).toContain('sign in at http://localhost:4123/sign-in with any of these');
    const again = await cli(folder, ['demo'], { PORT: '4123', BASE_URL: 'https://esafety.hazel-lane.example' });
    expect(again.out).toContain('sign in at https://esafety.hazel-lane.example/sign-in (the server listens on port 4123)');
    const database = await openAppDatabase(loadConfig({ NODE_ENV: 'test', DATA_DIR: folder }), 'test');
    try {
      const count = async (table: 'concerns' | 'photos' | 'photo_pupils') =>
        Number(
          (
            await database.db
              .selectFrom(table)
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      expect(await count('concerns')).toBeGreaterThan(10);
      expect(await count('photos')).toBe(3);
      expect(await count('photo_pupils')).toBe(9);
      expect(await database.db.selectFrom('policies').select(['title', 'status']).execute()).toEqual([{ title: 'Social Media Policy', status: 'approved' }]);
    } finally {
      await database.close();
    }
  });
});
