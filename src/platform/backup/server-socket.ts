import { existsSync, rmSync } from 'node:fs';
import { createConnection, createServer, type Server } from 'node:net';
import { isAbsolute, join } from 'node:path';
import type { Config } from '../../config.ts';
import type { Database } from '../db/database.ts';
import { createBackup, recordBackupRun, type BackupSummary } from './backup.ts';

/**
 * While the server runs on the embedded database it holds the data folder, and PGlite cannot be
 * opened twice. So `esafety backup` asks the running server for the backup over a Unix socket in
 * the data folder. The folder is 0700 and the socket 0600: only the account that runs the server
 * can connect, the same account that could read the data folder anyway.
 */
export const backupSocketPath = (dataDir: string) => join(dataDir, 'esafety-backup.sock');

type Request = { out: string };
type Reply = { ok: true; summary: BackupSummary } | { ok: false; message: string };

export async function listenForBackupRequests(config: Config, database: Database): Promise<{ close(): Promise<void> }> {
  const path = backupSocketPath(config.dataDir);
  // This process holds the data folder's lock: a socket file left here is from a server that died.
  rmSync(path, { force: true });
  let queue: Promise<unknown> = Promise.resolve();
  const server: Server = createServer((socket) => {
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      text += chunk;
      if (!text.includes('\n') || text.length > 10_000) return;
      let request: Request;
      try {
        request = JSON.parse(text.slice(0, text.indexOf('\n'))) as Request;
        if (typeof request.out !== 'string' || !isAbsolute(request.out)) throw new Error('bad request');
      } catch {
        socket.end(JSON.stringify({ ok: false, message: 'The server did not understand the request.' } satisfies Reply) + '\n');
        return;
      }
      // One backup at a time; each waits its turn for the database's connection anyway.
      const job = queue.then(async () => {
        const startedAt = new Date();
        try {
          const summary = await createBackup({ config, database, out: request.out });
          await recordBackupRun(database.db, { startedAt, trigger: 'command', ok: true, file: summary.file, bytes: summary.bytes });
          return { ok: true, summary } satisfies Reply;
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          await recordBackupRun(database.db, { startedAt, trigger: 'command', ok: false, error: message }).catch(() => {});
          return { ok: false, message } satisfies Reply;
        }
      });
      queue = job;
      void job.then((reply) => socket.end(JSON.stringify(reply) + '\n'));
    });
    socket.on('error', () => {});
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => resolve());
  });
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        rmSync(path, { force: true });
      }),
  };
}

/** Asks the running server for a backup; null when no server is listening on this data folder. */
export async function requestBackupFromServer(dataDir: string, out: string): Promise<BackupSummary | null> {
  const path = backupSocketPath(dataDir);
  if (!existsSync(path)) return null;
  return new Promise((resolve, reject) => {
    const socket = createConnection(path);
    let text = '';
    let connected = false;
    socket.setEncoding('utf8');
    socket.on('connect', () => {
      connected = true;
      socket.write(JSON.stringify({ out } satisfies Request) + '\n');
    });
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      // A socket file with nobody behind it: the server is not running.
      if (!connected && (error.code === 'ECONNREFUSED' || error.code === 'ENOENT')) resolve(null);
      else reject(new Error(`The running server did not answer the backup request: ${error.message}`));
    });
    socket.on('end', () => {
      try {
        const reply = JSON.parse(text) as Reply;
        if (reply.ok) resolve(reply.summary);
        else reject(new Error(reply.message));
      } catch {
        reject(new Error('The running server stopped before the backup was finished.'));
      }
    });
  });
}
