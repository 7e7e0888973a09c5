import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { s3Storage } from '../../src/modules/photos/photos.s3-storage.ts';
import { fileStorage, newStorageKey, type PhotoStorage } from '../../src/modules/photos/photos.storage.ts';
import { motoBucket, motoUrl, startS3rver, type TestBucket } from '../helpers/s3.ts';

/**
 * One contract for every place photographs can live: the folder, S3 through s3rver (in this
 * process), and S3 through moto_server when .ci/run started one (ESAFETY_TEST_MOTO_URL). The list
 * is made when the file is collected: without moto_server there is one backend fewer, not a
 * skipped suite.
 */
interface Backend {
  name: string;
  open(): Promise<{ storage: PhotoStorage; close(): Promise<void> }>;
}

const s3Backend = (name: string, start: () => Promise<TestBucket>): Backend => ({
  name,
  async open() {
    const bucket = await start();
    const storage = s3Storage(bucket.config);
    return { storage, close: async () => (await storage.close(), await bucket.stop()) };
  },
});

const moto = motoUrl;
const backends: Backend[] = [
  {
    name: 'a folder',
    async open() {
      const root = await mkdtemp(join(tmpdir(), 'esafety-contract-'));
      return { storage: fileStorage(root), close: () => rm(root, { recursive: true, force: true }) };
    },
  },
  s3Backend('S3 (s3rver)', startS3rver),
  ...(moto ? [s3Backend('S3 (moto_server)', () => motoBucket(moto))] : []),
];

const school = '3f1c2b9e-0000-4000-8000-000000000001';
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe.each(backends)('photo storage contract: $name', { timeout: 60_000 }, (backend) => {
  let storage: PhotoStorage;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ storage, close } = await backend.open());
  });
  afterAll(() => close());

  it('gives back exactly the bytes it was given, every byte value included', async () => {
    const key = newStorageKey('originals', school, 'jpg');
    const bytes = Buffer.concat([Buffer.from(Array.from({ length: 256 }, (_, i) => i)), randomBytes(4096)]);
    await storage.put(key, bytes);
    const back = await storage.get(key);
    expect(back).not.toBeNull();
    expect(back!.equals(bytes)).toBe(true);
  });

  it('answers null for a key with nothing under it', async () => {
    expect(await storage.get(newStorageKey('published', school, 'png'))).toBeNull();
  });

  it('deletes, and deleting what is not there (retention running twice) is not an error', async () => {
    const key = newStorageKey('published', school, 'webp');
    await storage.put(key, Buffer.from('published copy'));
    await storage.delete(key);
    expect(await storage.get(key)).toBeNull();
    await expect(storage.delete(key)).resolves.toBeUndefined();
    await expect(storage.delete(newStorageKey('originals', school, 'jpg'))).resolves.toBeUndefined();
  });

  it('replaces an object whole when the same key is written again', async () => {
    const key = newStorageKey('originals', school, 'png');
    await storage.put(key, Buffer.from('the first, longer version of the photograph'));
    await storage.put(key, Buffer.from('second'));
    expect((await storage.get(key))?.toString()).toBe('second');
  });

  it('keeps one key’s bytes apart from another’s', async () => {
    const [a, b] = [newStorageKey('originals', school, 'jpg'), newStorageKey('originals', school, 'jpg')];
    await storage.put(a, Buffer.from('photo a'));
    await storage.put(b, Buffer.from('photo b'));
    expect((await storage.get(a))?.toString()).toBe('photo a');
    expect((await storage.get(b))?.toString()).toBe('photo b');
  });

  it('refuses keys it would never make, for every operation, storing nothing', async () => {
    for (const key of ['../secret.jpg', '/etc/passwd', 'originals/../../x.jpg', 'Originals/A.JPG', 'originals/a b.jpg', '', 'originals/x']) {
      await expect(storage.put(key, Buffer.from('x')), key).rejects.toThrow(/Not a storage key/);
      await expect(storage.get(key), key).rejects.toThrow(/Not a storage key/);
      await expect(storage.delete(key), key).rejects.toThrow(/Not a storage key/);
    }
  });

  it('stores and returns a 12 MB original intact', async () => {
    const key = newStorageKey('originals', school, 'jpg');
    const bytes = randomBytes(12 * 1024 * 1024);
    await storage.put(key, bytes);
    const back = await storage.get(key);
    expect(back?.length).toBe(bytes.length);
    expect(sha(back!)).toBe(sha(bytes));
    await storage.delete(key);
  });
});
