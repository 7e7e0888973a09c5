import { describe, expect, it } from 'vitest';
import { checkDecision, entriesInForce, expiryFor, formatList, normaliseDomain, piholeEntries } from './filtering.rules.ts';

describe('a site’s name is normalised, or refused with the reason', () => {
  it.each([
    ['example.org', 'example.org'],
    ['  Example.ORG. ', 'example.org'],
    ['*.example.org', 'example.org'],
    ['www.bbc.co.uk', 'www.bbc.co.uk'],
    ['bücher.example', 'xn--bcher-kva.example'],
    ['ДЕТИ.рф', 'xn--d1acj3b.xn--p1ai'],
  ])('%s → %s', (input, ascii) => {
    const result = normaliseDomain(input);
    expect(result).toMatchObject({ ok: true, domain: { ascii } });
  });

  it.each([
    ['', /Enter the site’s name/],
    ['https://example.org', /without http/],
    ['example.org/videos', /without a page or path/],
    ['example.org:8080', /without a port/],
    ['ex*ample.org', /wildcard may only/],
    ['*example.org', /wildcard may only/],
    ['a.*.example.org', /wildcard may only/],
    ['192.168.1.1', /not an IP address/],
    ['localhost', /whole name/],
    ['exa mple.org', /no spaces/],
    ['-bad.example.org', /not a site’s name/],
    ['user@example.org', /e-mail/],
    [`${'a'.repeat(64)}.org`, /not a site’s name/],
  ])('refuses %j', (input, reason) => {
    const result = normaliseDomain(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});

describe('time-limited decisions end when they should', () => {
  // 10:00 in London on a Wednesday in winter (UTC) and in summer (BST).
  const winter = new Date('2026-12-02T10:00:00Z');
  const summer = new Date('2026-06-10T09:00:00Z');
  it.each([
    ['lesson', winter, null, '2026-12-02T12:00:00.000Z'],
    ['day', winter, null, '2026-12-03T00:00:00.000Z'],
    ['day', summer, null, '2026-06-10T23:00:00.000Z'],
    ['week', winter, null, '2026-12-07T00:00:00.000Z'],
    ['term', winter, '2026-12-18', '2026-12-19T00:00:00.000Z'],
    ['term', winter, null, '2026-12-07T00:00:00.000Z'],
  ] as const)('%s from %s (term ends %s) → %s', (duration, from, termEnd, expected) => {
    expect(expiryFor(duration, from, termEnd)?.toISOString()).toBe(expected);
  });
  it('a permanent decision never lapses', () => expect(expiryFor('permanent', winter, null)).toBeNull());
});

describe('who may recommend and decide (004 §8.4–8.5)', () => {
  const base = { note: 'Needed for the Romans topic', deciders: ['headteacher'] as const };
  it.each([
    ['ICT lead recommends', { decision: 'recommend-approve', status: 'with-ict-lead', actorRoles: ['ict-lead'] }, { ok: true, status: 'with-decider' }],
    ['a teacher cannot recommend', { decision: 'recommend-approve', status: 'with-ict-lead', actorRoles: ['teacher'] }, { ok: false, refusal: 'forbidden' }],
    ['the head waits for the ICT lead', { decision: 'approved', status: 'with-ict-lead', actorRoles: ['headteacher'] }, { ok: false, refusal: 'conflict' }],
    ['the head approves', { decision: 'approved', status: 'with-decider', actorRoles: ['headteacher'] }, { ok: true, status: 'approved' }],
    ['the ICT lead cannot approve', { decision: 'approved', status: 'with-decider', actorRoles: ['ict-lead'] }, { ok: false, refusal: 'forbidden' }],
    ['the head confirms an urgent block', { decision: 'approved', status: 'applied-urgently', actorRoles: ['headteacher'] }, { ok: true, status: 'approved' }],
    ['decided once only', { decision: 'refused', status: 'approved', actorRoles: ['headteacher'] }, { ok: false, refusal: 'conflict' }],
    ['a refusal says why', { decision: 'refused', status: 'with-decider', actorRoles: ['headteacher'], note: ' ' }, { ok: false, refusal: 'note' }],
  ] as const)('%s', (_name, input, expected) => {
    expect(checkDecision({ ...base, ...input })).toMatchObject(expected);
  });
});

describe('the lists, in the formats filters load', () => {
  const at = new Date('2026-12-01T10:00:00Z');
  const rows = [
    { id: 'a', domain: 'example.org', status: 'approved' as const, in_force_from: at, expires_at: null },
    { id: 'b', domain: 'gone.example', status: 'approved' as const, in_force_from: at, expires_at: new Date('2026-12-01T09:00:00Z') },
    { id: 'c', domain: 'refused.example', status: 'refused' as const, in_force_from: null, expires_at: null },
    { id: 'd', domain: 'urgent.example', status: 'applied-urgently' as const, in_force_from: at, expires_at: null },
  ];
  const entries = entriesInForce(rows, new Date('2026-12-01T11:00:00Z'));
  it('holds what is in force only', () => expect(entries.map((e) => e.domain)).toEqual(['example.org', 'urgent.example']));
  it('writes each format', () => {
    const meta = { school: 'Trent CE Primary', at };
    expect(formatList('squidguard', 'block', entries, meta).split('\n')).toContain('example.org');
    expect(formatList('e2guardian', 'block', entries, meta).split('\n')).toContain('example.org');
    expect(formatList('hosts', 'block', entries, meta).split('\n')).toContain('0.0.0.0 example.org');
    const rpz = formatList('rpz', 'block', entries, meta).split('\n');
    expect(rpz).toEqual(expect.arrayContaining(['example.org CNAME .', '*.example.org CNAME .']));
    expect(formatList('rpz', 'allow', entries, meta).split('\n')).toContain('example.org CNAME rpz-passthru.');
    expect(piholeEntries('block', entries)[0]).toEqual({
      domain: '(\\.|^)example\\.org$',
      type: 'deny',
      kind: 'regex',
      comment: 'eSafety Office',
      enabled: true,
    });
  });
});
