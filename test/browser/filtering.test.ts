import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { withSchool } from '../../src/platform/db/school-scope.ts';
import { addApiToken } from '../../src/modules/school/school.service.ts';
import { makeSchool, makeStaff, totpNow, type TestStaff } from '../helpers/factories.ts';
import { lookUp, skipWithout, startUnbound } from '../helpers/filters.ts';
import { launchChromium, skipWithoutChromium, startApp, type RunningApp } from './browser.ts';
import { expectNoAxeViolations, navigates } from './pages.ts';

describe.skipIf(skipWithoutChromium() || skipWithout('unbound'))('a site is opened for a lesson, from the request to the school’s DNS filter (browser)', () => {
  let running: RunningApp;
  let browser: Browser;
  let teacher: TestStaff;
  let ict: TestStaff;
  let head: TestStaff;
  let exportToken: string;
  let blockToken: { ict: string; head: string };

  beforeAll(async () => {
    running = await startApp();
    browser = await launchChromium();
    const db = running.database.db;
    const school = await makeSchool(db, { name: 'Trent CE Primary School' });
    await db.insertInto('classes').values({ school_id: school.id, title: 'Year 4 Oak', year_group: 4 }).execute();
    teacher = await makeStaff(db, school.id, ['teacher']);
    ict = await makeStaff(db, school.id, ['ict-lead']);
    head = await makeStaff(db, school.id, ['headteacher']);
    const token = (email: string, scope: 'full' | 'filter-export') =>
      withSchool(db, school.id, (tx) => addApiToken(tx, school.id, { id: null, label: 'test' }, email, scope));
    exportToken = await token(ict.email, 'filter-export');
    blockToken = { ict: await token(ict.email, 'full'), head: await token(head.email, 'full') };
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  const api = async (method: string, path: string, token: string, body?: object) => {
    const response = await fetch(`${running.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    expect(response.status, `${method} ${path}`).toBeLessThan(300);
    return response;
  };

  async function signIn(staff: TestStaff): Promise<Page> {
    const page = await (await browser.newContext()).newPage();
    await navigates(page, () => page.goto(`${running.baseUrl}/sign-in`));
    await page.getByLabel('E-mail address').fill(staff.email);
    await page.getByLabel('Password').fill(staff.password);
    await navigates(page, () => page.getByRole('button', { name: 'Sign in' }).click());
    if (staff.totpSecret) {
      await page.getByLabel('Security code').fill(await totpNow(staff.totpSecret));
      await navigates(page, () => page.getByRole('button', { name: 'Continue' }).click());
    }
    return page;
  }

  it('the teacher asks, the ICT lead recommends, the head approves, and unbound resolves the site while a blocked one answers NXDOMAIN', async () => {
    // The video site is blocked already (an earlier decision), so the lesson's page under it is too.
    const block = (await (
      await api('POST', '/api/v1/filter-requests', blockToken.ict, { kind: 'block', domain: 'video.test', reason: 'Unmoderated videos', duration: 'permanent' })
    ).json()) as { id: string };
    await api('POST', `/api/v1/filter-requests/${block.id}/decision`, blockToken.ict, { decision: 'recommend-approve', note: 'Checked' });
    await api('POST', `/api/v1/filter-requests/${block.id}/decision`, blockToken.head, { decision: 'approved', note: 'Agreed' });

    // The teacher asks from the web filtering page.
    const teacherPage = await signIn(teacher);
    await navigates(teacherPage, () => teacherPage.getByRole('link', { name: 'Web filtering' }).first().click());
    expect(await teacherPage.getByRole('heading', { level: 1 }).innerText()).toBe('Web filtering');
    await expectNoAxeViolations(teacherPage);
    await navigates(teacherPage, () => teacherPage.getByRole('link', { name: 'Ask for a site to be opened' }).click());
    await expectNoAxeViolations(teacherPage);
    // A whole address is refused with the reason, next to the field.
    await teacherPage.getByLabel('The site’s name').fill('https://teach.video.test/romans');
    await teacherPage.getByLabel('Why?').fill('Year 4 Romans lesson: the museum’s video tour');
    await teacherPage.getByLabel('This lesson').check();
    await teacherPage.getByLabel('For which class? (optional)').selectOption({ label: 'Year 4 Oak' });
    await navigates(teacherPage, () => teacherPage.getByRole('button', { name: 'Send to the ICT lead' }).click());
    expect(await teacherPage.locator('.govuk-error-summary').innerText()).toContain('without http:// or https://');
    await expectNoAxeViolations(teacherPage);
    await teacherPage.getByLabel('The site’s name').fill('teach.video.test');
    await navigates(teacherPage, () => teacherPage.getByRole('button', { name: 'Send to the ICT lead' }).click());
    expect(await teacherPage.locator('.govuk-notification-banner').innerText()).toContain('Request sent to the ICT lead');
    expect(await teacherPage.locator('.govuk-summary-list').first().innerText()).toContain('With the ICT lead');
    const requestUrl = new URL(teacherPage.url()).pathname;

    // The ICT lead finds it in the queue and recommends.
    const ictPage = await signIn(ict);
    await navigates(ictPage, () => ictPage.goto(`${running.baseUrl}/filtering`));
    await navigates(ictPage, () => ictPage.getByRole('link', { name: 'Open teach.video.test' }).first().click());
    expect(new URL(ictPage.url()).pathname).toBe(requestUrl);
    await expectNoAxeViolations(ictPage);
    await ictPage.getByLabel('Approve').check();
    await ictPage.getByLabel('What you found').fill('An educational museum channel; nothing unsuitable');
    await navigates(ictPage, () => ictPage.getByRole('button', { name: 'Send the recommendation' }).click());
    expect(await ictPage.locator('.govuk-notification-banner').innerText()).toContain('Recommendation sent');

    // The head approves.
    const headPage = await signIn(head);
    await navigates(headPage, () => headPage.goto(`${running.baseUrl}${requestUrl}`));
    expect(await headPage.locator('.govuk-summary-list').first().innerText()).toContain('Waiting for the decision');
    await expectNoAxeViolations(headPage);
    await headPage.getByLabel('Approve').check();
    await headPage.getByLabel('Reasons').fill('Yes, for the Romans lesson');
    await navigates(headPage, () => headPage.getByRole('button', { name: 'Record the decision' }).click());
    expect(await headPage.locator('.govuk-summary-list').first().innerText()).toContain('Approved');
    await expectNoAxeViolations(headPage);

    // The teacher sees the decision.
    await navigates(teacherPage, () => teacherPage.goto(`${running.baseUrl}${requestUrl}`));
    expect(await teacherPage.locator('.govuk-summary-list').first().innerText()).toContain('Approved');

    // The network's filter fetches its zones with the read-only token and loads them into unbound.
    const zone = async (list: 'block' | 'allow') => (await api('GET', `/api/v1/filter-lists/rpz?list=${list}`, exportToken)).text();
    const dns = await startUnbound(
      { block: await zone('block'), allow: await zone('allow') },
      {
        'video.test': '192.0.2.10',
        'www.video.test': '192.0.2.11',
        'teach.video.test': '192.0.2.12',
      },
    );
    try {
      expect(await lookUp(dns.port, 'teach.video.test')).toEqual(['192.0.2.12']);
      expect(await lookUp(dns.port, 'video.test')).toBe('ENOTFOUND');
      expect(await lookUp(dns.port, 'www.video.test')).toBe('ENOTFOUND');
    } finally {
      await dns.stop();
    }
  }, 300_000);
});
