import type { FastifyRequest } from 'fastify';
import type { Actor } from '../auth/actor.ts';
import type { RoutePermission } from '../auth/permissions.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in person or API token holder; null when nobody is signed in. */
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    /** What the route needs: every route must say (checked at start-up and by the route × role test). */
    permission?: RoutePermission;
    /** Routes a person may reach between password and two-factor code. */
    duringTwoFactor?: boolean;
  }
}

export const isApiRequest = (request: FastifyRequest): boolean => request.url.startsWith('/api/') || request.url === '/health';

/** The signed-in actor, for routes that declared a permission other than `public`. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new Error('actorOf() used on a route without a signed-in person');
  return request.actor;
}
