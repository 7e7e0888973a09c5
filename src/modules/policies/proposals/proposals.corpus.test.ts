import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { proposeSettings } from './engine.ts';
import { proposals } from '../../../../test/helpers/proposals.ts';

/**
 * Every policy text the repository holds (seeds, held-out pages, the whole policies written for the tests) is read
 * without an error, and each proposal quotes a sentence on a line the file has. A policy nobody has seen must never
 * turn the policy page into an error: the first blind set of session 15 did, on "The incident should be logged on
 * CPOMS within 24 hours."
 */
const root = join(import.meta.dirname, '../../../../test/fixtures/policies');
const texts = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? texts(path) : /\.(md|txt)$/.test(name) && name !== 'README.md' ? [path] : [];
  });

describe('every stored policy text', () => {
  const files = texts(root);

  it('is found (the corpus is not empty)', () => expect(files.length).toBeGreaterThan(50));

  it.each(files.map((path) => [path.slice(root.length + 1), path]))('%s reads, with each proposal quoting a line of the file', (_name, path) => {
    const text = readFileSync(path, 'utf8');
    const lines = text.split('\n').length;
    const read = proposeSettings(text);
    for (const p of [...read.proposals, ...read.unrepresented]) {
      expect(p.quote.trim()).not.toBe('');
      expect(p.line).toBeGreaterThanOrEqual(1);
      expect(p.line).toBeLessThanOrEqual(lines);
    }
  });
});

describe('a time to record with no one told in the sentence', () => {
  it('reads the kind from the sentence before and the time from its own', () => {
    expect(
      proposals(
        'Online bullying\n\nOnline bullying between students should be reported to the Head of Year. The incident should be logged on CPOMS within 24 hours.',
      ),
    ).toMatchObject({ 'concerns.routes.cyber-bullying.deadline': '24-hours' });
  });
});
