import { readdirSync, readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

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

/**
 * The files that take 40 s or more (seconds in a full CI run, 2026-12-02), started first. Vitest starts larger files
 * first when it has no timings of its own, as in a fresh clone; a slow small file then started late and was the
 * last to finish (the run's total, 2,152 s of files on three workers, finished at 780 s against 717 s packed evenly).
 */
const slowFiles: Record<string, number> = {
  'test/browser/every-page.test.ts': 178,
  'test/browser/newcomer.test.ts': 140,
  'test/cli/cli.test.ts': 130,
  'test/browser/policies.test.ts': 120,
  'test/cli/startup.test.ts': 87,
  'test/http/photos-api.test.ts': 62,
  'test/browser/faces.test.ts': 60,
  'test/browser/agreements.test.ts': 58,
  'test/browser/registers.test.ts': 57,
  'test/integration/mail-kill.test.ts': 51,
  'test/integration/read-in-school.test.ts': 50,
  'test/integration/pglite-thread.test.ts': 50,
  'test/browser/photos.test.ts': 43,
  'test/cli/csv-import.test.ts': 40,
  // (The proposals corpora, 2026-12-06: 69 s and 44 s in a full CI run, started late until listed here.)
  'src/modules/policies/proposals/proposals.corpus-late.test.ts': 69,
  'src/modules/policies/proposals/proposals.corpus.test.ts': 44,
};

class SlowFilesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const seconds = (file: TestSpecification) => slowFiles[file.moduleId.slice(here.pathname.length)] ?? 0;
    // Stable: the rest keep Vitest's own order.
    return (await super.sort(files)).sort((a, b) => seconds(b) - seconds(a));
  }
}

export default defineConfig({
  test: {
    globalSetup: ['test/global-setup.ts'],
    pool: 'forks',
    // Three files at a time on two cores: files also wait (on Chromium, child processes, timeouts),
    // and a third worker fills some of that. Measured here, full run 745 s → 680 s; a fourth was not tried.
    maxWorkers: 3,
    testTimeout: 30_000,
    sequence: { sequencer: SlowFilesFirst },
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
