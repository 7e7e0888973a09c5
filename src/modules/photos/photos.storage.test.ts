import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileStorage, newStorageKey } from './photos.storage.ts';

describe('photo storage in a folder', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'esafety-storage-'));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('puts, gets and deletes by key, leaving no partial files', async () => {
    const storage = fileStorage(root);
    const key = newStorageKey('originals', '3f1c2b9e-0000-4000-8000-000000000001', 'jpg');
    expect(key).toMatch(/^originals\/3f1c2b9e-0000-4000-8000-000000000001\/[0-9a-f]{32}\.jpg$/);
    await storage.put(key, Buffer.from('photo'));
    expect((await storage.get(key))?.toString()).toBe('photo');
    expect(await readdir(join(root, 'originals', '3f1c2b9e-0000-4000-8000-000000000001'))).toHaveLength(1);
    await storage.delete(key);
    await storage.delete(key);
    expect(await storage.get(key)).toBeNull();
  });

  it('refuses keys that could leave the folder', async () => {
    const storage = fileStorage(root);
    for (const key of ['../secret.jpg', '/etc/passwd', 'originals/../../x.jpg', 'Originals/A.JPG']) {
      await expect(storage.get(key), key).rejects.toThrow(/Not a storage key/);
    }
  });
});
