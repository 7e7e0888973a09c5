import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/** Who holds the data folder, as written in esafety.lock. */
export interface LockHolder {
  pid: number;
  what: string;
  /** The computer (or container) it runs on. */
  host?: string;
  /** When that process started, in clock ticks since boot (/proc/<pid>/stat), so a reused PID is recognised. */
  processStart?: string;
  /** This boot of that computer (/proc/sys/kernel/random/boot_id): after a restart every lock is stale. */
  bootId?: string;
  /** When the lock was taken (for people reading the file). */
  since?: string;
}

export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    const lockPath = join(dataDir, 'esafety.lock');
    const who = `process ${holder.pid}${holder.host ? ` on ${holder.host}` : ''}${holder.since ? `, since ${holder.since}` : ''}`;
    const recover = `If no eSafety Office is running there (it was stopped by a crash or a restart elsewhere), delete ${lockPath} and start again.`;
    super(
      holder.what === 'server'
        ? `The eSafety Office server is running on ${dataDir} (${who}); stop it first, or run this command with DATABASE_URL on PostgreSQL. ${recover}`
        : `Another eSafety Office command is using ${dataDir} (${who}: ${holder.what}); wait for it to finish. ${recover}`,
    );
  }
}

function readOptional(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return undefined;
  }
}

/** The start time of a process in clock ticks since boot (Linux); undefined where /proc cannot say. */
export function processStartTime(pid: number): string | undefined {
  const stat = readOptional(`/proc/${pid}/stat`);
  if (!stat) return undefined;
  // The command name (field 2) is in brackets and may hold spaces: count fields after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fields[19]; // field 22 of the line: starttime
}

const currentBootId = () => readOptional('/proc/sys/kernel/random/boot_id');

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether the lock's holder still runs. A lock from another computer cannot be checked and counts
 * as held. On this one: not after a restart (another boot), not when the PID is gone, and not when
 * the PID now belongs to a process that started at another moment (after a reboot or a container
 * restart PIDs are handed out again). A lock written before start times were recorded counts only
 * if the process with its PID is a Node.js program.
 */
function holderRuns(holder: LockHolder): boolean {
  if (holder.host && holder.host !== hostname()) return true;
  const bootId = currentBootId();
  if (holder.bootId && bootId && holder.bootId !== bootId) return false;
  if (!isAlive(holder.pid)) return false;
  const started = processStartTime(holder.pid);
  if (holder.processStart && started) return holder.processStart === started;
  if (!holder.processStart && started !== undefined) {
    const command = readOptional(`/proc/${holder.pid}/cmdline`) ?? '';
    return /node|esafety|tsx/.test(command);
  }
  return true;
}

/**
 * PGlite corrupts its files if two processes open them at once, so the first process takes a
 * lock file and every other one is refused with a clear message. A lock left by a process that
 * has died, or from before a restart, is taken over.
 */
export function lockDataDir(dataDir: string, what: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockPath = join(dataDir, 'esafety.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      const holder: LockHolder = {
        pid: process.pid,
        what,
        host: hostname(),
        processStart: processStartTime(process.pid),
        bootId: currentBootId(),
        since: new Date().toISOString(),
      };
      writeSync(fd, JSON.stringify(holder));
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
      if (holder && holder.pid !== process.pid && holderRuns(holder)) throw new DataDirInUseError(dataDir, holder);
      rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not lock ${dataDir}: another process took ${lockPath} at the same moment; try again.`);
}

function readHolder(lockPath: string): LockHolder | null {
  try {
    const parsed = JSON.parse(readFileSync(lockPath, 'utf8')) as Record<string, unknown>;
    if (typeof parsed.pid !== 'number') return null;
    const text = (key: string) => (typeof parsed[key] === 'string' ? parsed[key] : undefined);
    return {
      pid: parsed.pid,
      what: text('what') ?? 'unknown',
      host: text('host'),
      processStart: text('processStart'),
      bootId: text('bootId'),
      since: text('since'),
    };
  } catch {
    return null;
  }
}
