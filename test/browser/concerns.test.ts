import { createServer } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import type { Database } from '../../src/platform/db/database.ts';
import { deliverDueMail, smtpTransport } from '../../src/platform/mail/delivery.ts';
import { makeConcernSchool, type ConcernSchool } from '../helpers/concerns.ts';
import { createTestDatabase } from '../helpers/database.ts';
import { totpNow } from '../helpers/factories.ts';
import { startSmtp } from '../helpers/smtp.ts';
import { launchChromium, skipWithoutChromium } from './browser.ts';
import { ConcernPage, ConcernsListPage, ReportConcernPage, SignIn } from './concerns.pages.ts';
import { navigates } from './pages.ts';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Quoted-printable soft line breaks and escapes, as an e-mail program would read them. */
const decodeMail = (raw: string) => raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

describe.skipIf(skipWithoutChromium())('a concern from report to closing, in a real browser with real e-mail', () => {
  let browser: Browser | undefined;
  let smtp: Awaited<ReturnType<typeof startSmtp>> | undefined;
  let app: FastifyInstance | undefined;
  let database: Database | undefined;
  let baseUrl: string;
  let s: ConcernSchool;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    smtp = await startSmtp();
    database = await createTestDatabase('pglite');
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    const config = loadConfig({ NODE_ENV: 'test' }, { baseUrl, port, host: '127.0.0.1', smtpUrl: smtp.url });
    const transport = smtpTransport(smtp.url);
    const db = database.db;
    // As the server's job does: deliver as soon as something is queued.
    let delivering = Promise.resolve();
    const onMailQueued = () => {
      delivering = delivering.then(async () => {
        await deliverDueMail(db, transport, config.mailFrom);
      });
    };
    app = await buildApp({ config, database, onMailQueued });
    app.addHook('onClose', async () => {
      await delivering;
      transport.close();
    });
    await app.listen({ port, host: '127.0.0.1' });
    s = await makeConcernSchool(database.db);
    context = await browser.newContext({ baseURL: baseUrl });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await database?.close();
    await smtp?.close();
  });

  it('a teacher reports cyber bullying; the DSL opens the e-mailed link, acts and closes it', { timeout: 90_000 }, async () => {
    const summary = 'Amelia is being called names in a Roblox chat';
    await page.goto('/concerns/new');
    await (await SignIn.verifyOnPage(page)).signIn(s.staff.teacher.email, s.staff.teacher.password);

    const form = await ReportConcernPage.verifyOnPage(page);
    await form.report({
      type: 'Cyber bullying',
      summary,
      details: 'She showed me the messages at break. Two accounts call her names every evening.',
      where: 'Out of school',
      outOfHours: true,
      platform: 'Roblox',
      pupil: 'Amelia Clarke',
    });
    const reported = await ConcernPage.verifyOnPage(page, summary);
    expect(await reported.successBanner()).toBe('Your concern is recorded and has been sent to 2 people.');
    expect(await page.getByText('You reported this concern').isVisible()).toBe(true);
    await navigates(page, () => page.getByRole('button', { name: 'Sign out' }).click());

    // The DSL's e-mail: the type and a link, never the details.
    await expect.poll(() => smtp!.received.filter((m) => m.to === s.staff.dsl.email).length, { timeout: 10_000 }).toBe(1);
    const mail = decodeMail(smtp!.received.find((m) => m.to === s.staff.dsl.email)!.raw);
    expect(mail).toContain('Subject: A concern (Cyber bullying) needs you');
    expect(mail).not.toMatch(/Amelia|Roblox|names/);
    const link = new RegExp(`${baseUrl}/concerns/[0-9a-f-]{36}`).exec(mail)![0];

    await page.goto(link);
    const signIn = await SignIn.verifyOnPage(page);
    await signIn.signIn(s.staff.dsl.email, s.staff.dsl.password);
    await signIn.enterCode(await totpNow(s.staff.dsl.totpSecret!));
    await page.goto('/concerns');
    const list = await ConcernsListPage.verifyOnPage(page);
    expect(await list.needingAttention()).toEqual([summary]);
    await page.goto(link);

    const concern = await ConcernPage.verifyOnPage(page, summary);
    expect(await concern.status()).toBe('Open');
    await concern.markAsRead();
    expect(await concern.successBanner()).toBe('Marked as read: it is no longer on your list of concerns that need you');
    await concern.decide(true, ['It threatens a member of the school community'], 'The messages are about a pupil here and carry on into school.');
    await concern.addAction(
      'Carers of the pupils involved told, with advice on closing accounts',
      'Phoned Amelia’s mother; advised reporting and blocking the accounts.',
    );
    await concern.addAction('Removal requested', 'Asked the other families to delete the chat.', '2026-12-04');
    expect(await concern.successBanner()).toBe('Action added to the timeline');
    await ConcernPage.verifyOnPage(page, summary);
    await concern.close('Both families spoke to the children; the chat group was deleted. No further messages.');

    const closed = await ConcernPage.verifyOnPage(page, summary);
    expect(await closed.status()).toBe('Closed');
    expect(await closed.timeline()).toEqual([
      'Reported',
      'Decided the school will act',
      'Carers of the pupils involved told, with advice on closing accounts',
      'Removal requested',
      'Closed',
    ]);
    expect(await page.getByText('Both families spoke to the children; the chat group was deleted. No further messages.').first().isVisible()).toBe(true);
    await page.goto('/concerns');
    expect(await (await ConcernsListPage.verifyOnPage(page)).needingAttention()).toEqual([]);
  });
});
