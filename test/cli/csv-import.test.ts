import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.ts';

const root = new URL('../..', import.meta.url).pathname;
const fixture = (name: string) => join(root, 'test/fixtures/csv', name);
const sims = ['--pupils', fixture('sims-pupils.csv'), '--contacts', fixture('sims-contacts.csv'), '--staff', fixture('sims-staff.csv')];

async function cli(dataDir: string, args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { NODE_ENV: 'test', DATA_DIR: dataDir }, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('esafety import csv', { timeout: 120_000 }, () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'esafety-csv-'));
    expect((await cli(dataDir, ['school', 'add', '--name', 'Hollins Primary', '--urn', '120001'])).code).toBe(0);
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('imports a SIMS-style export with --json, and importing it again changes nothing', async () => {
    const first = await cli(dataDir, ['import', 'csv', '--school', '120001', ...sims, '--json']);
    expect(first.code).toBe(0);
    // 4 pupils, 4 contacts, 4 staff and 2 classes created
    expect(JSON.parse(first.out)).toEqual({ pupils: 4, carers: 4, staff: 4, classes: 2, created: 14, updated: 0, leavers: 0, problems: [] });
    expect(first.err).toContain('has a court order');
    const again = await cli(dataDir, ['import', 'csv', '--school', '120001', ...sims, '--json']);
    expect(JSON.parse(again.out)).toEqual({ pupils: 4, carers: 4, staff: 4, classes: 2, created: 0, updated: 0, leavers: 0, problems: [] });
  });

  it('refuses the whole import with exit 2 and NAME:LINE: column "X": reason (a real process)', async () => {
    const pupils = join(dataDir, 'Pupils Export.csv');
    writeFileSync(pupils, 'Adno,Forename,Surname,Tutor Grp\r\n1001,Amara,Okafor,Robins\r\n1001,Chidi,Okafor,Kestrels\r\n');
    const child = spawn(
      process.execPath,
      [
        join(root, 'bin/esafety.js'),
        'import',
        'csv',
        '--school',
        '120001',
        '--pupils',
        pupils,
        ...sims.slice(2),
        '--map',
        'pupils.class="Tutor Grp"',
        '--json',
      ],
      { env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' } },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(2);
    expect(stderr).toContain('Pupils Export.csv:3: column "Adno": the id 1001 is also on line 2');
    expect(JSON.parse(stdout)).toMatchObject({
      pupils: 2,
      created: 0,
      problems: expect.arrayContaining([{ file: 'Pupils Export.csv', line: 3, column: 'Adno', message: 'the id 1001 is also on line 2' }]),
    });
    // Nothing was written: the previous import still stands, unchanged.
    const after = await cli(dataDir, ['import', 'csv', '--school', '120001', ...sims, '--dry-run', '--json']);
    expect(JSON.parse(after.out)).toMatchObject({ created: 0, updated: 0, leavers: 0 });
  });
});
