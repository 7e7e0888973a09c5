import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createImportService } from '../../src/modules/people/import.service.ts';
import { currentSettings, saveSettings } from '../../src/modules/settings/settings.service.ts';
import { appendAnchors } from '../../src/platform/audit/anchors.ts';
import { recordAudit } from '../../src/platform/audit/audit.ts';
import { withSchool } from '../../src/platform/db/school-scope.ts';
import { deliverDueMail, purgedBody, purgeOldMail, smtpTransport } from '../../src/platform/mail/delivery.ts';
import { enqueueMail } from '../../src/platform/mail/outbox.ts';
import { createTestApp, TestBrowser, type TestApp } from '../helpers/app.ts';
import { databaseKinds } from '../helpers/database.ts';
import { makeSchool, makeStaff } from '../helpers/factories.ts';
import { startSmtp } from '../helpers/smtp.ts';

const fixtureDir = new URL('../fixtures/oneroster/basic', import.meta.url).pathname;
const decodeQuotedPrintable = (raw: string) =>
  raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

describe.each(databaseKinds())('personal links never rest readable in the outbox (%s)', (kind) => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let schoolId: string;
  let head: TestBrowser;
  let office: TestBrowser;

  beforeAll(async () => {
    t = await createTestApp(kind);
    smtp = await startSmtp();
    schoolId = (await makeSchool(t.database.db)).id;
    await createImportService(t.database.schools).importFromPath(schoolId, { id: null, label: 'test' }, fixtureDir, false);
    head = new TestBrowser(t.app);
    await head.signIn(await makeStaff(t.database.db, schoolId, ['headteacher']));
    office = new TestBrowser(t.app);
    await office.signIn(await makeStaff(t.database.db, schoolId, ['office']));
  });
  afterAll(async () => {
    await smtp.close();
    await t.close();
  });

  /** Every column of every outbox row, as text: what a copy of the database would give away. */
  const outboxAsText = async () => (await sql<{ row: string }>`SELECT o::text AS row FROM outbox o`.execute(t.database.db)).rows.map((r) => r.row).join('\n');
  const deliver = () => deliverDueMail(t.database.db, smtpTransport(smtp.url), 'eSafety Office <office@test.example>', 100);
  const deliveredTo = (address: string) => smtp.received.filter((m) => m.to === address).map((m) => decodeQuotedPrintable(m.raw));

  /** Checks the outbox and /mail before and after delivery, and returns the links the recipients got. */
  async function followMail(addresses: string[], path: RegExp): Promise<string[]> {
    const before = await outboxAsText();
    expect(before).not.toMatch(path);
    const listed = await head.get('/mail');
    expect(listed.statusCode).toBe(200);
    expect(listed.body).toContain('(link hidden)');
    expect(listed.body).not.toMatch(path);
    await deliver();
    const links = addresses.map((address) => {
      const text = deliveredTo(address).at(-1);
      const link = text === undefined ? undefined : new RegExp(`http://localhost(${path.source})`).exec(text)?.[1];
      expect(link, address).toBeDefined();
      return link!;
    });
    const after = await outboxAsText();
    for (const link of links) {
      const token = link.split('/').at(-1)!;
      expect(before).not.toContain(token);
      expect(after).not.toContain(token);
      expect((await head.get('/mail')).body).not.toContain(token);
    }
    // Sent: not even the sealed copy is kept.
    expect(await t.database.db.selectFrom('outbox').select('id').where('sent_at', 'is not', null).where('sealed_body', 'is not', null).execute()).toEqual([]);
    return links;
  }

  it('a password reset link is hidden in every column of the outbox and on /mail, yet reaches the person whole and works', async () => {
    const teacher = await makeStaff(t.database.db, schoolId, ['teacher']);
    await new TestBrowser(t.app).submit('/forgot-password', '/forgot-password', { email: teacher.email });
    const [link] = await followMail([teacher.email], /\/reset-password\/[A-Za-z0-9_-]{16,}/);
    const reset = await new TestBrowser(t.app).submit(link, link, { password: 'a password from the e-mail', confirm: 'a password from the e-mail' });
    expect(reset.headers.location).toBe('/sign-in');
  });

  it('so is a staff invitation link', async () => {
    const added = await head.submit('/staff/new', '/staff', { name: 'Vera Volunteer', email: 'vera@parents.example', roles: 'volunteer' });
    expect(added.statusCode).toBe(303);
    const [link] = await followMail(['vera@parents.example'], /\/reset-password\/[A-Za-z0-9_-]{16,}/);
    const chosen = await new TestBrowser(t.app).submit(link, link, { password: 'vera chooses her own', confirm: 'vera chooses her own' });
    expect(chosen.headers.location).toBe('/sign-in');
  });

  it('and so are carers’ consent links', async () => {
    const hazel = await t.database.db
      .selectFrom('classes')
      .select('id')
      .where('school_id', '=', schoolId)
      .where('title', '=', 'Year 3 Hazel')
      .executeTakeFirstOrThrow();
    expect((await office.submit('/consent/requests/new', '/consent/requests', { scope: 'class', classId: hazel.id, confirm: 'yes' })).statusCode).toBe(303);
    const carers = await t.database.db
      .selectFrom('outbox')
      .select('to_address')
      .where('school_id', '=', schoolId)
      .where('sent_at', 'is', null)
      .where('subject', 'like', '%please answer about photographs')
      .execute();
    expect(carers.length).toBeGreaterThanOrEqual(4);
    const links = await followMail(
      carers.map((c) => c.to_address),
      /\/consent\/answer\/[A-Za-z0-9_-]{16,}/,
    );
    for (const link of links) expect((await new TestBrowser(t.app).get(link)).statusCode).toBe(200);
  });

  it('the text of sent mail is deleted after the school’s retention period: 30 days unless its settings say otherwise', async () => {
    const queue = (to: string) =>
      withSchool(t.database.db, schoolId, (tx) => enqueueMail(tx, schoolId, { to, subject: 'Retention', text: 'Open http://localhost/concerns/1' }));
    await queue('old@school.example');
    await queue('recent@school.example');
    await deliver();
    const sentDaysAgo = (to: string, days: number) =>
      t.database.db
        .updateTable('outbox')
        .set({ sent_at: new Date(Date.now() - days * 86400_000) })
        .where('to_address', '=', to)
        .execute();
    await sentDaysAgo('old@school.example', 31);
    await sentDaysAgo('recent@school.example', 29);
    await purgeOldMail(t.database.db);
    const body = async (to: string) =>
      (await t.database.db.selectFrom('outbox').select('body_text').where('to_address', '=', to).executeTakeFirstOrThrow()).body_text;
    expect(await body('old@school.example')).toBe(purgedBody);
    expect(await body('recent@school.example')).toContain('/concerns/1');
    expect((await head.get('/mail')).body).toContain('deleted after the school’s retention period');

    await withSchool(t.database.db, schoolId, async (tx) => {
      const { settings } = await currentSettings(tx, schoolId);
      await saveSettings(tx, schoolId, { id: null, label: 'test' }, { ...settings, security: { ...settings.security, mailRetentionDays: 7 } });
    });
    await purgeOldMail(t.database.db);
    expect(await body('recent@school.example')).toBe(purgedBody);
  });
});

