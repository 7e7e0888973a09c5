import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { makeConcernSchool, type ConcernSchool } from '../helpers/concerns.ts';
import { totpNow } from '../helpers/factories.ts';
import { launchChromium, skipWithoutChromium, startApp, type RunningApp } from './browser.ts';
import { expectNoAxeViolations, navigates } from './pages.ts';
import { SignIn } from './concerns.pages.ts';

/** The parents' voice end to end: a parent raises a concern on the public form; the head sees it and what the family was told. */
describe.skipIf(skipWithoutChromium())('a parent raises a concern and the head sees it (browser)', () => {
  let running: RunningApp;
  let browser: Browser;
  let s: ConcernSchool;

  beforeAll(async () => {
    running = await startApp();
    browser = await launchChromium();
    s = await makeConcernSchool(running.database.db, 'Trent Vale Academy');
  }, 400_000);
  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  it('the parent gets a reference; the head finds the concern in their list with the family’s details', { timeout: 240_000 }, async () => {
    const parent = await (await browser.newContext()).newPage();
    await navigates(parent, () => parent.goto(`${running.baseUrl}/schools/${s.school.urn}/contact`));
    expect(await parent.getByRole('heading', { level: 1 }).innerText()).toBe('Raise a concern with the school');
    await expectNoAxeViolations(parent);
    // Sent empty: the error summary names what is missing.
    await navigates(parent, () => parent.getByRole('button', { name: 'Send your concern' }).click());
    await expect.poll(() => parent.locator('.govuk-error-summary').innerText()).toContain('Choose what your concern is about');
    await expectNoAxeViolations(parent);
    await parent.getByLabel('A post online').check();
    await parent.getByLabel('What happened?').fill('A parent in the Year 3 WhatsApp group posted photos of other children from sports day.');
    await parent.getByLabel('Your name').fill('Priya Shah');
    await parent.getByLabel('Who you are').fill('Parent of a child in Year 3');
    await parent.getByLabel('Email address').fill('priya@example.org');
    await navigates(parent, () => parent.getByRole('button', { name: 'Send your concern' }).click());
    expect(await parent.getByRole('heading', { level: 1 }).innerText()).toBe('Your concern has been sent');
    const reference = (await parent.locator('#reference').innerText()).trim();
    expect(reference).toMatch(/^C-[A-Z2-9]{6}$/);
    await expectNoAxeViolations(parent);

    const head = await (await browser.newContext()).newPage();
    await head.goto(`${running.baseUrl}/sign-in`);
    const signIn = await SignIn.verifyOnPage(head);
    await signIn.signIn(s.staff.head.email, s.staff.head.password);
    await signIn.enterCode(await totpNow(s.staff.head.totpSecret!));
    await navigates(head, () => head.goto(`${running.baseUrl}/concerns`));
    const link = head.getByRole('link', { name: /raised a concern: a post online/i }).first();
    await navigates(head, () => link.click());
    expect(await head.getByRole('heading', { name: 'Raised by a family' }).count()).toBe(1);
    const family = await head.locator('#family + .govuk-summary-list').innerText();
    expect(family).toContain(reference);
    expect(family).toContain('Priya Shah');
    expect(family).toContain('priya@example.org');
    expect(family).toContain(`has your concern, reference ${reference}`);
    expect(await head.locator('main').innerText()).toContain('A family, through the school’s contact form');
    await expectNoAxeViolations(head);
  });
});
