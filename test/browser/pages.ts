import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** axe-core's minified build, read once per test file and put into the pages it checks. */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Loads axe into every page the context opens from now on, as a script Chromium compiles once and
 * keeps, instead of evaluating it afresh on each page checked: for a test that checks every page it
 * opens (every-page), a page's load and check took about 255 ms instead of 525 (measured, ten loads
 * of one page), and that test alone 125 s instead of 92. Journeys, which open many pages they do not
 * check, were slower with it (two journey files, 90–108 s → 99–120 s), so they go without.
 */
export async function loadAxeIntoEveryPage(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: axeSource });
}

/**
 * Fails with every axe violation on the page, by rule, impact and element, so the owner can fix it.
 * A soft assertion: the journey goes on, and one run lists the violations of every page.
 *
 * axe-core is run directly rather than through @axe-core/playwright: that wrapper evaluated the
 * full (unminified) source twice per check and sent every passing rule's nodes back to the test,
 * which made each check about three times slower (about 1 s against 0.35 s a page, measured).
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const loaded = await page.evaluate(() => typeof (window as { axe?: { run?: unknown } }).axe?.run === 'function');
  if (!loaded) await page.evaluate(axeSource);
  const found = await page.evaluate(async () => {
    type Axe = {
      run(context: Document, options: object): Promise<{ violations: { id: string; impact?: string | null; help: string; nodes: { target: unknown[] }[] }[] }>;
    };
    const { violations } = await (window as unknown as { axe: Axe }).axe.run(document, { resultTypes: ['violations'] });
    return violations.map((v) => `${v.id} (${v.impact ?? 'unknown impact'}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  expect.soft(found, `axe violations on ${page.url()}`).toEqual([]);
}

/**
 * WCAG 1.4.10 Reflow: at 320 CSS pixels wide the page needs no horizontal scrolling. Narrows the
 * window, measures, and puts the window back as it was. A soft assertion, like axe.
 */
export async function expectReflow(page: Page): Promise<void> {
  const before = page.viewportSize();
  await page.setViewportSize({ width: 320, height: before?.height ?? 720 });
  const { scrollWidth, wide } = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    // The widest elements, so a failure says where to look.
    const wide = [...document.querySelectorAll('body *')]
      .filter((element) => element.getBoundingClientRect().right > width + 1)
      .filter((element) => !element.parentElement || element.parentElement.getBoundingClientRect().right <= width + 1)
      .slice(0, 5)
      .map(
        (element) =>
          `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${element.className && typeof element.className === 'string' ? `.${element.className.trim().split(/\s+/).join('.')}` : ''} (${Math.round(element.getBoundingClientRect().right)}px)`,
      );
    return { scrollWidth: document.documentElement.scrollWidth, wide };
  });
  expect.soft(scrollWidth, `${page.url()} is wider than 320px: ${wide.join(', ')}`).toBeLessThanOrEqual(320);
  if (before) await page.setViewportSize(before);
}

/** Fills a GOV.UK date input (its Day, Month and Year boxes, within `scope`) from YYYY-MM-DD. */
export async function fillDate(scope: Page | Locator, isoDay: string): Promise<void> {
  const [year, month, day] = isoDay.split('-');
  await scope.getByLabel('Day').fill(String(Number(day)));
  await scope.getByLabel('Month').fill(String(Number(month)));
  await scope.getByLabel('Year').fill(year);
}

/** Runs an action that loads a new page (a link, a form, Enter) and waits until that page has loaded. */
export async function navigates(page: Page, action: () => Promise<unknown>): Promise<void> {
  // (45 s: under the whole suite on a two-core machine, one form post in a journey has taken over 15 s to answer; alone
  // the journey's longest step takes under 2 s. The journey's own limit still bounds the whole.)
  const committed = page.waitForEvent('framenavigated', { predicate: (frame) => frame === page.mainFrame(), timeout: 45_000 });
  await action();
  await committed;
  await page.waitForLoadState('load');
}

const pathOf = (page: Page) => new URL(page.url()).pathname;
const visibleText = async (locator: Locator) => (await locator.innerText()).replace(/\s+/g, ' ').trim();

