import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';

/**
 * A backup is one plain tar file (POSIX ustar), so `tar -tf` lists it and `tar -xf` unpacks it
 * anywhere without this program. Written as a stream, entry by entry; each entry's SHA-256 is
 * computed while it is written and kept in the manifest.
 */

const block = 512;

export interface WrittenEntry {
  readonly entry: string;
  readonly bytes: number;
  readonly sha256: string;
}

function header(name: string, size: number, mtime: Date): Buffer {
  const h = Buffer.alloc(block, 0);
  let prefix = '';
  let base = name;
  if (Buffer.byteLength(name) > 100) {
    const cut = name.lastIndexOf('/', 155);
    if (cut <= 0 || Buffer.byteLength(name.slice(cut + 1)) > 100) throw new Error(`A file name too long for the backup: ${name}`);
    prefix = name.slice(0, cut);
    base = name.slice(cut + 1);
  }
  const octal = (value: number, width: number) => value.toString(8).padStart(width - 1, '0') + '\0';
  h.write(base, 0, 100, 'utf8');
  h.write(octal(0o600, 8), 100, 'ascii');
  h.write(octal(0, 8), 108, 'ascii');
  h.write(octal(0, 8), 116, 'ascii');
  h.write(octal(size, 12), 124, 'ascii');
  h.write(octal(Math.floor(mtime.getTime() / 1000), 12), 136, 'ascii');
  h.write('        ', 148, 'ascii');
  h.write('0', 156, 'ascii');
  h.write('ustar\0', 257, 'ascii');
  h.write('00', 263, 'ascii');
  h.write(prefix, 345, 155, 'utf8');
  let sum = 0;
  for (const byte of h) sum += byte;
  h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 'ascii');
  return h;
}

/** Writes a tar file; `finish` adds the two empty blocks that end it. */
export class TarWriter {
  private position = 0;
  private constructor(private readonly handle: FileHandle) {}

  static async create(path: string): Promise<TarWriter> {
    // 'wx': never overwrites; the caller writes to a fresh temporary name and renames it at the end.
    return new TarWriter(await open(path, 'wx', 0o600));
  }

  private async write(bytes: Buffer): Promise<void> {
    await this.handle.write(bytes, 0, bytes.length, this.position);
    this.position += bytes.length;
  }

  private async pad(size: number): Promise<void> {
    const rest = size % block;
    if (rest) await this.write(Buffer.alloc(block - rest, 0));
  }

  async addBuffer(entry: string, bytes: Buffer, mtime = new Date()): Promise<WrittenEntry> {
    await this.write(header(entry, bytes.length, mtime));
    await this.write(bytes);
    await this.pad(bytes.length);
    return { entry, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
  }

  /** Streams a file in; its size is taken first and must not change while it is read. */
  async addFile(entry: string, path: string, size: number, mtime: Date): Promise<WrittenEntry> {
    await this.write(header(entry, size, mtime));
    const hash = createHash('sha256');
    let read = 0;
    for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
      read += chunk.length;
      if (read > size) break;
      hash.update(chunk);
      await this.write(chunk);
    }
    if (read !== size) throw new Error(`${path} changed while it was being backed up`);
    await this.pad(size);
    return { entry, bytes: size, sha256: hash.digest('hex') };
  }

  async finish(): Promise<void> {
    await this.write(Buffer.alloc(block * 2, 0));
    await this.handle.sync();
    await this.handle.close();
  }

  async abandon(): Promise<void> {
    await this.handle.close().catch(() => {});
  }
}

export interface TarEntry {
  readonly name: string;
  readonly size: number;
  /** Where the entry's bytes start in the file. */
  readonly offset: number;
}

/** Reads a tar file's entries (regular files only) without loading it. */
export class TarReader {
  private constructor(
    private readonly handle: FileHandle,
    readonly entries: readonly TarEntry[],
  ) {}

  static async open(path: string): Promise<TarReader> {
    const handle = await open(path, 'r');
    try {
      const { size: fileSize } = await handle.stat();
      const entries: TarEntry[] = [];
      const h = Buffer.alloc(block);
      let position = 0;
      while (position + block <= fileSize) {
        const { bytesRead } = await handle.read(h, 0, block, position);
        if (bytesRead < block) break;
        if (h.every((b) => b === 0)) break;
        const text = (start: number, length: number) => h.toString('utf8', start, start + length).replace(/\0.*$/s, '');
        let stored = 0;
        for (let i = 0; i < block; i++) stored += i >= 148 && i < 156 ? 32 : h[i];
        if (parseInt(text(148, 8).trim(), 8) !== stored) throw new NotABackupError('its table of contents is damaged');
        const size = parseInt(text(124, 12).trim() || '0', 8);
        const prefix = text(345, 155);
        const name = prefix ? `${prefix}/${text(0, 100)}` : text(0, 100);
        const type = text(156, 1);
        if (type === '0' || type === '') entries.push({ name, size, offset: position + block });
        position += block + Math.ceil(size / block) * block;
        if (position > fileSize) throw new NotABackupError('it is cut short (was it copied completely?)');
      }
      return new TarReader(handle, entries);
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  find(name: string): TarEntry | undefined {
    return this.entries.find((e) => e.name === name);
  }

  /** The entry's bytes, in chunks. */
  async *chunks(entry: TarEntry, chunkSize = 1024 * 1024): AsyncGenerator<Buffer> {
    let done = 0;
    while (done < entry.size) {
      const length = Math.min(chunkSize, entry.size - done);
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await this.handle.read(buffer, 0, length, entry.offset + done);
      if (bytesRead !== length) throw new NotABackupError('it is cut short (was it copied completely?)');
      done += length;
      yield buffer;
    }
  }

  async read(entry: TarEntry): Promise<Buffer> {
    const parts: Buffer[] = [];
    for await (const chunk of this.chunks(entry)) parts.push(chunk);
    return Buffer.concat(parts);
  }

  async sha256(entry: TarEntry): Promise<string> {
    const hash = createHash('sha256');
    for await (const chunk of this.chunks(entry)) hash.update(chunk);
    return hash.digest('hex');
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}

export class NotABackupError extends Error {
  constructor(reason: string) {
    super(`This file is not a usable eSafety Office backup: ${reason}.`);
  }
}
