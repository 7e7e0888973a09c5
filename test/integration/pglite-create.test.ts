import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createEmbeddedDatabase } from '../../src/platform/db/pglite-create.ts';
import { dataDirProblem } from '../../src/platform/db/startup-errors.ts';

/**
 * A new data folder's database is created in a child process (issue 17 point 12: the memory initdb used
 * goes with it). What fails there must reach the server as the error itself, so start-up can still say
 * in words what is wrong with the folder.
 */
describe('creating the embedded database in a child process', () => {
  const root = mkdtempSync(join(tmpdir(), 'esafety-pglite-create-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('hands back the file system error with its code, which start-up describes in words', async () => {
    const blocker = join(root, 'a-file');
    writeFileSync(blocker, 'not a folder');
    const error = await createEmbeddedDatabase(join(blocker, 'pglite'), ['--single']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as { code?: string }).code).toBe('ENOTDIR');
    expect(dataDirProblem(error, root)?.message).toMatch(/could not be used \(ENOTDIR\)/);
  });
});
