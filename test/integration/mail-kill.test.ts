import { spawn, type ChildProcess } from 'node:child_process';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/platform/db/database.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';
import { withSchool } from '../../src/platform/db/school-scope.ts';
import { enqueueMail } from '../../src/platform/mail/outbox.ts';
import { configureMailSealing } from '../../src/platform/mail/sealed.ts';
import { makeSchool } from '../helpers/factories.ts';
import { startSmtp, type ReceivedMail } from '../helpers/smtp.ts';

/**
 * Two instances on one PostgreSQL deliver a burst of mail to a real SMTP server; the one in the
 * middle of an SMTP conversation is killed with SIGKILL, and the test measures how long delivery
 * stops. A killed PGlite process cannot share its data folder, so this runs on the machine's
 * PostgreSQL, in a database of its own (not named esafety_test_%, which the test setup drops), dropped afterwards.
 */
const serverUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const root = new URL('../..', import.meta.url).pathname;

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}
const postgresHere = await reachable(serverUrl);
if (!postgresHere && process.env.CI === 'true') throw new Error(`CI=true but PostgreSQL is not reachable at ${serverUrl}`);

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

function startInstance(databaseUrl: string, smtpUrl: string, from: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/mail-instance.ts'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, SMTP_URL: smtpUrl, MAIL_FROM: from, SESSION_SECRET: 'mail-kill-test-secret-0123456789abcdef' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      if (d.toString().includes('ready')) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`instance ${from} exited with ${code}`)));
  });
}

describe.skipIf(!postgresHere)('an instance killed while delivering mail (two instances, PostgreSQL)', { timeout: 180_000 }, () => {
  const name = `esafety_mailkill_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  let database: Database;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    await admin(`CREATE DATABASE ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    database = await openDatabase({ url: url.toString() });
    await migrateToLatest(database.db);
  });
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await database?.close();
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });

  it('delivers every e-mail exactly once and resumes within a minute of the delivering instance being killed', async () => {
    configureMailSealing('mail-kill-test-secret-0123456789abcdef');
    const school = await makeSchool(database.db);
    const total = 40;
    let killedAt = 0;
    const instances = new Map<ReceivedMail['from'], ChildProcess>();
    const smtp = await startSmtp({
      // A mail server that takes a moment per message; the third message is held open while the
      // instance sending it is killed, so it dies in the middle of an SMTP conversation.
      beforeAccept: async (mail) => {
        if (!killedAt && smtp.received.length >= 2) {
          instances.get(mail.from)!.kill('SIGKILL');
          killedAt = Date.now();
          return new Promise(() => {}); // never accepted: the sender is gone
        }
        await new Promise((r) => setTimeout(r, 100));
      },
    });
    try {
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      for (const from of ['a@instances.example', 'b@instances.example']) {
        const child = await startInstance(url.toString(), smtp.url, from);
        instances.set(from, child);
        children.push(child);
      }
      // A consent request's worth of mail, queued the way a module queues it.
      await withSchool(database.db, school.id, async (tx) => {
        for (let i = 0; i < total; i++)
          await enqueueMail(tx, school.id, { to: `carer${i}@families.example`, subject: 'Please answer', text: `Open http://localhost/x/${i}` });
      });
      const deadline = Date.now() + 120_000;
      while (new Set(smtp.received.map((m) => m.to)).size < total && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));

      expect(killedAt, 'an instance was killed in the middle of sending').toBeGreaterThan(0);
      const afterKill = smtp.received.filter((m) => m.at > killedAt).map((m) => m.at - killedAt);
      const firstAfterKill = Math.min(...afterKill);
      const allDoneAfterKill = Math.max(...afterKill);
      console.log(
        `mail after kill -9: next e-mail ${(firstAfterKill / 1000).toFixed(1)} s later, all ${total} delivered ${(allDoneAfterKill / 1000).toFixed(1)} s after the kill`,
      );
      expect(new Set(smtp.received.map((m) => m.to)).size).toBe(total);
      // Each e-mail once: the one being sent when its instance died went once, by the other, after the lease ran out.
      expect(smtp.received).toHaveLength(total);
      expect(firstAfterKill).toBeLessThan(10_000);
      expect(allDoneAfterKill).toBeLessThan(60_000);
      // The last e-mail is marked sent a moment after the mail server took it (the sender records the 250): wait for that.
      const unsent = () => database.db.selectFrom('outbox').select('id').where('sent_at', 'is', null).execute();
      const markedBy = Date.now() + 10_000;
      while ((await unsent()).length > 0 && Date.now() < markedBy) await new Promise((r) => setTimeout(r, 100));
      expect(await unsent()).toHaveLength(0);
    } finally {
      for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await smtp.close();
    }
  });
});
