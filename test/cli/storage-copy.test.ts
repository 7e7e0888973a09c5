import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.ts';
import { loadConfig } from '../../src/config.ts';
import { openAppDatabase } from '../../src/platform/db/open.ts';
import { newStorageKey } from '../../src/modules/photos/photos.storage.ts';
import { storedFiles } from '../helpers/photos.ts';
import { s3Env, startS3rver, type TestBucket } from '../helpers/s3.ts';
import { migratedDataFolder } from '../helpers/data-folder.ts';

const root = new URL('../..', import.meta.url).pathname;

/** `esafety storage copy --to s3` on an embedded database folder, a photograph folder and s3rver. */
describe('esafety storage copy --to s3', { timeout: 120_000 }, () => {
  let dataDir: string;
  let storageDir: string;
  let bucket: TestBucket;
  let env: Record<string, string>;
  const schools: Record<string, string> = {};
  const originals = new Map<string, Buffer>();

  const cli = async (args: string[], extra: Record<string, string | undefined> = env) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(
      args,
      { NODE_ENV: 'test', DATA_DIR: dataDir, STORAGE_DIR: storageDir, ...extra },
      { out: (t) => out.push(t), err: (t) => err.push(t) },
    );
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
  const inFolder = (key: string) => existsSync(join(storageDir, key));
  const place = (key: string, bytes: Buffer) => {
    mkdirSync(dirname(join(storageDir, key)), { recursive: true });
    writeFileSync(join(storageDir, key), bytes);
    originals.set(key, bytes);
    return key;
  };

  beforeAll(async () => {
    dataDir = migratedDataFolder('esafety-copy-');
    storageDir = join(dataDir, 'storage');
    bucket = await startS3rver();
    env = s3Env(bucket.config);
    for (const [name, urn] of [
      ['Wendover CE Junior', '110492'],
      ['Hazelwood Primary', '110493'],
    ]) {
      expect((await cli(['school', 'add', '--name', name, '--urn', urn])).code).toBe(0);
    }
    const database = await openAppDatabase(loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir }), 'test');
    for (const row of await database.db.selectFrom('schools').select(['id', 'urn']).execute()) schools[row.urn] = row.id;
    await database.close();
  });
  afterAll(async () => {
    await bucket.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('says which S3 variable is missing, and that s3 is the only destination', async () => {
    const withoutBucket = await cli(['storage', 'copy', '--to', 's3'], { ...env, S3_BUCKET: undefined });
    expect(withoutBucket).toMatchObject({ code: 2, err: expect.stringContaining('S3_BUCKET must be set') });
    const badStyle = await cli(['storage', 'copy', '--to', 's3'], { ...env, S3_FORCE_PATH_STYLE: 'yes' });
    expect(badStyle).toMatchObject({ code: 2, err: expect.stringContaining('S3_FORCE_PATH_STYLE must be "true" or "false"') });
    expect(await cli(['storage', 'copy', '--to', 'folder'])).toMatchObject({ code: 2, err: expect.stringContaining('--to must be s3') });
    // Checked before anything is opened: no database is made in a folder that had none.
    const elsewhere = join(dataDir, 'elsewhere');
    const early = await runCli(
      ['storage', 'copy', '--to', 's3', '--school', '110492'],
      { NODE_ENV: 'test', DATA_DIR: elsewhere },
      { out: () => {}, err: () => {} },
    );
    expect(early).toBe(2);
    expect(existsSync(elsewhere)).toBe(false);
  });

  it('touches nothing when the bucket cannot be used, and says why', async () => {
    const key = place(newStorageKey('originals', schools['110492'], 'jpg'), randomBytes(1000));
    // s3rver knows one access key (it does not check signatures' secrets).
    const wrongKey = await cli(['storage', 'copy', '--to', 's3'], { ...env, S3_ACCESS_KEY_ID: 'NOT-A-KEY' });
    expect(wrongKey.code).toBe(1);
    expect(wrongKey.err).toContain(`The bucket "${bucket.config.bucket}" at ${bucket.config.endpoint} cannot be used: the access key may not use it`);
    const noBucket = await cli(['storage', 'copy', '--to', 's3'], { ...env, S3_BUCKET: 'no-such-bucket' });
    expect(noBucket).toMatchObject({ code: 1, err: expect.stringContaining('there is no such bucket') });
    expect(inFolder(key)).toBe(true);
    expect(await bucket.exists(key)).toBe(false);
  });

  it('moves one school’s photographs, checking each; an object left by an interrupted run is checked, a damaged one sent again', async () => {
    const wendover = schools['110492'];
    const big = place(newStorageKey('originals', wendover, 'jpg'), randomBytes(3 * 1024 * 1024));
    const published = place(newStorageKey('published', wendover, 'jpg'), randomBytes(20_000));
    // An earlier run sent this one and stopped before removing the file.
    const sentBefore = place(newStorageKey('originals', wendover, 'png'), randomBytes(5_000));
    await bucket.plant(sentBefore, originals.get(sentBefore)!);
    // And this one arrived damaged: the same size, different bytes.
    const damaged = place(newStorageKey('originals', wendover, 'webp'), randomBytes(8_000));
    const wrong = Buffer.from(originals.get(damaged)!);
    wrong[100] ^= 0xff;
    await bucket.plant(damaged, wrong);
    // Another school's photograph stays where it is.
    const hazelwood = place(newStorageKey('originals', schools['110493'], 'jpg'), randomBytes(2_000));

    const result = await cli(['storage', 'copy', '--to', 's3', '--school', '110492']);
    expect(result.code).toBe(0);
    expect(result.out).toContain('(Wendover CE Junior, URN 110492)');
    // The 1000-byte photograph from the test before is Wendover's too.
    expect(result.out).toContain('copied: 4 photographs');
    expect(result.out).toContain('already there: 1 photograph,');
    expect(result.out).toContain('failed: 0 photographs');
    expect(result.err).toContain('STORAGE_DRIVER=s3');
    for (const key of [big, published, sentBefore, damaged]) {
      expect(inFolder(key), key).toBe(false);
      expect((await bucket.object(key))?.equals(originals.get(key)!), key).toBe(true);
    }
    expect(inFolder(hazelwood)).toBe(true);
    expect(await bucket.exists(hazelwood)).toBe(false);
    // The emptied school folders go too; the other school's stays.
    expect(existsSync(join(storageDir, 'originals', wendover))).toBe(false);
    expect(existsSync(join(storageDir, 'originals', schools['110493']))).toBe(true);
  });

  it('reports what it could not move, leaves it in the folder, exits non-zero; run again once put right, it finishes', async () => {
    const hazelwood = schools['110493'];
    const good = place(newStorageKey('published', hazelwood, 'jpg'), randomBytes(4_000));
    const stray = join('originals', hazelwood, 'IMG 2041.JPG');
    place(stray, randomBytes(100));

    const first = await cli(['storage', 'copy', '--to', 's3']);
    expect(first.code).toBe(1);
    expect(first.out).toContain('copied: 2 photographs');
    expect(first.out).toContain('failed: 1 photograph, still in the folder:');
    expect(first.out).toContain(`${stray}: Not a storage key`);
    expect(first.err).toContain('run the same command again');
    expect(inFolder(stray)).toBe(true);
    expect(inFolder(good)).toBe(false);
    expect((await bucket.object(good))?.equals(originals.get(good)!)).toBe(true);

    rmSync(join(storageDir, stray));
    const again = await cli(['storage', 'copy', '--to', 's3']);
    expect(again.code).toBe(0);
    expect(again.out).toContain('copied: 0 photographs');
    expect(again.out).toContain('failed: 0 photographs');
    expect(await storedFiles(storageDir)).toEqual([]);
    for (const [key, bytes] of originals) if (key !== stray) expect((await bucket.object(key))?.equals(bytes), key).toBe(true);
  });
});

