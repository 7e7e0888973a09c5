import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import type { Database } from '../../src/platform/db/database.ts';
import { createImportService } from '../../src/modules/people/import.service.ts';
import { createTestDatabase } from '../helpers/database.ts';
import { makeSchool, makeStaff, type TestStaff } from '../helpers/factories.ts';
import { launchChromium, skipWithoutChromium } from './browser.ts';
import { expectNoAxeViolations, navigates } from './pages.ts';

const fixtureDir = new URL('../fixtures/oneroster/basic', import.meta.url).pathname;

/**
 * Issue 11's done test: a teacher asks for a school Instagram account that the head approves; the
 * office's phone morning for one class on a phone; a teacher's draft post stopped for naming a pupil,
 * then rewritten and passed. axe on every page visited.
 */
describe.skipIf(skipWithoutChromium())('registers and the post check (browser)', () => {
  let app: FastifyInstance;
  let database: Database;
  let baseUrl: string;
  let browser: Browser;
  let teacher: TestStaff;
  let head: TestStaff;
  let office: TestStaff;

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    app = await buildApp({ config: loadConfig({ NODE_ENV: 'test' }, { host: '127.0.0.1' }), database });
    baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchChromium();
    const school = await makeSchool(database.db, { name: 'John Clifford Primary School' });
    await createImportService(database.schools).importFromPath(school.id, { id: null, label: 'test' }, fixtureDir, false);
    teacher = await makeStaff(database.db, school.id, ['teacher']);
    head = await makeStaff(database.db, school.id, ['headteacher']);
    office = await makeStaff(database.db, school.id, ['office']);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await database?.close();
  });

  const signIn = async (person: TestStaff, viewport?: { width: number; height: number }) => {
    const page = await (await browser.newContext(viewport ? { viewport, isMobile: true, hasTouch: true } : {})).newPage();
    await navigates(page, () => page.goto(`${baseUrl}/sign-in`));
    await page.getByLabel('E-mail address').fill(person.email);
    await page.getByLabel('Password').fill(person.password);
    await navigates(page, () => page.getByRole('button', { name: 'Sign in' }).click());
    if (person.totpSecret) {
      await page.getByLabel('Security code').fill(await generate({ secret: person.totpSecret }));
      await navigates(page, () => page.getByRole('button', { name: 'Continue' }).click());
    }
    return page;
  };
  const heading = (page: Page) => page.getByRole('heading', { level: 1 }).innerText();
  const noSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

  it('a teacher asks for a school Instagram account; the head approves it', async () => {
    const page = await signIn(teacher);
    await navigates(page, () => page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Registers' }).click());
    await expectNoAxeViolations(page);
    await navigates(page, () => page.getByRole('link', { name: 'School accounts and online services' }).click());
    await navigates(page, () => page.getByRole('button', { name: 'Ask for a new account or service' }).click());
    expect(await heading(page)).toBe('Ask for a school account or online service');
    await expectNoAxeViolations(page);
    // Forgetting the address is named beside the field.
    await page.getByLabel('Name', { exact: true }).fill('School Instagram');
    await page.getByLabel('A school social media account').check();
    await page.getByLabel('What the school will use it for').fill('Sharing class news and events with families');
    await navigates(page, () => page.getByRole('button', { name: 'Send for approval' }).click());
    expect(await page.locator('.govuk-error-summary').innerText()).toContain('Enter the web address');
    await expectNoAxeViolations(page);
    await page.getByLabel('Web address').fill('https://www.instagram.com/johnclifford');
    await navigates(page, () => page.getByRole('button', { name: 'Send for approval' }).click());
    expect(await heading(page)).toBe('School Instagram');
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain('Sent for approval');
    expect(await page.locator('.govuk-summary-list').first().innerText()).toContain('Waiting for approval');
    await expectNoAxeViolations(page);

    const headPage = await signIn(head);
    expect(await headPage.getByText('1 school account is waiting for your approval').count()).toBe(1);
    await navigates(headPage, () => headPage.getByRole('link', { name: '1 school account is waiting for your approval' }).click());
    await navigates(headPage, () => headPage.getByRole('link', { name: 'School Instagram' }).click());
    await expectNoAxeViolations(headPage);
    await headPage.getByLabel('Approve', { exact: true }).check();
    await headPage.getByLabel('Reasons (needed when you refuse)').fill('Agreed: class news only, never names');
    await navigates(headPage, () => headPage.getByRole('button', { name: 'Save decision' }).click());
    expect(await headPage.locator('.govuk-notification-banner').innerText()).toContain('Approved');
    expect(await headPage.locator('.govuk-summary-list').first().innerText()).toContain('Approved');
    await expectNoAxeViolations(headPage);

    // The teacher now sees it approved.
    await navigates(page, () => page.reload());
    expect(await page.locator('.govuk-summary-list').first().innerText()).toContain('Approved');
  }, 240_000);

  it('the office’s phone morning for one class on a 375 px phone, and at 320 px', async () => {
    const page = await signIn(office, { width: 375, height: 740 });
    await navigates(page, () => page.goto(`${baseUrl}/phones`));
    expect(await heading(page)).toBe('Pupils’ phones');
    expect(await noSideways(page)).toBe(true);
    await expectNoAxeViolations(page);
    await navigates(page, () => page.getByRole('link', { name: 'Year 3 Hazel' }).click());
    expect(await heading(page)).toBe('Year 3 Hazel');
    const buttons = page.getByRole('button', { name: /^Handed in/ });
    const pupils = await buttons.count();
    expect(pupils).toBeGreaterThan(2);
    expect(await page.getByText(`0 of ${pupils} handed in`).count()).toBe(1);
    expect(await noSideways(page)).toBe(true);
    await expectNoAxeViolations(page);
    // One tap per pupil: each tap comes back to the same list, the next button ready.
    for (let i = 0; i < pupils; i++)
      await navigates(page, () =>
        page
          .getByRole('button', { name: /^Handed in/ })
          .first()
          .click(),
      );
    expect(await page.getByText(`${pupils} of ${pupils} handed in`).count()).toBe(1);
    expect(await page.getByRole('button', { name: /^Handed in/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Returned/ }).count()).toBe(pupils);
    expect(await noSideways(page)).toBe(true);
    await expectNoAxeViolations(page);
    // The afternoon: one goes home with their phone; the rest are on the "not collected" list.
    const amelia = await database.db.selectFrom('pupils').select('id').where('sourced_id', '=', 'stu-001').executeTakeFirstOrThrow();
    await navigates(page, () => page.locator(`button[value="returned:${amelia.id}"]`).click());
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain('Amelia Clarke: returned');
    await navigates(page, () => page.getByRole('link', { name: 'Phones not collected today' }).click());
    expect(await page.locator('.govuk-summary-list__row').count()).toBe(pupils - 1);
    expect(await page.getByText('Amelia Clarke').count()).toBe(0);
    await expectNoAxeViolations(page);
    await page.setViewportSize({ width: 320, height: 640 });
    await navigates(page, () => page.goBack());
    expect(await noSideways(page)).toBe(true);
  }, 240_000);

  it('a teacher’s draft post is stopped for naming a pupil, then rewritten and passed', async () => {
    const page = await signIn(teacher);
    await navigates(page, () => page.goto(`${baseUrl}/dashboard`));
    await navigates(page, () => page.getByRole('link', { name: 'Check a post before you post it' }).click());
    expect(await heading(page)).toBe('Check a post before you post it');
    await expectNoAxeViolations(page);
    await page.getByLabel('Your post').fill('Well done to Amelia Clarke for her reading award this week!');
    await page.getByLabel('One of the school’s accounts').check();
    await page.getByLabel('Which of the school’s accounts').selectOption({ label: 'School Instagram' });
    await navigates(page, () => page.getByRole('button', { name: 'Check my post' }).click());
    const result = page.locator('#result');
    expect(await result.innerText()).toContain('The policy does not allow this post');
    expect(await result.innerText()).toContain('Amelia Clarke');
    expect(await result.getByRole('button', { name: 'Ask my line manager' }).count()).toBe(0);
    await expectNoAxeViolations(page);
    // The draft is still there to rewrite.
    expect(await page.getByLabel('Your post').inputValue()).toContain('Amelia Clarke');
    await page.getByLabel('Your post').fill('Well done to everyone in the reading challenge this week!');
    await navigates(page, () => page.getByRole('button', { name: 'Check my post' }).click());
    expect(await page.locator('#result').innerText()).toContain('Nothing in the policy stops this post');
    await expectNoAxeViolations(page);
    const counts = await database.db.selectFrom('post_check_counts').select(['verdict', 'checks']).execute();
    expect(Object.fromEntries(counts.map((c) => [c.verdict, c.checks]))).toEqual({ 'not-allowed': 1, ok: 1 });
    expect(await database.db.selectFrom('post_questions').select('id').execute()).toEqual([]);
  }, 240_000);
});
