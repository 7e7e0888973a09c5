/**
 * Sign-in with Microsoft, Google or another OpenID provider (issue 20): the decisions, without I/O.
 * Which issuer a school's provider is pinned to, and whether an ID token's claims describe someone
 * of that school.
 */

export type SsoProvider = 'microsoft' | 'google' | 'oidc';
export const ssoProviders: readonly SsoProvider[] = ['microsoft', 'google', 'oidc'];

/** Where Microsoft's and Google's issuers live; tests point them at a provider on loopback. */
export interface SsoAuthorities {
  /** Microsoft's login address; a tenant's issuer is `${microsoft}/TENANT/v2.0`. */
  readonly microsoft: string;
  /** Google's issuer. */
  readonly google: string;
}

export const realAuthorities: SsoAuthorities = { microsoft: 'https://login.microsoftonline.com', google: 'https://accounts.google.com' };

export interface SsoSetInput {
  provider?: string;
  tenant?: string;
  domain?: string;
  issuer?: string;
  clientId?: string;
}

export interface SsoSetting {
  provider: SsoProvider;
  issuer: string;
  tenant: string | null;
  domain: string | null;
  clientId: string;
}

/** Microsoft's shared endpoints admit any tenant's accounts (or personal ones): never a school's issuer. */
const sharedTenants = ['common', 'organizations', 'consumers'];
const tenantId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const domainName = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** http:// only on this machine (tests); anything else must be https://. */
export function isLoopbackHttp(url: URL): boolean {
  return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

/** The problem with an issuer address, as a sentence naming the option, or null. */
export function issuerProblem(issuer: string, option = '--issuer'): string | null {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return `${option} must be the provider's issuer address, like https://login.example.org, not "${issuer}"`;
  }
  if (url.search || url.hash || url.username || url.password) return `${option} must be a plain address, without a query, a fragment or a password`;
  if (url.protocol !== 'https:' && !isLoopbackHttp(url))
    return `${option} must start with https:// (plain http:// is accepted only on 127.0.0.1 or localhost, for tests)`;
  return null;
}

/** A problem with `esafety sso set`'s options, as the sentence to print. */
export class SsoSetProblem extends Error {}

/** What `esafety sso set` stores, or a SsoSetProblem naming the option at fault. */
export function ssoSetting(input: SsoSetInput, authorities: SsoAuthorities): SsoSetting {
  const provider = input.provider?.trim().toLowerCase();
  const clientId = input.clientId?.trim() ?? '';
  if (!provider || !(ssoProviders as readonly string[]).includes(provider)) {
    throw new SsoSetProblem(`--provider must be microsoft, google or oidc${input.provider ? `, not "${input.provider}"` : ''}`);
  }
  if (!clientId) throw new SsoSetProblem('--client-id is required (the application or client ID the provider gave when you registered eSafety Office)');
  if (clientId.length > 500) throw new SsoSetProblem('--client-id is too long');
  const stray = (allowed: 'tenant' | 'domain' | 'issuer') =>
    (['tenant', 'domain', 'issuer'] as const).filter((name) => name !== allowed && input[name] !== undefined).map((name) => `--${name}`);
  switch (provider) {
    case 'microsoft': {
      const tenant = input.tenant?.trim().toLowerCase() ?? '';
      if (stray('tenant').length) throw new SsoSetProblem(`--provider microsoft takes --tenant, not ${stray('tenant').join(' or ')}`);
      if (!tenant) throw new SsoSetProblem('--tenant is required: your school’s tenant ID (Directory ID) from Microsoft Entra ID');
      if (sharedTenants.includes(tenant)) {
        throw new SsoSetProblem(`--tenant must be your school’s own tenant ID, not "${tenant}": that endpoint would let people from any organisation sign in`);
      }
      if (!tenantId.test(tenant)) throw new SsoSetProblem(`--tenant must be a tenant ID like 72f988bf-86f1-41af-91ab-2d7cd011db47, not "${input.tenant}"`);
      return { provider, issuer: `${authorities.microsoft.replace(/\/$/, '')}/${tenant}/v2.0`, tenant, domain: null, clientId };
    }
    case 'google': {
      const domain = input.domain?.trim().toLowerCase() ?? '';
      if (stray('domain').length) throw new SsoSetProblem(`--provider google takes --domain, not ${stray('domain').join(' or ')}`);
      if (!domain) throw new SsoSetProblem('--domain is required: your school’s Google Workspace domain, like school.sch.uk');
      if (!domainName.test(domain)) throw new SsoSetProblem(`--domain must be a domain name like school.sch.uk, not "${input.domain}"`);
      return { provider, issuer: authorities.google, tenant: null, domain, clientId };
    }
    default: {
      const issuer = input.issuer?.trim() ?? '';
      if (stray('issuer').length) throw new SsoSetProblem(`--provider oidc takes --issuer, not ${stray('issuer').join(' or ')}`);
      if (!issuer) throw new SsoSetProblem('--issuer is required: the provider’s issuer address, like https://login.example.org');
      const problem = issuerProblem(issuer);
      if (problem) throw new SsoSetProblem(problem);
      // Microsoft's shared endpoints by the back door: any organisation's accounts (or personal ones) would get in.
      const url = new URL(issuer);
      const shared = url.pathname.split('/')[1]?.toLowerCase() ?? '';
      if (['login.microsoftonline.com', new URL(authorities.microsoft).host].includes(url.host) && sharedTenants.includes(shared)) {
        throw new SsoSetProblem(
          `--issuer must not be Microsoft’s shared "${shared}" endpoint: it would let people from any organisation sign in. Use --provider microsoft --tenant with your school’s tenant ID`,
        );
      }
      return { provider: 'oidc', issuer, tenant: null, domain: null, clientId };
    }
  }
}

