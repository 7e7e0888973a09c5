import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser } from 'playwright-core';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import type { Database } from '../../src/platform/db/database.ts';
import { createTestDatabase } from '../helpers/database.ts';

/** The distribution's Chromium: these tests never download a browser. */
export const chromiumPath = '/usr/bin/chromium';
const installHint = 'apt-get install -y chromium';

/**
 * Whether to skip the browser tests. Only outside CI, and never silently: under CI=true a
 * missing Chromium makes launchChromium() fail the suite instead.
 */
export function skipWithoutChromium(): boolean {
  if (existsSync(chromiumPath)) return false;
  if (process.env.CI === 'true') return false;
  console.warn(`Skipping the browser tests: no Chromium at ${chromiumPath}. Install it with: ${installHint}`);
  return true;
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(`The browser tests need Chromium at ${chromiumPath} and must not be skipped in CI (CI=true). Install it with: ${installHint}`);
  }
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** A port nobody is listening on right now, so the app can know its own address before it starts. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface RunningApp {
  baseUrl: string;
  app: FastifyInstance;
  database: Database;
  /** Where the app keeps photographs. */
  storageDir: string;
  close(): Promise<void>;
}

/**
 * The whole app on a fresh PGlite database, listening on a real port for the browser. With
 * `ownStorage`, photographs go to a temporary folder of its own, removed on close.
 */
export async function startApp(options: { ownStorage?: boolean } = {}): Promise<RunningApp> {
  const database = await createTestDatabase('pglite');
  const ownStorage = options.ownStorage ? await mkdtemp(join(tmpdir(), 'esafety-browser-')) : null;
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const config = loadConfig({ NODE_ENV: 'test' }, { baseUrl, port, host: '127.0.0.1', ...(ownStorage ? { storageDir: ownStorage } : {}) });
    const app = await buildApp({ config, database });
    try {
      await app.listen({ port, host: '127.0.0.1' });
    } catch (error) {
      await app.close();
      // Another process took the port between finding and using it: try another.
      if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE' && attempt < 5) continue;
      await database.close();
      if (ownStorage) await rm(ownStorage, { recursive: true, force: true });
      throw error;
    }
    return {
      baseUrl,
      app,
      database,
      storageDir: config.storageDir,
      close: async () => {
        await app.close();
        await database.close();
        if (ownStorage) await rm(ownStorage, { recursive: true, force: true });
      },
    };
  }
}
