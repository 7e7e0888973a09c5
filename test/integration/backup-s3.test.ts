import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { storageFor } from '../../src/modules/photos/photos.storage.ts';
import { openAppDatabase } from '../../src/platform/db/open.ts';
import { configureMailSealing } from '../../src/platform/mail/sealed.ts';
import { cli, seed } from '../helpers/backup.ts';
import { s3Env, startS3rver, type TestBucket } from '../helpers/s3.ts';
import { copyOfTemplate } from '../helpers/data-folder.ts';

/**
 * With STORAGE_DRIVER=s3 a backup holds the database and any photographs still in the folder, not
 * the bucket's: it says so, and so does a restore, which also says how to move restored
 * photographs into the bucket.
 */
describe('backups when photographs are in a bucket', { timeout: 300_000 }, () => {
  const root = mkdtempSync(join(tmpdir(), 'esafety-backup-s3-'));
  let bucket: TestBucket;
  let env: (name: string) => Record<string, string>;
  let inBucket: string;
  let leftInFolder: string[];

  beforeAll(async () => {
    bucket = await startS3rver();
    env = (name) => ({ DATA_DIR: join(root, name), STORAGE_DRIVER: 's3', ...s3Env(bucket.config) });
    const config = loadConfig({ NODE_ENV: 'test', ...env('source') });
    copyOfTemplate(config.dataDir);
    configureMailSealing(config.sessionSecret);
    const database = await openAppDatabase(config, 'test');
    try {
      // seed() writes photographs into the folder: as if they had not been moved yet.
      ({ photos: leftInFolder } = await seed(database, config));
    } finally {
      await database.close();
    }
    inBucket = leftInFolder[0].replace(/[0-9a-f]{32}\.jpg$/, 'ffffffffffffffffffffffffffffffff.jpg');
    await storageFor(config).put(inBucket, Buffer.from('a photograph in the bucket'));
  }, 300_000);
  afterAll(async () => {
    await bucket.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('says the bucket’s photographs are not in the backup, and a restore says where they are and how to move the folder’s', async () => {
    const file = join(root, 'backup.tar');
    const backup = await cli(['backup', '--out', file], env('source'));
    expect(backup.code).toBe(0);
    expect(backup.out).toMatch(/and 6 photographs from the folder/);
    expect(backup.out).toContain(
      `The photographs in the bucket "${bucket.config.bucket}" at ${bucket.config.endpoint} (STORAGE_DRIVER=s3) are not in this backup: keep them safe with the store's own tools`,
    );
    expect(readFileSync(file).includes(Buffer.from('a photograph in the bucket'))).toBe(false);

    const restore = await cli(['restore', file], env('copy'));
    expect(restore.code).toBe(0);
    expect(restore.out).toContain(
      `The photographs were in the bucket "${bucket.config.bucket}" at ${bucket.config.endpoint} when the backup was made and are not in it`,
    );
    expect(restore.out).toContain(`The backup's 6 photographs were restored into ${join(root, 'copy', 'storage')}; STORAGE_DRIVER is s3`);
    expect(restore.out).toContain('esafety storage copy --to s3');
    for (const key of leftInFolder) expect(existsSync(join(root, 'copy', 'storage', key)), key).toBe(true);
    expect(await bucket.exists(inBucket)).toBe(true);
  });
});
