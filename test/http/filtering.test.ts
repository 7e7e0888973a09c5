import { createServer, type IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withSchool } from '../../src/platform/db/school-scope.ts';
import { addApiToken } from '../../src/modules/school/school.service.ts';
import { saveSettings, currentSettings } from '../../src/modules/settings/settings.service.ts';
import { createFilteringService } from '../../src/modules/filtering/filtering.service.ts';
import { schoolDatabase } from '../../src/platform/db/school-database.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { makeSchool, makeStaff } from '../helpers/factories.ts';
import { e2guardianBlocks, lookUp, skipWithout, squidGuardBlocks, startDnsmasq, startUnbound } from '../helpers/filters.ts';

const slow = 300_000;

describe('web filtering: requests, decisions and the lists the filter loads (FLT-1…3)', () => {
  let t: TestApp;
  let schoolId: string;
  const tokens = { teacher: '', ict: '', head: '', deputy: '', exporter: '' };
  const api = (method: 'GET' | 'POST', url: string, token: string, payload?: object) =>
    t.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });
  const ask = (body: object, token = tokens.teacher) => api('POST', '/api/v1/filter-requests', token, body);
  const decide = (id: string, decision: string, token: string, note = '') => api('POST', `/api/v1/filter-requests/${id}/decision`, token, { decision, note });
  const list = async (format: string, which: 'block' | 'allow' = 'block') => {
    const response = await api('GET', `/api/v1/filter-lists/${format}?list=${which}`, tokens.exporter);
    expect(response.statusCode, response.body).toBe(200);
    return response.body;
  };
  /** Asked by the teacher, recommended by the ICT lead, approved by the head. */
  const approved = async (kind: 'block' | 'unblock', domain: string, duration = 'permanent') => {
    const { id } = (await ask({ kind, domain, reason: 'Needed', duration })).json<{ id: string }>();
    expect((await decide(id, 'recommend-approve', tokens.ict)).json()).toEqual({ status: 'with-decider' });
    expect((await decide(id, 'approved', tokens.head, 'Agreed')).json()).toEqual({ status: 'approved' });
    return id;
  };

  beforeAll(async () => {
    t = await createTestApp('pglite');
    schoolId = (await makeSchool(t.database.db, { name: 'Trent CE Primary' })).id;
    const token = async (roles: Parameters<typeof makeStaff>[2], scope: 'full' | 'filter-export' = 'full') => {
      const staff = await makeStaff(t.database.db, schoolId, roles);
      return withSchool(t.database.db, schoolId, (tx) => addApiToken(tx, schoolId, { id: null, label: 'test' }, staff.email, scope));
    };
    tokens.teacher = await token(['teacher']);
    tokens.ict = await token(['ict-lead']);
    tokens.head = await token(['headteacher']);
    tokens.deputy = await token(['deputy-headteacher']);
    tokens.exporter = await token(['ict-lead'], 'filter-export');
  }, slow);
  afterAll(() => t?.close());

  it('takes a request (201, with the ICT lead) and refuses a malformed domain with 422 naming the field', async () => {
    const response = await ask({ kind: 'unblock', domain: 'www.Romans-Museum.test', reason: 'Romans topic, Year 4', duration: 'lesson' });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toEqual({ id: expect.any(String), status: 'with-ict-lead' });
    for (const domain of ['https://example.org', 'example.org/videos', 'example.org:8080', 'ex*ample.org', '10.0.0.1', 'nodot']) {
      const bad = await ask({ kind: 'block', domain, reason: 'Seen in class', duration: 'permanent' });
      expect(bad.statusCode, domain).toBe(422);
      expect(bad.json(), domain).toMatchObject({ error: 'invalid', field: 'domain' });
    }
    const idn = await ask({ kind: 'block', domain: 'bücher.test', reason: 'Seen in class', duration: 'permanent' });
    const row = await t.database.db
      .selectFrom('filter_requests')
      .select(['domain', 'display_domain'])
      .where('id', '=', idn.json<{ id: string }>().id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ domain: 'xn--bcher-kva.test', display_domain: 'bücher.test' });
    expect((await ask({ kind: 'block', domain: 'x.test', reason: 'r', duration: 'forever' })).json()).toMatchObject({ field: 'duration' });
  });

  it('the ICT lead recommends, only the deciding role decides (403 for anyone else), each step once', async () => {
    const { id } = (await ask({ kind: 'unblock', domain: 'teach.video.test', reason: 'Science clip', duration: 'permanent' })).json<{ id: string }>();
    expect((await decide(id, 'approved', tokens.head, 'ok')).statusCode).toBe(409);
    expect((await decide(id, 'recommend-approve', tokens.teacher)).statusCode).toBe(403);
    expect((await decide(id, 'recommend-approve', tokens.head)).statusCode).toBe(403);
    const recommended = await decide(id, 'recommend-approve', tokens.ict, 'Checked: an educational channel');
    expect(recommended.statusCode).toBe(200);
    expect(recommended.json()).toEqual({ status: 'with-decider' });
    expect((await decide(id, 'approved', tokens.ict)).statusCode).toBe(403);
    expect((await decide(id, 'approved', tokens.teacher)).statusCode).toBe(403);
    expect((await decide(id, 'approved', tokens.deputy)).statusCode).toBe(403);
    expect((await decide(id, 'refused', tokens.head)).json()).toMatchObject({ field: 'note' });
    const done = await decide(id, 'approved', tokens.head, 'Yes, for science');
    expect(done.statusCode).toBe(200);
    expect(done.json()).toEqual({ status: 'approved' });
    expect((await decide(id, 'refused', tokens.head, 'changed my mind')).statusCode).toBe(409);
    const steps = await t.database.db.selectFrom('filter_request_steps').select(['step', 'note']).where('request_id', '=', id).orderBy('at').execute();
    expect(steps.map((s) => s.step)).toEqual(['requested', 'recommend-approve', 'approved']);
    // The requester is told, without the details.
    const mail = await t.database.db.selectFrom('outbox').select(['subject']).where('subject', '=', 'Your website request has been decided').execute();
    expect(mail.length).toBeGreaterThan(0);
  });

  it('the settings name who decides an unblock request (decisions.unblock)', async () => {
    await withSchool(t.database.db, schoolId, async (tx) => {
      const { settings } = await currentSettings(tx, schoolId);
      await saveSettings(tx, schoolId, { id: null, label: 'test' }, { ...settings, decisions: { ...settings.decisions, unblock: ['deputy-headteacher'] } });
    });
    const { id } = (await ask({ kind: 'unblock', domain: 'maps.test', reason: 'Geography', duration: 'day' })).json<{ id: string }>();
    await decide(id, 'recommend-approve', tokens.ict);
    expect((await decide(id, 'approved', tokens.head, 'ok')).statusCode).toBe(403);
    expect((await decide(id, 'approved', tokens.deputy, 'ok')).json()).toEqual({ status: 'approved' });
    // A block request is still the head's (decisions.blockedContentRequests).
    const block = (await ask({ kind: 'block', domain: 'games.test', reason: 'Pupils playing games', duration: 'permanent' })).json<{ id: string }>();
    await decide(block.id, 'recommend-approve', tokens.ict);
    expect((await decide(block.id, 'approved', tokens.deputy, 'ok')).statusCode).toBe(403);
    await withSchool(t.database.db, schoolId, async (tx) => {
      const { settings } = await currentSettings(tx, schoolId);
      await saveSettings(tx, schoolId, { id: null, label: 'test' }, { ...settings, decisions: { ...settings.decisions, unblock: ['headteacher'] } });
    });
  });

  it('exports an approved block in every format, as the contract says', async () => {
    await approved('block', 'example.org');
    expect((await list('squidguard')).split('\n')).toContain('example.org');
    expect((await list('e2guardian')).split('\n')).toContain('example.org');
    expect((await list('hosts')).split('\n')).toContain('0.0.0.0 example.org');
    expect((await list('rpz')).split('\n')).toEqual(expect.arrayContaining(['example.org CNAME .', '*.example.org CNAME .']));
    expect((await list('rpz', 'allow')).split('\n')).toContain('teach.video.test CNAME rpz-passthru.');
    expect(JSON.parse(await list('pihole'))).toMatchObject({
      domains: expect.arrayContaining([{ domain: '(\\.|^)example\\.org$', type: 'deny', kind: 'regex', comment: 'eSafety Office', enabled: true }]),
    });
    // What was refused or is still waiting is never exported.
    expect(await list('squidguard')).not.toContain('games.test');
    expect(await list('squidguard')).not.toContain('bücher');
  });

  it('a filter-export token reads the lists and nothing else', async () => {
    expect((await api('GET', '/api/v1/pupils', tokens.exporter)).statusCode).toBe(403);
    expect((await ask({ kind: 'block', domain: 'x.test', reason: 'r', duration: 'day' }, tokens.exporter)).statusCode).toBe(403);
    expect((await api('GET', '/api/v1/filter-lists/rpz', tokens.teacher)).statusCode).toBe(403);
    expect((await api('GET', '/api/v1/filter-lists/nonsense', tokens.exporter)).statusCode).toBe(404);
  });

  it('a lesson’s opening lapses by itself: the job marks it expired and the lists leave it out', async () => {
    const id = await approved('unblock', 'lesson.test', 'lesson');
    expect(await list('rpz', 'allow')).toContain('lesson.test CNAME rpz-passthru.');
    const service = createFilteringService(schoolDatabase(t.database.db), t.config);
    expect(await service.expireLapsed(new Date(Date.now() + 3 * 3600_000))).toBeGreaterThan(0);
    expect(await list('rpz', 'allow')).not.toContain('lesson.test');
    expect((await t.database.db.selectFrom('filter_requests').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status).toBe('expired');
  });

  it('an urgent block is in force at once and the head confirms it afterwards', async () => {
    const { id } = (await ask({ kind: 'block', domain: 'harm.test', reason: 'Self-harm content seen in Year 6', duration: 'permanent' })).json<{
      id: string;
    }>();
    const service = createFilteringService(schoolDatabase(t.database.db), t.config);
    const ict = await t.database.db
      .selectFrom('staff_roles')
      .select('staff_id')
      .where('role', '=', 'ict-lead')
      .where('school_id', '=', schoolId)
      .executeTakeFirstOrThrow();
    const actor = {
      staffId: ict.staff_id,
      schoolId,
      schoolName: 'Trent CE Primary',
      schoolUrn: '1',
      name: 'ICT',
      email: '',
      roles: ['ict-lead' as const],
      via: 'session' as const,
      sessionHash: null,
      twoFactor: 'done' as const,
    };
    await service.blockNow(actor, id, 'Harmful content');
    expect(await list('squidguard')).toContain('harm.test');
    expect((await decide(id, 'approved', tokens.head, 'Confirmed')).json()).toEqual({ status: 'approved' });
    expect(await list('squidguard')).toContain('harm.test');
  });

  describe.skipIf(skipWithout('unbound'))('unbound loads the RPZ', () => {
    it('answers NXDOMAIN for a blocked domain and every name under it; an opened name under it resolves', async () => {
      await approved('block', 'video.test');
      const dns = await startUnbound(
        { block: await list('rpz'), allow: await list('rpz', 'allow') },
        {
          'video.test': '192.0.2.10',
          'www.video.test': '192.0.2.11',
          'teach.video.test': '192.0.2.12',
          'other.test': '192.0.2.13',
        },
      );
      try {
        expect(await lookUp(dns.port, 'video.test')).toBe('ENOTFOUND');
        expect(await lookUp(dns.port, 'www.video.test')).toBe('ENOTFOUND');
        expect(await lookUp(dns.port, 'teach.video.test')).toEqual(['192.0.2.12']);
        expect(await lookUp(dns.port, 'other.test')).toEqual(['192.0.2.13']);
      } finally {
        await dns.stop();
      }
    }, 60_000);
  });

  describe.skipIf(skipWithout('dnsmasq'))('dnsmasq loads the hosts file', () => {
    it('answers 0.0.0.0 for a blocked domain', async () => {
      const dns = await startDnsmasq(await list('hosts'));
      try {
        expect(await lookUp(dns.port, 'example.org')).toEqual(['0.0.0.0']);
        expect(await lookUp(dns.port, 'video.test')).toEqual(['0.0.0.0']);
        expect(await lookUp(dns.port, 'teach.video.test')).not.toEqual(['0.0.0.0']);
      } finally {
        await dns.stop();
      }
    }, 60_000);
  });

  describe.skipIf(skipWithout('squidGuard'))('squidGuard loads the domain list', () => {
    it('builds its database from it and redirects a blocked domain and the names under it', async () => {
      const { blocked } = await squidGuardBlocks(await list('squidguard'), ['http://example.org/', 'http://www.example.org/page', 'http://other.test/']);
      expect(blocked).toEqual(['http://example.org/', 'http://www.example.org/page']);
    }, 60_000);
  });

  describe.skipIf(skipWithout('e2guardian'))('e2guardian loads the site lists', () => {
    it('shows its block page for a blocked site, and lets an opened name under it through', async () => {
      const blocked = await e2guardianBlocks({ block: await list('e2guardian'), allow: await list('e2guardian', 'allow') }, [
        'www.example.org',
        'www.video.test',
        'teach.video.test',
        'other.test',
      ]);
      expect(blocked).toEqual(['www.example.org', 'www.video.test']);
    }, 90_000);
  });

  describe('Pi-hole v6: pushed when PIHOLE_URL and an app password are set', () => {
    it('signs in, adds what is missing, removes what it added that no longer holds, leaves other entries alone, signs out', async () => {
      const seen: { method: string; url: string; sid: string | undefined; body: unknown }[] = [];
      const held = [
        { domain: '(\\.|^)old\\.test$', type: 'deny', kind: 'regex', comment: 'eSafety Office' },
        { domain: 'ads.test', type: 'deny', kind: 'exact', comment: 'added by hand' },
      ];
      const readBody = async (req: IncomingMessage) => {
        let text = '';
        for await (const chunk of req) text += String(chunk);
        return text ? (JSON.parse(text) as unknown) : undefined;
      };
      const server = createServer((req, res) => {
        void (async () => {
          const body = await readBody(req);
          const sid = req.headers['x-ftl-sid'] as string | undefined;
          seen.push({ method: req.method!, url: req.url!, sid, body });
          const json = (status: number, value: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
          if (req.method === 'POST' && req.url === '/api/auth') {
            return (body as { password?: string }).password === 'app-password'
              ? json(200, { session: { valid: true, sid: 'sid-1', validity: 300 } })
              : json(401, { error: { key: 'unauthorized' } });
          }
          if (sid !== 'sid-1') return json(401, { error: { key: 'unauthorized' } });
          if (req.method === 'GET' && req.url === '/api/domains') return json(200, { domains: held });
          if (req.method === 'POST' && /^\/api\/domains\/(allow|deny)\/(exact|regex)$/.test(req.url!)) return json(201, { domains: [] });
          if (req.method === 'DELETE' && req.url!.startsWith('/api/domains/')) return res.writeHead(204).end();
          if (req.method === 'DELETE' && req.url === '/api/auth') return res.writeHead(204).end();
          return json(404, { error: { key: 'not_found' } });
        })();
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as { port: number };
      try {
        const service = createFilteringService(schoolDatabase(t.database.db), {
          ...t.config,
          pihole: { url: `http://127.0.0.1:${port}`, password: 'app-password', schoolUrn: null },
        });
        const school = await t.database.db.selectFrom('schools').select(['id', 'name', 'urn']).where('id', '=', schoolId).executeTakeFirstOrThrow();
        await service.syncPihole(school);
        expect(seen[0]).toMatchObject({ method: 'POST', url: '/api/auth', body: { password: 'app-password' } });
        expect(seen.slice(1).every((r) => r.sid === 'sid-1')).toBe(true);
        const added = seen.filter((r) => r.method === 'POST' && r.url.startsWith('/api/domains/'));
        expect(added).toEqual(
          expect.arrayContaining([
            expect.objectContaining({ url: '/api/domains/deny/regex', body: { domain: '(\\.|^)example\\.org$', comment: 'eSafety Office', enabled: true } }),
            expect.objectContaining({
              url: '/api/domains/allow/regex',
              body: { domain: '(\\.|^)teach\\.video\\.test$', comment: 'eSafety Office', enabled: true },
            }),
          ]),
        );
        const removed = seen.filter((r) => r.method === 'DELETE' && r.url.startsWith('/api/domains/'));
        expect(removed.map((r) => decodeURIComponent(r.url))).toEqual(['/api/domains/deny/regex/(\\.|^)old\\.test$']);
        expect(seen.at(-1)).toMatchObject({ method: 'DELETE', url: '/api/auth' });
        const audit = await t.database.db.selectFrom('audit_log').select(['action']).where('action', 'like', 'filtering.pihole%').execute();
        expect(audit.map((a) => a.action)).toContain('filtering.pihole-updated');
        // A wrong password is recorded as a failure, not a success.
        const wrong = createFilteringService(schoolDatabase(t.database.db), {
          ...t.config,
          pihole: { url: `http://127.0.0.1:${port}`, password: 'nope', schoolUrn: null },
        });
        await wrong.syncPihole(school);
        const after = await t.database.db.selectFrom('audit_log').select(['action']).where('action', '=', 'filtering.pihole-failed').execute();
        expect(after).toHaveLength(1);
      } finally {
        server.close();
      }
    });
  });
});
