import { domainToASCII, domainToUnicode } from 'node:url';
import type { Role } from '../../platform/auth/permissions.ts';
import type { FilterDuration, FilterRequestKind, FilterRequestStatus } from '../../platform/db/schema/filtering.ts';
import { londonDay } from '../../platform/text/dates.ts';
export { londonDay };

/** Pure decisions about web filtering (FLT-1…3): no I/O, table-tested in filtering.rules.test.ts. */

export type Domain = { ascii: string; display: string };
export type DomainResult = { ok: true; domain: Domain } | { ok: false; reason: string };

const label = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * A site's name as filters load it. Every filter here treats an entry as the domain and every name
 * under it, so `example.org` and `*.example.org` are the same entry; the wildcard may only be a
 * whole first label. Addresses, schemes, paths and ports are refused with the reason, never guessed.
 */
export function normaliseDomain(input: string): DomainResult {
  const text = input.trim().toLowerCase();
  if (!text) return { ok: false, reason: 'Enter the site’s name, like example.org' };
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(text))
    return { ok: false, reason: 'Enter the site’s name only, without http:// or https:// (for https://www.example.org/page, enter www.example.org)' };
  if (/[/?#]/.test(text))
    return { ok: false, reason: 'Enter the site’s name only, without a page or path after it (for example.org/videos, enter example.org)' };
  if (/\s/.test(text)) return { ok: false, reason: 'A site’s name has no spaces' };
  if (text.includes('@')) return { ok: false, reason: 'Enter a site’s name, not an e-mail address' };
  if (/:\d*$/.test(text) || text.includes(':')) return { ok: false, reason: 'Enter the site’s name without a port number (filters block the whole site)' };
  let name = text.endsWith('.') ? text.slice(0, -1) : text;
  if (name.startsWith('*.')) name = name.slice(2);
  if (name.includes('*'))
    return { ok: false, reason: 'A wildcard may only stand for everything under a site, written *.example.org; each entry already covers every name under it' };
  if (/^[\d.]+$/.test(name)) return { ok: false, reason: 'Enter the site’s name, not an IP address: filters here work on names' };
  const ascii = domainToASCII(name);
  if (!ascii) return { ok: false, reason: `“${input.trim()}” is not a site’s name that can be looked up` };
  const labels = ascii.split('.');
  if (labels.length < 2) return { ok: false, reason: 'Enter the whole name, with its ending, like example.org or example.co.uk' };
  if (ascii.length > 253 || !labels.every((l) => label.test(l)))
    return { ok: false, reason: `“${input.trim()}” is not a site’s name that can be looked up (letters, digits and hyphens between the dots)` };
  if (/^\d+$/.test(labels.at(-1)!)) return { ok: false, reason: 'Enter the site’s name, not an IP address: filters here work on names' };
  return { ok: true, domain: { ascii, display: domainToUnicode(ascii) || ascii } };
}

export const durationLabels: Record<FilterDuration, string> = {
  lesson: 'This lesson',
  day: 'Today',
  week: 'This week',
  term: 'This term',
  permanent: 'Permanently',
};

export const statusLabels: Record<FilterRequestStatus, string> = {
  'with-ict-lead': 'With the ICT lead',
  'with-decider': 'Waiting for the decision',
  'applied-urgently': 'Blocked at once, waiting for confirmation',
  approved: 'Approved',
  refused: 'Refused',
  expired: 'Expired',
};

/** A lesson is counted as two hours from the decision, long enough for a double lesson that starts soon after. */
export const lessonHours = 2;

/**
 * When an approved decision lapses (null: it does not). Days end at midnight in the school's own
 * time (Europe/London); a week ends on Sunday night; a term ends with the school's term that
 * contains the day of the decision (from its term dates), or, when it has none, at the end of the week.
 */
export function expiryFor(duration: FilterDuration, from: Date, termEndsOn: string | null): Date | null {
  switch (duration) {
    case 'permanent':
      return null;
    case 'lesson':
      return new Date(from.getTime() + lessonHours * 3600_000);
    case 'day':
      return endOfLondonDay(londonDay(from));
    case 'week': {
      const day = londonDay(from);
      const weekday = new Date(`${day}T12:00:00Z`).getUTCDay(); // 0 = Sunday
      return endOfLondonDay(addDays(day, (7 - weekday) % 7));
    }
    case 'term':
      return termEndsOn && termEndsOn >= londonDay(from) ? endOfLondonDay(termEndsOn) : expiryFor('week', from, null);
  }
}

function addDays(day: string, days: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The first moment of the next day in England, as an instant (the day's end, exclusive). */
function endOfLondonDay(day: string): Date {
  const next = addDays(day, 1);
  // Midnight in London is 00:00 UTC in winter and 23:00 UTC the day before in summer.
  for (const offset of [0, -1]) {
    const candidate = new Date(`${next}T00:00:00Z`);
    candidate.setUTCHours(candidate.getUTCHours() + offset);
    if (londonDay(candidate) === next && londonDay(new Date(candidate.getTime() - 1)) === day) return candidate;
  }
  return new Date(`${next}T00:00:00Z`);
}

export type DecisionWord = 'recommend-approve' | 'recommend-refuse' | 'approved' | 'refused';

export type DecisionCheck = { ok: true; status: FilterRequestStatus } | { ok: false; refusal: 'forbidden' | 'conflict' | 'note'; message: string };

/**
 * 004 §8.4–8.5: the ICT lead looks and recommends; whoever the settings name decides. An urgent
 * block is already in force and waits for the same people to confirm it (approve) or lift it (refuse).
 */
export function checkDecision(input: {
  decision: DecisionWord;
  status: FilterRequestStatus;
  note: string;
  actorRoles: readonly Role[];
  deciders: readonly Role[];
}): DecisionCheck {
  const { decision, status, actorRoles, deciders } = input;
  const note = input.note.trim();
  if (decision === 'recommend-approve' || decision === 'recommend-refuse') {
    if (!actorRoles.includes('ict-lead')) return { ok: false, refusal: 'forbidden', message: 'Only the ICT lead recommends' };
    if (status !== 'with-ict-lead') return { ok: false, refusal: 'conflict', message: 'The ICT lead has already looked at this request' };
    if (decision === 'recommend-refuse' && !note) return { ok: false, refusal: 'note', message: 'Say why you recommend refusing it' };
    return { ok: true, status: 'with-decider' };
  }
  if (!actorRoles.some((r) => deciders.includes(r)))
    return { ok: false, refusal: 'forbidden', message: 'Only the people your policy names decide these requests' };
  if (status === 'with-ict-lead') return { ok: false, refusal: 'conflict', message: 'The ICT lead has not looked at this request yet' };
  if (status !== 'with-decider' && status !== 'applied-urgently') return { ok: false, refusal: 'conflict', message: 'This request has already been decided' };
  if (decision === 'refused' && !note) return { ok: false, refusal: 'note', message: 'Say why it is refused: the person who asked is told' };
  return { ok: true, status: decision };
}

/** Who decides a request of this kind, from the school's settings. */
export function decidersFor(kind: FilterRequestKind, decisions: { unblock?: Role[]; blockedContentRequests: Role[] }): Role[] {
  // The blocked content access form (004 appendix 1) asks to open a site: `unblock`, defaulting to the same people.
  return kind === 'unblock' ? (decisions.unblock ?? decisions.blockedContentRequests) : decisions.blockedContentRequests;
}

/** An entry of a list a filter loads: the domain (punycode) and, for a comment, who asked and why. */
export interface ListEntry {
  domain: string;
  requestId: string;
  expiresAt: Date | null;
}

export const listFormats = ['squidguard', 'e2guardian', 'hosts', 'rpz', 'pihole'] as const;
export type ListFormat = (typeof listFormats)[number];
export type ListName = 'block' | 'allow';

/** Entries in force at `now`, one per domain, sorted by name. */
export function entriesInForce(
  rows: readonly { domain: string; id: string; status: FilterRequestStatus; in_force_from: Date | null; expires_at: Date | null }[],
  now: Date,
): ListEntry[] {
  const byDomain = new Map<string, ListEntry>();
  for (const r of rows) {
    if (r.status !== 'approved' && r.status !== 'applied-urgently') continue;
    if (!r.in_force_from || r.in_force_from > now) continue;
    if (r.expires_at && r.expires_at <= now) continue;
    const held = byDomain.get(r.domain);
    // The longest-lasting decision for a domain is the one that counts.
    if (!held || (held.expiresAt && (!r.expires_at || r.expires_at > held.expiresAt)))
      byDomain.set(r.domain, { domain: r.domain, requestId: r.id, expiresAt: r.expires_at });
  }
  return [...byDomain.values()].sort((a, b) => a.domain.localeCompare(b.domain));
}

/** Pi-hole matches a name and everything under it with this regular expression (its own "wildcard" form). */
export const piholePattern = (domain: string) => `(\\.|^)${domain.replaceAll('.', '\\.')}$`;

export interface PiholeEntry {
  domain: string;
  type: 'allow' | 'deny';
  kind: 'regex';
  comment: string;
  enabled: true;
}

export const piholeComment = 'eSafety Office';

export function piholeEntries(list: ListName, entries: readonly ListEntry[]): PiholeEntry[] {
  return entries.map((e) => ({
    domain: piholePattern(e.domain),
    type: list === 'block' ? 'deny' : 'allow',
    kind: 'regex',
    comment: piholeComment,
    enabled: true,
  }));
}

/** A list as text in the format a filter loads, with a comment header saying what it is and when it was made. */
export function formatList(format: Exclude<ListFormat, 'pihole'>, list: ListName, entries: readonly ListEntry[], meta: { school: string; at: Date }): string {
  const what = list === 'block' ? 'blocked' : 'allowed';
  const header = [`${meta.school}: sites ${what} by the school's decisions (eSafety Office)`, `Made ${meta.at.toISOString()}; ${entries.length} entries.`];
  switch (format) {
    case 'squidguard':
    case 'e2guardian':
      // Both read one domain per line and match it and every name under it.
      return [...header.map((h) => `# ${h}`), ...entries.map((e) => e.domain), ''].join('\n');
    case 'hosts':
      return [
        ...header.map((h) => `# ${h}`),
        ...(list === 'block'
          ? ['# A hosts file cannot hold wildcards: names under these domains are not blocked by it.', ...entries.map((e) => `0.0.0.0 ${e.domain}`)]
          : ['# A hosts file cannot allow a site; load the allow list in the filter itself.']),
        '',
      ].join('\n');
    case 'rpz': {
      // RFC-style response policy zone: CNAME . answers NXDOMAIN; rpz-passthru. lets the name through.
      const target = list === 'block' ? '.' : 'rpz-passthru.';
      const serial = Math.floor(meta.at.getTime() / 1000);
      return [
        ...header.map((h) => `; ${h}`),
        '$TTL 60',
        `@ IN SOA localhost. hostmaster.localhost. ${serial} 3600 600 86400 60`,
        '@ IN NS localhost.',
        ...entries.flatMap((e) => [`${e.domain} CNAME ${target}`, `*.${e.domain} CNAME ${target}`]),
        '',
      ].join('\n');
    }
  }
}
