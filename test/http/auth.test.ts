import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, csrfFrom, TestBrowser, type TestApp } from '../helpers/app.ts';
import { makeSchool, makeStaff, totpNow } from '../helpers/factories.ts';
import { databaseKinds } from '../helpers/database.ts';
import { deliveredText } from '../helpers/mail.ts';
import { withSchool } from '../../src/platform/db/school-scope.ts';
import { addApiToken } from '../../src/modules/school/school.service.ts';

describe.each(databaseKinds())('setting up and signing in (%s)', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.close());

  it('an empty installation opens on the set-up page, which explains each mistake and then creates the school', async () => {
    const browser = new TestBrowser(t.app);
    expect((await browser.get('/')).headers.location).toBe('/setup');
    const invalid = await browser.submit('/setup', '/setup', {
      schoolName: '',
      urn: '12',
      headName: 'Jo',
      email: 'not-an-email',
      password: 'short',
      confirm: '',
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.body).toContain('There is a problem');
    expect(invalid.body).toContain('href="#schoolName"');
    expect(invalid.body).toContain('Enter the school’s URN');
    expect(invalid.body).toContain('Enter a password of at least 12 characters');
    expect(await t.database.db.selectFrom('schools').selectAll().execute()).toHaveLength(0);

    const created = await browser.submit('/setup', '/setup', {
      schoolName: 'Low Ash Primary',
      urn: '107331',
      headName: 'Jo Head',
      email: 'head@lowash.example',
      password: 'a long enough password',
      confirm: 'a long enough password',
    });
    expect(created.statusCode).toBe(303);
    expect(created.headers.location).toBe('/sign-in');
    expect((await browser.get('/sign-in')).body).toContain('Your school is set up');
    // The page disappears once a school exists.
    expect((await browser.get('/setup')).headers.location).toBe('/sign-in');

    // The headteacher must set up two-factor before anything else.
    await browser.submit('/sign-in', '/sign-in', { email: 'head@lowash.example', password: 'a long enough password' });
    expect((await browser.get('/classes')).headers.location).toBe('/account/two-factor/set-up');
    const setup = await browser.get('/account/two-factor/set-up');
    const secret = /name="secret" value="([A-Z2-7]+)"/.exec(setup.body)![1];
    const wrong = await browser.post('/account/two-factor/set-up', { _csrf: csrfFrom(setup.body), secret, code: '000000' });
    expect(wrong.statusCode).toBe(400);
    const on = await browser.post('/account/two-factor/set-up', { _csrf: csrfFrom(wrong.body), secret, code: await totpNow(secret) });
    expect(on.statusCode).toBe(200);
    expect(on.body.match(/<li>[0-9a-f]{5}-[0-9a-f]{5}<\/li>/g)).toHaveLength(10);
    expect((await browser.get('/classes')).statusCode).toBe(200);
  });

  it('refuses a form without its CSRF token and changes nothing', async () => {
    const browser = new TestBrowser(t.app);
    await browser.get('/sign-in');
    const response = await browser.post('/sign-in', { email: 'head@lowash.example', password: 'a long enough password' });
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain('This form has expired');
    expect(response.body).not.toMatch(/at .*\.ts:\d+/);
  });
});

