import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { generate } from 'otplib';
import { createImportService } from '../../src/modules/people/import.service.ts';
import { makeSchool, makeStaff, type TestStaff } from '../helpers/factories.ts';
import { launchChromium, skipWithoutChromium, startApp, type RunningApp } from './browser.ts';
import { expectNoAxeViolations, navigates } from './pages.ts';

const fixtureDir = new URL('../fixtures/oneroster/basic', import.meta.url).pathname;

/**
 * axe on every page a person can open: each GET route the app registers, signed in as the
 * headteacher, with its :params filled from real records. New pages are covered automatically;
 * a route whose parameter has no sample here fails the test until one is added.
 */
describe.skipIf(skipWithoutChromium())('every page passes axe (browser)', () => {
  let running: RunningApp;
  let browser: Browser;
  let head: TestStaff;
  let page: Page;
  const samples: Record<string, string> = {};

  beforeAll(async () => {
    running = await startApp();
    browser = await launchChromium();
    const school = await makeSchool(running.database.db, { name: 'Low Ash Primary School', urn: '107331' });
    await createImportService(running.database.db).importFromPath(school.id, { id: null, label: 'test' }, fixtureDir, false);
    head = await makeStaff(running.database.db, school.id, ['headteacher', 'dsl']);
    const db = running.database.db;
    samples['/classes/:id'] = (await db.selectFrom('classes').select('id').executeTakeFirstOrThrow()).id;
    samples['/consent/classes/:id'] = samples['/classes/:id'];
    samples['/pupils/:id'] = (await db.selectFrom('pupils').select('id').executeTakeFirstOrThrow()).id;
    samples['/pupils/:id/consent'] = samples['/pupils/:id'];
    samples['/staff/:id'] = head.id;
    samples['/settings/edit/:section'] = 'concerns';
    const photo = await db.insertInto('photos').values({ school_id: school.id, event_name: 'Sports Day', taken_on: '2026-06-12', contexts: ['sports-day'], uploaded_by: head.id,
      storage_key: null, mime: 'image/jpeg', width: 1, height: 1, byte_size: 1, academic_year: '2025/26', year_ends_on: '2026-08-31' }).returning('id').executeTakeFirstOrThrow();
    for (const url of ['/photos/:id', '/photos/:id/tag', '/photos/:id/publish']) samples[url] = photo.id;
    page = await (await browser.newContext()).newPage();
    await navigates(page, () => page.goto(`${running.baseUrl}/sign-in`));
    await page.getByLabel('E-mail address').fill(head.email);
    await page.getByLabel('Password').fill(head.password);
    await navigates(page, () => page.getByRole('button', { name: 'Sign in' }).click());
    await page.getByLabel('Security code').fill(await generate({ secret: head.totpSecret! }));
    await navigates(page, () => page.getByRole('button', { name: 'Continue' }).click());
  });
  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  it('has no violations on any page, signed in or not', async () => {
    const routes = (running.app as unknown as { registeredRoutes: { method: string; url: string }[] }).registeredRoutes
      .filter((r) => r.method === 'GET' && !r.url.startsWith('/api/') && !r.url.startsWith('/assets/') && r.url !== '/health' && r.url !== '/');
    const visited: string[] = [];
    for (const route of routes) {
      let url = route.url;
      if (url.includes(':')) {
        const sample = samples[url];
        // Pages reached by a token or for a record of another module are checked in their own tests.
        if (!sample) continue;
        url = url.replace(/:[a-zA-Z]+/, sample);
      }
      await navigates(page, () => page.goto(`${running.baseUrl}${url}`));
      expect(await page.locator('h1').count(), url).toBe(1);
      await expectNoAxeViolations(page);
      visited.push(url);
    }
    // The settings editor's other sections share one route.
    for (const url of ['/settings/edit/photos', '/settings/edit/rules']) {
      await navigates(page, () => page.goto(`${running.baseUrl}${url}`));
      await expectNoAxeViolations(page);
    }
    // The 404 page and the pages before sign-in.
    await navigates(page, () => page.goto(`${running.baseUrl}/no-such-page`));
    await expectNoAxeViolations(page);
    const anonymous = await (await browser.newContext()).newPage();
    for (const url of ['/sign-in', '/forgot-password', '/reset-password/not-a-real-link', '/consent/answer/not-a-real-link']) {
      await navigates(anonymous, () => anonymous.goto(`${running.baseUrl}${url}`));
      await expectNoAxeViolations(anonymous);
    }
    expect(visited.length).toBeGreaterThan(12);
  }, 120_000);
});
