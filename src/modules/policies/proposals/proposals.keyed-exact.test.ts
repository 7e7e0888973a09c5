/**
 * The seeds and the held-out pages are read exactly as their keys say (30 of 30, 129 of 129, no false proposal): the sets
 * every change to the patterns must keep. A change that fixes a fitted set and costs one of these fails here, not only in
 * `npm run bench:proposals`, which nobody is made to read.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { score } from '../../../../bench/proposals.ts';

const root = join(import.meta.dirname, '../../../../test/fixtures/policies');

const keyed = (keys: string, texts: string): [string, string, string][] =>
  readdirSync(join(root, keys))
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const key = readFileSync(join(root, keys, name), 'utf8');
      return [name, key, join(root, texts, (JSON.parse(key) as { policy: string }).policy)];
    });

describe('the seeds and the held-out pages are read as their keys say', () => {
  it.each([...keyed('proposal-keys', '.'), ...keyed('heldout', 'heldout')])('%s', (_name, key, path) => {
    const result = score(JSON.parse(key) as Parameters<typeof score>[0], readFileSync(path, 'utf8'));
    expect({ missed: result.missed, wrong: result.wrong }).toEqual({ missed: [], wrong: [] });
  });
});