describe.each(databaseKinds())('sessions, two-factor and password reset (%s)', (kind) => {
  let t: TestApp;
  let schoolId: string;
  beforeAll(async () => {
    t = await createTestApp(kind, { secureCookies: true });
    schoolId = (await makeSchool(t.database.db)).id;
  });
  afterAll(() => t.close());

  it('session cookies are HttpOnly, SameSite and Secure behind HTTPS, and signing out ends the session', async () => {
    const teacher = await makeStaff(t.database.db, schoolId, ['teacher']);
    const browser = new TestBrowser(t.app);
    const response = await browser.signIn(teacher);
    const cookie = response.cookies.find((c) => c.name === 'esafety_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: true });
    expect((await browser.get('/classes')).statusCode).toBe(200);
    const stolen = browser.cookies.get('esafety_session')!;
    const page = await browser.get('/classes');
    expect((await browser.post('/sign-out', { _csrf: csrfFrom(page.body) })).headers.location).toBe('/sign-in');
    expect((await browser.get('/classes')).headers.location).toBe('/sign-in?next=%2Fclasses');
    // The old cookie is worthless: the session is gone from the database.
    const replay = await t.app.inject({ url: '/classes', headers: { cookie: `esafety_session=${stolen}` } });
    expect(replay.headers.location).toMatch(/^\/sign-in/);
  });

  it('a role taken away, a password reset or a token revoked counts from the very next request (who is signed in is kept only seconds, and forgotten on a change)', async () => {
    const office = await makeStaff(t.database.db, schoolId, ['office']);
    const colleague = await makeStaff(t.database.db, schoolId, ['office', 'teacher']);
    const officeBrowser = new TestBrowser(t.app);
    await officeBrowser.signIn(office);
    const browser = new TestBrowser(t.app);
    await browser.signIn(colleague);
    // Seen a moment ago as office staff, so the staff list opens.
    expect((await browser.get('/staff')).statusCode).toBe(200);
    const saved = await officeBrowser.submit(`/staff/${colleague.id}`, `/staff/${colleague.id}`, { roles: ['teacher'], lineManager: '' });
    expect(saved.statusCode).toBe(303);
    expect((await browser.get('/staff')).statusCode).toBe(403);
    expect((await browser.get('/classes')).statusCode).toBe(200);

    // A new password ends every session of that person: the next page asks them to sign in.
    await new TestBrowser(t.app).submit('/forgot-password', '/forgot-password', { email: colleague.email });
    const mail = await t.database.db.selectFrom('outbox').selectAll().where('to_address', '=', colleague.email).executeTakeFirstOrThrow();
    const link = /http:\/\/localhost(\/reset-password\/\S+)/.exec(deliveredText(mail))![1];
    const reset = await new TestBrowser(t.app).submit(link, link, { password: 'a colleague’s new password', confirm: 'a colleague’s new password' });
    expect(reset.headers.location).toBe('/sign-in');
    expect((await browser.get('/classes')).headers.location).toBe('/sign-in?next=%2Fclasses');

    const token = await withSchool(t.database.db, schoolId, (tx) => addApiToken(tx, schoolId, { id: null, label: 'test' }, office.email));
    const bearer = { authorization: `Bearer ${token}` };
    expect((await t.app.inject({ url: '/api/v1/consent-purposes', headers: bearer })).statusCode).toBe(200);
    await withSchool(t.database.db, schoolId, (tx) => tx.updateTable('api_tokens').set({ revoked_at: new Date() }).where('school_id', '=', schoolId).execute());
    expect((await t.app.inject({ url: '/api/v1/consent-purposes', headers: bearer })).statusCode).toBe(401);
  });

  it('a wrong password says so without saying which part was wrong, and repeated attempts are throttled', async () => {
    const office = await makeStaff(t.database.db, schoolId, ['office']);
    const browser = new TestBrowser(t.app);
    for (let i = 0; i < 5; i++) {
      const wrong = await browser.submit('/sign-in', '/sign-in', { email: office.email, password: 'not the password' });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.body).toContain('Enter a correct e-mail address and password');
    }
    const blocked = await browser.submit('/sign-in', '/sign-in', { email: office.email, password: office.password });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.body).toContain('Too many attempts');
  });

  it('a lost phone: each recovery code signs in once', async () => {
    const dsl = await makeStaff(t.database.db, schoolId, ['dsl'], { twoFactor: false });
    const first = new TestBrowser(t.app);
    await first.submit('/sign-in', '/sign-in', { email: dsl.email, password: dsl.password });
    const setup = await first.get('/account/two-factor/set-up');
    const secret = /name="secret" value="([A-Z2-7]+)"/.exec(setup.body)![1];
    const on = await first.post('/account/two-factor/set-up', { _csrf: csrfFrom(setup.body), secret, code: await totpNow(secret) });
    const code = /<li>([0-9a-f]{5}-[0-9a-f]{5})<\/li>/.exec(on.body)![1];
    for (const [attempt, expected] of [
      [1, 303],
      [2, 400],
    ] as const) {
      const browser = new TestBrowser(t.app);
      await browser.submit('/sign-in', '/sign-in', { email: dsl.email, password: dsl.password });
      const answer = await browser.submit('/sign-in/two-factor', '/sign-in/two-factor', { code: code.toUpperCase() });
      expect(answer.statusCode, `attempt ${attempt}`).toBe(expected);
    }
  });

  it('a refused form comes back as the same page with its error: sign-in, security code (then too many), set-up, new password, a used link', async () => {
    const empty = await new TestBrowser(t.app).submit('/sign-in?next=%2Fclasses', '/sign-in', { email: ' ', password: '', next: '/classes' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('href="#email">Enter your e-mail address');
    expect(empty.body).toContain('href="#password">Enter your password');
    expect(empty.body).toContain('name="next" value="/classes"');

    const dsl = await makeStaff(t.database.db, schoolId, ['dsl']);
    const browser = new TestBrowser(t.app);
    await browser.submit('/sign-in', '/sign-in', { email: dsl.email, password: dsl.password });
    for (let i = 0; i < 5; i++) {
      const wrong = await browser.submit('/sign-in/two-factor?next=%2Fclasses', '/sign-in/two-factor', { code: '123456', next: '/classes' });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.body).toContain('href="#code">Enter the 6-digit code shown in your authenticator app, or a recovery code');
      expect(wrong.body).toContain('name="next" value="/classes"');
    }
    const throttled = await browser.submit('/sign-in/two-factor', '/sign-in/two-factor', { code: await totpNow(dsl.totpSecret!), next: '/classes' });
    expect(throttled.statusCode).toBe(429);
    expect(throttled.body).toMatch(/href="#code">Too many attempts/);
    expect(throttled.body).toContain('name="next" value="/classes"');

    const newcomer = await makeStaff(t.database.db, schoolId, ['dsl'], { twoFactor: false });
    const setUp = new TestBrowser(t.app);
    await setUp.submit('/sign-in', '/sign-in', { email: newcomer.email, password: newcomer.password });
    const setupPage = await setUp.get('/account/two-factor/set-up');
    const secret = /name="secret" value="([A-Z2-7]+)"/.exec(setupPage.body)![1];
    const wrongSetup = await setUp.post('/account/two-factor/set-up', { _csrf: csrfFrom(setupPage.body), secret, code: '123456' });
    expect(wrongSetup.statusCode).toBe(400);
    expect(wrongSetup.body).toContain('Enter the 6-digit code your authenticator app shows for eSafety Office');
    expect(wrongSetup.body).toContain(`name="secret" value="${secret}"`);

    const teacher = await makeStaff(t.database.db, schoolId, ['teacher']);
    await new TestBrowser(t.app).submit('/forgot-password', '/forgot-password', { email: teacher.email });
    const mail = await t.database.db.selectFrom('outbox').selectAll().where('to_address', '=', teacher.email).executeTakeFirstOrThrow();
    const link = /http:\/\/localhost(\/reset-password\/\S+)/.exec(deliveredText(mail))![1];
    const resetter = new TestBrowser(t.app);
    const mismatch = await resetter.submit(link, link, { password: 'a long new password', confirm: 'a different one' });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.body).toContain('href="#confirm">Enter the same password twice');
    expect(mismatch.body).toContain(`action="${link}"`);
    expect((await resetter.submit(link, link, { password: 'a long new password', confirm: 'a long new password' })).headers.location).toBe('/sign-in');
    const used = await resetter.submit('/sign-in', link, { password: 'another new password', confirm: 'another new password' });
    expect(used.statusCode).toBe(404);
    expect(used.body).toContain('This link has expired');
  });

  it('asks a DSL for a code after the password', async () => {
    const dsl = await makeStaff(t.database.db, schoolId, ['dsl']);
    const browser = new TestBrowser(t.app);
    expect((await browser.submit('/sign-in', '/sign-in', { email: dsl.email, password: dsl.password })).headers.location).toBe('/dashboard');
    expect((await browser.get('/dashboard')).headers.location).toBe('/sign-in/two-factor');
    expect((await browser.submit('/sign-in/two-factor', '/sign-in/two-factor', { code: '123456' })).statusCode).toBe(400);
    const ok = await browser.submit('/sign-in/two-factor', '/sign-in/two-factor', { code: await totpNow(dsl.totpSecret!) });
    expect(ok.headers.location).toBe('/dashboard');
    expect((await browser.get('/dashboard')).statusCode).toBe(200);
  });

  it('resets a forgotten password through an e-mailed, single-use, expiring link', async () => {
    const teacher = await makeStaff(t.database.db, schoolId, ['teacher']);
    const browser = new TestBrowser(t.app);
    const sent = await browser.submit('/forgot-password', '/forgot-password', { email: teacher.email });
    expect(sent.body).toContain('Check your e-mail');
    const mail = await t.database.db.selectFrom('outbox').selectAll().where('to_address', '=', teacher.email).executeTakeFirstOrThrow();
    expect(deliveredText(mail)).not.toContain(teacher.password);
    const link = /http:\/\/localhost(\/reset-password\/\S+)/.exec(deliveredText(mail))![1];

    expect((await browser.get(`${link}x`)).statusCode).toBe(404);
    const reset = await browser.submit(link, link, { password: 'my brand new password', confirm: 'my brand new password' });
    expect(reset.headers.location).toBe('/sign-in');
    expect((await browser.get(link)).statusCode).toBe(404);
    const signIn = await new TestBrowser(t.app).submit('/sign-in', '/sign-in', { email: teacher.email, password: 'my brand new password' });
    expect(signIn.statusCode).toBe(303);
    const old = await new TestBrowser(t.app).submit('/sign-in', '/sign-in', { email: teacher.email, password: teacher.password });
    expect(old.statusCode).toBe(400);
  });

  it('an expired reset link is refused, and an unknown address gets the same answer but no e-mail', async () => {
    const teacher = await makeStaff(t.database.db, schoolId, ['teacher']);
    const browser = new TestBrowser(t.app);
    await browser.submit('/forgot-password', '/forgot-password', { email: teacher.email });
    const mail = await t.database.db.selectFrom('outbox').selectAll().where('to_address', '=', teacher.email).executeTakeFirstOrThrow();
    const link = /http:\/\/localhost(\/reset-password\/\S+)/.exec(deliveredText(mail))![1];
    await t.database.db
      .updateTable('password_resets')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('staff_id', '=', teacher.id)
      .execute();
    const expired = await browser.get(link);
    expect(expired.statusCode).toBe(404);
    expect(expired.body).toContain('This link has expired');

    const unknown = await browser.submit('/forgot-password', '/forgot-password', { email: 'nobody@nowhere.example' });
    expect(unknown.body).toContain('Check your e-mail');
    expect(await t.database.db.selectFrom('outbox').selectAll().where('to_address', '=', 'nobody@nowhere.example').execute()).toHaveLength(0);
  });

  it('the headteacher can require two-factor authentication for every member of staff', async () => {
    const school = await makeSchool(t.database.db);
    const head = await makeStaff(t.database.db, school.id, ['headteacher']);
    const teacher = await makeStaff(t.database.db, school.id, ['teacher']);
    const before = new TestBrowser(t.app);
    await before.signIn(teacher);
    expect((await before.get('/classes')).statusCode).toBe(200);
    const headBrowser = new TestBrowser(t.app);
    await headBrowser.signIn(head);
    const settings = await headBrowser.get('/settings');
    expect(settings.body).toContain('Autumn');
    const saved = await headBrowser.post('/settings/two-factor', { _csrf: csrfFrom(settings.body), requireAll: 'yes' });
    expect(saved.headers.location).toBe('/settings');
    // The teacher's next request must first set up two-factor.
    expect((await before.get('/classes')).headers.location).toBe('/account/two-factor/set-up');
    expect((await before.get('/settings')).headers.location).toBe('/account/two-factor/set-up');
  });

  it('after the security code, goes on to the page an e-mailed link pointed at', async () => {
    const dsl = await makeStaff(t.database.db, schoolId, ['dsl']);
    const browser = new TestBrowser(t.app);
    expect((await browser.get('/classes')).headers.location).toBe('/sign-in?next=%2Fclasses');
    const signedIn = await browser.submit('/sign-in?next=%2Fclasses', '/sign-in', { email: dsl.email, password: dsl.password, next: '/classes' });
    expect(signedIn.headers.location).toBe('/classes');
    const toCode = await browser.get('/classes');
    expect(toCode.headers.location).toBe('/sign-in/two-factor?next=%2Fclasses');
    const done = await browser.submit(toCode.headers.location as string, '/sign-in/two-factor', { code: await totpNow(dsl.totpSecret!), next: '/classes' });
    expect(done.headers.location).toBe('/classes');
  });

  it('a security code works once: the same code is refused the second time', async () => {
    const dsl = await makeStaff(t.database.db, schoolId, ['dsl']);
    const code = await totpNow(dsl.totpSecret!);
    const first = new TestBrowser(t.app);
    await first.submit('/sign-in', '/sign-in', { email: dsl.email, password: dsl.password });
    expect((await first.submit('/sign-in/two-factor', '/sign-in/two-factor', { code })).statusCode).toBe(303);
    // Someone who saw the code over the shoulder, with the password, within the same 30 seconds.
    const second = new TestBrowser(t.app);
    await second.submit('/sign-in', '/sign-in', { email: dsl.email, password: dsl.password });
    const replay = await second.submit('/sign-in/two-factor', '/sign-in/two-factor', { code });
    expect(replay.statusCode).toBe(400);
    expect((await second.get('/classes')).headers.location).toMatch(/^\/sign-in\/two-factor/);
  });

  it('using one reset link, or any new password, ends every other link outstanding for that person', async () => {
    const teacher = await makeStaff(t.database.db, schoolId, ['teacher']);
    const browser = new TestBrowser(t.app);
    const linkFor = async () => {
      await browser.submit('/forgot-password', '/forgot-password', { email: teacher.email });
      const mail = await t.database.db
        .selectFrom('outbox')
        .selectAll()
        .where('to_address', '=', teacher.email)
        .orderBy('created_at', 'desc')
        .limit(1)
        .executeTakeFirstOrThrow();
      return /http:\/\/localhost(\/reset-password\/\S+)/.exec(deliveredText(mail))![1];
    };
    const first = await linkFor();
    const second = await linkFor();
    expect(first).not.toBe(second);
    expect((await browser.submit(second, second, { password: 'the second link password', confirm: 'the second link password' })).headers.location).toBe(
      '/sign-in',
    );
    expect((await browser.get(first)).statusCode).toBe(404);
    const refused = await browser.post(first, {
      _csrf: csrfFrom((await browser.get('/sign-in')).body),
      password: 'an attacker password',
      confirm: 'an attacker password',
    });
    expect(refused.statusCode).toBe(404);

    const third = await linkFor();
    expect((await browser.get(third)).statusCode).toBe(200);
    await t.database.db.updateTable('staff').set({ password_hash: 'changed elsewhere' }).where('id', '=', teacher.id).execute();
    expect((await browser.get(third)).statusCode).toBe(404);
  });

  it('ten wrong passwords sent at once count as ten, so no more than five are ever checked', async () => {
    const office = await makeStaff(t.database.db, schoolId, ['office']);
    const answers = await Promise.all(
      Array.from(
        { length: 10 },
        async () => (await new TestBrowser(t.app).submit('/sign-in', '/sign-in', { email: office.email, password: 'a wrong guess' })).statusCode,
      ),
    );
    expect(answers.filter((status) => status === 400).length).toBeLessThanOrEqual(5);
    expect(answers.filter((status) => status === 429).length).toBeGreaterThanOrEqual(5);
    const counter = await t.database.db.selectFrom('sign_in_counters').select('count').where('key', '=', `sign-in:${office.email}`).executeTakeFirstOrThrow();
    expect(counter.count).toBe(10);
    expect((await new TestBrowser(t.app).submit('/sign-in', '/sign-in', { email: office.email, password: office.password })).statusCode).toBe(429);
  });

  it('a next= with a NUL or another control character is ignored: the person goes home, never to an error page', async () => {
    const teacher = await makeStaff(t.database.db, schoolId, ['teacher']);
    const browser = new TestBrowser(t.app);
    expect((await browser.get('/sign-in?next=%2F%00')).statusCode).toBe(200);
    for (const next of ['/\u0000', '/classes\r\nSet-Cookie: x=1', '/\u007f']) {
      const response = await new TestBrowser(t.app).submit(`/sign-in?next=${encodeURIComponent(next)}`, '/sign-in', {
        email: teacher.email,
        password: teacher.password,
        next,
      });
      expect(response.statusCode, JSON.stringify(next)).toBe(303);
      expect(response.headers.location).toBe('/dashboard');
    }
  });

  it('an API token never signs anyone in on a page, and nothing but static assets may be cached', async () => {
    const head = await makeStaff(t.database.db, schoolId, ['headteacher']);
    const token = await withSchool(t.database.db, schoolId, (tx) => addApiToken(tx, schoolId, { id: null, label: 'test' }, head.email));
    const bearer = { authorization: `Bearer ${token}` };
    const api = await t.app.inject({ url: '/api/v1/consent-purposes', headers: bearer });
    expect(api.statusCode).toBe(200);
    expect(api.headers['cache-control']).toBe('no-store');
    for (const url of ['/classes', '/audit', '/mail', '/dashboard']) {
      const page = await t.app.inject({ url, headers: bearer });
      expect(page.statusCode, url).toBe(303);
      expect(page.headers.location, url).toMatch(/^\/sign-in/);
    }
    // Not even beside a valid session cookie: a page request carrying a token is nobody's.
    const browser = new TestBrowser(t.app);
    await browser.signIn(head);
    const page = await browser.get('/classes');
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect((await browser.request({ method: 'GET', url: '/classes', headers: bearer })).headers.location).toMatch(/^\/sign-in/);
    expect((await t.app.inject({ url: '/sign-in' })).headers['cache-control']).toBe('no-store');
    expect((await t.app.inject({ url: '/api/v1/consent-purposes' })).headers['cache-control']).toBe('no-store');
    expect((await t.app.inject({ url: '/assets/app.js' })).headers['cache-control']).toMatch(/max-age/);
  });

  it('never sends someone off-site after signing in', async () => {
    const teacher = await makeStaff(t.database.db, schoolId, ['teacher']);
    const browser = new TestBrowser(t.app);
    const response = await browser.submit('/sign-in?next=//evil.example', '/sign-in', {
      email: teacher.email,
      password: teacher.password,
      next: '//evil.example',
    });
    expect(response.headers.location).toBe('/dashboard');
  });
});
