import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';

/**
 * Real OpenID providers (oidc-provider, a certified implementation) on one loopback port, each at
 * its own path: `http://127.0.0.1:PORT/PATH` is its issuer. Accounts are looked up by the login
 * typed on the provider's own (development) sign-in page; their claims are whatever the test says.
 */
export interface LoopbackProviders {
  origin: string;
  issuer(path: string): string;
  /** The claims of the account signed in as `login` (sub is the login unless given). */
  accounts: Map<string, Record<string, unknown>>;
  /** Answers requests under a path instead of the provider there (a stand-in that lies about its issuer). */
  intercept: Map<string, (req: IncomingMessage, res: ServerResponse) => void>;
  close(): Promise<void>;
}

export const testClient = { clientId: 'esafety-office-test', clientSecret: 'a client secret only the test knows 0123456789' };
/** A second registration of the app at the same providers (as when a school registers it again). */
export const otherTestClient = { clientId: 'esafety-office-test-again', clientSecret: 'another client secret only the test knows 9876543210' };

export async function startLoopbackProviders(paths: string[], redirectUris: string[]): Promise<LoopbackProviders> {
  const accounts = new Map<string, Record<string, unknown>>();
  const intercept = new Map<string, (req: IncomingMessage, res: ServerResponse) => void>();
  const mounted: { path: string; handle: (req: IncomingMessage, res: ServerResponse) => void }[] = [];
  const server = createServer((req, res) => {
    let url = req.url ?? '/';
    // oidc-provider has no account chooser (Microsoft's and Google's do): its sign-in form (a fresh
    // one each time, as each test's browser is new) stands for it, so `prompt=select_account` is
    // taken off on the way in rather than refused as unsupported.
    if (url.includes('prompt=select_account')) {
      const asked = new URL(url, 'http://provider');
      asked.searchParams.delete('prompt');
      url = asked.pathname + asked.search;
    }
    for (const [prefix, answer] of intercept) if (url.startsWith(prefix)) return answer(req, res);
    // The longest path first, so /A/v2.0 is not taken for the provider at /.
    const found = [...mounted].sort((a, b) => b.path.length - a.path.length).find(({ path }) => path === '' || url === path || url.startsWith(`${path}/`));
    if (!found) {
      res.statusCode = 404;
      return res.end();
    }
    // Mounted under a path, as Express would: the provider reads the prefix from originalUrl.
    (req as IncomingMessage & { originalUrl?: string }).originalUrl = url;
    req.url = url.slice(found.path.length) || '/';
    found.handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const jwk = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  for (const path of paths) {
    const provider: Provider = new Provider(`${origin}${path}`, {
      clients: [testClient, otherTestClient].map((client) => ({
        client_id: client.clientId,
        client_secret: client.clientSecret,
        redirect_uris: redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post' as const,
      })),
      jwks: { keys: [{ ...jwk, kid: 'test', use: 'sig', alg: 'RS256' }] },
      cookies: { keys: ['cookie signing key for the loopback provider'] },
      claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'hd', 'preferred_username', 'oid', 'tid', 'idp'] },
      // The ID token carries the e-mail claims itself (the app reads only the ID token).
      conformIdTokenClaims: false,
      findAccount: (_ctx: unknown, id: string) => ({
        accountId: id,
        claims: () => ({ sub: id, ...(accounts.get(id) ?? {}) }),
      }),
      // Consent is taken as given: the school's own provider would have been consented by its administrator.
      loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
        const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
        grant.addOIDCScope('openid email profile');
        await grant.save();
        return grant;
      },
      features: { devInteractions: { enabled: true } },
    });
    // `/` is an issuer with a trailing slash at the root (as some providers spell theirs).
    mounted.push({ path: path.replace(/\/$/, ''), handle: provider.callback() });
  }
  return {
    origin,
    issuer: (path) => `${origin}${path}`,
    accounts,
    intercept,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A browser's cookies at the provider (the app's are the TestBrowser's): paths ignored, names kept. */
export class ProviderCookies {
  readonly jar = new Map<string, string>();

  async fetch(url: string, init: { method?: string; body?: string } = {}): Promise<Response> {
    const response = await fetch(url, {
      method: init.method ?? 'GET',
      redirect: 'manual',
      headers: {
        cookie: [...this.jar].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(init.body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: init.body,
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      if (!value || /expires=Thu, 01 Jan 1970/i.test(line)) this.jar.delete(name);
      else this.jar.set(name, value);
    }
    return response;
  }
}

/**
 * Signs in at the provider as `login`, following its redirects by hand from `authorizationUrl`
 * until it sends the browser back to the app; returns that address (the callback, with code and state).
 */
export async function signInAtProvider(authorizationUrl: string, login: string, appOrigin: string, cookies = new ProviderCookies()): Promise<string> {
  let url = authorizationUrl;
  for (let step = 0; step < 12; step++) {
    if (url.startsWith(appOrigin)) return url;
    const response = await cookies.fetch(url);
    const location = response.headers.get('location');
    if (location) {
      url = new URL(location, url).href;
      continue;
    }
    const html = await response.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (response.status !== 200 || !action || !html.includes('name="login"'))
      throw new Error(`The provider answered ${response.status}: ${html.slice(0, 300)}`);
    const submitted = await cookies.fetch(new URL(action, url).href, {
      method: 'POST',
      body: new URLSearchParams({ prompt: 'login', login, password: 'any password' }).toString(),
    });
    const next = submitted.headers.get('location');
    if (!next) throw new Error(`The provider's sign-in page answered ${submitted.status} without sending the browser on`);
    url = new URL(next, url).href;
  }
  throw new Error('The provider kept redirecting');
}
