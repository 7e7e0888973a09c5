import { piholeComment, type PiholeEntry } from './filtering.rules.ts';

/**
 * Keeps a Pi-hole v6 in step with the school's lists through its own API: sign in with the app
 * password (POST /api/auth → a session id), read its domain lists (GET /api/domains), add what is
 * missing (POST /api/domains/{type}/{kind}), remove what this app added earlier and no longer
 * decides (DELETE /api/domains/{type}/{kind}/{domain}), sign out (DELETE /api/auth). Entries other
 * people added by hand are never touched: only those with this app's comment are ours.
 */
export interface PiholeTarget {
  url: string;
  password: string;
}

export interface PushResult {
  added: number;
  removed: number;
}

export class PiholeError extends Error {}

const timeoutMs = 10_000;

async function call(target: PiholeTarget, method: string, path: string, sid: string | null, body?: unknown): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(`${target.url}${path}`, {
      method,
      headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(sid ? { 'X-FTL-SID': sid } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new PiholeError(`The Pi-hole at ${target.url} could not be reached: ${(error as Error).message}`);
  }
  if (!response.ok) {
    const text = await response.text().catch(() => '');
    throw new PiholeError(`The Pi-hole answered ${method} ${path} with ${response.status}${text ? `: ${text.slice(0, 200)}` : ''}`);
  }
  return response;
}

const key = (e: { type: string; kind: string; domain: string }) => `${e.type}/${e.kind}/${e.domain}`;

export async function pushToPihole(target: PiholeTarget, desired: readonly PiholeEntry[]): Promise<PushResult> {
  const auth = (await (await call(target, 'POST', '/api/auth', null, { password: target.password })).json()) as {
    session?: { valid?: boolean; sid?: string | null };
  };
  const sid = auth.session?.valid ? auth.session.sid : null;
  if (!sid) throw new PiholeError('The Pi-hole refused the app password (PIHOLE_PASSWORD)');
  try {
    const listed = (await (await call(target, 'GET', '/api/domains', sid)).json()) as {
      domains?: { domain: string; type: string; kind: string; comment: string | null }[];
    };
    const ours = (listed.domains ?? []).filter((d) => d.comment === piholeComment);
    const have = new Set(ours.map(key));
    const want = new Set(desired.map(key));
    let added = 0;
    let removed = 0;
    for (const entry of desired) {
      if (have.has(key(entry))) continue;
      await call(target, 'POST', `/api/domains/${entry.type}/${entry.kind}`, sid, { domain: entry.domain, comment: entry.comment, enabled: entry.enabled });
      added++;
    }
    for (const entry of ours) {
      if (want.has(key(entry))) continue;
      await call(target, 'DELETE', `/api/domains/${entry.type}/${entry.kind}/${encodeURIComponent(entry.domain)}`, sid);
      removed++;
    }
    return { added, removed };
  } finally {
    await call(target, 'DELETE', '/api/auth', sid).catch(() => undefined);
  }
}
