import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import type { Database } from '../../src/platform/db/database.ts';
import { withSchool } from '../../src/platform/db/school-scope.ts';
import { sql } from 'kysely';
import { delivery, deliverDueMail, smtpTransport } from '../../src/platform/mail/delivery.ts';
import { mailQueue, startBackgroundJobs } from '../../src/platform/mail/mail-jobs.ts';
import { enqueueMail, mailTrouble } from '../../src/platform/mail/outbox.ts';
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

  it('keeps retrying through a long outage (not abandoned after 8 attempts), for at least 3 days, then marks the e-mail failed', async () => {
    await queue('overnight@school.example');
    const row = () => database.db.selectFrom('outbox').selectAll().where('to_address', '=', 'overnight@school.example').executeTakeFirstOrThrow();
    const makeDue = async () => {
      await database.db
        .updateTable('outbox')
        .set({ next_attempt_at: new Date(Date.now() - 1000), last_attempt_at: new Date(Date.now() - 3_600_000) })
        .where('to_address', '=', 'overnight@school.example')
        .execute();
    };
    // Mail server down all night: twelve failed attempts.
    const down = await startSmtp();
    await down.close();
    for (let i = 0; i < 12; i++) {
      await makeDue();
      expect(await deliverDueMail(database.db, smtpTransport(down.url), from)).toMatchObject({ sent: 0, failed: 1 });
    }
    expect(await row()).toMatchObject({ sent_at: null, failed_at: null, attempts: 12, last_error: expect.stringMatching(/ECONNREFUSED/) });
    // Still retried after two days and 23 hours of failing…
    await database.db
      .updateTable('outbox')
      .set({ first_failed_at: sql<Date>`now() - interval '2 days 23 hours'` })
      .where('to_address', '=', 'overnight@school.example')
      .execute();
    await makeDue();
    await deliverDueMail(database.db, smtpTransport(down.url), from);
    expect((await row()).failed_at).toBeNull();
    // …and delivered when the mail server answers again.
    await makeDue();
    smtp.received.length = 0;
    expect(await deliverDueMail(database.db, smtpTransport(smtp.url), from)).toEqual({ sent: 1, failed: 0 });
    expect(smtp.received.map((m) => m.to)).toEqual(['overnight@school.example']);

    // Failing for more than the retry period: marked failed, no more attempts.
    await queue('three-days@school.example');
    await deliverDueMail(database.db, smtpTransport(down.url), from);
    await database.db
      .updateTable('outbox')
      .set({ first_failed_at: sql<Date>`now() - make_interval(days => ${delivery.retryDays}, mins => 1)`, next_attempt_at: new Date(Date.now() - 1000) })
      .where('to_address', '=', 'three-days@school.example')
      .execute();
    await deliverDueMail(database.db, smtpTransport(down.url), from);
    const givenUp = await database.db.selectFrom('outbox').selectAll().where('to_address', '=', 'three-days@school.example').executeTakeFirstOrThrow();
    expect(givenUp.failed_at).not.toBeNull();
    expect(await deliverDueMail(database.db, smtpTransport(smtp.url), from)).toEqual({ sent: 0, failed: 0 });
  });

  it('marks an e-mail the mail server refuses for good (5xx) as failed at once', async () => {
    await queue('nobody-here@school.example');
    smtp.refuse('permanently');
    try {
      expect(await deliverDueMail(database.db, smtpTransport(smtp.url), from)).toEqual({ sent: 0, failed: 1 });
    } finally {
      smtp.refuse(false);
    }
    const row = await database.db.selectFrom('outbox').selectAll().where('to_address', '=', 'nobody-here@school.example').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ sent_at: null, attempts: 1, last_error: expect.stringMatching(/No such mailbox/) });
    expect(row.failed_at).not.toBeNull();
  });

  it('tells the headteacher on the home page once mail has been failing for an hour', async () => {
    const trouble = () => withSchool(database.db, school.id, (tx) => mailTrouble(tx));
    await database.db.updateTable('outbox').set({ sent_at: new Date() }).where('school_id', '=', school.id).execute();
    await queue('alert@school.example');
    const down = await startSmtp();
    await down.close();
    await deliverDueMail(database.db, smtpTransport(down.url), from);
    expect(await trouble()).toBeNull();
    await database.db
      .updateTable('outbox')
      .set({ first_failed_at: sql<Date>`now() - interval '61 minutes'` })
      .where('to_address', '=', 'alert@school.example')
      .execute();
    expect(await trouble()).toMatchObject({ waiting: 1, failed: 0, lastError: expect.stringMatching(/ECONNREFUSED/) });
  });

  it('uses a mail server that comes back within a minute, even for e-mails that had been failing for hours', { timeout: 120_000 }, async () => {
    await database.db.updateTable('outbox').set({ sent_at: new Date() }).where('sent_at', 'is', null).execute();
    // The mail server is down; its port is kept so it can come back where it was.
    const port = (await startSmtp().then(async (s) => (await s.close(), s))).port;
    const config = loadConfig({ NODE_ENV: 'test' }, { smtpUrl: `smtp://127.0.0.1:${port}`, mailFrom: from });
    const jobs = await startBackgroundJobs(config, database);
    let back: Awaited<ReturnType<typeof startSmtp>> | null = null;
    try {
      for (const to of ['a@outage.example', 'b@outage.example', 'c@outage.example']) await queue(to);
      await jobs.nudge(mailQueue);
      await expect
        .poll(
          async () =>
            (await database.db.selectFrom('outbox').select('last_error').where('to_address', 'like', '%@outage.example').execute()).every((r) => r.last_error),
          {
            timeout: 15_000,
          },
        )
        .toBe(true);
      // As after four hours of outage: attempts piled up, the next try far off, and the last probe
      // of the mail server 25 seconds ago (so the test waits only what is left of the probe interval).
      const sinceLastProbe = 25_000;
      await database.db
        .updateTable('outbox')
        .set({
          attempts: 7,
          first_failed_at: sql<Date>`now() - interval '4 hours'`,
          next_attempt_at: sql<Date>`now() + interval '2 hours'`,
          last_attempt_at: sql<Date>`now() - make_interval(secs => ${sinceLastProbe / 1000})`,
        })
        .where('to_address', 'like', '%@outage.example')
        .execute();
      back = await startSmtp({ port });
      const upAt = Date.now();
      while (back.received.length < 3 && Date.now() - upAt < 90_000) await new Promise((r) => setTimeout(r, 250));
      const took = sinceLastProbe + Date.now() - upAt;
      console.log(`mail server back: all 3 waiting e-mails delivered ${(took / 1000).toFixed(1)} s after the last probe`);
      expect(back.received.map((m) => m.to).sort()).toEqual(['a@outage.example', 'b@outage.example', 'c@outage.example']);
      expect(took).toBeLessThan(60_000);
    } finally {
      await jobs.stop();
      jobs.closeTransport();
      await back?.close();
    }
  });

  it('background delivery sends queued mail at once', async () => {
    smtp.received.length = 0;
    const config = loadConfig({ NODE_ENV: 'test' }, { smtpUrl: smtp.url, mailFrom: from });
    const jobs = await startBackgroundJobs(config, database);
    try {
      await queue('teacher@school.example');
      await jobs.nudge(mailQueue);
      const deadline = Date.now() + 5_000;
      while (smtp.received.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
      expect(smtp.received.map((m) => m.to)).toEqual(['teacher@school.example']);
    } finally {
      await jobs.stop();
      jobs.closeTransport();
    }
  });
});
