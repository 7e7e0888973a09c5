import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withSchool } from '../../src/platform/db/school-scope.ts';
import { deliverDueMail, smtpTransport } from '../../src/platform/mail/delivery.ts';
import { enqueueMail } from '../../src/platform/mail/outbox.ts';
import { createTestApp, csrfFrom, TestBrowser, type TestApp } from '../helpers/app.ts';
import { databaseKinds } from '../helpers/database.ts';
import { makeSchool, makeStaff } from '../helpers/factories.ts';
import { startSmtp } from '../helpers/smtp.ts';

const from = 'eSafety Office <office@test.example>';

describe.each(databaseKinds())('the headteacher sees failing mail and sends it again (%s)', (kind) => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let schoolId: string;
  let head: TestBrowser;
  let office: TestBrowser;

  beforeAll(async () => {
    t = await createTestApp(kind);
    smtp = await startSmtp();
    schoolId = (await makeSchool(t.database.db)).id;
    head = new TestBrowser(t.app);
    await head.signIn(await makeStaff(t.database.db, schoolId, ['headteacher']));
    office = new TestBrowser(t.app);
    await office.signIn(await makeStaff(t.database.db, schoolId, ['office']));
  });
  afterAll(async () => {
    await smtp.close();
    await t.close();
  });

  const queue = (to: string) =>
    withSchool(t.database.db, schoolId, (tx) =>
      enqueueMail(tx, schoolId, { to, subject: `A concern needs your attention (${to})`, text: 'Open http://localhost/concerns' }),
    );
  const rowFor = (to: string) => t.database.db.selectFrom('outbox').selectAll().where('to_address', '=', to).executeTakeFirstOrThrow();

  it('alerts on the home page after an hour of failing, shows the failure on /mail, and sends it again on request (audited)', async () => {
    await queue('dsl@school.example');
    const down = await startSmtp();
    await down.close();
    expect(await deliverDueMail(t.database.db, smtpTransport(down.url), from)).toMatchObject({ sent: 0, failed: 1 });

    // Failing for a few minutes only: the home page just counts what is waiting.
    let home = await head.get('/dashboard');
    expect(home.body).not.toContain('has not been going out');
    expect(home.body).toContain('1 e-mail waiting to be sent');

    await t.database.db
      .updateTable('outbox')
      .set({ first_failed_at: sql<Date>`now() - interval '75 minutes'` })
      .where('to_address', '=', 'dsl@school.example')
      .execute();
    home = await head.get('/dashboard');
    expect(home.body).toContain('E-mail from eSafety Office has not been going out since');
    expect(home.body).toContain('1 e-mail is waiting and being tried again');
    expect(home.body).toContain('ECONNREFUSED');
    expect(home.body).toContain('href="/mail"');
    // Only the headteacher, who reads the outbox, is alerted.
    expect((await office.get('/dashboard')).body).not.toContain('has not been going out');

    // Refused for good by the mail server: failed, with a button.
    await queue('gone@school.example');
    smtp.refuse('permanently');
    try {
      await deliverDueMail(t.database.db, smtpTransport(smtp.url), from);
    } finally {
      smtp.refuse(false);
    }
    const failed = await rowFor('gone@school.example');
    expect(failed.failed_at).not.toBeNull();
    const page = await head.get('/mail');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Failed');
    expect(page.body).toContain('Retrying');
    expect(page.body).toContain('No such mailbox here');
    expect(page.body).toContain(`action="/mail/${failed.id}/resend"`);

    // Without the page's CSRF token the form is refused; the office may not send mail again.
    expect((await head.post(`/mail/${failed.id}/resend`, {})).statusCode).toBe(403);
    expect((await office.get('/mail')).statusCode).toBe(403);
    expect((await office.post(`/mail/${failed.id}/resend`, { _csrf: csrfFrom((await office.get('/dashboard')).body) })).statusCode).toBe(403);
    expect((await rowFor('gone@school.example')).failed_at).not.toBeNull();

    const resent = await head.submit('/mail', `/mail/${failed.id}/resend`, {});
    expect(resent.statusCode).toBe(303);
    expect(resent.headers.location).toBe('/mail');
    expect((await head.get('/mail')).body).toContain('The e-mail will be sent again now');
    expect(await rowFor('gone@school.example')).toMatchObject({ failed_at: null, first_failed_at: null, attempts: 0, last_error: null });
    const audit = await t.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'mail.resend').where('subject_id', '=', failed.id).execute();
    expect(audit).toHaveLength(1);

    // The mail server works again: both go.
    smtp.received.length = 0;
    await t.database.db
      .updateTable('outbox')
      .set({ next_attempt_at: new Date(Date.now() - 1000) })
      .where('sent_at', 'is', null)
      .execute();
    expect(await deliverDueMail(t.database.db, smtpTransport(smtp.url), from)).toEqual({ sent: 2, failed: 0 });
    expect(smtp.received.map((m) => m.to).sort()).toEqual(['dsl@school.example', 'gone@school.example']);
    expect((await head.get('/dashboard')).body).not.toContain('has not been going out');
    // Sent mail cannot be "sent again".
    expect((await head.submit('/mail', `/mail/${failed.id}/resend`, {})).statusCode).toBe(404);
  });

  it('sends every failed e-mail again with one button', async () => {
    smtp.refuse('permanently');
    try {
      for (const to of ['x1@school.example', 'x2@school.example']) await queue(to);
      await deliverDueMail(t.database.db, smtpTransport(smtp.url), from);
    } finally {
      smtp.refuse(false);
    }
    const page = await head.get('/mail');
    expect(page.body).toContain('Send all 2 failed e-mails again');
    const answer = await head.submit('/mail', '/mail/resend-failed', {});
    expect(answer.statusCode).toBe(303);
    expect((await head.get('/mail')).body).toContain('2 e-mails will be sent again now');
    const rows = await t.database.db.selectFrom('outbox').selectAll().where('to_address', 'in', ['x1@school.example', 'x2@school.example']).execute();
    expect(rows.map((r) => r.failed_at)).toEqual([null, null]);
  });
});
