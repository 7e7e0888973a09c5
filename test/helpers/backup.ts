import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { sql } from 'kysely';
import { expect } from 'vitest';
import { runCli } from '../../src/cli/main.ts';
import type { Config } from '../../src/config.ts';
import { appendAnchors } from '../../src/platform/audit/anchors.ts';
import { countTables } from '../../src/platform/backup/backup.ts';
import type { Database } from '../../src/platform/db/database.ts';
import { withSchool } from '../../src/platform/db/school-scope.ts';
import type { MailTransport } from '../../src/platform/mail/delivery.ts';
import { enqueueMail } from '../../src/platform/mail/outbox.ts';
import { createImportService } from '../../src/modules/people/import.service.ts';
import { makeSchool, makeStaff } from './factories.ts';

const fixture = new URL('../fixtures/oneroster/basic', import.meta.url).pathname;

/** Runs the CLI in this process with its own environment, capturing what it prints. */
export async function cli(args: string[], env: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { NODE_ENV: 'test', ...env }, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** A mail server that only remembers what it was given (delivery itself is tested in mail.test.ts). */
export function recordingTransport(): MailTransport & { sent: string[] } {
  const sent: string[] = [];
  return { sent, send: async (m) => void sent.push(m.to) };
}

/** Two schools with pupils from the MIS fixture, staff, audit entries, anchors, unsent mail and photographs on disk. */
export async function seed(database: Database, config: Config): Promise<{ photos: string[] }> {
  const importer = createImportService(database.schools);
  const photos: string[] = [];
  for (const name of ['Alder Primary', 'Birch Primary']) {
    const school = await makeSchool(database.db, { name });
    const result = await importer.importFromPath(school.id, { id: null, label: 'test' }, fixture, false);
    expect(result.ok).toBe(true);
    await makeStaff(database.db, school.id, ['headteacher']);
    await withSchool(database.db, school.id, async (tx) => {
      await enqueueMail(tx, school.id, {
        to: `office@${name.split(' ')[0].toLowerCase()}.example`,
        subject: 'Something needs your attention',
        text: 'Open eSafety Office.',
      });
      await enqueueMail(tx, school.id, {
        to: 'head@school.example',
        subject: 'Reset',
        text: 'https://esafety.example/reset-password/abcdefghijklmnopqrstuvwxyz',
      });
    });
    for (let i = 0; i < 3; i++) {
      const key = `originals/${school.id}/${randomBytes(16).toString('hex')}.jpg`;
      const path = join(config.storageDir, key);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, randomBytes(50_000 + i * 1000));
      photos.push(key);
    }
  }
  await appendAnchors(database.db, config.dataDir);
  return { photos };
}

export const tablesOf = (database: Database) => countTables((text) => database.pool.query(text));
export const chainOf = (database: Database) =>
  sql<{ id: string; hash: string }>`SELECT id::text AS id, hash FROM audit_log ORDER BY id`.execute(database.db).then((r) => r.rows);