/** The words on the sign-in page's button. */
export function buttonText(provider: SsoProvider): string {
  switch (provider) {
    case 'microsoft':
      return 'Sign in with Microsoft';
    case 'google':
      return 'Sign in with Google';
    case 'oidc':
      return 'Sign in with your school account';
  }
}

export type IdentityRefusal = 'other-domain' | 'unverified-email' | 'no-email' | 'guest';

/**
 * The e-mail address the ID token vouches for, used only for the first sign-in's link; or why the
 * token does not describe someone of this school. Google: the Workspace domain (`hd`) must be the
 * school's (a personal account has none) and the address verified. Microsoft: the tenant is
 * already pinned by the issuer, and the address is the account's sign-in name, which the tenant's
 * administrators give (the `email` claim can be typed by the user). Others: a verified `email`.
 */
export function identityFromClaims(
  setting: { provider: SsoProvider; domain: string | null },
  claims: Record<string, unknown>,
): { email: string } | { refused: IdentityRefusal } {
  const text = (name: string) => {
    const value = claims[name];
    return typeof value === 'string' ? value.trim() : '';
  };
  if (setting.provider === 'google') {
    if (!setting.domain || text('hd').toLowerCase() !== setting.domain) return { refused: 'other-domain' };
    if (claims.email_verified !== true) return { refused: 'unverified-email' };
    return text('email') ? { email: text('email') } : { refused: 'no-email' };
  }
  if (setting.provider === 'microsoft') {
    const name = text('preferred_username');
    return /^[^\s@]+@[^\s@]+$/.test(name) ? { email: name } : { refused: 'no-email' };
  }
  if (claims.email_verified !== true) return { refused: 'unverified-email' };
  return text('email') ? { email: text('email') } : { refused: 'no-email' };
}

/**
 * Whether a Microsoft ID token is a member of the school's own tenant, checked on every sign-in:
 * its `tid` must be the school's tenant, and a guest (an account of another organisation or a
 * personal one, invited into the tenant) carries an `idp` other than the issuer. A guest's
 * `preferred_username` is whatever their home organisation says, so it must never link by e-mail.
 */
export function microsoftAccountProblem(setting: { tenant: string | null }, claims: Record<string, unknown>): IdentityRefusal | null {
  const tid = typeof claims.tid === 'string' ? claims.tid.trim().toLowerCase() : '';
  if (!setting.tenant || tid !== setting.tenant) return 'other-domain';
  if (claims.idp !== undefined && claims.idp !== claims.iss) return 'guest';
  return null;
}

/** Google, on every sign-in: the school's Workspace domain (`hd`) and a verified address, as at the first link. */
export function googleAccountProblem(setting: { domain: string | null }, claims: Record<string, unknown>): IdentityRefusal | null {
  const hd = typeof claims.hd === 'string' ? claims.hd.trim().toLowerCase() : '';
  if (!setting.domain || hd !== setting.domain) return 'other-domain';
  if (claims.email_verified !== true) return 'unverified-email';
  return null;
}
