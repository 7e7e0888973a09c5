import type { FastifyRequest } from 'fastify';

/** Paths whose query string holds one-use secrets (a provider's `code` and `state`): never written to the log. */
const secretQueryPaths = ['/auth/oidc/callback'];

/** The URL as the request log writes it: without the query string where it carries secrets. */
export function loggedUrl(url: string): string {
  const at = url.indexOf('?');
  const path = at === -1 ? url : url.slice(0, at);
  return at !== -1 && secretQueryPaths.includes(path) ? `${path}?…` : url;
}

/** Fastify's request serializer (method, url, host, address, port), with the URL as loggedUrl gives it. */
export function serializeRequest(request: FastifyRequest) {
  return {
    method: request.method,
    url: loggedUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}
