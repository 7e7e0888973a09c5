import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { proposeSettings } from '../../src/modules/policies/proposals/engine.ts';

/** Every policy text the repository holds, under test/fixtures/policies: seeds, held-out pages, the sessions' blind sets. */
export const corpusRoot = join(import.meta.dirname, '../fixtures/policies');

const texts = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? texts(path) : /\.(md|txt)$/.test(name) && name !== 'README.md' ? [path] : [];
  });

/**
 * The later sessions' folders, read by a test file of their own so that the two halves run in parallel workers and CI
 * keeps its time as sets are added.
 */
const late = /^session(1[7-9]|[2-9]\d)\//;

/** The stored texts of one half, as [name, path] pairs for it.each. */
export function corpus(half: 'early' | 'late'): [string, string][] {
  return texts(corpusRoot)
    .map((path) => [path.slice(corpusRoot.length + 1), path] as [string, string])
    .filter(([name]) => late.test(name) === (half === 'late'));
}

/** The text reads without an error, and each proposal (and each rule left on paper) quotes a line the file has. */
export function readsWithQuotes(path: string): void {
  const text = readFileSync(path, 'utf8');
  const lines = text.split('\n').length;
  const read = proposeSettings(text);
  for (const p of [...read.proposals, ...read.unrepresented]) {
    expect(p.quote.trim()).not.toBe('');
    expect(p.line).toBeGreaterThanOrEqual(1);
    expect(p.line).toBeLessThanOrEqual(lines);
  }
}
