import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.ts';
import { loadConfig } from '../../src/config.ts';
import { openAppDatabase } from '../../src/platform/db/open.ts';
import { migratedDataFolder } from '../helpers/data-folder.ts';

const policy = new URL('../fixtures/policies/000_900ebe4bba8b35d7.txt', import.meta.url).pathname;

async function cli(dataDir: string, args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { NODE_ENV: 'test', DATA_DIR: dataDir }, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('esafety policy propose (issue 19)', { timeout: 120_000 }, () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = migratedDataFolder('esafety-propose-');
    expect((await cli(dataDir, ['school', 'add', '--name', 'John Clifford Primary', '--urn', '122633'])).code).toBe(0);
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('prints the proposals with their sentences and lines, and the rules no setting holds, as the contract’s JSON; saves nothing', async () => {
    const result = await cli(dataDir, ['policy', 'propose', policy, '--school', '122633', '--json']);
    expect(result).toMatchObject({ code: 0, err: '' });
    const json = JSON.parse(result.out) as {
      proposals: { setting: string; value: unknown; quote: string; line: number }[];
      unrepresented: { quote: string; line: number }[];
    };
    expect(Object.keys(json)).toEqual(['proposals', 'unrepresented']);
    expect(json.proposals).toContainEqual({
      setting: 'photos.prohibitedContexts',
      value: ['swimming'],
      quote: 'Photographs will not be taken of children when wearing swimming costumes or taking part in swimming lessons.',
      line: 68,
    });
    expect(json.proposals).toContainEqual(expect.objectContaining({ setting: 'retention.deletePhotosAfterYears', value: 1, line: 66 }));
    // "referred to the Headteacher in the first instance" names the first recipient only: no notify list.
    expect(json.proposals.map((p) => p.setting)).not.toContain('concerns.routes.staff-misuse.notify');
    expect(json.unrepresented).toContainEqual({ quote: 'Staff should not use social media sites during lesson times.', line: 42 });

    const database = await openAppDatabase(loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir }), 'test');
    try {
      expect(await database.db.selectFrom('policies').select('id').execute()).toEqual([]);
    } finally {
      await database.close();
    }
  });

  it('a file longer than the engine reads: said on stderr with the line reading stopped at; the JSON keeps its shape', async () => {
    const long = join(dataDir, 'long-policy.txt');
    writeFileSync(long, `${readFileSync(policy, 'utf8')}\n\n${'Appendix: the school calendar for the year.\n'.repeat(12_000)}`);
    const result = await cli(dataDir, ['policy', 'propose', long, '--school', '122633', '--json']);
    expect(result.code).toBe(0);
    expect(result.err).toMatch(/longer than 500,000 characters: it was read up to line \d+\./);
    const json = JSON.parse(result.out) as { proposals: { setting: string; value: unknown }[] };
    expect(Object.keys(json)).toEqual(['proposals', 'unrepresented']);
    expect(json.proposals).toContainEqual(expect.objectContaining({ setting: 'photos.prohibitedContexts', value: ['swimming'] }));
  });

  it('names what is wrong: an unknown school, a missing file', async () => {
    expect(await cli(dataDir, ['policy', 'propose', policy, '--school', '999999', '--json'])).toMatchObject({
      code: 1,
      err: expect.stringContaining('999999'),
    });
    expect(await cli(dataDir, ['policy', 'propose', '/nowhere/policy.txt', '--school', '122633'])).toMatchObject({
      code: 2,
      err: expect.stringContaining('Cannot read'),
    });
  });
});
