import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.ts';
import { migratedDataFolder } from '../helpers/data-folder.ts';

const seeds = new URL('../fixtures/policies/', import.meta.url).pathname;

async function cli(dataDir: string, args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { NODE_ENV: 'test', DATA_DIR: dataDir }, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('esafety policy import PATH --school URN [--json] (the contract)', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = migratedDataFolder('esafety-policy-cli-');
    expect((await cli(dataDir, ['school', 'add', '--name', 'Low Ash Primary School', '--urn', '107325'])).code).toBe(0);
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const importSeed = async (name: string) => {
    const result = await cli(dataDir, ['policy', 'import', join(seeds, `${name}.txt`), '--school', '107325', '--json']);
    expect(result.code, result.err).toBe(0);
    const json = JSON.parse(result.out) as Record<string, unknown>;
    expect(json.id).toMatch(/^[0-9a-f-]{36}$/);
    return { ...json, id: 'uuid' };
  };

  it('imports 000: a review month, one signature, four sections', async () => {
    expect(await importSeed('000_900ebe4bba8b35d7')).toEqual({
      id: 'uuid',
      title: 'Social Media Policy',
      approvedOn: null,
      lastReviewed: 'April 2017',
      nextReviewDue: null,
      signatories: [{ name: 'Mick Saunders', role: null, date: null }],
      sections: 4,
    });
  });

  it('imports 001: dates as YYYY-MM-DD, the next review as its term', async () => {
    expect(await importSeed('001_39f3c72a91680229')).toEqual({
      id: 'uuid',
      title: 'Social Media Policy — Low Ash Primary School',
      approvedOn: '2021-10-20',
      lastReviewed: '2021-10-21',
      nextReviewDue: 'Autumn 2022',
      signatories: [
        { name: null, role: 'Chair of Governors', date: null },
        { name: null, role: 'Co-Headteacher', date: null },
        { name: null, role: 'Co-Headteacher', date: null },
      ],
      sections: 12,
    });
  });

  it('imports 003: terms for both reviews, no signatories', async () => {
    expect(await importSeed('003_efa9659321415c13')).toEqual({
      id: 'uuid',
      title: 'Use of Social Media & Networking Policy',
      approvedOn: null,
      lastReviewed: 'Autumn 2015',
      nextReviewDue: 'Autumn 2018',
      signatories: [],
      sections: 5,
    });
  });

  it('imports 004: two signatories with the month they signed', async () => {
    expect(await importSeed('004_153aa0418b67876c')).toEqual({
      id: 'uuid',
      title: 'Social Media Policy',
      approvedOn: null,
      lastReviewed: null,
      nextReviewDue: null,
      signatories: [
        { name: 'Louise Yarwood', role: 'Headteacher', date: 'May 2017' },
        { name: 'Ruth Taylor', role: 'Chair of Governors', date: 'May 2017' },
      ],
      sections: 11,
    });
  });

  it('says what it found in words without --json', async () => {
    const result = await cli(dataDir, ['policy', 'import', join(seeds, '001_39f3c72a91680229.txt'), '--school', '107325']);
    expect(result).toMatchObject({ code: 0, out: expect.stringContaining('Next review due: Autumn 2022') });
  });

  it('refuses a missing file, an unknown school and a missing --school', async () => {
    expect(await cli(dataDir, ['policy', 'import', join(dataDir, 'nope.txt'), '--school', '107325'])).toMatchObject({
      code: 2,
      err: expect.stringContaining('nope.txt'),
    });
    expect(await cli(dataDir, ['policy', 'import', join(seeds, '000_900ebe4bba8b35d7.txt'), '--school', '999999'])).toMatchObject({
      code: 1,
      err: 'No school has the URN 999999',
    });
    expect(await cli(dataDir, ['policy', 'import', join(seeds, '000_900ebe4bba8b35d7.txt')])).toMatchObject({ code: 2, err: '--school is required' });
    writeFileSync(join(dataDir, 'pupils.csv'), 'name,class\n');
    expect(await cli(dataDir, ['policy', 'import', join(dataDir, 'pupils.csv'), '--school', '107325'])).toMatchObject({
      code: 1,
      err: expect.stringContaining('not a file eSafety Office can read'),
    });
  });
});
