import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'otplib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zipRosterFiles } from '../../src/modules/people/oneroster/oneroster.parse.ts';
import { launchChromium, skipWithoutChromium, startApp, type RunningApp } from './browser.ts';
import {
  ClassesPage,
  ClassPage,
  DashboardPage,
  ImportPage,
  ImportPreviewPage,
  RecoveryCodesPage,
  SetupPage,
  SignInPage,
  TwoFactorSetUpPage,
  expectNoAxeViolations,
} from './pages.ts';

const fixtureFolder = join(import.meta.dirname, '../fixtures/oneroster/basic');

const school = { schoolName: 'Hazelwood Primary School', urn: '100001' };
const head = { headName: 'Sarah Whitfield', email: 'head@hazelwood.example.org', password: 'a kettle, two owls and a lighthouse' };

describe.skipIf(skipWithoutChromium())('a newcomer in a real browser', () => {
  let running: RunningApp | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext;
  let page: Page;
  let workDir: string;
  let zipPath: string;

  beforeAll(async () => {
    workDir = mkdtempSync(join(tmpdir(), 'esafety-browser-'));
    zipPath = join(workDir, 'hazelwood-oneroster.zip');
    writeFileSync(zipPath, zipRosterFiles(new Map(readdirSync(fixtureFolder).map((name) => [name, readFileSync(join(fixtureFolder, name))]))));
    // The browser first: under CI without Chromium this fails at once, with the install hint.
    browser = await launchChromium();
    running = await startApp();
    context = await browser.newContext({ baseURL: running.baseUrl });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await running?.close();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it('sets up the school, signs in with two-factor, imports a OneRoster export, finds a class and signs out', { timeout: 60_000 }, async () => {
    // A fresh install sends the first visitor to the set-up page.
    await page.goto('/');
    const setup = await SetupPage.verifyOnPage(page);

    // Submitting nothing: the GOV.UK error summary, linked to each field, and still accessible.
    await setup.submit();
    const problems = await setup.errorSummary();
    expect(problems.map((p) => p.href)).toEqual(['#schoolName', '#urn', '#headName', '#email', '#password']);
    expect(problems.map((p) => p.text)).toContain('Enter the school’s name');
    for (const { href } of problems) {
      expect(await page.locator(`${href}.govuk-input--error`).count(), `${href} is marked as wrong`).toBe(1);
    }
    expect(await page.locator('.govuk-error-message').count()).toBe(problems.length);
    expect(await page.title()).toMatch(/^Error: Set up eSafety Office/);
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Enter the school’s name' }).click();
    expect(await setup.focused(), 'the error link takes you to the field').toBe('#schoolName');

    await setup.create({ ...school, headName: head.headName, email: head.email, password: head.password, confirm: head.password });
    const signIn = await SignInPage.verifyOnPage(page);
    expect(await signIn.successBanner()).toBe('Your school is set up. Sign in with the e-mail address and password you chose.');

    // Keyboard only: Tab to each field and the button, Enter to submit.
    await signIn.signInWithKeyboard(head.email, head.password);

    // Headteachers must set up two-factor before anything else.
    const twoFactor = await TwoFactorSetUpPage.verifyOnPage(page);
    const secret = await twoFactor.revealSecretKey();
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await expectNoAxeViolations(page);
    await twoFactor.turnOn(await generate({ secret }));

    const recovery = await RecoveryCodesPage.verifyOnPage(page);
    expect(await recovery.recoveryCodes()).toHaveLength(10);
    await recovery.navigateTo('Continue to eSafety Office');

    const dashboard = await DashboardPage.verifyOnPage(page, school.schoolName);
    await dashboard.useMenu('Import');

    const upload = await ImportPage.verifyOnPage(page);
    await upload.checkFile(zipPath);

    const preview = await ImportPreviewPage.verifyOnPage(page);
    expect(await preview.intro()).toBe('hazelwood-oneroster.zip has no problems. Nothing has been saved yet.');
    expect(await preview.changes()).toMatchObject({ Classes: [3, 0, 0], Staff: [4, 0, 0] });
    await preview.importChanges();

    const classes = await ClassesPage.verifyOnPage(page);
    expect(await classes.successBanner()).toMatch(
      /^Import finished: 11 pupils added, 0 updated, 0 marked as left; \d+ carers and 4 staff added\.( \d+ (person was|people were) e-mailed an invitation to sign in\.)?$/,
    );
    expect(await classes.classNames()).toEqual(expect.arrayContaining(['Year 3 Hazel', 'Year 4 Oak', 'Reception Robins']));
    await classes.openClass('Year 3 Hazel');

    const hazel = await ClassPage.verifyOnPage(page, 'Year 3 Hazel');
    expect((await hazel.pupilNames()).sort()).toEqual(['Amelia Clarke', "Isla O'Neill", 'Muhammad Khan', 'Oliver Patel']);
    expect(await page.getByText('4 pupils on roll.').isVisible()).toBe(true);

    await hazel.signOut();
    const signedOut = await SignInPage.verifyOnPage(page);
    expect(await signedOut.successBanner()).toBe('You have signed out.');

    // The session is gone: the class list now asks you to sign in.
    await page.goto('/classes');
    await SignInPage.verifyOnPage(page);
    expect(new URL(page.url()).searchParams.get('next')).toBe('/classes');
  });
});
