import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Config } from '../../config.ts';
import { s3Storage } from './photos.s3-storage.ts';

/**
 * Where photographs live: a small interface, so an S3-compatible object store (photos.s3-storage.ts,
 * STORAGE_DRIVER=s3) can replace the folder without the rest of the module noticing. Keys are plain
 * relative paths.
 */
export interface PhotoStorage {
  put(key: string, bytes: Buffer): Promise<void>;
  /** The bytes, or null when there is nothing under that key. */
  get(key: string): Promise<Buffer | null>;
  /** Deleting what is not there is not an error: retention may run twice. */
  delete(key: string): Promise<void>;
}

const validKey = /^[a-z0-9-]+(\/[a-z0-9-]+)*\.[a-z]{3,4}$/;

/** The key, if it is one this app makes (lower-case folders and a name, no "..", no leading slash); otherwise an error. */
export function checkedKey(key: string): string {
  if (!validKey.test(key)) throw new Error(`Not a storage key: ${key}`);
  return key;
}

/** Photographs on the school's own server, under STORAGE_DIR (never served as static files). */
export function fileStorage(root: string): PhotoStorage {
  const base = resolve(root);
  const pathOf = (key: string) => {
    const path = resolve(join(base, checkedKey(key)));
    if (!path.startsWith(base + sep)) throw new Error(`Not a storage key: ${key}`);
    return path;
  };
  return {
    async put(key, bytes) {
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true, mode: 0o700 });
      // Written whole or not at all: a crash leaves no half photo under the key.
      const partial = `${path}.${randomBytes(4).toString('hex')}.partial`;
      await writeFile(partial, bytes, { mode: 0o600 });
      await rename(partial, path);
    },
    async get(key) {
      try {
        return await readFile(pathOf(key));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}

/** The storage STORAGE_DRIVER names: the folder (STORAGE_DIR) unless it is `s3`. */
export function storageFor(config: Pick<Config, 'storageDriver' | 'storageDir' | 's3'>): PhotoStorage {
  if (config.storageDriver === 's3') {
    if (!config.s3) throw new Error('STORAGE_DRIVER is s3 but the S3_* variables were not read');
    return s3Storage(config.s3);
  }
  return fileStorage(config.storageDir);
}

/** A key that says nothing about the child, the event or the original file. */
export const newStorageKey = (folder: 'originals' | 'published', schoolId: string, extension: 'jpg' | 'png' | 'webp') =>
  `${folder}/${schoolId}/${randomBytes(16).toString('hex')}.${extension}`;
