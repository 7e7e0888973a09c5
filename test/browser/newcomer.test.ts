import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'otplib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zipRosterFiles } from '../../src/modules/people/oneroster/oneroster.parse.ts';
import { launchChromium, skipWithoutChromium, startApp, type RunningApp } from './browser.ts';
import { hashPassword } from '../../src/platform/auth/secrets.ts';
import { createSsoService } from '../../src/platform/auth/sso.service.ts';
import { loadConfig } from '../../src/config.ts';
import { startLoopbackProviders, testClient } from '../helpers/oidc.ts';
import { phoneJpeg } from '../helpers/photos.ts';
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
  expectReflow,
  navigates,
  fillDate,
} from './pages.ts';

const fixtureFolder = join(import.meta.dirname, '../fixtures/oneroster/basic');
const lowAshPolicy = join(import.meta.dirname, '../fixtures/policies/001_39f3c72a91680229.txt');

const school = { schoolName: 'Hazelwood Primary School', urn: '100001' };
const head = { headName: 'Sarah Whitfield', email: 'head@hazelwood.example.org', password: 'a kettle, two owls and a lighthouse' };

describe.skipIf(skipWithoutChromium())('a newcomer in a real browser', () => {
  let running: RunningApp | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext;
  let page: Page;
  let workDir: string;
  let zipPath: string;
  let secret = '';
  let recoveryCodes: string[] = [];
  let photoFile: string;

  beforeAll(async () => {
    workDir = mkdtempSync(join(tmpdir(), 'esafety-browser-'));
    zipPath = join(workDir, 'hazelwood-oneroster.zip');
    photoFile = join(workDir, 'IMG_0001.jpg');
    writeFileSync(photoFile, await phoneJpeg(800, 600));
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
    secret = await twoFactor.revealSecretKey();
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await expectNoAxeViolations(page);
    await twoFactor.turnOn(await generate({ secret }));

    const recovery = await RecoveryCodesPage.verifyOnPage(page);
    recoveryCodes = await recovery.recoveryCodes();
    expect(recoveryCodes).toHaveLength(10);
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

  /** Every page of the first day: the one h1, axe at 1280 px, and no sideways scrolling at 320 px (expectReflow narrows and widens again). */
  const onPage = async (p: Page, heading: string | RegExp) => {
    await p.waitForLoadState('load');
    const h1 = (await p.getByRole('heading', { level: 1 }).innerText()).trim();
    if (typeof heading === 'string') expect(h1, p.url()).toBe(heading);
    else expect(h1, p.url()).toMatch(heading);
    expect(p.viewportSize()?.width).toBe(1280);
    await expectNoAxeViolations(p);
    await expectReflow(p);
  };
  const click = (p: Page, name: string | RegExp, role: 'link' | 'button' = 'button') =>
    navigates(p, () =>
      p
        .getByRole(role, { name, exact: typeof name === 'string' })
        .first()
        .click(),
    );
  const banner = (p: Page) => p.locator('.govuk-notification-banner').first().innerText();

  // The rest of the first day, in the same browser: invite, add a governor, ask carers, a concern, a photograph, the policy approved.
  it('invites staff, asks carers, records a concern and a photograph, and has the policy approved with a governor', { timeout: 240_000 }, async () => {
    await page.goto('/sign-in');
    await page.getByLabel('E-mail address').fill(head.email);
    await page.getByLabel('Password').fill(head.password);
    await click(page, 'Sign in');
    // A recovery code: the authenticator's code from set-up may still be the current one, and a code works once.
    await page.getByLabel('Security code').fill(recoveryCodes[0]);
    await click(page, 'Continue');
    await onPage(page, school.schoolName);
    expect(await page.locator('#first-steps + ol').innerText()).toMatch(/Import pupils[^\n]*\s*Done/);

    // Invite a member of staff the import brought in.
    await click(page, 'Staff', 'link');
    await onPage(page, 'Staff');
    await click(page, /^(?!Sarah Whitfield)[A-Z][a-z]+ [A-Z][a-z'’-]+$/, 'link');
    await onPage(page, /\w+ \w+/);
    await click(page, /Send (an invitation to sign in|a new sign-in link)/);
    expect(await banner(page)).toMatch(/has been e-mailed/);

    // The chair of governors, who is in no MIS export.
    await page.goto('/staff/new');
    await onPage(page, 'Add a member of staff');
    await page.getByLabel('Full name').fill('Ruth Taylor');
    await page.getByLabel('E-mail address').fill('chair@hazelwood.example.org');
    await page.getByLabel('Governor', { exact: true }).check();
    await click(page, 'Add and send the e-mail');
    await onPage(page, /Ruth Taylor|Staff/);

    // Ask the carers of one class about photographs: checked before more than a handful of families are e-mailed.
    await page.goto('/consent/requests/new');
    await onPage(page, 'Ask carers about photographs');
    await page.getByLabel('The carers of one class').check();
    await page.getByLabel('Class', { exact: true }).selectOption({ label: 'Year 3 Hazel' });
    await click(page, 'Send the request');
    await onPage(page, 'Check before you send');
    await click(page, /^Send \d+ e-mails$/);
    await onPage(page, /.+/);
    expect(await banner(page)).toMatch(/Request sent: \d+ carers e-mailed/);

    // The first concern: the pupil found by typing part of the name.
    await page.goto('/concerns/new');
    await onPage(page, 'Report a concern');
    await page.getByRole('radio', { name: 'Cyber bullying', exact: true }).check();
    await page.getByLabel('In a few words, what happened?').fill('Unkind messages in a game chat');
    await page.getByLabel('What you saw or were told').fill('Oliver says an older pupil sends him unkind messages in a game every evening.');
    const pupils = page.getByRole('group', { name: 'Pupils and ex-pupils (optional)' });
    await pupils.getByLabel('Find by name').fill('pate');
    await pupils.getByRole('checkbox', { name: /Oliver Patel/ }).check();
    // The count is read out once typing pauses.
    await expect.poll(() => pupils.getByRole('status').innerText()).toBe('1 found. Tick the ones to add.');
    await click(page, 'Send the report');
    await onPage(page, 'Unkind messages in a game chat');
    expect(await banner(page)).toMatch(/Your concern is recorded/);

    // The first photograph.
    await page.goto('/photos/new');
    await onPage(page, 'Upload a photograph');
    await page.getByLabel('Photograph').setInputFiles(photoFile);
    await page.getByLabel('Event').fill('Harvest assembly');
    const taken = page.getByRole('group', { name: 'Date taken' });
    await fillDate(taken, '2026-10-02');
    await page.getByLabel('Assembly').check();
    await page.getByLabel('Class of the pupils in it').selectOption({ label: 'Year 3 Hazel' });
    await click(page, 'Upload');
    await onPage(page, 'Who is in this photograph');
    await page.getByLabel('Amelia Clarke').check();
    await click(page, 'Save');
    await onPage(page, 'Harvest assembly');

    // The policy: imported, its out-of-date review date flagged, sent for approval to the head and the chair, signed by both.
    await page.goto('/policies/import');
    await onPage(page, 'Import a policy');
    await page.locator('#file').setInputFiles(lowAshPolicy);
    await click(page, 'Import the policy');
    await onPage(page, 'Edit version 1');
    expect(await page.locator('#out-of-date').innerText()).toContain('“Next review due Autumn 2022”: Autumn 2022 has passed.');
    const body = page.getByLabel('Text of the policy');
    await body.fill((await body.inputValue()).replace(/Next review due\s+Autumn 2022/, 'Next review due Autumn 2027'));
    await click(page, 'Save the draft');
    await onPage(page, 'Social Media Policy — Low Ash Primary School');
    const policyPath = new URL(page.url()).pathname.replace(/\/versions\/1$/, '');
    await page.goto(`${policyPath}/approval`);
    await onPage(page, 'Send for approval');
    const meeting = page.getByRole('group', { name: /meeting/i });
    await fillDate(meeting, '2026-10-14');
    await page.getByLabel('Headteacher').selectOption({ label: head.headName });
    await page.getByLabel('Chair of governors').selectOption({ label: 'Ruth Taylor' });
    await click(page, 'Send for approval');
    await page.goto(`${policyPath}/versions/1`);
    await page.getByLabel('Your full name').fill(head.headName);
    await click(page, 'Sign this version');
    expect(await banner(page)).toContain('Signed. Waiting for the other signatories.');

    // The chair follows the invitation and chooses a password (set here directly), then signs.
    await running!.database.db
      .updateTable('staff')
      .set({ password_hash: await hashPassword('the chair’s own long password') })
      .where('email', '=', 'chair@hazelwood.example.org')
      .execute();
    const chair = await (await browser!.newContext({ baseURL: running!.baseUrl })).newPage();
    await chair.goto('/sign-in');
    await chair.getByLabel('E-mail address').fill('chair@hazelwood.example.org');
    await chair.getByLabel('Password').fill('the chair’s own long password');
    await click(chair, 'Sign in');
    await chair.goto(`${policyPath}/versions/1`);
    await chair.getByLabel('Your full name').fill('Ruth Taylor');
    await click(chair, 'Sign this version');
    expect(await banner(chair)).toContain('Signed. Every signatory has now signed: this version is approved and published.');
    await chair.context().close();
  });

  // Issue 20: the school's own OpenID provider (oidc-provider, on loopback) and its real pages.
  it('a teacher the import brought in clicks “Sign in with your school account” and signs in at the provider', { timeout: 60_000 }, async () => {
    const providers = await startLoopbackProviders(['/school'], [`${running!.baseUrl}/auth/oidc/callback`]);
    try {
      providers.accounts.set('rachel', { email: 'R.Green@hazelwood.example.org', email_verified: true, name: 'Rachel Green' });
      const hazelwood = await running!.database.db.selectFrom('schools').select('id').where('urn', '=', school.urn).executeTakeFirstOrThrow();
      await createSsoService(running!.database.db, loadConfig({ NODE_ENV: 'test' }, { baseUrl: running!.baseUrl })).setProvider(
        hazelwood.id,
        { provider: 'oidc', issuer: providers.issuer('/school'), clientId: testClient.clientId },
        testClient.clientSecret,
        { id: null, label: 'test' },
      );
      const teacher = await (await browser!.newContext({ baseURL: running!.baseUrl })).newPage();
      await teacher.goto('/sign-in');
      await onPage(teacher, 'Sign in');
      await teacher.getByRole('button', { name: 'Sign in with your school account' }).click();
      // The provider's own sign-in page, on its own address.
      await teacher.waitForURL(`${providers.origin}/**`);
      await teacher.locator('input[name="login"]').fill('rachel');
      await teacher.locator('input[name="password"]').fill('whatever the provider asks');
      await navigates(teacher, () => teacher.getByRole('button', { name: 'Sign-in' }).click());
      await teacher.waitForURL(`${running!.baseUrl}/**`);
      await onPage(teacher, school.schoolName);
      const rachel = await running!.database.db
        .selectFrom('staff_identities as si')
        .innerJoin('staff as st', 'st.id', 'si.staff_id')
        .select(['st.given_name', 'st.family_name', 'si.subject'])
        .executeTakeFirstOrThrow();
      expect(rachel).toEqual({ given_name: 'Rachel', family_name: 'Green', subject: 'rachel' });
      await teacher.context().close();
    } finally {
      await providers.close();
    }
  });
});
