import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import { isFullySignedIn } from '../auth/actor.ts';
import { randomUUID } from 'node:crypto';
import { cachedActor } from '../auth/actor-cache.ts';
import { actorForToken, sessionActor } from '../auth/auth.repository.ts';
import { isAllowed, isRoutePermission, type RoutePermission } from '../auth/permissions.ts';
import { tokenHash } from '../auth/secrets.ts';
import { scopeAllows, scopeRefusal } from '../auth/token-scopes.ts';
import type { DB } from '../db/schema.ts';
import { Forbidden, Unauthorised } from './errors.ts';
import { isApiRequest } from './request-context.ts';

export const sessionCookie = 'esafety_session';

export interface RegisteredRoute {
  method: string;
  url: string;
  permission: RoutePermission;
}

export function sessionCookieOptions(config: Config) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: config.secureCookies, maxAge: 7 * 86400 };
}

/**
 * Finds who is asking (session cookie for pages, bearer token for the API) and enforces each
 * route's declared permission. A route that declares nothing stops the app from starting.
 */
export function registerSecurity(app: FastifyInstance, db: Kysely<DB>, routes: RegisteredRoute[]): void {
  app.decorateRequest('actor', null);
  // Cache keys of this app alone (tests run several apps, some on copies of one database).
  const cacheScope = randomUUID();

  app.addHook('onRoute', (route) => {
    const url = route.url ?? route.path;
    // Static assets carry no school data.
    if (url.startsWith('/assets/')) route.config = { ...route.config, permission: 'public' };
    const permission = route.config?.permission;
    if (!isRoutePermission(permission)) {
      throw new Error(`Route ${String(route.method)} ${url} does not declare a permission (config.permission)`);
    }
    for (const method of [route.method].flat()) routes.push({ method, url, permission });
  });

  app.addHook('onRequest', async (request, reply) => {
    const permission = request.routeOptions.config.permission;
    if (permission === undefined) return; // 404s: the not-found handler answers.
    // Stylesheets and scripts need nobody's identity: no session lookup for them.
    if (request.url.startsWith('/assets/')) return;
    request.actor = await identify(request, db, cacheScope);
    const redirect = enforce(request, permission);
    if (redirect) return reply.redirect(redirect, 303);
  });

  // Pages and API answers carry children's and staff's details (a carer's consent page too, with
  // no one signed in): no browser, proxy or shared computer may keep a copy. Only the static
  // assets, which carry no school data, are cached.
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/assets/')) return;
    if (!String(reply.getHeader('cache-control') ?? '').includes('no-store')) reply.header('cache-control', 'no-store');
  });
}

/** Who is asking: one query, or none when the same session or token asked within the last few seconds (actor-cache.ts). */
async function identify(request: FastifyRequest, db: Kysely<DB>, cacheScope: string) {
  const header = request.headers.authorization;
  // The API answers tokens only: a browser's session cookie never acts there, so no form on another
  // site can use it (defence in depth beside SameSite cookies and CSRF tokens on the pages).
  if (isApiRequest(request)) {
    if (!header?.startsWith('Bearer ')) return null;
    const hash = tokenHash(header.slice(7).trim());
    return cachedActor(`${cacheScope}:token:${hash}`, async () => ({ actor: await actorForToken(db, hash), validUntil: Infinity }));
  }
  // And a token never acts on the pages: a request to a page that carries one is nobody's, so a
  // leaked API token cannot open the HTML side (no two-factor there, no CSRF-protected session).
  if (header !== undefined && /^bearer\b/i.test(header)) return null;
  const cookie = request.cookies[sessionCookie];
  if (!cookie) return null;
  const hash = tokenHash(cookie);
  return cachedActor(`${cacheScope}:session:${hash}`, () => sessionActor(db, hash));
}

/** Throws when the person may not use the route; returns where to send them to finish signing in. */
function enforce(request: FastifyRequest, permission: RoutePermission): string | null {
  if (permission === 'public') return null;
  const actor = request.actor;
  if (!actor) {
    if (isApiRequest(request)) throw new Unauthorised('Send a valid API token as "Authorization: Bearer TOKEN"');
    const next = request.method === 'GET' ? `?next=${encodeURIComponent(request.url)}` : '';
    return `/sign-in${next}`;
  }
  if (!isFullySignedIn(actor) && !request.routeOptions.config.duringTwoFactor) {
    if (isApiRequest(request)) throw new Unauthorised('Finish signing in with two-factor authentication first');
    if (actor.twoFactor === 'needs-setup') return '/account/two-factor/set-up';
    // Keep where they were going (an e-mailed link), to go on there after the code.
    return request.method === 'GET' && request.url !== '/dashboard' ? `/sign-in/two-factor?next=${encodeURIComponent(request.url)}` : '/sign-in/two-factor';
  }
  // A scoped token (the filter's, the monitoring product's) reaches its one route and nothing else.
  const scope = actor.tokenScope ?? 'full';
  if (scope !== 'full' && !scopeAllows(scope, request.method, request.routeOptions.url ?? '')) throw new Forbidden(scopeRefusal(scope));
  if (permission !== 'signed-in' && !isAllowed(actor.roles, permission)) throw new Forbidden();
  return null;
}
