import { readdirSync, readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

/**
 * Test files that replace a module with vi.mock get a module registry of their own: in the shared
 * one, the replacement would reach the other files of the same worker. Found by reading the files,
 * so a new one cannot be forgotten.
 */
const here = new URL('./', import.meta.url);
const mocking = ['src', 'test'].flatMap((root) =>
  (readdirSync(new URL(root, here), { recursive: true }) as string[])
    .filter((path) => path.endsWith('.test.ts'))
    .map((path) => `${root}/${path}`)
    .filter((path) => /\bvi\.mock\(/.test(readFileSync(new URL(path, here), 'utf8'))),
);

export default defineConfig({
  test: {
    globalSetup: ['test/global-setup.ts'],
    pool: 'forks',
    // Three files at a time on two cores: files also wait (on Chromium, child processes, timeouts),
    // and a third worker fills some of that. Measured here, full run 745 s → 680 s; a fourth was not tried.
    maxWorkers: 3,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Under CI nothing may be skipped or focused silently.
    allowOnly: process.env.CI !== 'true',
    projects: [
      {
        extends: true,
        // Test files share each worker's loaded modules instead of importing the whole app again
        // for every file: importing added up to about 190 s of a full run (measured).
        test: { name: 'shared', isolate: false, include: ['src/**/*.test.ts', 'test/**/*.test.ts'], exclude: [...mocking, 'node_modules/**'] },
      },
      { extends: true, test: { name: 'isolated', include: mocking } },
    ],
  },
});
