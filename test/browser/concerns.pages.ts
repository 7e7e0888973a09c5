import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { expectNoAxeViolations, navigates, fillDate } from './pages.ts';

/** Page objects for the concerns journey: each checks where it is, its one h1, and axe. */
async function verify(page: Page, path: RegExp, heading: string): Promise<void> {
  await page.waitForLoadState('load');
  expect(new URL(page.url()).pathname).toMatch(path);
  const headings = await page.getByRole('heading', { level: 1 }).allInnerTexts();
  expect(headings.map((h) => h.replace(/\s+/g, ' ').trim())).toEqual([heading]);
  await expectNoAxeViolations(page);
}

const banner = async (page: Page) => {
  const b = page.locator('.govuk-notification-banner--success .govuk-notification-banner__heading');
  return (await b.count()) ? (await b.innerText()).trim() : null;
};

export class SignIn {
  static async verifyOnPage(page: Page) {
    await verify(page, /^\/sign-in$/, 'Sign in');
    return new SignIn(page);
  }
  constructor(readonly page: Page) {}
  async signIn(email: string, password: string) {
    await this.page.locator('#email').fill(email);
    await this.page.locator('#password').fill(password);
    await navigates(this.page, () => this.page.getByRole('button', { name: 'Sign in' }).click());
  }
  async enterCode(code: string) {
    await this.page.locator('input[name="code"]').fill(code);
    await navigates(this.page, () => this.page.getByRole('button', { name: /continue|sign in|verify/i }).click());
  }
}

export class ReportConcernPage {
  static async verifyOnPage(page: Page) {
    await verify(page, /^\/concerns\/new$/, 'Report a concern');
    return new ReportConcernPage(page);
  }
  constructor(readonly page: Page) {}
  async report(values: {
    type: string;
    summary: string;
    details: string;
    where: 'In school' | 'Out of school';
    outOfHours: boolean;
    platform: string;
    pupil: string;
  }) {
    await this.page.getByRole('radio', { name: values.type, exact: true }).check();
    await this.page.getByLabel('In a few words, what happened?').fill(values.summary);
    await this.page.getByLabel('What you saw or were told').fill(values.details);
    await this.page.getByRole('radio', { name: values.where, exact: true }).check();
    if (values.outOfHours) await this.page.getByLabel('It happened outside school hours').check();
    await this.page.getByLabel('Platform (optional)').fill(values.platform);
    // The picker: type part of the name, the matches appear as you type, tick the one you mean.
    const pupils = this.page.getByRole('group', { name: 'Pupils and ex-pupils (optional)' });
    await pupils.getByLabel('Find by name').fill(values.pupil.split(' ')[0]);
    await pupils.getByRole('checkbox', { name: values.pupil }).check();
    await navigates(this.page, () => this.page.getByRole('button', { name: 'Send the report' }).click());
  }
}

export class ConcernPage {
  static async verifyOnPage(page: Page, summary: string) {
    await verify(page, /^\/concerns\/[0-9a-f-]{36}$/, summary);
    return new ConcernPage(page);
  }
  constructor(readonly page: Page) {}
  successBanner = () => banner(this.page);
  async status() {
    return (await this.page.locator('h1 + p .govuk-tag').first().innerText()).trim();
  }
  async sentTo() {
    return (await this.page.locator('table').first().locator('tbody tr').allInnerTexts()).map((r) => r.replace(/\s+/g, ' ').trim());
  }
  async timeline() {
    return (await this.page.locator('#timeline tbody tr td:nth-child(2)').allInnerTexts()).map((t) => t.split('\n')[0].trim());
  }
  async markAsRead() {
    await navigates(this.page, () => this.page.getByRole('button', { name: 'Mark as read' }).click());
  }
  async addAction(kind: string, note: string, followUpBy?: string) {
    await this.page.getByLabel('What was done').selectOption({ label: kind });
    await this.page.getByLabel('Note', { exact: true }).fill(note);
    if (followUpBy) {
      await fillDate(this.page.getByRole('group', { name: 'Follow up by (optional)' }), followUpBy);
    }
    await navigates(this.page, () => this.page.getByRole('button', { name: 'Add the action' }).click());
  }
  async decide(acts: boolean, grounds: string[], reasons: string) {
    await this.page
      .getByRole('group', { name: /Will the school act\?/ })
      .getByRole('radio', { name: acts ? 'Yes' : 'No', exact: true })
      .check();
    for (const g of grounds) await this.page.getByRole('checkbox', { name: g }).check();
    await this.page.getByLabel('Reasons').fill(reasons);
    await navigates(this.page, () => this.page.getByRole('button', { name: 'Record the decision' }).click());
  }
  async close(outcome: string) {
    await this.page.getByLabel('Outcome').fill(outcome);
    await navigates(this.page, () => this.page.getByRole('button', { name: 'Close with this outcome' }).click());
  }
}

export class ConcernsListPage {
  static async verifyOnPage(page: Page) {
    await verify(page, /^\/concerns$/, 'Concerns');
    return new ConcernsListPage(page);
  }
  constructor(readonly page: Page) {}
  async needingAttention() {
    const table = this.page.locator('table', { has: this.page.locator('caption', { hasText: 'Needs your attention' }) });
    return (await table.count()) ? (await table.locator('tbody tr td:first-child a').allInnerTexts()).map((t) => t.trim()) : [];
  }
}
