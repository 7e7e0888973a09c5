import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function testFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules') return [];
    if (statSync(path).isDirectory()) return testFiles(path);
    return name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('test input lives in the repository', () => {
  // A clone placed anywhere must pass: no test may reach for files beside the repository.
  it('every path a test resolves from its own location stays inside the repository', () => {
    const outside: string[] = [];
    for (const file of [...testFiles(join(root, 'src')), ...testFiles(join(root, 'test'))]) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/new URL\(\s*[`'"]([^`'"$]+)/g)) {
        const target = resolve(dirname(file), match[1]);
        if (relative(root, target).startsWith(`..${sep}`)) outside.push(`${relative(root, file)}: ${match[1]}`);
      }
    }
    expect(outside).toEqual([]);
  });

  it('keeps the four seed policies as test fixtures, with a note saying where they come from', () => {
    const dir = join(root, 'test/fixtures/policies');
    // Beside them: the proposals' answer keys and policies written for tests (issue 19), in their own names.
    expect(
      readdirSync(dir)
        .filter((name) => /^\d{3}_[0-9a-f]{16}\.txt$/.test(name) || name === 'README.md')
        .sort(),
    ).toEqual(['000_900ebe4bba8b35d7.txt', '001_39f3c72a91680229.txt', '003_efa9659321415c13.txt', '004_153aa0418b67876c.txt', 'README.md']);
    expect(readdirSync(join(dir, 'proposal-keys')).sort()).toEqual([
      '000_900ebe4bba8b35d7.json',
      '001_39f3c72a91680229.json',
      '003_efa9659321415c13.json',
      '004_153aa0418b67876c.json',
    ]);
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toMatch(/real social media policies/i);
  });
});