/** The checks every page gets: where we are, the one h1 a person reads first, and axe. */
async function verifyPage(page: Page, path: string | RegExp, heading: string | RegExp): Promise<void> {
  await page.waitForLoadState('load');
  if (typeof path === 'string') expect(pathOf(page)).toBe(path);
  else expect(pathOf(page)).toMatch(path);
  const headings = await page.getByRole('heading', { level: 1 }).all();
  expect(headings, `one h1 on ${page.url()}`).toHaveLength(1);
  const text = await visibleText(headings[0]);
  if (typeof heading === 'string') expect(text).toBe(heading);
  else expect(text).toMatch(heading);
  await expectNoAxeViolations(page);
  await expectReflow(page);
}

/** Parts of the layout that any page has. */
class BasePage {
  constructor(readonly page: Page) {}

  /** The text of the success banner ("Roles saved"), or null when there is none. */
  async successBanner(): Promise<string | null> {
    const banner = this.page.locator('.govuk-notification-banner--success .govuk-notification-banner__heading');
    return (await banner.count()) ? visibleText(banner) : null;
  }

  /** The GOV.UK error summary: each message and the field it links to. */
  async errorSummary(): Promise<{ text: string; href: string | null }[]> {
    const summary = this.page.locator('.govuk-error-summary');
    await summary.waitFor({ state: 'visible' });
    expect(await visibleText(summary.locator('.govuk-error-summary__title'))).toBe('There is a problem');
    const links = await summary.locator('.govuk-error-summary__list a').all();
    return Promise.all(links.map(async (link) => ({ text: await visibleText(link), href: await link.getAttribute('href') })));
  }

  /** What the keyboard is on: an element's id, or its tag and text when it has none. */
  async focused(): Promise<string> {
    return this.page.evaluate(() => {
      const element = document.activeElement;
      if (!element || element === document.body) return 'body';
      return element.id ? `#${element.id}` : `${element.tagName.toLowerCase()}:${(element.textContent ?? '').trim()}`;
    });
  }

  async navigateTo(linkText: string): Promise<void> {
    await navigates(this.page, () => this.page.getByRole('link', { name: linkText, exact: true }).click());
  }

  /** Follows a link in the header's service navigation ("Menu"). */
  async useMenu(linkText: string): Promise<void> {
    const menu = this.page.getByRole('navigation', { name: 'Menu' });
    await navigates(this.page, () => menu.getByRole('link', { name: linkText, exact: true }).click());
  }

  async signOut(): Promise<void> {
    await navigates(this.page, () => this.page.getByRole('button', { name: 'Sign out' }).click());
  }
}

export class SetupPage extends BasePage {
  static async verifyOnPage(page: Page): Promise<SetupPage> {
    await verifyPage(page, '/setup', 'Set up eSafety Office');
    return new SetupPage(page);
  }

  async create(values: { schoolName: string; urn: string; headName: string; email: string; password: string; confirm: string }): Promise<void> {
    for (const [field, value] of Object.entries(values)) await this.page.locator(`#${field}`).fill(value);
    await this.submit();
  }

  async submit(): Promise<void> {
    await navigates(this.page, () => this.page.getByRole('button', { name: 'Create the school' }).click());
  }
}

export class SignInPage extends BasePage {
  static async verifyOnPage(page: Page): Promise<SignInPage> {
    await verifyPage(page, '/sign-in', 'Sign in');
    return new SignInPage(page);
  }

  /**
   * Signs in with the keyboard alone: Tab to the e-mail field (past the skip link, the header and
   * any banner), type, Tab to the password, type, Tab to the button, Enter.
   */
  async signInWithKeyboard(email: string, password: string): Promise<void> {
    const { keyboard } = this.page;
    for (let presses = 0; presses < 10 && (await this.focused()) !== '#email'; presses++) await keyboard.press('Tab');
    expect(await this.focused(), 'Tab reaches the e-mail field').toBe('#email');
    await keyboard.type(email);
    await keyboard.press('Tab');
    expect(await this.focused(), 'Tab from the e-mail field reaches the password').toBe('#password');
    await keyboard.type(password);
    await keyboard.press('Tab');
    expect(await this.focused(), 'Tab from the password reaches the Sign in button').toBe('button:Sign in');
    await navigates(this.page, () => keyboard.press('Enter'));
  }
}

