import { mkdirSync, openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';

export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: { pid: number; what: string },
  ) {
    super(
      holder.what === 'server'
        ? `The eSafety Office server is running on ${dataDir} (process ${holder.pid}); stop it first, or run this command with DATABASE_URL on PostgreSQL.`
        : `Another eSafety Office command is using ${dataDir} (process ${holder.pid}: ${holder.what}); wait for it to finish.`,
    );
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite corrupts its files if two processes open them at once, so the first process takes a
 * lock file and every other one is refused with a clear message. A lock left by a process that
 * has died is taken over.
 */
export function lockDataDir(dataDir: string, what: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockPath = join(dataDir, 'esafety.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, JSON.stringify({ pid: process.pid, what }));
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        rmSync(lockPath, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(lockPath);
      if (holder && isAlive(holder.pid) && holder.pid !== process.pid) throw new DataDirInUseError(dataDir, holder);
      rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not lock ${dataDir}`);
}

function readHolder(lockPath: string): { pid: number; what: string } | null {
  try {
    const parsed = JSON.parse(readFileSync(lockPath, 'utf8')) as { pid?: unknown; what?: unknown };
    return typeof parsed.pid === 'number' ? { pid: parsed.pid, what: typeof parsed.what === 'string' ? parsed.what : 'unknown' } : null;
  } catch {
    return null;
  }
}
