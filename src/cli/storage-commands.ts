import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, rm, rmdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { s3ConfigFrom, type Config } from '../config.ts';
import type { Database } from '../platform/db/database.ts';
import { findSchoolByUrn } from '../modules/school/school.service.ts';
import { s3Storage, type BucketStorage } from '../modules/photos/photos.s3-storage.ts';
import { checkedKey } from '../modules/photos/photos.storage.ts';
import { UsageError, type Output } from './commands.ts';

export interface CopyOutcome {
  copied: string[];
  alreadyThere: string[];
  failed: { key: string; reason: string }[];
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Every file under the storage folder, as storage keys, in a stable order (half-written `.partial` files and hidden files left alone). */
async function folderKeys(root: string): Promise<string[]> {
  if (!existsSync(root)) return [];
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && !e.name.endsWith('.partial') && !e.name.startsWith('.'))
    .map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

/**
 * Copies one photograph and removes the folder's copy only once the bucket's copy has been read
 * back and matches in size and SHA-256. An object already in the bucket with the same bytes (an
 * earlier run that stopped before removing the file) is not sent again; one that differs (a
 * half-finished or damaged upload) is replaced.
 */
async function copyOne(root: string, bucket: BucketStorage, key: string): Promise<'copied' | 'already there'> {
  checkedKey(key);
  const path = join(root, ...key.split('/'));
  const bytes = await readFile(path);
  const expected = sha256(bytes);
  const matches = async () => {
    const stored = await bucket.get(key);
    return stored !== null && stored.length === bytes.length && sha256(stored) === expected;
  };
  let outcome: 'copied' | 'already there' = 'already there';
  if ((await bucket.size(key)) !== bytes.length || !(await matches())) {
    outcome = 'copied';
    await bucket.put(key, bytes);
    const size = await bucket.size(key);
    if (size !== bytes.length) throw new Error(`the bucket holds ${size ?? 'nothing'} bytes under this key after sending ${bytes.length}`);
    if (!(await matches())) throw new Error('the bucket’s copy, read back, does not have the same SHA-256 as the file');
  }
  await rm(path);
  return outcome;
}

/** Moves the photographs in the folder (one school's, or all) into the bucket; see copyOne. Four at a time. */
export async function copyFolderToBucket(root: string, bucket: BucketStorage, schoolId: string | null): Promise<CopyOutcome> {
  const keys = (await folderKeys(root)).filter((key) => schoolId === null || key.split('/')[1] === schoolId);
  const outcome: CopyOutcome = { copied: [], alreadyThere: [], failed: [] };
  let next = 0;
  const worker = async () => {
    while (next < keys.length) {
      const key = keys[next++];
      try {
        const done = await copyOne(root, bucket, key);
        (done === 'copied' ? outcome.copied : outcome.alreadyThere).push(key);
      } catch (error) {
        outcome.failed.push({ key, reason: (error as Error).message });
      }
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  outcome.failed.sort((a, b) => a.key.localeCompare(b.key));
  await removeEmptyFolders(root);
  return outcome;
}

/** The school folders emptied by the copy (never the storage folder itself). */
async function removeEmptyFolders(root: string): Promise<void> {
  if (!existsSync(root)) return;
  const folders = (await readdir(root, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => join(e.parentPath, e.name))
    .sort((a, b) => b.length - a.length);
  for (const folder of folders) await rmdir(folder).catch(() => {});
}

const photographs = (n: number) => `${n} photograph${n === 1 ? '' : 's'}`;

/**
 * `esafety storage copy --to s3 [--school URN]`: the folder's photographs into the S3_* bucket.
 * The arguments and the S3 variables are checked before anything is opened; the database only
 * when --school names a school (its photographs are under its id).
 */
export async function storageCopy(
  io: Output,
  config: Config,
  env: Record<string, string | undefined>,
  args: { to?: string; school?: string },
  openDatabase: () => Promise<Database>,
): Promise<number> {
  if (args.to !== 's3') throw new UsageError(`--to must be s3 (esafety storage copy --to s3 [--school URN]), not ${args.to ? `"${args.to}"` : 'missing'}`);
  let s3;
  try {
    s3 = config.s3 ?? s3ConfigFrom(env);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  let school: { id: string; name: string; urn: string } | null = null;
  if (args.school) {
    const database = await openDatabase();
    try {
      school = await findSchoolByUrn(database.schools, args.school);
    } finally {
      await database.close();
    }
  }
  const bucket = s3Storage(s3);
  try {
    await bucket.check();
    const result = await copyFolderToBucket(config.storageDir, bucket, school?.id ?? null);
    const from = `${config.storageDir}${school ? ` (${school.name}, URN ${school.urn})` : ''}`;
    io.out(`From ${from} to the ${bucket.where}:`);
    io.out(`  copied: ${photographs(result.copied.length)}, each read back and checked (size and SHA-256), then removed from the folder`);
    io.out(`  already there: ${photographs(result.alreadyThere.length)}, checked the same way, then removed from the folder`);
    io.out(`  failed: ${photographs(result.failed.length)}${result.failed.length ? ', still in the folder:' : ''}`);
    for (const { key, reason } of result.failed) io.out(`    ${key}: ${reason}`);
    if (result.failed.length) {
      io.err(
        'Some photographs were not moved. Put right what the reasons say, then run the same command again: what is already in the bucket is not sent twice.',
      );
      return 1;
    }
    if (config.storageDriver !== 's3')
      io.err('Now start the app with STORAGE_DRIVER=s3 and the same S3_* variables, so it reads the photographs from the bucket.');
    return 0;
  } finally {
    await bucket.close();
  }
}
