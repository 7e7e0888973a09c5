import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { generate } from 'otplib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/platform/db/database.ts';
import { createImportService } from '../../src/modules/people/import.service.ts';
import { makeSchool, makeStaff, type TestStaff } from '../helpers/factories.ts';
import { phoneJpeg } from '../helpers/photos.ts';
import { launchChromium, skipWithoutChromium, startApp, type RunningApp } from './browser.ts';
import { expectNoAxeViolations, navigates, fillDate } from './pages.ts';

const fixtureDir = new URL('../fixtures/oneroster/basic', import.meta.url).pathname;

/** A teacher uploads, tags and asks to publish on the website; the head approves; axe on every page. */
describe.skipIf(skipWithoutChromium())('a photograph from upload to the website (browser)', () => {
  let running: RunningApp;
  let database: Database;
  let baseUrl: string;
  let storageDir: string;
  let browser: Browser;
  let teacher: TestStaff;
  let head: TestStaff;
  let photoFile: string;

  beforeAll(async () => {
    running = await startApp({ ownStorage: true });
    ({ database, baseUrl, storageDir } = running);
    browser = await launchChromium();
    const school = await makeSchool(database.db, { name: 'John Clifford Primary School' });
    await createImportService(database.schools).importFromPath(school.id, { id: null, label: 'test' }, fixtureDir, false);
    teacher = await makeStaff(database.db, school.id, ['teacher']);
    head = await makeStaff(database.db, school.id, ['headteacher']);
    // Amelia's carers have agreed to the website.
    const amelia = await database.db.selectFrom('pupils').select('id').where('sourced_id', '=', 'stu-001').executeTakeFirstOrThrow();
    for (const c of await database.db.selectFrom('pupil_carers').select('carer_id').where('pupil_id', '=', amelia.id).execute()) {
      await database.db
        .insertInto('consent_decisions')
        .values({
          school_id: school.id,
          pupil_id: amelia.id,
          purpose: 'website',
          decision: 'granted',
          carer_id: c.carer_id,
          method: 'paper',
          form_version: 1,
          year_group: 3,
          recorded_by_label: 'test',
        })
        .execute();
    }
    photoFile = join(storageDir, 'IMG_2041.jpg');
    await writeFile(photoFile, await phoneJpeg(1200, 900));
  });
  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  const signIn = async (person: TestStaff) => {
    const page = await (await browser.newContext()).newPage();
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

  it('upload → tag → ask to publish → the head approves → a clean published copy', async () => {
    const page = await signIn(teacher);
    await navigates(page, () => page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Photographs', exact: true }).click());
    expect(await heading(page)).toBe('Photographs');
    await expectNoAxeViolations(page);

    await navigates(page, () => page.getByRole('link', { name: 'Upload a photograph' }).click());
    expect(await heading(page)).toBe('Upload a photograph');
    await expectNoAxeViolations(page);
    // Swimming is refused with the policy's words.
    await page.getByLabel('Photograph').setInputFiles(photoFile);
    await page.getByLabel('Event').fill('Swimming gala');
    const taken = page.getByRole('group', { name: 'Date taken' });
    await fillDate(taken, '2026-06-12');
    await page.getByLabel('Swimming').check();
    await navigates(page, () => page.getByRole('button', { name: 'Upload' }).click());
    expect(await page.locator('.govuk-error-summary').innerText()).toContain('Photographs will not be taken of children when wearing swimming costumes');
    await expectNoAxeViolations(page);

    await page.getByLabel('Photograph').setInputFiles(photoFile);
    await page.getByLabel('Event').fill('Sports Day');
    await page.getByLabel('Swimming').uncheck();
    await page.getByLabel('Sports day').check();
    await page.getByLabel('Class of the pupils in it').selectOption({ label: 'Year 3 Hazel' });
    await navigates(page, () => page.getByRole('button', { name: 'Upload' }).click());
    expect(await heading(page)).toBe('Who is in this photograph');
    await expectNoAxeViolations(page);
    await page.getByLabel('Amelia Clarke').check();
    await navigates(page, () => page.getByRole('button', { name: 'Save' }).click());
    expect(await heading(page)).toBe('Sports Day');
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain('Saved who is in the photograph');
    expect(
      await page
        .locator('img')
        .first()
        .evaluate((img: HTMLImageElement) => img.naturalWidth),
    ).toBeGreaterThan(0);
    await expectNoAxeViolations(page);

    await navigates(page, () => page.getByRole('link', { name: 'Ask to publish' }).click());
    expect(await heading(page)).toBe('Ask to publish this photograph');
    await expectNoAxeViolations(page);
    await page.getByLabel('School website').check();
    await page.getByLabel('Caption (optional)').fill('Amelia wins the sack race');
    await navigates(page, () => page.getByRole('button', { name: 'Check and ask to publish' }).click());
    expect(await page.locator('.govuk-error-summary').innerText()).toContain('The caption gives the name “Amelia”');
    await expectNoAxeViolations(page);
    await page.getByLabel('School website').check();
    await page.getByLabel('Caption (optional)').fill('A great sports day');
    await page.getByLabel('Where exactly (optional)').fill('https://jc.example/news/sports-day');
    await navigates(page, () => page.getByRole('button', { name: 'Check and ask to publish' }).click());
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain('Sent to the headteacher');
    expect(await page.getByText('Waiting for the headteacher').count()).toBe(1);
    await expectNoAxeViolations(page);

    const headPage = await signIn(head);
    await navigates(headPage, () => headPage.goto(`${baseUrl}/photos`));
    await navigates(headPage, () => headPage.getByRole('link', { name: 'Photographs waiting for a decision' }).click());
    expect(await heading(headPage)).toBe('Photographs waiting for a decision');
    await expectNoAxeViolations(headPage);
    await headPage.getByLabel('Approve and publish').check();
    await navigates(headPage, () => headPage.getByRole('button', { name: 'Save decision' }).click());
    expect(await headPage.locator('.govuk-notification-banner').innerText()).toContain('Approved and published');
    expect(await headPage.getByText('Nothing is waiting.').count()).toBe(1);
    await expectNoAxeViolations(headPage);

    await navigates(headPage, () => headPage.goto(`${baseUrl}/photos`));
    await navigates(headPage, () => headPage.getByRole('link', { name: 'Sports Day' }).click());
    expect(await headPage.locator('.govuk-summary-card .govuk-tag').innerText()).toBe('Published');
    await expectNoAxeViolations(headPage);
    const href = await headPage.getByRole('link', { name: 'Open the published copy' }).getAttribute('href');
    const copy = await headPage.request.get(`${baseUrl}${href}`);
    expect(copy.status()).toBe(200);
    const metadata = await sharp(await copy.body()).metadata();
    expect(metadata).toMatchObject({ format: 'jpeg', width: 900, height: 1200 });
    expect(metadata.exif).toBeUndefined();
  }, 90_000);
});
