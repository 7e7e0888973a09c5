import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import type { Database } from '../../src/platform/db/database.ts';
import { withSchool } from '../../src/platform/db/school-scope.ts';
import { deliverDueMail, smtpTransport } from '../../src/platform/mail/delivery.ts';
import { mailQueue, startBackgroundJobs } from '../../src/platform/mail/mail-jobs.ts';
import { enqueueMail } from '../../src/platform/mail/outbox.ts';
import { createTestDatabase, databaseKinds } from '../helpers/database.ts';
import { makeSchool } from '../helpers/factories.ts';
import { startSmtp } from '../helpers/smtp.ts';

const from = 'eSafety Office <office@test.example>';

describe.each(databaseKinds())('mail goes through the outbox to a real SMTP server (%s)', (kind) => {
  let database: Database;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let school: { id: string };

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    smtp = await startSmtp();
    school = await makeSchool(database.db);
  });
  afterAll(async () => {
    await smtp.close();
    await database.close();
  });

  const queue = (to: string) =>
    withSchool(database.db, school.id, (tx) =>
      enqueueMail(tx, school.id, { to, subject: 'A concern needs your attention', text: 'Open http://localhost/concerns/1' }),
    );

  it('delivers each message once, even when delivery runs again (as after a restart)', async () => {
    smtp.received.length = 0;
    await queue('dsl@school.example');
    const transport = smtpTransport(smtp.url);
    expect(await deliverDueMail(database.db, transport, from)).toEqual({ sent: 1, failed: 0 });
    expect(await deliverDueMail(database.db, smtpTransport(smtp.url), from)).toEqual({ sent: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0].to).toBe('dsl@school.example');
    expect(smtp.received[0].raw).toMatch(/Message-ID: <[0-9a-f-]+@esafety-office>/i);
  });

  it('writes no mail when the change that caused it rolls back', async () => {
    await expect(
      withSchool(database.db, school.id, async (tx) => {
        await enqueueMail(tx, school.id, { to: 'nobody@school.example', subject: 'x', text: 'y' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const rows = await database.db.selectFrom('outbox').select('id').where('to_address', '=', 'nobody@school.example').execute();
    expect(rows).toHaveLength(0);
  });

  it('keeps a refused message and tries again later, recording why', async () => {
    smtp.received.length = 0;
    await queue('head@school.example');
    smtp.refuse(true);
    expect(await deliverDueMail(database.db, smtpTransport(smtp.url), from)).toEqual({ sent: 0, failed: 1 });
    const waiting = await database.db.selectFrom('outbox').selectAll().where('to_address', '=', 'head@school.example').executeTakeFirstOrThrow();
    expect(waiting).toMatchObject({ sent_at: null, attempts: 1, last_error: expect.stringMatching(/Mailbox unavailable/) });
    smtp.refuse(false);
    // Not due yet: the retry waits.
    expect(await deliverDueMail(database.db, smtpTransport(smtp.url), from)).toEqual({ sent: 0, failed: 0 });
    await database.db
      .updateTable('outbox')
      .set({ next_attempt_at: new Date(Date.now() - 1000) })
      .where('id', '=', waiting.id)
      .execute();
    expect(await deliverDueMail(database.db, smtpTransport(smtp.url), from)).toEqual({ sent: 1, failed: 0 });
    expect(smtp.received).toHaveLength(1);
  });

  it('the pg-boss job delivers queued mail in the background', async () => {
    smtp.received.length = 0;
    const config = loadConfig({ NODE_ENV: 'test' }, { smtpUrl: smtp.url, mailFrom: from });
    const jobs = await startBackgroundJobs(config, database);
    try {
      await queue('teacher@school.example');
      await jobs.nudge(mailQueue);
      const deadline = Date.now() + 15_000;
      while (smtp.received.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
      expect(smtp.received.map((m) => m.to)).toEqual(['teacher@school.example']);
    } finally {
      await jobs.stop();
      jobs.closeTransport();
    }
  });
});
