import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, csrfFrom, TestBrowser, type TestApp } from '../helpers/app.ts';
import { deliveredText } from '../helpers/mail.ts';
import { makeSchool, makeStaff, type TestStaff } from '../helpers/factories.ts';
import { otherTestClient, ProviderCookies, signInAtProvider, startLoopbackProviders, testClient, type LoopbackProviders } from '../helpers/oidc.ts';
import type { Role } from '../../src/platform/auth/permissions.ts';
import { createSsoService } from '../../src/platform/auth/sso.service.ts';
import { linkIdentity } from '../../src/platform/auth/sso.repository.ts';
import { withSchool } from '../../src/platform/db/school-scope.ts';
import { serializeRequest } from '../../src/platform/http/log-serializers.ts';
import type { FastifyRequest } from 'fastify';

/**
 * Sign-in with Microsoft, Google or another provider (issue 20), against real OpenID providers on
 * loopback (oidc-provider), the whole redirect flow driven by hand with each side's cookies.
 */
const tenantA = '11111111-1111-4111-8111-111111111111';
const tenantB = '22222222-2222-4222-8222-222222222222';
const tenantC = '33333333-3333-4333-8333-333333333333';
const appOrigin = 'http://localhost';

describe('signing in with the school’s provider (pglite)', { timeout: 60_000 }, () => {
  let t: TestApp;
  let providers: LoopbackProviders;
  const schools: Record<'microsoft' | 'otherTenant' | 'google' | 'oidc' | 'wrongIssuer', { id: string; urn: string; name: string }> = {} as never;
  const who = { cli: { id: null, label: 'CLI (test)' } };

  /** A member of staff as the MIS import leaves them: with an MIS id (sourcedId) and the MIS e-mail. */
  async function importedStaff(schoolId: string, roles: Role[], email: string, options: { twoFactor?: boolean } = {}): Promise<TestStaff> {
    const staff = await makeStaff(t.database.db, schoolId, roles, { email, ...options });
    await t.database.db
      .updateTable('staff')
      .set({ sourced_id: `mis-${email}` })
      .where('id', '=', staff.id)
      .execute();
    return staff;
  }

  /** Clicks the school's button in a fresh browser, signs in at the provider as `login`, and comes back to the app. */
  async function signInWith(urn: string, login: string, options: { tamper?: (url: URL) => void; browser?: TestBrowser } = {}) {
    const browser = options.browser ?? new TestBrowser(t.app);
    const start = await browser.get(`/auth/oidc/start?school=${urn}`);
    expect(start.statusCode, start.body.slice(0, 500)).toBe(303);
    const authorization = new URL(String(start.headers.location));
    // Shared staff-room PCs: the provider is asked to let the person choose the account every time.
    expect(authorization.searchParams.get('prompt')).toBe('select_account');
    options.tamper?.(authorization);
    const callback = await signInAtProvider(authorization.href, login, appOrigin, new ProviderCookies());
    const done = await browser.get(callback.slice(appOrigin.length));
    return { browser, done, callback };
  }

  /** The details of one kind of a school's audit entries, oldest first. */
  const auditDetails = async (schoolId: string, action: string) =>
    (await t.database.db.selectFrom('audit_log').select('detail').where('school_id', '=', schoolId).where('action', '=', action).orderBy('id').execute()).map(
      (row) => row.detail,
    );
  const refusals = async (schoolId: string) => (await auditDetails(schoolId, 'sign-in.refused')).map((detail) => (detail as { reason: string }).reason);

  beforeAll(async () => {
    providers = await startLoopbackProviders([`/${tenantA}/v2.0`, `/${tenantB}/v2.0`, '/google', '/school', '/'], [`${appOrigin}/auth/oidc/callback`]);
    t = await createTestApp('pglite', { baseUrl: appOrigin, ssoAuthorities: { microsoft: providers.origin, google: providers.issuer('/google') } });
    const sso = createSsoService(t.database.db, t.config);
    const client = { clientId: testClient.clientId };
    const add = async (key: keyof typeof schools, name: string, input: Parameters<typeof sso.setProvider>[1]) => {
      const school = await makeSchool(t.database.db, { name });
      schools[key] = { id: school.id, urn: school.urn, name };
      await sso.setProvider(school.id, { ...client, ...input }, testClient.clientSecret, who.cli);
    };
    await add('microsoft', 'Ashby Primary', { provider: 'microsoft', tenant: tenantA });
    await add('otherTenant', 'Brook Primary', { provider: 'microsoft', tenant: tenantC });
    await add('google', 'Cedar Primary', { provider: 'google', domain: 'cedar.sch.uk' });
    await add('oidc', 'Dale Primary', { provider: 'oidc', issuer: providers.issuer('/school') });
    // Not the provider's issuer (localhost is not 127.0.0.1): its metadata names another issuer.
    await add('wrongIssuer', 'Elm Primary', { provider: 'oidc', issuer: `${providers.origin.replace('127.0.0.1', 'localhost')}/school` });
    // Tenant C's metadata claims to be tenant C but everything behind it is tenant B's: tokens come from tenant B.
    providers.intercept.set(`/${tenantC}/v2.0/.well-known/openid-configuration`, (_req, res) => {
      void fetch(`${providers.issuer(`/${tenantB}/v2.0`)}/.well-known/openid-configuration`)
        .then((r) => r.json() as Promise<Record<string, unknown>>)
        .then((metadata) => {
          res.setHeader('content-type', 'application/json');
          // As Microsoft's does, it does not promise an `iss` in the answer: the ID token's `iss` is what is checked.
          delete metadata.authorization_response_iss_parameter_supported;
          res.end(JSON.stringify({ ...metadata, issuer: providers.issuer(`/${tenantC}/v2.0`) }));
        });
    });
  });
  afterAll(async () => {
    await t?.close();
    await providers?.close();
  });

  it('offers one button per school on the sign-in page, with the provider’s name', async () => {
    const page = await new TestBrowser(t.app).get('/sign-in');
    expect(page.body).toContain(`Sign in with Microsoft (Ashby Primary)`);
    expect(page.body).toContain(`Sign in with Google (Cedar Primary)`);
    expect(page.body).toContain(`Sign in with your school account (Dale Primary)`);
    expect(page.body).toContain(`href="/auth/oidc/start?school=${schools.microsoft.urn}"`);
    // Passwords stay available.
    expect(page.body).toContain('name="password"');
  });

  it('signs in an imported teacher with Microsoft: linked once by the MIS e-mail (any case), audited, no staff or roles made', async () => {
    const teacher = await importedStaff(schools.microsoft.id, ['teacher'], 'r.green@ashby.sch.uk');
    providers.accounts.set('rachel', {
      oid: 'oid-rachel',
      tid: tenantA,
      preferred_username: 'R.Green@Ashby.sch.uk',
      email: 'someone-else@example.com',
      name: 'Rachel Green',
    });
    const staffBefore = await t.database.db.selectFrom('staff').select('id').execute();
    const { browser, done, callback } = await signInWith(schools.microsoft.urn, 'rachel');
    expect(new URL(callback).searchParams.get('iss')).toBe(providers.issuer(`/${tenantA}/v2.0`));
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/dashboard');
    const dashboard = await browser.get('/dashboard');
    expect(dashboard.statusCode).toBe(200);
    expect(dashboard.body).toContain('Ashby Primary');
    const identity = await t.database.db.selectFrom('staff_identities').selectAll().where('staff_id', '=', teacher.id).executeTakeFirstOrThrow();
    // Microsoft: the `oid` (the same across the tenant's app registrations), not the `sub`.
    expect(identity).toMatchObject({ issuer: `${providers.origin}/${tenantA}/v2.0`, subject: 'oid-rachel' });
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('school_id', '=', schools.microsoft.id)
      .where('subject_id', '=', teacher.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['sso.linked', 'sign-in']));
    expect(audit.find((a) => a.action === 'sign-in')?.detail).toEqual({ via: 'microsoft' });
    expect(await t.database.db.selectFrom('staff').select('id').execute()).toHaveLength(staffBefore.length);
    expect(await t.database.db.selectFrom('staff_roles').select('role').where('staff_id', '=', teacher.id).execute()).toEqual([{ role: 'teacher' }]);
    // The `sso set` entry names the provider and never the secret.
    const [set] = await auditDetails(schools.microsoft.id, 'sso.set');
    expect(set).toMatchObject({ provider: 'microsoft', tenant: tenantA, clientId: testClient.clientId });
    expect(JSON.stringify(set)).not.toContain(testClient.clientSecret);
    const stored = await t.database.db
      .selectFrom('school_sign_in_providers')
      .select('client_secret_sealed')
      .where('school_id', '=', schools.microsoft.id)
      .executeTakeFirstOrThrow();
    expect(stored.client_secret_sealed).not.toContain(testClient.clientSecret);
  });

  it('refuses a changed state, a callback used twice, and a callback opened in another browser', async () => {
    await importedStaff(schools.microsoft.id, ['teacher'], 't.baker@ashby.sch.uk');
    providers.accounts.set('tom', { oid: 'oid-tom', tid: tenantA, preferred_username: 't.baker@ashby.sch.uk' });
    const browser = new TestBrowser(t.app);
    const start = await browser.get(`/auth/oidc/start?school=${schools.microsoft.urn}`);
    const callback = new URL(await signInAtProvider(String(start.headers.location), 'tom', appOrigin));
    const wrongState = new URL(callback);
    wrongState.searchParams.set('state', 'a-state-this-app-never-gave');
    const refused = await browser.get(wrongState.pathname + wrongState.search);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Signing in did not finish');
    expect(refused.headers['set-cookie']?.toString() ?? '').not.toContain('esafety_session=');

    // The same answer in another browser (a link sent to someone): refused, and the sign-in is used up.
    const elsewhere = await new TestBrowser(t.app).get(callback.pathname + callback.search);
    expect(elsewhere.statusCode).toBe(400);
    const replay = await browser.get(callback.pathname + callback.search);
    expect(replay.statusCode).toBe(400);

    // A good one, then its answer again: the second is refused (state, nonce and verifier are used once).
    const good = await signInWith(schools.microsoft.urn, 'tom');
    expect(good.done.headers.location).toBe('/dashboard');
    const again = await good.browser.get(good.callback.slice(appOrigin.length));
    expect(again.statusCode).toBe(400);
    // Only the other browser's attempt named a sign-in of this school; unknown states go to the server log alone.
    expect(await refusals(schools.microsoft.id)).toEqual(['other-browser']);
  });

  it('refuses an ID token whose nonce is not the one this sign-in kept', async () => {
    const { done } = await signInWith(schools.microsoft.urn, 'tom', { tamper: (url) => url.searchParams.set('nonce', 'a-nonce-of-the-attackers-choosing') });
    expect(done.statusCode).toBe(400);
    expect(done.body).toContain('Signing in did not finish');
    expect((await refusals(schools.microsoft.id)).at(-1)).toBe('nonce-mismatch');
  });

  it('refuses another tenant’s token, even behind metadata that claims the school’s tenant', async () => {
    await importedStaff(schools.otherTenant.id, ['teacher'], 'h.moss@brook.sch.uk');
    providers.accounts.set('helen', { oid: 'oid-helen', tid: tenantC, preferred_username: 'h.moss@brook.sch.uk' });
    const { done, callback } = await signInWith(schools.otherTenant.urn, 'helen');
    expect(new URL(callback).searchParams.get('iss')).toBe(providers.issuer(`/${tenantB}/v2.0`));
    expect(done.statusCode).toBe(400);
    // Without the `iss` in the answer (taken out on the way), the ID token's own issuer gives it away.
    const browser = new TestBrowser(t.app);
    const start = await browser.get(`/auth/oidc/start?school=${schools.otherTenant.urn}`);
    const stripped = new URL(await signInAtProvider(String(start.headers.location), 'helen', appOrigin));
    stripped.searchParams.delete('iss');
    const tokenFromB = await browser.get(stripped.pathname + stripped.search);
    expect(tokenFromB.statusCode).toBe(400);
    expect(tokenFromB.body).toContain('Signing in did not finish');
    expect(await refusals(schools.otherTenant.id)).toEqual(['issuer-mismatch', 'issuer-mismatch']);
    expect(await t.database.db.selectFrom('staff_identities').select('id').where('school_id', '=', schools.otherTenant.id).execute()).toEqual([]);
  });

  it('refuses a provider whose metadata names another issuer than the school’s, with a page rather than an error', async () => {
    const start = await new TestBrowser(t.app).get(`/auth/oidc/start?school=${schools.wrongIssuer.urn}`);
    expect(start.statusCode).toBe(502);
    expect(start.body).toContain('Signing in with your school account is not working at the moment');
    expect(await refusals(schools.wrongIssuer.id)).toEqual(['provider-unreachable']);
    // With passwords switched off, the page does not send people to a password they cannot use.
    await t.database.db.updateTable('school_sign_in_providers').set({ passwords_off: true }).where('school_id', '=', schools.wrongIssuer.id).execute();
    const passwordsOff = await new TestBrowser(t.app).get(`/auth/oidc/start?school=${schools.wrongIssuer.urn}`);
    expect(passwordsOff.statusCode).toBe(502);
    expect(passwordsOff.body).toContain('Try again later; if it goes on, tell whoever runs your school’s accounts.');
    expect(passwordsOff.body).not.toContain('password');
    await t.database.db.updateTable('school_sign_in_providers').set({ passwords_off: false }).where('school_id', '=', schools.wrongIssuer.id).execute();
  });

  it('Google: refuses a personal account, another school’s domain and an unverified address; lets the school’s own in', async () => {
    await importedStaff(schools.google.id, ['teacher'], 'amy@cedar.sch.uk');
    providers.accounts.set('personal', { email: 'amy@cedar.sch.uk', email_verified: true });
    providers.accounts.set('other-school', { email: 'amy@cedar.sch.uk', email_verified: true, hd: 'elsewhere.sch.uk' });
    providers.accounts.set('unverified', { email: 'amy@cedar.sch.uk', email_verified: false, hd: 'cedar.sch.uk' });
    providers.accounts.set('amy', { email: 'amy@cedar.sch.uk', email_verified: true, hd: 'cedar.sch.uk' });
    for (const login of ['personal', 'other-school']) {
      const { done } = await signInWith(schools.google.urn, login);
      expect(done.statusCode).toBe(403);
      expect(done.body).toContain('That account does not belong to your school');
    }
    const unverified = await signInWith(schools.google.urn, 'unverified');
    expect(unverified.done.statusCode).toBe(403);
    expect(unverified.done.body).toContain('did not tell us a confirmed e-mail address');
    expect(await refusals(schools.google.id)).toEqual(['other-domain', 'other-domain', 'unverified-email']);
    const good = await signInWith(schools.google.urn, 'amy');
    expect(good.done.headers.location).toBe('/dashboard');
    // Once linked, the domain and the verified address are still checked at every sign-in.
    providers.accounts.set('amy', { email: 'amy@cedar.sch.uk', email_verified: true, hd: 'elsewhere.sch.uk' });
    expect((await signInWith(schools.google.urn, 'amy')).done.statusCode).toBe(403);
    providers.accounts.set('amy', { email: 'amy@cedar.sch.uk', email_verified: false, hd: 'cedar.sch.uk' });
    expect((await signInWith(schools.google.urn, 'amy')).done.statusCode).toBe(403);
    expect((await refusals(schools.google.id)).slice(-2)).toEqual(['other-domain', 'unverified-email']);
    providers.accounts.set('amy', { email: 'amy@cedar.sch.uk', email_verified: true, hd: 'cedar.sch.uk' });
    expect((await signInWith(schools.google.urn, 'amy')).done.headers.location).toBe('/dashboard');
  });

  it('refuses a leaver, a member of staff added by hand and an address the MIS does not have; never by e-mail after the first time', async () => {
    const leaver = await importedStaff(schools.oidc.id, ['teacher'], 'gone@dale.sch.uk');
    await t.database.db.updateTable('staff').set({ active: false }).where('id', '=', leaver.id).execute();
    await makeStaff(t.database.db, schools.oidc.id, ['teacher'], { email: 'by-hand@dale.sch.uk' });
    providers.accounts.set('gone', { email: 'gone@dale.sch.uk', email_verified: true });
    providers.accounts.set('by-hand', { email: 'by-hand@dale.sch.uk', email_verified: true });
    providers.accounts.set('stranger', { email: 'stranger@dale.sch.uk', email_verified: true });
    const gone = await signInWith(schools.oidc.urn, 'gone');
    expect(gone.done.statusCode).toBe(403);
    expect(gone.done.body).toContain('because you have left');
    for (const login of ['by-hand', 'stranger']) {
      const { done } = await signInWith(schools.oidc.urn, login);
      expect(done.statusCode).toBe(403);
      expect(done.body).toContain('ask the office to check your school e-mail in the MIS');
    }
    expect(await refusals(schools.oidc.id)).toEqual(['leaver', 'not-imported', 'no-match']);
  });

  it('after the MIS e-mail changes, the same account still signs in (by subject); the new address alone does not', async () => {
    const sam = await importedStaff(schools.oidc.id, ['teacher'], 'sam@dale.sch.uk');
    providers.accounts.set('sam', { email: 'sam@dale.sch.uk', email_verified: true });
    expect((await signInWith(schools.oidc.urn, 'sam')).done.headers.location).toBe('/dashboard');
    await t.database.db.updateTable('staff').set({ email: 'sam.jones@dale.sch.uk' }).where('id', '=', sam.id).execute();
    providers.accounts.set('sam', { email: 'sam@old-address.example', email_verified: true });
    const again = await signInWith(schools.oidc.urn, 'sam');
    expect(again.done.headers.location).toBe('/dashboard');
    // Another account at the provider with the new address is not Sam.
    providers.accounts.set('impostor', { email: 'sam.jones@dale.sch.uk', email_verified: true });
    const impostor = await signInWith(schools.oidc.urn, 'impostor');
    expect(impostor.done.statusCode).toBe(403);
    expect((await refusals(schools.oidc.id)).at(-1)).toBe('already-linked');
    // And once Sam has left, the link no longer lets them in.
    await t.database.db.updateTable('staff').set({ active: false }).where('id', '=', sam.id).execute();
    const left = await signInWith(schools.oidc.urn, 'sam');
    expect(left.done.body).toContain('because you have left');
  });

  it('the DSL still owes the two-factor step, until the head records that the provider enforces multi-factor (audited)', async () => {
    const head = await makeStaff(t.database.db, schools.oidc.id, ['headteacher']);
    await importedStaff(schools.oidc.id, ['dsl'], 'dsl@dale.sch.uk', { twoFactor: true });
    providers.accounts.set('dsl', { email: 'dsl@dale.sch.uk', email_verified: true });
    const first = await signInWith(schools.oidc.urn, 'dsl');
    expect(first.done.headers.location).toBe('/dashboard');
    expect((await first.browser.get('/dashboard')).headers.location).toBe('/sign-in/two-factor');

    const headBrowser = new TestBrowser(t.app);
    await headBrowser.signIn(head);
    const settings = await headBrowser.get('/settings/sign-in');
    expect(settings.body).toContain('Sign in with your school account');
    const saved = await headBrowser.post('/settings/sign-in', { _csrf: csrfFrom(settings.body), choices: 'provider-mfa' });
    expect(saved.statusCode).toBe(303);
    const second = await signInWith(schools.oidc.urn, 'dsl');
    expect((await second.browser.get('/dashboard')).statusCode).toBe(200);
    const recorded = await t.database.db
      .selectFrom('audit_log')
      .select('actor_id')
      .where('school_id', '=', schools.oidc.id)
      .where('action', '=', 'sso.provider-multi-factor-recorded')
      .execute();
    expect(recorded).toEqual([{ actor_id: head.id }]);
    // Not for a password sign-in: that still asks for the code.
    const byPassword = new TestBrowser(t.app);
    await byPassword.submit('/sign-in', '/sign-in', { email: 'dsl@dale.sch.uk', password: head.password });
    expect((await byPassword.get('/dashboard')).headers.location).toBe('/sign-in/two-factor');
  });

  it('changing the provider’s issuer resets “provider enforces multi-factor” and “passwords off”, audited; a provider session owes the code again', async () => {
    const school = await makeSchool(t.database.db, { name: 'Fern Primary' });
    const sso = createSsoService(t.database.db, t.config);
    await sso.setProvider(
      school.id,
      { provider: 'oidc', issuer: providers.issuer('/school'), clientId: testClient.clientId },
      testClient.clientSecret,
      who.cli,
    );
    await t.database.db.updateTable('school_sign_in_providers').set({ provider_mfa: true, passwords_off: true }).where('school_id', '=', school.id).execute();
    await importedStaff(school.id, ['dsl'], 'dsl@fern.sch.uk', { twoFactor: true });
    providers.accounts.set('fern-dsl', { email: 'dsl@fern.sch.uk', email_verified: true });
    const signedIn = await signInWith(school.urn, 'fern-dsl');
    expect((await signedIn.browser.get('/dashboard')).statusCode).toBe(200);
    // Microsoft for the same school: the head never said Microsoft enforces multi-factor sign-in.
    const changed = await sso.setProvider(
      school.id,
      { provider: 'microsoft', tenant: tenantA, clientId: testClient.clientId },
      testClient.clientSecret,
      who.cli,
    );
    expect(changed.choicesReset).toEqual(['passwords-off', 'provider-mfa']);
    const row = await t.database.db.selectFrom('school_sign_in_providers').selectAll().where('school_id', '=', school.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ provider_mfa: false, passwords_off: false });
    // The session made through the old provider no longer skips the code.
    expect((await signedIn.browser.get('/dashboard')).headers.location).toBe('/sign-in/two-factor');
    const set = await auditDetails(school.id, 'sso.set');
    expect(set.map((detail) => (detail as { choicesReset?: string[] }).choicesReset)).toEqual([undefined, ['passwords-off', 'provider-mfa']]);
    // The same issuer again (a new secret): the choices stay.
    await t.database.db.updateTable('school_sign_in_providers').set({ provider_mfa: true }).where('school_id', '=', school.id).execute();
    const again = await sso.setProvider(school.id, { provider: 'microsoft', tenant: tenantA, clientId: testClient.clientId }, 'a new secret', who.cli);
    expect(again.choicesReset).toEqual([]);
    expect(
      (await t.database.db.selectFrom('school_sign_in_providers').select('provider_mfa').where('school_id', '=', school.id).executeTakeFirstOrThrow())
        .provider_mfa,
    ).toBe(true);
  });

  it('Microsoft: after the app is registered again (a new client ID, a new `sub`), a linked person still signs in; the old links are removed, audited', async () => {
    const school = await makeSchool(t.database.db, { name: 'Gorse Primary' });
    const sso = createSsoService(t.database.db, t.config);
    await sso.setProvider(school.id, { provider: 'microsoft', tenant: tenantA, clientId: testClient.clientId }, testClient.clientSecret, who.cli);
    const ivy = await importedStaff(school.id, ['teacher'], 'ivy@gorse.sch.uk');
    providers.accounts.set('ivy', { sub: 'ivy-sub-for-first-app', oid: 'oid-ivy', tid: tenantA, preferred_username: 'ivy@gorse.sch.uk' });
    expect((await signInWith(school.urn, 'ivy')).done.headers.location).toBe('/dashboard');
    // Microsoft gives the same person another `sub` under each app registration.
    const again = await sso.setProvider(
      school.id,
      { provider: 'microsoft', tenant: tenantA, clientId: otherTestClient.clientId },
      otherTestClient.clientSecret,
      who.cli,
    );
    expect(again.identitiesRemoved).toBe(1);
    providers.accounts.set('ivy', { sub: 'ivy-sub-for-second-app', oid: 'oid-ivy', tid: tenantA, preferred_username: 'ivy@gorse.sch.uk' });
    const back = await signInWith(school.urn, 'ivy');
    expect(back.done.headers.location, back.done.body.slice(0, 300)).toBe('/dashboard');
    const identities = await t.database.db.selectFrom('staff_identities').select('subject').where('staff_id', '=', ivy.id).execute();
    expect(identities).toEqual([{ subject: 'oid-ivy' }]);
    const set = await auditDetails(school.id, 'sso.set');
    expect(set.at(-1)).toMatchObject({ change: 'changed', identitiesRemoved: 1 });
  });

  it('Microsoft: refuses a guest of the tenant and a token of another tenant, at the first link and afterwards', async () => {
    await importedStaff(schools.microsoft.id, ['teacher'], 'g.hart@ashby.sch.uk');
    // A guest: invited into the school's tenant, signed in at their own organisation (`idp`), with the school's address as their name.
    providers.accounts.set('guest', {
      oid: 'oid-guest',
      tid: tenantA,
      idp: 'https://sts.windows.net/99999999-9999-4999-8999-999999999999/',
      preferred_username: 'g.hart@ashby.sch.uk',
    });
    providers.accounts.set('other-tid', { oid: 'oid-other-tid', tid: tenantB, preferred_username: 'g.hart@ashby.sch.uk' });
    const guest = await signInWith(schools.microsoft.urn, 'guest');
    expect(guest.done.statusCode).toBe(403);
    expect(guest.done.body).toContain('Guest accounts cannot sign in: use your school account.');
    const otherTid = await signInWith(schools.microsoft.urn, 'other-tid');
    expect(otherTid.done.statusCode).toBe(403);
    expect(otherTid.done.body).toContain('That account does not belong to your school');
    expect((await refusals(schools.microsoft.id)).slice(-2)).toEqual(['guest', 'other-domain']);
    // Already linked (Rachel, in an earlier test): a token that turns out to be a guest's is still refused.
    providers.accounts.set('rachel', { oid: 'oid-rachel', tid: tenantA, idp: 'live.com', preferred_username: 'R.Green@Ashby.sch.uk' });
    expect((await signInWith(schools.microsoft.urn, 'rachel')).done.statusCode).toBe(403);
    providers.accounts.set('rachel', { oid: 'oid-rachel', tid: tenantA, preferred_username: 'R.Green@Ashby.sch.uk' });
    expect((await signInWith(schools.microsoft.urn, 'rachel')).done.headers.location).toBe('/dashboard');
  });

  it('the head can switch passwords off for staff who have used the provider; others keep theirs', async () => {
    const head = await makeStaff(t.database.db, schools.google.id, ['headteacher']);
    const headBrowser = new TestBrowser(t.app);
    await headBrowser.signIn(head);
    const settings = await headBrowser.get('/settings/sign-in');
    // Amy signed in with Google in an earlier test; Ben never has. Both are signed in with their password now.
    const ben = await importedStaff(schools.google.id, ['teacher'], 'ben@cedar.sch.uk');
    const amyByPassword = new TestBrowser(t.app);
    expect((await amyByPassword.submit('/sign-in', '/sign-in', { email: 'amy@cedar.sch.uk', password: ben.password })).statusCode).toBe(303);
    const benByPassword = new TestBrowser(t.app);
    expect((await benByPassword.submit('/sign-in', '/sign-in', { email: ben.email, password: ben.password })).statusCode).toBe(303);
    await headBrowser.post('/settings/sign-in', { _csrf: csrfFrom(settings.body), choices: 'passwords-off' });
    // Amy's password session ends with the choice; Ben's and the head's carry on.
    expect((await amyByPassword.get('/dashboard')).headers.location).toMatch(/^\/sign-in/);
    expect((await benByPassword.get('/dashboard')).statusCode).toBe(200);
    expect((await headBrowser.get('/settings/sign-in')).statusCode).toBe(200);
    const [switched] = await auditDetails(schools.google.id, 'sso.passwords-switched-off');
    expect(switched).toEqual({ via: 'google', sessionsEnded: 1 });
    const amy = new TestBrowser(t.app);
    const refused = await amy.submit('/sign-in', '/sign-in', { email: 'amy@cedar.sch.uk', password: ben.password });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Your school has switched passwords off for you: use the “Sign in with Google” button');
    const benIn = await new TestBrowser(t.app).submit('/sign-in', '/sign-in', { email: ben.email, password: ben.password });
    expect(benIn.statusCode).toBe(303);
    // A forgotten password: the form answers as for anyone, and the e-mail names the button instead of a reset link.
    const forgot = await new TestBrowser(t.app).submit('/forgot-password', '/forgot-password', { email: 'amy@cedar.sch.uk' });
    expect(forgot.body).toContain('Check your e-mail');
    const howTo = await t.database.db
      .selectFrom('outbox')
      .selectAll()
      .where('to_address', '=', 'amy@cedar.sch.uk')
      .where('subject', '=', 'How you sign in to eSafety Office')
      .executeTakeFirstOrThrow();
    expect(deliveredText(howTo)).toContain('use the “Sign in with Google” button');
    expect(deliveredText(howTo)).not.toContain('/reset-password/');
    const audit = await t.database.db.selectFrom('audit_log').select('action').where('school_id', '=', schools.google.id).execute();
    expect(audit.map((a) => a.action)).toContain('sso.passwords-switched-off');
    // Only the head's page: a teacher is refused it.
    expect((await amy.get('/settings/sign-in')).statusCode).not.toBe(200);
  });

  it('two callbacks finishing the same first link: the second is taken as linked (same subject) or refused (another), never a database error', async () => {
    const jo = await importedStaff(schools.oidc.id, ['teacher'], 'jo@dale.sch.uk');
    const issuer = providers.issuer('/school');
    const link = (subject: string) => withSchool(t.database.db, schools.oidc.id, (tx) => linkIdentity(tx, schools.oidc.id, jo.id, issuer, subject));
    expect(await link('jo')).toBe('linked');
    expect(await link('jo')).toBe('linked');
    expect(await link('someone-else')).toBe('taken');
    expect(await t.database.db.selectFrom('staff_identities').select('subject').where('staff_id', '=', jo.id).execute()).toEqual([{ subject: 'jo' }]);
  });

  it('a provider whose issuer ends in a slash signs people in when the office typed it without one', async () => {
    const school = await makeSchool(t.database.db, { name: 'Holly Primary' });
    const sso = createSsoService(t.database.db, t.config);
    // The provider at the root calls itself `http://127.0.0.1:PORT/`; the office typed it without the slash.
    await sso.setProvider(school.id, { provider: 'oidc', issuer: providers.origin, clientId: testClient.clientId }, testClient.clientSecret, who.cli);
    await importedStaff(school.id, ['teacher'], 'kit@holly.sch.uk');
    providers.accounts.set('kit', { email: 'kit@holly.sch.uk', email_verified: true });
    const { done } = await signInWith(school.urn, 'kit');
    expect(done.headers.location, done.body.slice(0, 300)).toBe('/dashboard');
  });

  it('the request log never holds the provider’s code and state', () => {
    const logged = (url: string) =>
      serializeRequest({ method: 'GET', url, host: 'localhost', ip: '127.0.0.1', socket: { remotePort: 5000 } } as unknown as FastifyRequest);
    const callback = logged('/auth/oidc/callback?code=the-one-use-code&state=the-state&iss=x');
    expect(JSON.stringify(callback)).not.toContain('the-one-use-code');
    expect(JSON.stringify(callback)).not.toContain('the-state');
    expect(callback).toMatchObject({ method: 'GET', url: '/auth/oidc/callback?…', remoteAddress: '127.0.0.1' });
    // Other addresses are logged as they came.
    expect(logged('/auth/oidc/start?school=130001').url).toBe('/auth/oidc/start?school=130001');
  });

  it('answers an unknown school or a callback without a sign-in under way with a page, not an error', async () => {
    const unknown = await new TestBrowser(t.app).get('/auth/oidc/start?school=999999');
    expect(unknown.statusCode).toBe(404);
    // A NUL byte (PostgreSQL refuses it in text) or anything not like a URN: a 400 naming the field.
    for (const school of ['%00', '1%000', '%20', 'a%27b']) {
      const odd = await new TestBrowser(t.app).get(`/auth/oidc/start?school=${school}`);
      expect(odd.statusCode, school).toBe(400);
      expect(odd.body).toContain('school');
    }
    const bare = await new TestBrowser(t.app).get('/auth/oidc/callback');
    expect(bare.statusCode).toBe(400);
    expect(bare.body).toContain('Go back to the sign-in page');
  });
});
