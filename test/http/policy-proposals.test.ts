import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withSchool } from '../../src/platform/db/school-scope.ts';
import { addApiToken } from '../../src/modules/school/school.service.ts';
import { importPolicyFile } from '../../src/modules/policies/policies.import.service.ts';
import { currentSettings } from '../../src/modules/settings/settings.service.ts';
import { createTestApp, TestBrowser, type TestApp } from '../helpers/app.ts';
import { makeConcernSchool, type ConcernSchool } from '../helpers/concerns.ts';
import { makeSchool, makeStaff } from '../helpers/factories.ts';

// A policy written for these tests (not a seed): web-page copy around it, paraphrased rules.
const birchHill = readFileSync(new URL('../fixtures/policies/proposals-birch-hill.md', import.meta.url));
const visible = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('settings proposed from a policy’s text, over the API and on the policy page (issue 19)', () => {
  let t: TestApp;
  let s: ConcernSchool;
  let policyId: string;
  let otherPolicyId: string;
  /** The school's settings version before any proposal is accepted (a new school already has one). */
  let startVersion: number;
  const settingsNow = () => withSchool(t.database.db, s.school.id, (tx) => currentSettings(tx, s.school.id));
  const tokens = new Map<string, string>();

  const api = (who: string, method: 'POST', url: string, payload?: unknown) =>
    t.app.inject({ method, url, payload: payload as object, headers: { authorization: `Bearer ${tokens.get(who)}` } });
  const proposals = (who = 'head', id = policyId) => api(who, 'POST', `/api/v1/policies/${id}/setting-proposals`);
  const accept = (settings: unknown, who = 'head') => api(who, 'POST', `/api/v1/policies/${policyId}/setting-proposals/accept`, { settings });
  const cyberBullying = () =>
    api('teacher', 'POST', '/api/v1/concerns', {
      type: 'cyber-bullying',
      summary: 'Name-calling in a game chat',
      details: 'Amelia says two boys call her names every evening.',
      occurredAt: '2026-11-20T18:30:00Z',
      location: 'out-of-school',
      pupilIds: [s.pupilId],
    });

  beforeAll(async () => {
    t = await createTestApp('pglite');
    s = await makeConcernSchool(t.database.db, 'Birch Hill Academy');
    for (const who of ['head', 'dsl', 'teacher'] as const)
      tokens.set(who, await withSchool(t.database.db, s.school.id, (tx) => addApiToken(tx, s.school.id, { id: null, label: 'test' }, s.staff[who].email)));
    const deps = { schools: t.database.schools, baseUrl: '', onMail: () => {} };
    policyId = (await importPolicyFile(deps, s.school.id, { id: s.staff.head.id, label: 'test' }, 'birch-hill.md', birchHill)).id;
    const other = await makeSchool(t.database.db, { name: 'Another Primary' });
    const otherHead = await makeStaff(t.database.db, other.id, ['headteacher']);
    otherPolicyId = (await importPolicyFile(deps, other.id, { id: otherHead.id, label: 'test' }, 'birch-hill.md', birchHill)).id;
    startVersion = (await settingsNow()).version;
  });
  afterAll(() => t.close());

  it('proposes what the text settles, each with its sentence and line, and lists the rules no setting holds; nothing is saved', async () => {
    const response = await proposals();
    expect(response.statusCode).toBe(200);
    const body = response.json<{
      proposals: { setting: string; value: unknown; quote: string; line: number }[];
      unrepresented: { quote: string; line: number }[];
    }>();
    expect(body.proposals).toContainEqual({
      setting: 'concerns.routes.cyber-bullying.notify',
      value: ['dsl'],
      quote: 'Any cyber bullying must be reported straight away to the Designated Safeguarding Lead.',
      line: 11,
    });
    expect(body.proposals).toContainEqual(expect.objectContaining({ setting: 'photos.prohibitedContexts', value: ['sports-day'], line: 21 }));
    expect(body.proposals).toContainEqual(expect.objectContaining({ setting: 'policyReview.intervalMonths', value: 24 }));
    const settings = body.proposals.map((p) => p.setting);
    // Not a consent setting, not an age limit, and "in the first instance" names no notify list.
    expect(settings).not.toContain('ageLimits.socialMediaMinimumAge');
    expect(settings).not.toContain('concerns.routes.staff-misuse.notify');
    expect(body.unrepresented).toContainEqual({ quote: 'Staff should not use personal phones to photograph pupils.', line: 13 });
    expect((await settingsNow()).version).toBe(startVersion);
  });

  it('is the headteacher’s: 403 to the DSL, 404 for another school’s policy or an id that is no policy', async () => {
    expect((await proposals('dsl')).statusCode).toBe(403);
    expect((await accept(['photos.prohibitedContexts'], 'dsl')).statusCode).toBe(403);
    expect((await proposals('head', otherPolicyId)).statusCode).toBe(404);
    expect((await proposals('head', 'not-a-policy')).statusCode).toBe(404);
    expect(
      (await api('head', 'POST', `/api/v1/policies/${otherPolicyId}/setting-proposals/accept`, { settings: ['photos.prohibitedContexts'] })).statusCode,
    ).toBe(404);
  });

  it('refuses with 422 naming it: a setting the product does not have, one the policy does not propose, a body without settings', async () => {
    const unknown = await accept(['photos.channels.social-media.naming']);
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json()).toMatchObject({ message: expect.stringContaining('photos.channels.social-media.naming') });
    const notProposed = await accept(['ageLimits.socialMediaMinimumAge']);
    expect(notProposed.statusCode).toBe(422);
    expect(notProposed.json()).toMatchObject({ message: expect.stringContaining('ageLimits.socialMediaMinimumAge is not proposed') });
    const noList = await api('head', 'POST', `/api/v1/policies/${policyId}/setting-proposals/accept`, { accept: ['photos.prohibitedContexts'] });
    expect(noList.statusCode).toBe(422);
    expect(noList.json()).toMatchObject({ message: expect.stringContaining('settings') });
    expect((await accept([])).statusCode).toBe(422);
    expect((await settingsNow()).version).toBe(startVersion);
  });

  it('accepting saves one settings version citing the policy and its clauses, audited; the route then sends concerns to the proposed role', async () => {
    const before = await cyberBullying();
    expect(before.json<{ routedTo: { userId: string }[] }>().routedTo.map((r) => r.userId)).toEqual([s.staff.classTeacher.id, s.staff.dsl.id]);

    const accepted = await accept(['concerns.routes.cyber-bullying.notify', 'photos.prohibitedContexts']);
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toEqual({ settingsVersion: startVersion + 1 });

    const { settings } = await settingsNow();
    expect(settings.concerns.routes.find((r) => r.type === 'cyber-bullying')?.notify).toEqual(['dsl']);
    expect(settings.photos.prohibitedContexts).toEqual(['sports-day']);
    expect(settings.photos.prohibitedWording?.['sports-day']).toBe('No photographs are taken at sports day.');

    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('school_id', '=', s.school.id)
      .where('action', '=', 'settings.changed')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.detail).toMatchObject({
      version: startVersion + 1,
      because: {
        policyId,
        policyVersion: 1,
        accepted: expect.arrayContaining([expect.objectContaining({ setting: 'concerns.routes.cyber-bullying.notify', line: 11 })]),
      },
    });

    const head = new TestBrowser(t.app);
    await head.signIn(s.staff.head);
    // The settings history says where the version came from.
    expect(visible((await head.get('/settings')).body)).toMatch(
      /photographs, concerns — accepted from “Online Safety and Social Media Policy[^”]*”, version 1, lines 11, 21/,
    );

    const after = await cyberBullying();
    expect(after.json<{ routedTo: { userId: string }[] }>().routedTo.map((r) => r.userId)).toEqual([s.staff.dsl.id]);
    const mail = await t.database.db.selectFrom('outbox').select('to_address').where('to_address', '=', s.staff.classTeacher.email).execute();
    expect(mail).toHaveLength(1);
  });

  it('the head sees “Settings this policy sets” on the policy page, accepts a ticked row without JavaScript, and sees the rules left on paper', async () => {
    const head = new TestBrowser(t.app);
    await head.signIn(s.staff.head);
    const page = await head.get(`/policies/${policyId}`);
    const text = visible(page.body);
    expect(text).toContain('Settings this policy sets');
    expect(text).toContain('Years before photographs are deleted : 1 year → 3 years');
    expect(text).toContain('Line 22: “Images of pupils are deleted after three years.”');
    expect(text).toContain('Rules this policy has that the product does not run');
    expect(text).toContain('Line 15: “Pupils should not visit sites unsuitable for primary-aged pupils.”');

    const none = await head.submit(`/policies/${policyId}`, `/policies/${policyId}/setting-proposals`, {});
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('Choose at least one proposed setting to accept');

    const done = await head.submit(`/policies/${policyId}`, `/policies/${policyId}/setting-proposals`, { accept: 'retention.deletePhotosAfterYears' });
    expect(done.statusCode).toBe(303);
    const { settings, version } = await settingsNow();
    expect(version).toBe(startVersion + 2);
    expect(settings.retention.deletePhotosAfterYears).toBe(3);

    // "Accept all" takes every proposal the product can hold (a setting it cannot hold yet is shown, not offered).
    const all = await head.submit(`/policies/${policyId}`, `/policies/${policyId}/setting-proposals`, { all: 'yes' });
    expect(all.statusCode).toBe(303);
    const afterAll = await settingsNow();
    expect(afterAll.version).toBe(startVersion + 3);
    expect(afterAll.settings.policyReview).toMatchObject({ intervalMonths: 24, approvingBody: 'Board of Trustees' });

    const teacher = new TestBrowser(t.app);
    await teacher.signIn(s.staff.teacher);
    expect(visible((await teacher.get(`/policies/${policyId}`)).body)).not.toContain('Settings this policy sets');
  });

  it('a policy imported whole that is longer than the engine reads: the page says which line reading stopped at, and proposes what came before', async () => {
    const deps = { schools: t.database.schools, baseUrl: '', onMail: () => {} };
    const appendix = 'Appendix: the school calendar for the year, with every club and trip.\n'.repeat(7500);
    const long = Buffer.from(`${birchHill.toString('utf8')}\n\n${appendix}`);
    expect(long.length).toBeGreaterThan(500_000);
    const longId = (await importPolicyFile(deps, s.school.id, { id: s.staff.head.id, label: 'test' }, 'birch-hill-with-calendar.md', long)).id;
    const head = new TestBrowser(t.app);
    await head.signIn(s.staff.head);
    const text = visible((await head.get(`/policies/${longId}`)).body);
    expect(text).toMatch(/longer than eSafety Office reads for settings \(500,000 characters\), so it was read up to line \d{4}\b/);
    expect(text).toContain('Line 22: “Images of pupils are deleted after three years.”');
    // (The policy of ordinary length says nothing of the kind.)
    expect(visible((await head.get(`/policies/${policyId}`)).body)).not.toContain('longer than eSafety Office reads');
  });

  it('proposes the rules real policies keep, and the product holds them once accepted: no tagging of children on social media', async () => {
    const found = (await proposals()).json<{ proposals: { setting: string; value: unknown; line: number }[] }>();
    expect(found.proposals).toContainEqual(expect.objectContaining({ setting: 'photos.channels.social-media.tagging', value: false, line: 24 }));
    const accepted = await accept(['photos.channels.social-media.tagging']);
    expect(accepted.statusCode).toBe(200);
    const { settings, version } = await settingsNow();
    expect(accepted.json()).toEqual({ settingsVersion: version });
    expect(settings.photos.channels.find((c) => c.key === 'social-media')).toMatchObject({ tagging: false });
  });
});
