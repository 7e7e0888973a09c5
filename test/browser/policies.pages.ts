import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { freshTotp, type TestStaff } from '../helpers/factories.ts';
import { expectNoAxeViolations, navigates } from './pages.ts';

const visibleText = async (page: Page, selector: string) => (await page.locator(selector).innerText()).replace(/\s+/g, ' ').trim();

/** One person at their own browser: signs in (with two-factor when they have it) and checks every page with axe. */
export class PolicyUser {
  private constructor(readonly page: Page) {}

  static async signIn(browser: Browser, baseURL: string, staff: TestStaff): Promise<PolicyUser> {
    const context = await browser.newContext({ baseURL });
    const user = new PolicyUser(await context.newPage());
    await user.page.goto('/sign-in');
    await user.page.locator('#email').fill(staff.email);
    await user.page.locator('#password').fill(staff.password);
    await user.click('Sign in');
    if (staff.totpSecret) {
      await user.page.getByLabel('Security code').fill(await freshTotp(staff.totpSecret));
      await user.click('Continue');
    }
    await user.onPage('/dashboard', /.+/);
    return user;
  }

  /** Where we are, the one h1, and axe. */
  async onPage(path: string | RegExp, heading: string | RegExp): Promise<void> {
    await this.page.waitForLoadState('load');
    const pathname = new URL(this.page.url()).pathname;
    if (typeof path === 'string') expect(pathname).toBe(path);
    else expect(pathname).toMatch(path);
    const headings = await this.page.getByRole('heading', { level: 1 }).allInnerTexts();
    expect(headings, `one h1 on ${this.page.url()}`).toHaveLength(1);
    expect(headings[0].trim()).toMatch(typeof heading === 'string' ? new RegExp(`^${heading.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) : heading);
    await expectNoAxeViolations(this.page);
  }

  async click(name: string): Promise<void> {
    await navigates(this.page, () => this.page.getByRole('button', { name, exact: true }).click());
  }

  async follow(name: string | RegExp): Promise<void> {
    await navigates(this.page, () =>
      this.page
        .getByRole('link', { name, exact: typeof name === 'string' })
        .first()
        .click(),
    );
  }

  async useMenu(name: string): Promise<void> {
    await navigates(this.page, () => this.page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name, exact: true }).click());
  }

  async banner(): Promise<string> {
    return visibleText(this.page, '.govuk-notification-banner__heading');
  }

  async text(selector: string): Promise<string> {
    return visibleText(this.page, selector);
  }

  async close(): Promise<void> {
    await this.page.context().close();
  }
}
