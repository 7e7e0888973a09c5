import type { FastifyInstance, InjectOptions } from 'fastify';
import { sql } from 'kysely';
import { buildApp } from '../../src/app.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import type { Database } from '../../src/platform/db/database.ts';
import { createTestDatabase, type DatabaseKind } from './database.ts';
import { totpNow, type TestStaff } from './factories.ts';

export interface TestApp {
  app: FastifyInstance & { registeredRoutes: { method: string; url: string; permission: string }[] };
  database: Database;
  config: Config;
  close(): Promise<void>;
}

/** The database behind each test app, so a test browser can stand in for the passing of time. */
const databases = new WeakMap<FastifyInstance, Database>();

export async function createTestApp(kind: DatabaseKind, overrides: Partial<Config> = {}): Promise<TestApp> {
  const database = await createTestDatabase(kind);
  const config = loadConfig({ NODE_ENV: 'test' }, { baseUrl: 'http://localhost', ...overrides });
  const app = await buildApp({ config, database });
  await app.ready();
  databases.set(app, database);
  return {
    app,
    database,
    config,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/** The hidden CSRF field of the last page, as a browser would submit it. */
export function csrfFrom(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('No CSRF field on this page');
  return match[1];
}

/** A cookie-keeping client over app.inject: behaves like one person's browser. */
export class TestBrowser {
  readonly cookies = new Map<string, string>();
  lastHtml = '';
  constructor(private readonly app: FastifyInstance) {}

  async request(options: InjectOptions & { url: string }) {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; ');
    const response = await this.app.inject({ ...options, headers: { ...(cookie ? { cookie } : {}), ...options.headers } });
    for (const c of response.cookies) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    if (String(response.headers['content-type']).includes('text/html')) this.lastHtml = response.body;
    return response;
  }

  get(url: string) {
    return this.request({ method: 'GET', url });
  }

  /** Submits a form the way the page would: with the CSRF token of the page it came from. */
  async submit(pageUrl: string, actionUrl: string, form: Record<string, string | string[]>) {
    const page = await this.get(pageUrl);
    return this.post(actionUrl, { _csrf: csrfFrom(page.body), ...form });
  }

  post(url: string, form: Record<string, string | string[]>) {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(form)) for (const value of [v].flat()) body.append(k, value);
    return this.request({ method: 'POST', url, payload: body.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  }

  /** Signs in, completing two-factor with a fresh code when the person has it. */
  async signIn(staff: Pick<TestStaff, 'email' | 'password' | 'totpSecret'>) {
    const response = await this.submit('/sign-in', '/sign-in', { email: staff.email, password: staff.password });
    if (response.statusCode !== 303) throw new Error(`Sign-in failed with ${response.statusCode}`);
    if (staff.totpSecret) {
      // A code works once (TOTP replay protection); tests sign the same person in many times within
      // one 30-second step, so each sign-in here stands for a later moment.
      await databases
        .get(this.app)
        ?.db.updateTable('staff')
        .set({ totp_last_step: null })
        .where(sql`lower(email)`, '=', staff.email.toLowerCase())
        .execute();
      const done = await this.submit('/sign-in/two-factor', '/sign-in/two-factor', { code: await totpNow(staff.totpSecret) });
      if (done.statusCode !== 303) throw new Error(`Two-factor failed with ${done.statusCode}`);
    }
    return response;
  }
}
