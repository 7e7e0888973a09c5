import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAllowed, roles, type Action, type Role } from '../../src/platform/auth/permissions.ts';
import { withSchool } from '../../src/platform/db/school-scope.ts';
import { addApiToken } from '../../src/modules/school/school.service.ts';
import { decidesPublications } from '../../src/modules/photos/photos.rules.ts';
import { defaultSettings } from '../../src/modules/settings/settings.defaults.ts';
import { accountDeciders, decidesAccounts } from '../../src/modules/registers/registers.rules.ts';
import { createTestApp, csrfFrom, TestBrowser, type TestApp } from '../helpers/app.ts';
import { makeSchool, makeStaff } from '../helpers/factories.ts';

const sample: Record<string, string> = { id: randomUUID(), requestId: randomUUID(), publicationId: randomUUID(), token: 'not-a-real-token', file: 'app.css' };
const concrete = (url: string) => url.replace(/:(\w+)/g, (_, name: string) => sample[name] ?? 'x');

/**
 * Actions the table opens to every role who could be named, where the school's settings then say
 * who (issue 15, point 14): with the default settings, only those named are let in.
 */
const namedBySettings: Partial<Record<Action, (role: Role) => boolean>> = {
  'media:decide': (role) => decidesPublications([role], defaultSettings.decisions.photoPublication),
  'accounts:decide': (role) => decidesAccounts([role], accountDeciders(defaultSettings)),
};

/**
 * Walks every registered route with every role (and nobody) and checks the answer against the
 * permission table. A new route without a declared permission cannot even be registered.
 */
describe('every route × every role follows the permission table', { timeout: 600_000 }, () => {
  let t: TestApp;
  const browsers = new Map<Role, TestBrowser>();
  const tokens = new Map<Role, string>();

  beforeAll(async () => {
    t = await createTestApp('pglite');
    const school = await makeSchool(t.database.db);
    for (const role of roles) {
      const staff = await makeStaff(t.database.db, school.id, [role]);
      const browser = new TestBrowser(t.app);
      await browser.signIn(staff);
      browsers.set(role, browser);
      tokens.set(role, await withSchool(t.database.db, school.id, (tx) => addApiToken(tx, school.id, { id: null, label: 'test' }, staff.email)));
    }
  });
  afterAll(() => t.close());

  it('has routes to walk, each with a declared permission', () => {
    expect(t.app.registeredRoutes.length).toBeGreaterThan(20);
    for (const route of t.app.registeredRoutes) expect(route.permission, `${route.method} ${route.url}`).toBeTruthy();
  });

  it('refuses a route that declares no permission', async () => {
    const { buildApp } = await import('../../src/app.ts');
    const app = await buildApp({ config: t.config, database: t.database });
    expect(() => app.get('/undeclared', async () => 'hello')).toThrow(/does not declare a permission/);
    await app.close();
  });

  const send = async (browser: TestBrowser | null, method: string, url: string, token?: string) => {
    if (token) return t.app.inject({ method: method as 'GET', url, headers: { authorization: `Bearer ${token}` } });
    if (!browser) return t.app.inject({ method: method as 'GET', url });
    if (method !== 'POST') return browser.request({ method: method, url });
    return browser.post(url, { _csrf: await csrfOf(browser) });
  };
  /** A form token from one page per person: it stays valid for their session, as in a browser with two tabs. */
  const csrfTokens = new Map<TestBrowser, string>();
  const csrfOf = async (browser: TestBrowser) => {
    if (!csrfTokens.has(browser)) csrfTokens.set(browser, csrfFrom((await browser.get('/account')).body));
    return csrfTokens.get(browser)!;
  };

  // Every module's routes × 11 callers: it grows with the app, so it gets more time than one test usually needs.
  it('answers each role as the table says: allowed roles are let in, the rest get 403, nobody signed in goes to sign-in', { timeout: 600_000 }, async () => {
    const failures: string[] = [];
    // Signing out ends each browser's session, so it goes last.
    const ordered = [...t.app.registeredRoutes].sort((a, b) => Number(a.url === '/sign-out') - Number(b.url === '/sign-out'));
    for (const route of ordered) {
      const url = concrete(route.url);
      const isApi = url.startsWith('/api/');
      const anonymous = await send(null, route.method, url);
      if (route.permission !== 'public') {
        const ok = isApi ? anonymous.statusCode === 401 : anonymous.statusCode === 303 && String(anonymous.headers.location).startsWith('/sign-in');
        if (!ok) failures.push(`${route.method} ${url} nobody: ${anonymous.statusCode}`);
      } else if (anonymous.statusCode >= 500) {
        failures.push(`${route.method} ${url} nobody: ${anonymous.statusCode}`);
      }
      for (const role of roles) {
        const response = isApi ? await send(null, route.method, url, tokens.get(role)) : await send(browsers.get(role)!, route.method, url);
        const allowed =
          route.permission === 'public' ||
          route.permission === 'signed-in' ||
          (isAllowed([role], route.permission as Action) && (namedBySettings[route.permission as Action]?.(role) ?? true));
        const status = response.statusCode;
        if (status >= 500) failures.push(`${route.method} ${url} ${role}: ${status} ${response.body.slice(0, 200)}`);
        else if (allowed && (status === 403 || status === 401)) failures.push(`${route.method} ${url} ${role}: refused (${status}) but the table allows it`);
        else if (!allowed && status !== 403) failures.push(`${route.method} ${url} ${role}: ${status} but the table refuses it`);
      }
    }
    expect(failures).toEqual([]);
  });
});
