import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/platform/db/database.ts';
import { createImportService } from '../../src/modules/people/import.service.ts';
import { publishedCopy } from '../../src/modules/photos/photos.images.ts';
import { classPhoto, classPhotoPath, detailIn } from '../helpers/faces.ts';
import { makeSchool, makeStaff, type TestStaff } from '../helpers/factories.ts';
import { launchChromium, skipWithoutChromium, startApp, type RunningApp } from './browser.ts';
import { expectNoAxeViolations, navigates, fillDate } from './pages.ts';

const fixtureDir = new URL('../fixtures/oneroster/basic', import.meta.url).pathname;

/**
 * Issue 14, done: a teacher uploads a class photograph, tags the numbered faces, is refused while
 * one face is unaccounted for, and publishes with the faces of children who may not appear blurred.
 */
describe.skipIf(skipWithoutChromium())('faces in a class photograph (browser)', () => {
  let running: RunningApp;
  let database: Database;
  let baseUrl: string;
  let browser: Browser;
  let teacher: TestStaff;

  beforeAll(async () => {
    running = await startApp({ ownStorage: true });
    ({ database, baseUrl } = running);
    browser = await launchChromium();
    const school = await makeSchool(database.db, { name: 'John Clifford Primary School' });
    await createImportService(database.schools).importFromPath(school.id, { id: null, label: 'test' }, fixtureDir, false);
    teacher = await makeStaff(database.db, school.id, ['teacher']);
    // Amelia, Oliver and Isla may appear on displays; Muhammad's carers said no.
    for (const [sourcedId, decision] of [
      ['stu-001', 'granted'],
      ['stu-002', 'granted'],
      ['stu-003', 'granted'],
      ['stu-004', 'refused'],
    ] as const) {
      const pupil = await database.db.selectFrom('pupils').select('id').where('sourced_id', '=', sourcedId).executeTakeFirstOrThrow();
      for (const c of await database.db.selectFrom('pupil_carers').select('carer_id').where('pupil_id', '=', pupil.id).execute()) {
        await database.db
          .insertInto('consent_decisions')
          .values({
            school_id: school.id,
            pupil_id: pupil.id,
            purpose: 'displays',
            decision,
            carer_id: c.carer_id,
            method: 'paper',
            form_version: 1,
            year_group: 3,
            recorded_by_label: 'test',
          })
          .execute();
      }
    }
  }, 240_000);
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
    return page;
  };
  const heading = (page: Page) => page.getByRole('heading', { level: 1 }).innerText();

  it('upload a class photograph → tag the numbered faces → refused while one is unaccounted for → published with blur', async () => {
    const page = await signIn(teacher);
    await navigates(page, () => page.goto(`${baseUrl}/photos/new`));
    await page.getByLabel('Photograph').setInputFiles(classPhotoPath);
    await page.getByLabel('Event').fill('Class photograph');
    const taken = page.getByRole('group', { name: 'Date taken' });
    await fillDate(taken, '2026-06-12');
    await page.getByLabel('Lesson').check();
    await page.getByLabel('Class of the pupils in it').selectOption({ label: 'Year 3 Hazel' });
    await navigates(page, () => page.getByRole('button', { name: 'Upload' }).click());
    expect(await heading(page)).toBe('Who is in this photograph');

    // Six numbered outlines over the photograph, drawn without any script. On a busy machine the
    // face finder's first photograph may take longer than the upload waits: the page says so, and a refresh shows them.
    const picture = page.getByRole('img', { name: /each face found outlined and numbered 1 to 6/ });
    await expect
      .poll(
        async () => {
          if (await picture.isVisible()) return true;
          expect(await page.locator('.govuk-inset-text').innerText()).toContain('still being looked for');
          await navigates(page, () => page.reload());
          return picture.isVisible();
        },
        { timeout: 90_000, interval: 1000 },
      )
      .toBe(true);
    expect(await page.locator('svg g[data-face]').count()).toBe(6);
    expect(await page.locator('svg text').allTextContents()).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(await page.locator('.govuk-warning-text').innerText()).toContain('6 faces in this photograph are not yet identified');
    await expectNoAxeViolations(page);

    // Faces 1–4 are the four pupils of Year 3 Hazel, face 5 an adult; face 6 is left.
    await page.getByLabel('Face 1', { exact: true }).selectOption({ label: 'Amelia Clarke' });
    await page.getByLabel('Face 2', { exact: true }).selectOption({ label: 'Oliver Patel' });
    await page
      .getByLabel('Face 3', { exact: true })
      .selectOption({ label: 'Isla O’Neill' })
      .catch(() => page.getByLabel('Face 3', { exact: true }).selectOption({ label: "Isla O'Neill" }));
    await page.getByLabel('Face 4', { exact: true }).selectOption({ label: 'Muhammad Khan' });
    await page.getByLabel('Face 5', { exact: true }).selectOption({ label: 'An adult' });
    await navigates(page, () => page.getByRole('button', { name: 'Save faces' }).click());
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain('1 face is not yet identified');
    expect(await page.locator('.govuk-warning-text').innerText()).toContain('1 face in this photograph is not yet identified');

    // The check refuses, saying why.
    await navigates(page, () => page.goto(`${page.url().replace(/\/tag$/, '')}/publish`));
    expect(await heading(page)).toBe('Ask to publish this photograph');
    await page.getByLabel('Display in school').check();
    expect(await page.getByLabel('Blur the faces of children who may not appear here').isChecked()).toBe(true);
    await expectNoAxeViolations(page);
    await navigates(page, () => page.getByRole('button', { name: 'Check and ask to publish' }).click());
    expect(await page.locator('.govuk-error-summary').innerText()).toContain('1 face in this photograph is not yet identified');

    // Face 6 is a visitor: not a pupil here. Now every face is accounted for.
    await navigates(page, () => page.goto(page.url().replace(/\/publish$/, '/tag')));
    await page.getByLabel('Face 6', { exact: true }).selectOption({ label: 'Someone who is not a pupil here' });
    await navigates(page, () => page.getByRole('button', { name: 'Save faces' }).click());
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain('every face is accounted for');

    await navigates(page, () => page.goto(page.url().replace(/\/tag$/, '/publish')));
    await page.getByLabel('Display in school').check();
    await navigates(page, () => page.getByRole('button', { name: 'Check and ask to publish' }).click());
    expect(await heading(page)).toBe('Class photograph');
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain('Published');

    // The published copy: Muhammad's face (4, no consent) and the visitor's (6) have no detail left; Amelia's (1) is untouched.
    const link = page.getByRole('link', { name: 'Open the published copy' });
    const copy = Buffer.from(await (await page.request.get(new URL((await link.getAttribute('href'))!, baseUrl).href)).body());
    const plain = await publishedCopy(classPhoto(), 2048);
    const boxes = await database.db.selectFrom('photo_faces').select(['face_index', 'x', 'y', 'width', 'height']).orderBy('face_index').execute();
    for (const index of [3, 5]) expect((await detailIn(copy, boxes[index])).edges).toBeLessThan((await detailIn(plain, boxes[index])).edges * 0.1);
    const amelia = [await detailIn(copy, boxes[0]), await detailIn(plain, boxes[0])] as const;
    expect(amelia[0].meanDifference(amelia[1])).toBeLessThan(2);
  }, 300_000);
});
