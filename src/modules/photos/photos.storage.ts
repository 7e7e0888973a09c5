import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * Where photographs live: a small interface, so an S3-compatible object store can replace the
 * folder without the rest of the module noticing. Keys are plain relative paths.
 */
export interface PhotoStorage {
  put(key: string, bytes: Buffer): Promise<void>;
  /** The bytes, or null when there is nothing under that key. */
  get(key: string): Promise<Buffer | null>;
  /** Deleting what is not there is not an error: retention may run twice. */
  delete(key: string): Promise<void>;
}

const validKey = /^[a-z0-9-]+(\/[a-z0-9-]+)*\.[a-z]{3,4}$/;

/** Photographs on the school's own server, under STORAGE_DIR (never served as static files). */
export function fileStorage(root: string): PhotoStorage {
  const base = resolve(root);
  const pathOf = (key: string) => {
    if (!validKey.test(key)) throw new Error(`Not a storage key: ${key}`);
    const path = resolve(join(base, key));
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

/** A key that says nothing about the child, the event or the original file. */
export const newStorageKey = (folder: 'originals' | 'published', schoolId: string, extension: 'jpg' | 'png' | 'webp') =>
  `${folder}/${schoolId}/${randomBytes(16).toString('hex')}.${extension}`;