export class TwoFactorSetUpPage extends BasePage {
  static async verifyOnPage(page: Page): Promise<TwoFactorSetUpPage> {
    await verifyPage(page, '/account/two-factor/set-up', 'Set up two-factor authentication');
    return new TwoFactorSetUpPage(page);
  }

  /** Opens "I cannot scan the QR code" and reads the key the way a person would type it (no spaces). */
  async revealSecretKey(): Promise<string> {
    const key = this.page.locator('#secret-key');
    expect(await key.isVisible()).toBe(false);
    await this.page.getByText('I cannot scan the QR code').click();
    await key.waitFor({ state: 'visible' });
    return (await key.innerText()).replace(/\s+/g, '');
  }

  async turnOn(code: string): Promise<void> {
    await this.page.getByLabel('Code from the app').fill(code);
    await navigates(this.page, () => this.page.getByRole('button', { name: 'Turn on two-factor authentication' }).click());
  }
}

export class RecoveryCodesPage extends BasePage {
  static async verifyOnPage(page: Page): Promise<RecoveryCodesPage> {
    // The codes are the answer to the set-up form, so the address is still the form's.
    await verifyPage(page, '/account/two-factor/set-up', 'Two-factor authentication is on');
    return new RecoveryCodesPage(page);
  }

  async recoveryCodes(): Promise<string[]> {
    return (await this.page.locator('#recovery-codes li').allInnerTexts()).map((code) => code.trim());
  }
}

export class DashboardPage extends BasePage {
  static async verifyOnPage(page: Page, schoolName: string): Promise<DashboardPage> {
    await verifyPage(page, '/dashboard', schoolName);
    return new DashboardPage(page);
  }
}

export class ImportPage extends BasePage {
  static async verifyOnPage(page: Page): Promise<ImportPage> {
    await verifyPage(page, '/import', 'Import from your management information system');
    return new ImportPage(page);
  }

  async checkFile(path: string): Promise<void> {
    await this.page.locator('#file').setInputFiles(path);
    await navigates(this.page, () => this.page.getByRole('button', { name: 'Check the file' }).click());
  }
}

export class ImportPreviewPage extends BasePage {
  static async verifyOnPage(page: Page): Promise<ImportPreviewPage> {
    await verifyPage(page, '/import', 'Check the changes before you import');
    return new ImportPreviewPage(page);
  }

  async intro(): Promise<string> {
    return visibleText(this.page.locator('h1 + p'));
  }

  /** The "What will change" table as row label → [new, updated, left]. */
  async changes(): Promise<Record<string, number[]>> {
    const rows = await this.page.locator('#import-summary tbody tr').all();
    const entries = await Promise.all(
      rows.map(async (row) => [await visibleText(row.locator('th')), (await row.locator('td').allInnerTexts()).map((n) => Number(n.trim()))] as const),
    );
    return Object.fromEntries(entries);
  }

  async importChanges(): Promise<void> {
    await navigates(this.page, () => this.page.getByRole('button', { name: 'Import these changes' }).click());
  }
}

export class ClassesPage extends BasePage {
  static async verifyOnPage(page: Page): Promise<ClassesPage> {
    await verifyPage(page, '/classes', 'Classes');
    return new ClassesPage(page);
  }

  async classNames(): Promise<string[]> {
    return (await this.page.locator('table tbody tr td:first-child').allInnerTexts()).map((name) => name.trim());
  }

  async openClass(name: string): Promise<void> {
    await this.navigateTo(name);
  }
}

export class ClassPage extends BasePage {
  static async verifyOnPage(page: Page, title: string): Promise<ClassPage> {
    await verifyPage(page, /^\/classes\/[^/]+$/, title);
    return new ClassPage(page);
  }

  async pupilNames(): Promise<string[]> {
    return (await this.page.locator('table tbody tr td:first-child').allInnerTexts()).map((name) => name.trim());
  }
}
