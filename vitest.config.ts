import { defineConfig } from 'vitest/config';

/** Files that replace a module with vi.mock: they get a module registry of their own. */
const mocking = ['test/integration/photos-transactions.test.ts'];

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
