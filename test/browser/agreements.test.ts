import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createImportService } from '../../src/modules/people/import.service.ts';
import { deliverDueMail, smtpTransport } from '../../src/platform/mail/delivery.ts';
import { makeSchool, makeStaff, type TestStaff } from '../helpers/factories.ts';
import { startSmtp } from '../helpers/smtp.ts';
import { launchChromium, skipWithoutChromium, startApp, type RunningApp } from './browser.ts';
import { expectNoAxeViolations, navigates } from './pages.ts';
import { PolicyUser } from './policies.pages.ts';

const fixtureDir = new URL('../fixtures/oneroster/basic', import.meta.url).pathname;

/** Quoted-printable soft line breaks and escapes, as mail servers receive long lines. */
const decodeMail = (raw: string) => raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
const ukDate = (d: Date) => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' }).format(d);

describe.skipIf(skipWithoutChromium())('agreements, messages to families and training, in a real browser', () => {
  let running: RunningApp;
  let browser: Browser;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let head: TestStaff;
  let teacher: TestStaff;
  let office: TestStaff;

  beforeAll(async () => {
    running = await startApp();
    smtp = await startSmtp();
    browser = await launchChromium();
    const school = await makeSchool(running.database.db, { name: 'Hazelwood Primary School' });
    head = await makeStaff(running.database.db, school.id, ['headteacher']);
    teacher = await makeStaff(running.database.db, school.id, ['teacher']);
    office = await makeStaff(running.database.db, school.id, ['office']);
    // The MIS import brings the pupils, their carers and new members of staff (Rachel Green among them).
    await createImportService(running.database.schools).importFromPath(school.id, { id: null, label: 'test' }, fixtureDir, false);
  }, 420_000);
  afterAll(async () => {
    await browser?.close();
    await smtp?.close();
    await running?.close();
  });

  it('the head publishes the code of conduct, a teacher signs it, the office sends the welcome with the home-school agreement, a carer signs from the e-mail, and a new starter’s training is due', async () => {
    // The headteacher changes the code of conduct and publishes version 2.
    const headUser = await PolicyUser.signIn(browser, running.baseUrl, head);
    const hp = headUser.page;
    await navigates(hp, () => hp.getByRole('link', { name: 'Agreements' }).first().click());
    await headUser.onPage('/agreements', 'Agreements');
    await navigates(hp, () => hp.getByRole('link', { name: 'Staff code of conduct for the internet and social media' }).first().click());
    await headUser.onPage(/^\/agreements\/[0-9a-f-]+$/, 'Staff code of conduct for the internet and social media');
    await navigates(hp, () => hp.getByRole('link', { name: 'Change the text' }).click());
    await headUser.onPage(/\/edit$/, /^Change the text/);
    const text = hp.getByLabel('The text', { exact: true });
    await text.fill(`${await text.inputValue()}\n\n- Do not use a personal phone to photograph pupils.`);
    await navigates(hp, () => hp.getByRole('button', { name: 'Publish this version' }).click());
    // Publishing without saying what changed is refused, next to the field.
    expect(await hp.locator('.govuk-error-summary').innerText()).toContain('Say what has changed');
    await expectNoAxeViolations(hp);
    await hp.getByLabel('What has changed').fill('Personal phones');
    await navigates(hp, () => hp.getByRole('button', { name: 'Publish this version' }).click());
    expect(await hp.locator('.govuk-notification-banner').innerText()).toContain('Version 2 published');
    expect(await hp.locator('.app-policy-text').innerText()).toContain('Do not use a personal phone to photograph pupils.');
    await expectNoAxeViolations(hp);

    // A teacher signs it with their typed name.
    const teacherUser = await PolicyUser.signIn(browser, running.baseUrl, teacher);
    const tp = teacherUser.page;
    await navigates(tp, () => tp.goto(`${running.baseUrl}/agreements`));
    await teacherUser.onPage('/agreements', 'Agreements');
    expect(await tp.locator('main').innerText()).toContain('To sign');
    await navigates(tp, () => tp.getByRole('link', { name: 'Staff code of conduct for the internet and social media' }).first().click());
    await tp.getByLabel('Type your full name to sign').fill('Test Person');
    await navigates(tp, () => tp.getByRole('button', { name: 'Sign the agreement' }).click());
    expect(await tp.locator('.govuk-notification-banner').innerText()).toContain('you have signed the agreement');
    expect(await tp.locator('main').innerText()).toContain('You signed version 2');
    await expectNoAxeViolations(tp);

    // The office sends the welcome message to Year 3 Hazel, asking families to sign the home-school agreement.
    const officeUser = await PolicyUser.signIn(browser, running.baseUrl, office);
    const op = officeUser.page;
    await navigates(op, () => op.getByRole('link', { name: 'Messages' }).first().click());
    await officeUser.onPage('/messages', 'Messages to families');
    expect(await op.locator('main').innerText()).toContain('Text messages are not set up');
    await navigates(op, () => op.getByRole('link', { name: 'Send a message' }).click());
    await officeUser.onPage('/messages/new', 'Send a message to families');
    expect(await op.getByLabel('Message', { exact: true }).inputValue()).toContain('aged 13 and over');
    await op.getByLabel('The families of one or more classes').check();
    await op.getByLabel('Year 3 Hazel').check();
    await op.getByLabel('Ask families to sign an agreement in the same e-mail?').selectOption({ label: 'Home-school agreement' });
    await navigates(op, () => op.getByRole('button', { name: 'Continue' }).click());
    await officeUser.onPage('/messages', 'Check before you send');
    expect(await op.locator('.govuk-summary-list').innerText()).toMatch(/Carers\s+6/);
    await navigates(op, () => op.getByRole('button', { name: 'Send the message' }).click());
    await officeUser.onPage(/^\/messages\/[0-9a-f-]+$/, /^Welcome to Hazelwood Primary School/);
    expect(await op.locator('.govuk-notification-banner').innerText()).toContain('Message sent to 6 carers');

    // The outbox delivers to a real SMTP server on loopback; the carer follows the personal link.
    const delivered = await deliverDueMail(running.database.db, smtpTransport(smtp.url), 'School <office@school.example>');
    expect(delivered.sent).toBe(6);
    await navigates(op, () => op.reload());
    expect(await op.locator('main').innerText()).toContain('6 sent, 0 waiting');
    await expectNoAxeViolations(op);
    const mail = decodeMail(smtp.received.find((m) => m.to === 'priya.patel@example.com')!.raw);
    expect(mail).toContain('do not post photographs or videos of other people');
    const link = /(http:\/\/127\.0\.0\.1:\d+\/agreements\/sign\/[A-Za-z0-9_-]+)/.exec(mail)![1];
    const carer = await (await browser.newContext()).newPage();
    await navigates(carer, () => carer.goto(link));
    expect(await carer.getByRole('heading', { level: 1 }).innerText()).toBe('Home-school agreement');
    expect(await carer.locator('main').innerText()).toContain('Oliver Patel');
    await expectNoAxeViolations(carer);
    await navigates(carer, () => carer.getByRole('button', { name: 'Sign the agreement' }).click());
    expect(await carer.locator('.govuk-error-summary').innerText()).toContain('Type your full name to sign');
    await carer.getByLabel('Type your full name to sign').fill('Priya Patel');
    await navigates(carer, () => carer.getByRole('button', { name: 'Sign the agreement' }).click());
    expect(await carer.getByRole('heading', { level: 1 }).innerText()).toBe('Agreement signed');
    await expectNoAxeViolations(carer);
    // The school sees it: one family of Hazel has signed.
    await navigates(hp, () => hp.goto(`${running.baseUrl}/agreements`));
    await navigates(hp, () => hp.getByRole('link', { name: 'Home-school agreement' }).click());
    expect(await hp.locator('main').innerText()).toMatch(/Year 3 Hazel\s+1 of 4 families signed/);
    await expectNoAxeViolations(hp);

    // Training: Rachel Green, new from the MIS import, has her induction due in 30 days.
    await navigates(hp, () => hp.getByRole('link', { name: 'Training' }).first().click());
    await headUser.onPage('/training', 'Training');
    const due = ukDate(new Date(Date.now() + 30 * 86400_000));
    expect(await hp.locator('main').innerText()).toContain('Rachel Green');
    expect(await hp.locator('main').innerText()).toContain(`E-safety induction, due ${due}`);
    await navigates(hp, () => hp.getByRole('link', { name: 'Rachel Green' }).first().click());
    await headUser.onPage(/^\/training\/staff\//, 'Training: Rachel Green');
    expect(await hp.locator('main').innerText()).toContain(`Due by ${due}`);
  }, 420_000);
});
