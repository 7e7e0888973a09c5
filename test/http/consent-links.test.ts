import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createImportService } from '../../src/modules/people/import.service.ts';
import { createConsentLinkService } from '../../src/modules/consent/consent-link.service.ts';
import { takeAttempt } from '../../src/platform/db/school-database.ts';
import { createTestApp, csrfFrom, TestBrowser, type TestApp } from '../helpers/app.ts';
import { makeSchool, makeStaff } from '../helpers/factories.ts';
import { deliveredText } from '../helpers/mail.ts';

const fixtureDir = new URL('../fixtures/oneroster/basic', import.meta.url).pathname;

describe('carers answer from a personal link', () => {
  let t: TestApp;
  let schoolId: string;
  let office: TestBrowser;
  let hazelId: string;

  const linksIn = async (to?: string) => {
    let query = t.database.db
      .selectFrom('outbox')
      .select(['to_address', 'body_text', 'sealed_body'])
      .where('school_id', '=', schoolId)
      .orderBy('created_at', 'desc');
    if (to) query = query.where('to_address', '=', to);
    return (await query.execute()).map((m) => ({
      to: m.to_address,
      path: /http:\/\/localhost(\/consent\/answer\/\S+)/.exec(deliveredText(m))?.[1] ?? null,
      text: deliveredText(m),
    }));
  };

  beforeAll(async () => {
    t = await createTestApp('pglite');
    schoolId = (await makeSchool(t.database.db, { name: 'John Clifford Primary' })).id;
    await createImportService(t.database.schools).importFromPath(schoolId, { id: null, label: 'test' }, fixtureDir, false);
    hazelId = (await t.database.db.selectFrom('classes').select('id').where('title', '=', 'Year 3 Hazel').executeTakeFirstOrThrow()).id;
    office = new TestBrowser(t.app);
    await office.signIn(await makeStaff(t.database.db, schoolId, ['office']));
    const sent = await office.submit('/consent/requests/new', '/consent/requests', { scope: 'class', classId: hazelId, confirm: 'yes' });
    expect(sent.statusCode).toBe(303);
  });
  afterAll(() => t.close());

  it('e-mails every carer with parental responsibility a link that says nothing about the child', async () => {
    const mails = await linksIn();
    expect(mails.length).toBeGreaterThanOrEqual(4);
    for (const mail of mails) {
      expect(mail.path).toMatch(/^\/consent\/answer\/[A-Za-z0-9_-]{40,}$/);
      expect(mail.text).not.toMatch(/Amelia|Oliver|Isla|Muhammad/);
    }
  });

  it('the link shows only that family’s children and records every answer with the typed name', async () => {
    const [mail] = await linksIn();
    const carer = new TestBrowser(t.app);
    const page = await carer.get(mail.path!);
    expect(page.statusCode).toBe(200);
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.body).toContain('Please do not post photographs or videos of other people’s children');
    const fields = [...page.body.matchAll(/name="(answer\.[^"]+)"/g)].map((m) => m[1]);
    const unique = [...new Set(fields)];
    expect(unique.length % 6).toBe(0);

    const incomplete = await carer.post(mail.path!, { _csrf: csrfFrom(page.body), [unique[0]]: 'granted' });
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.body).toContain('Choose yes or no for');
    expect(incomplete.body).toContain('Type your full name');

    const answers = Object.fromEntries(unique.map((f, i) => [f, i % 2 === 0 ? 'granted' : 'refused']));
    const done = await carer.post(mail.path!, { _csrf: csrfFrom(incomplete.body), ...answers, confirmName: 'A Parent' });
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('Thank you');
    const decisions = await t.database.db
      .selectFrom('consent_decisions')
      .selectAll()
      .where('school_id', '=', schoolId)
      .where('method', '=', 'online')
      .execute();
    expect(decisions).toHaveLength(unique.length);
    expect(decisions[0].note).toContain('A Parent');
    // Answering again adds to the history.
    const again = await carer.get(mail.path!);
    await carer.post(mail.path!, { _csrf: csrfFrom(again.body), ...answers, confirmName: 'A Parent' });
    expect(await t.database.db.selectFrom('consent_decisions').select('id').where('method', '=', 'online').execute()).toHaveLength(unique.length * 2);
  });

  it('refuses the whole form when another family’s pupil is posted into it', async () => {
    const [first, ...others] = await linksIn();
    const carer = new TestBrowser(t.app);
    const page = await carer.get(first.path!);
    const ownFields = [...new Set([...page.body.matchAll(/name="(answer\.[^"]+)"/g)].map((m) => m[1]))];
    let foreign: string | undefined;
    for (const other of others) {
      const otherPage = await new TestBrowser(t.app).get(other.path!);
      foreign ??= [...otherPage.body.matchAll(/name="(answer\.[^"]+)"/g)].map((m) => m[1]).find((f) => !ownFields.includes(f));
    }
    expect(foreign).toBeTruthy();
    const before = await t.database.db.selectFrom('consent_decisions').select('id').execute();
    const answers = Object.fromEntries([...ownFields, foreign!].map((f) => [f, 'granted']));
    const tampered = await carer.post(first.path!, { _csrf: csrfFrom(page.body), ...answers, confirmName: 'Someone' });
    expect(tampered.statusCode).toBe(400);
    expect(tampered.body).toContain('This form has been changed');
    expect(await t.database.db.selectFrom('consent_decisions').select('id').execute()).toHaveLength(before.length);
  });

  it('a tampered, revoked or expired link opens nothing, and a replayed form is refused', async () => {
    const [mail] = await linksIn();
    const carer = new TestBrowser(t.app);
    expect((await carer.get(`${mail.path!.slice(0, -3)}abc`)).statusCode).toBe(404);
    const page = await carer.get(mail.path!);
    const request = await t.database.db.selectFrom('consent_requests').select('id').executeTakeFirstOrThrow();
    const detail = await office.get(`/consent/requests/${request.id}`);
    const revoke = /action="(\/consent\/requests\/[^"]+\/links\/[^"]+\/revoke)"/.exec(detail.body)![1];
    const linkId = /links\/([^/]+)\/revoke/.exec(revoke)![1];
    const owner = await t.database.db.selectFrom('consent_links').select('token_hash').where('id', '=', linkId).executeTakeFirstOrThrow();
    expect(owner).toBeTruthy();
    await office.post(revoke, { _csrf: csrfFrom(detail.body) });
    // Expire every remaining link, then replay the form that was open.
    await t.database.db
      .updateTable('consent_links')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .execute();
    const replay = await carer.post(mail.path!, { _csrf: csrfFrom(page.body), confirmName: 'Late' });
    expect(replay.statusCode).toBe(404);
    expect(replay.body).toContain('This link has expired');
    await t.database.db
      .updateTable('consent_links')
      .set({ expires_at: new Date(Date.now() + 86400_000) })
      .execute();
    const revoked = await t.database.db.selectFrom('consent_links').select('revoked_at').where('id', '=', linkId).executeTakeFirstOrThrow();
    expect(revoked.revoked_at).not.toBeNull();
  });

  it('reminds families who have not answered after the set number of days, with a fresh link', async () => {
    const links = createConsentLinkService(t.database.schools, t.config);
    expect(await links.sendReminders(new Date())).toBe(0);
    await t.database.db
      .updateTable('consent_links')
      .set({ emailed_at: new Date(Date.now() - 8 * 86400_000) })
      .execute();
    const unanswered = await t.database.db.selectFrom('consent_links').select('id').where('answered_at', 'is', null).where('revoked_at', 'is', null).execute();
    expect(await links.sendReminders(new Date())).toBe(unanswered.length);
    expect(await links.sendReminders(new Date())).toBe(0);
    const reminder = (await linksIn()).find((m) => m.text.includes('reminder') || m.text.includes('still waiting'))!;
    expect((await new TestBrowser(t.app).get(reminder.path!)).statusCode).toBe(200);
  });

  it('shows progress per class and asks for express permission for a named use', async () => {
    const overview = await office.get('/consent');
    const answered = /Year 3 Hazel<\/a><\/th>\s*<td[^>]*>(\d+)<\/td>/.exec(overview.body);
    expect(Number(answered?.[1])).toBeGreaterThanOrEqual(1);
    const amelia = await t.database.db.selectFrom('pupils').select('id').where('sourced_id', '=', 'stu-001').executeTakeFirstOrThrow();
    const missing = await office.submit('/consent/express/new', '/consent/express', { title: '', description: '' });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Choose at least one pupil');
    const sent = await office.submit('/consent/express/new', '/consent/express', {
      title: 'Sports Day article in the local paper',
      description: 'A photograph with first names in the Trent Valley News',
      pupils: amelia.id,
    });
    expect(sent.statusCode).toBe(303);
    const detail = await office.get(sent.headers.location as string);
    expect(detail.body).toContain('Sports Day article in the local paper');
    expect(detail.body).toContain('No answer');
  });

  it('with the home-school agreement included, the family answers and signs both from the one link', async () => {
    const oakId = (await t.database.db.selectFrom('classes').select('id').where('title', '=', 'Year 4 Oak').executeTakeFirstOrThrow()).id;
    const check = await office.submit('/consent/requests/new', '/consent/requests', { scope: 'class', classId: oakId, withAgreement: 'yes' });
    expect(check.body).toContain('The school’s questions about photographs and media, then the home-school agreement');
    expect(check.body).toContain('<input type="hidden" name="withAgreement" value="yes">');
    const sent = await office.post('/consent/requests', { _csrf: csrfFrom(check.body), scope: 'class', classId: oakId, withAgreement: 'yes', confirm: 'yes' });
    expect(sent.statusCode).toBe(303);
    const [mail] = await linksIn('emma.wright@example.com');
    expect(mail.text).toContain('also asks you to read and sign the home-school agreement');
    expect(mail.text).not.toContain('/agreements/sign/');
    const carer = new TestBrowser(t.app);
    const page = await carer.get(mail.path!);
    expect(page.body).toContain('read and sign it first');
    const fields = [...new Set([...page.body.matchAll(/name="(answer\.[^"]+)"/g)].map((m) => m[1]))];
    const answered = await carer.post(mail.path!, {
      _csrf: csrfFrom(page.body),
      ...Object.fromEntries(fields.map((f) => [f, 'granted'])),
      confirmName: 'Emma Wright',
    });
    expect(answered.statusCode).toBe(200);
    expect(answered.body).toContain('Now sign the home-school agreement');
    const signPath = /href="(\/agreements\/sign\/[A-Za-z0-9_-]+)"/.exec(answered.body)![1];
    const signPage = await carer.get(signPath);
    expect(signPage.statusCode).toBe(200);
    expect(signPage.body).toContain('Alex Wright');
    const signed = await carer.submit(signPath, signPath, { typedName: 'Emma Wright' });
    expect(signed.statusCode).toBe(200);
    const signatures = await t.database.db.selectFrom('agreement_signatures').select(['method', 'typed_name']).where('school_id', '=', schoolId).execute();
    expect(signatures).toEqual([{ method: 'online', typed_name: 'Emma Wright' }]);
    // Signed: the consent page no longer sends them on.
    expect((await carer.get(mail.path!)).body).not.toContain('read and sign it first');
    // Without the agreement, the e-mail asks about photographs only (as the first request did).
    const [hazelMail] = (await linksIn()).filter((m) => !m.text.includes('home-school'));
    expect(hazelMail.path).toBeTruthy();
  });

  it('refuses an address that has opened 120 links in 15 minutes, before looking the link up', async () => {
    expect([
      await takeAttempt(t.database.schools, 'test-key', { max: 2, windowMinutes: 15 }),
      await takeAttempt(t.database.schools, 'test-key', { max: 2, windowMinutes: 15 }),
      await takeAttempt(t.database.schools, 'test-key', { max: 2, windowMinutes: 15 }),
    ]).toEqual([true, true, false]);
    const [mail] = await linksIn();
    const address = '203.0.113.9';
    await t.database.db
      .insertInto('sign_in_attempts')
      .values(Array.from({ length: 119 }, () => ({ key: `consent-link:${address}` })))
      .execute();
    const open = () => t.app.inject({ method: 'GET', url: mail.path!, remoteAddress: address });
    expect((await open()).statusCode).not.toBe(429);
    const refused = await open();
    expect(refused.statusCode).toBe(429);
    expect(refused.body).toContain('Too many requests from your connection');
  });
});