describe('STORAGE_DRIVER and the S3 variables at start-up', () => {
  const s3 = {
    STORAGE_DRIVER: 's3',
    S3_ENDPOINT: 'http://127.0.0.1:9000',
    S3_REGION: 'us-east-1',
    S3_BUCKET: 'school-photos',
    S3_ACCESS_KEY_ID: 'id',
    S3_SECRET_ACCESS_KEY: 'secret',
    S3_FORCE_PATH_STYLE: 'true',
  };

  it('keeps photographs in the folder unless told otherwise', () => {
    expect(loadConfig({ NODE_ENV: 'test' })).toMatchObject({ storageDriver: 'folder', s3: null });
    expect(loadConfig({ NODE_ENV: 'test', S3_BUCKET: 'ignored' }).s3).toBeNull();
  });

  it('reads the bucket from the S3 variables', () => {
    expect(loadConfig({ NODE_ENV: 'test', ...s3, S3_ENDPOINT: 'https://s3.example.org/' }).s3).toEqual({
      endpoint: 'https://s3.example.org',
      region: 'us-east-1',
      bucket: 'school-photos',
      accessKeyId: 'id',
      secretAccessKey: 'secret',
      forcePathStyle: true,
    });
    expect(loadConfig({ NODE_ENV: 'test', ...s3, S3_FORCE_PATH_STYLE: undefined }).s3?.forcePathStyle).toBe(false);
  });

  it('names each missing or malformed variable', () => {
    for (const name of ['S3_ENDPOINT', 'S3_REGION', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'])
      expect(() => loadConfig({ NODE_ENV: 'test', ...s3, [name]: '' }), name).toThrow(`${name} must be set`);
    expect(() => loadConfig({ NODE_ENV: 'test', ...s3, S3_ENDPOINT: 'minio:9000' })).toThrow(/^S3_ENDPOINT must be the store's address/);
    expect(() => loadConfig({ NODE_ENV: 'test', ...s3, S3_BUCKET: 'School_Photos' })).toThrow(/^S3_BUCKET must be a bucket name/);
    expect(() => loadConfig({ NODE_ENV: 'test', ...s3, S3_FORCE_PATH_STYLE: '1' })).toThrow(/^S3_FORCE_PATH_STYLE must be "true" or "false"/);
    expect(() => loadConfig({ NODE_ENV: 'test', STORAGE_DRIVER: 'disk' })).toThrow('STORAGE_DRIVER must be "folder" or "s3", not "disk"');
  });

  it('stops the server with that message before it starts', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'esafety-start-s3-'));
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      cwd: root,
      env: { ...process.env, NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', DATABASE_URL: '', DATA_DIR: dataDir, ...s3, S3_REGION: '' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    rmSync(dataDir, { recursive: true, force: true });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('eSafety Office could not start: S3_REGION must be set');
  });
});