describe('the headteacher downloads the school’s audit anchors', () => {
  let t: TestApp;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'esafety-anchors-'));
    t = await createTestApp('pglite', { dataDir });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('from the audit page, as a text file with this school’s lines only', async () => {
    const ours = await makeSchool(t.database.db, { urn: '131001' });
    await makeSchool(t.database.db, { urn: '131002' });
    const head = await makeStaff(t.database.db, ours.id, ['headteacher']);
    const teacher = await makeStaff(t.database.db, ours.id, ['teacher']);
    await appendAnchors(t.database.db, dataDir);
    const browser = new TestBrowser(t.app);
    await browser.signIn(head);
    expect((await browser.get('/audit')).body).toContain('href="/audit/anchors"');
    const file = await browser.get('/audit/anchors');
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toMatch(/^text\/plain/);
    expect(file.headers['content-disposition']).toMatch(/^attachment; filename="audit-anchors-131001\.txt"/);
    expect(file.body).toMatch(/^\S+\t131001\t\d+\t[0-9a-f]{64}\n$/);
    expect(file.body).not.toContain('131002');
    const other = new TestBrowser(t.app);
    await other.signIn(teacher);
    expect((await other.get('/audit/anchors')).statusCode).toBe(403);
  });

  it('the log shows this school’s entries only, newest first, fifty to a page with a link to older ones', async () => {
    const ours = await makeSchool(t.database.db);
    const theirs = await makeSchool(t.database.db);
    const head = await makeStaff(t.database.db, ours.id, ['headteacher']);
    for (let n = 0; n < 60; n++) {
      await withSchool(t.database.db, ours.id, (tx) =>
        recordAudit(tx, ours.id, { id: null, label: 'Tester' }, { action: 'test.entry', subjectType: 'test', detail: { n } }),
      );
    }
    await withSchool(t.database.db, theirs.id, (tx) =>
      recordAudit(tx, theirs.id, { id: null, label: 'Elsewhere' }, { action: 'test.other', subjectType: 'test' }),
    );
    const browser = new TestBrowser(t.app);
    await browser.signIn(head);
    const rows = (html: string) => html.split('<tr class="govuk-table__row">').length - 2;
    // Each entry's detail sits behind a Details reveal as JSON (spacing is the page's business).
    const at = (html: string, n: number) => html.search(new RegExp(`&quot;n&quot;:\\s*${n}\\b`));
    const first = await browser.get('/audit');
    expect(rows(first.body)).toBe(50);
    expect(at(first.body, 59)).toBeGreaterThan(-1);
    expect(at(first.body, 59)).toBeLessThan(at(first.body, 58));
    expect(at(first.body, 0)).toBe(-1);
    expect(first.body).not.toContain('Elsewhere');
    const older = /href="(\/audit\?before=\d+[^"]*)">Older entries/.exec(first.body)![1];
    const second = await browser.get(older.replace(/&amp;/g, '&'));
    expect(at(second.body, 0)).toBeGreaterThan(-1);
    expect(at(second.body, 59)).toBe(-1);
    expect(second.body).not.toContain('Older entries');
    expect((await browser.get('/audit?before=not-a-number')).statusCode).toBe(400);
  });
});
