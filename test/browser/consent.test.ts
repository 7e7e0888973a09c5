import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createImportService } from '../../src/modules/people/import.service.ts';
import { deliverDueMail, smtpTransport } from '../../src/platform/mail/delivery.ts';
import { makeSchool, makeStaff } from '../helpers/factories.ts';
import { startSmtp } from '../helpers/smtp.ts';
import { launchChromium, skipWithoutChromium, startApp, type RunningApp } from './browser.ts';
import { expectNoAxeViolations, navigates } from './pages.ts';

const fixtureDir = new URL('../fixtures/oneroster/basic', import.meta.url).pathname;

/** Quoted-printable soft line breaks and escapes, as mail servers receive long lines. */
const decodeMail = (raw: string) => raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

describe.skipIf(skipWithoutChromium())('a carer answers a consent request from an e-mailed link (browser)', () => {
  let running: RunningApp;
  let browser: Browser;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let office: { email: string; password: string };

  beforeAll(async () => {
    running = await startApp();
    smtp = await startSmtp();
    browser = await launchChromium();
    const school = await makeSchool(running.database.db, { name: 'John Clifford Primary School' });
    await createImportService(running.database.schools).importFromPath(school.id, { id: null, label: 'test' }, fixtureDir, false);
    office = await makeStaff(running.database.db, school.id, ['office']);
  });
  afterAll(async () => {
    await browser?.close();
    await smtp?.close();
    await running?.close();
  });

  const visit = async (page: Page, path: string) => navigates(page, () => page.goto(`${running.baseUrl}${path}`));

  it('the office sends the request, the carer answers, the class sheet shows the answer', async () => {
    const officePage = await (await browser.newContext()).newPage();
    await visit(officePage, '/sign-in');
    await officePage.getByLabel('E-mail address').fill(office.email);
    await officePage.getByLabel('Password').fill(office.password);
    await navigates(officePage, () => officePage.getByRole('button', { name: 'Sign in' }).click());

    await navigates(officePage, () => officePage.getByRole('link', { name: 'Photo consent' }).first().click());
    expect(await officePage.getByRole('heading', { level: 1 }).innerText()).toBe('Photo consent');
    await expectNoAxeViolations(officePage);
    await navigates(officePage, () => officePage.getByRole('link', { name: 'Ask carers about photographs' }).click());
    await expectNoAxeViolations(officePage);
    // Sent without choosing: the error summary says what is missing.
    await navigates(officePage, () => officePage.getByRole('button', { name: 'Send the request' }).click());
    await expect.poll(() => officePage.locator('.govuk-error-summary').innerText()).toContain('Choose who to ask');
    await expectNoAxeViolations(officePage);
    await officePage.getByLabel('The carers of one class').check();
    await officePage.getByLabel('Class', { exact: true }).selectOption({ label: 'Year 3 Hazel' });
    await expectNoAxeViolations(officePage);
    await navigates(officePage, () => officePage.getByRole('button', { name: 'Send the request' }).click());
    // More than a handful of families: a check before anything is e-mailed.
    expect(await officePage.getByRole('heading', { level: 1 }).innerText()).toBe('Check before you send');
    await expectNoAxeViolations(officePage);
    await navigates(officePage, () => officePage.getByRole('button', { name: /^Send \d+ e-mails$/ }).click());
    expect(await officePage.locator('.govuk-notification-banner').innerText()).toMatch(/Request sent: \d+ carers e-mailed/);
    await expectNoAxeViolations(officePage);

    // The outbox delivers to a real SMTP server on loopback.
    const delivered = await deliverDueMail(running.database.db, smtpTransport(smtp.url), 'School <office@school.example>');
    expect(delivered.sent).toBeGreaterThanOrEqual(4);
    const mail = decodeMail(smtp.received[0].raw);
    const link = /(http:\/\/127\.0\.0\.1:\d+\/consent\/answer\/[A-Za-z0-9_-]+)/.exec(mail)![1];

    const carer = await (await browser.newContext()).newPage();
    await navigates(carer, () => carer.goto(link));
    expect(await carer.getByRole('heading', { level: 1 }).innerText()).toBe('Photographs of your child');
    await expectNoAxeViolations(carer);
    await navigates(carer, () => carer.getByRole('button', { name: 'Send my answers' }).click());
    expect(await carer.locator('.govuk-error-summary').innerText()).toContain('Type your full name');
    await expectNoAxeViolations(carer);
    const groups = carer.locator('fieldset');
    const count = await groups.count();
    expect(count % 6).toBe(0);
    for (let i = 0; i < count; i++) {
      const legend = await groups.nth(i).locator('legend').innerText();
      // This family agrees to everything except newspapers.
      await groups
        .nth(i)
        .getByLabel(legend.includes('Newspapers') ? 'No' : 'Yes', { exact: true })
        .check();
    }
    await carer.getByLabel('Type your full name to confirm your answers').fill('Pat Parent');
    await navigates(carer, () => carer.getByRole('button', { name: 'Send my answers' }).click());
    expect(await carer.getByRole('heading', { level: 1 }).innerText()).toBe('Thank you');
    await expectNoAxeViolations(carer);

    // Back in school: the class sheet and the one-purpose list.
    const hazel = await running.database.db.selectFrom('classes').select('id').where('title', '=', 'Year 3 Hazel').executeTakeFirstOrThrow();
    await visit(officePage, `/consent/classes/${hazel.id}`);
    await expectNoAxeViolations(officePage);
    await visit(officePage, `/consent/classes/${hazel.id}?purpose=website`);
    expect(await officePage.locator('#may li').count()).toBeGreaterThanOrEqual(1);
    await expectNoAxeViolations(officePage);
    await visit(officePage, `/consent/classes/${hazel.id}?purpose=press`);
    expect(await officePage.locator('#may-not li').first().innerText()).not.toBe('Nobody');
    const request = await running.database.db.selectFrom('consent_requests').select('id').executeTakeFirstOrThrow();
    await visit(officePage, `/consent/requests/${request.id}`);
    await expectNoAxeViolations(officePage);
    const carerId = await running.database.db.selectFrom('consent_links').select('carer_id').where('request_id', '=', request.id).executeTakeFirstOrThrow();
    await visit(officePage, `/consent/requests/${request.id}/paper/${carerId.carer_id}`);
    await expectNoAxeViolations(officePage);
    const pupil = await running.database.db.selectFrom('pupils').select('id').where('sourced_id', '=', 'stu-001').executeTakeFirstOrThrow();
    await visit(officePage, `/pupils/${pupil.id}/consent`);
    await expectNoAxeViolations(officePage);
    await visit(officePage, '/consent/express/new');
    await expectNoAxeViolations(officePage);
  }, 90_000);
});
