/**
 * What an API token may reach. A `full` token acts with its holder's roles everywhere in the API;
 * a scoped one is for a machine that needs one thing: the network's filter fetching its lists
 * (`filter-export`, GET only), the monitoring product posting alerts (`monitoring-alerts`). A scoped
 * token still needs its holder's roles for that route.
 */
export const tokenScopes = ['full', 'filter-export', 'monitoring-alerts'] as const;
export type TokenScope = (typeof tokenScopes)[number];

export const isTokenScope = (value: string): value is TokenScope => (tokenScopes as readonly string[]).includes(value);

const reach: Record<Exclude<TokenScope, 'full'>, { method: string; matches: (url: string) => boolean; what: string }> = {
  'filter-export': { method: 'GET', matches: (url) => url.startsWith('/api/v1/filter-lists/'), what: 'read the filter lists' },
  'monitoring-alerts': { method: 'POST', matches: (url) => url === '/api/v1/monitoring-alerts', what: 'send monitoring alerts' },
};

/** Whether a token of this scope may use the route (its pattern, like /api/v1/filter-lists/:format). */
export function scopeAllows(scope: TokenScope, method: string, routeUrl: string): boolean {
  if (scope === 'full') return true;
  const { method: allowed, matches } = reach[scope];
  return method === allowed && matches(routeUrl);
}

export const scopeRefusal = (scope: Exclude<TokenScope, 'full'>) => `This token may only ${reach[scope].what}`;
