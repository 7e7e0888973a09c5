import { createHmac, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConcernsService } from '../../src/modules/concerns/concerns.service.ts';
import { createMessageService } from '../../src/modules/messages/messages.service.ts';
import { createImportService } from '../../src/modules/people/import.service.ts';
import { addApiToken } from '../../src/modules/school/school.service.ts';
import { withSchool } from '../../src/platform/db/school-scope.ts';
import { deliverDueMail, smtpTransport } from '../../src/platform/mail/delivery.ts';
import { createTestApp, csrfFrom, TestBrowser, type TestApp } from '../helpers/app.ts';
import { actorFor } from '../helpers/concerns.ts';
import { makeSchool, makeStaff, type TestStaff } from '../helpers/factories.ts';
import { startSmtp } from '../helpers/smtp.ts';

const fixtureDir = new URL('../fixtures/oneroster/basic', import.meta.url).pathname;
const serviceId = randomUUID();
const secret = randomUUID();
const apiKey = `esafety_test-${serviceId}-${secret}`;
const templateId = randomUUID();

interface NotifyCall {
  ok: boolean;
  problem: string | null;
  body: { phone_number?: string; template_id?: string; personalisation?: { body?: string }; reference?: string };
}

/** Checks a Notify request as Notify would: the path, the JWT signed with the key's secret and naming the service, and the body. */
function checkNotifyRequest(request: IncomingMessage, raw: string): NotifyCall {
  let body: NotifyCall['body'] = {};
  try {
    body = JSON.parse(raw) as NotifyCall['body'];
  } catch {
    return { ok: false, problem: 'body is not JSON', body };
  }
  if (request.method !== 'POST' || request.url !== '/v2/notifications/sms') return { ok: false, problem: `unexpected ${request.method} ${request.url}`, body };
  const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
  if (!token) return { ok: false, problem: 'no bearer token', body };
  const [header, claims, signature] = token.split('.');
  const expected = createHmac('sha256', secret).update(`${header}.${claims}`).digest('base64url');
  if (signature !== expected) return { ok: false, problem: 'bad signature', body };
  const decoded = JSON.parse(Buffer.from(claims, 'base64url').toString('utf8')) as { iss?: string; iat?: number };
  if (decoded.iss !== serviceId) return { ok: false, problem: 'wrong service id', body };
  if (!decoded.iat || Math.abs(decoded.iat - Date.now() / 1000) > 30) return { ok: false, problem: 'stale token', body };
  if (body.template_id !== templateId) return { ok: false, problem: 'wrong template', body };
  if (!/^(07\d{9}|\+447\d{9})$/.test(body.phone_number ?? '')) return { ok: false, problem: 'not a mobile number', body };
  if (!body.personalisation?.body) return { ok: false, problem: 'no body', body };
  return { ok: true, problem: null, body };
}

describe('messages to carers (AGR-4): the API contract, e-mail, GOV.UK Notify texts and letters', () => {
  let t: TestApp;
  let notify: Server;
  const calls: NotifyCall[] = [];
  let refuse: string | null = null;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let school: { id: string; name: string; urn: string };
  let office: TestStaff;
  let teacher: TestStaff;
  const tokens: Record<string, string> = {};
  let hazelId: string;
  let oakId: string;

  const api = (who: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { authorization: `Bearer ${tokens[who]}` }, ...(payload ? { payload } : {}) });
  /** Carers with parental responsibility for pupils on roll in these classes (or all), from the database. */
  const carersOf = async (classIds: string[] | null) => {
    let query = t.database.db
      .selectFrom('pupil_carers as pc')
      .innerJoin('pupils as p', 'p.id', 'pc.pupil_id')
      .innerJoin('carers as k', 'k.id', 'pc.carer_id')
      .select(['k.id', 'k.email', 'k.phone'])
      .distinct()
      .where('pc.parental_responsibility', '=', true)
      .where('p.on_roll', '=', true)
      .where('p.school_id', '=', school.id);
    if (classIds) query = query.where('p.class_id', 'in', classIds);
    return query.execute();
  };

  beforeAll(async () => {
    notify = createServer((request, response) => {
      let raw = '';
      request.on('data', (c: Buffer) => (raw += c.toString('utf8')));
      request.on('end', () => {
        const call = checkNotifyRequest(request, raw);
        calls.push(call);
        response.setHeader('content-type', 'application/json');
        if (!call.ok || (refuse && call.body.phone_number === refuse)) {
          response.statusCode = 400;
          response.end(JSON.stringify({ status_code: 400, errors: [{ error: 'BadRequestError', message: call.problem ?? 'Not a valid phone number' }] }));
          return;
        }
        response.statusCode = 201;
        response.end(
          JSON.stringify({ id: randomUUID(), reference: call.body.reference, content: { body: call.body.personalisation?.body, from_number: 'SCHOOL' } }),
        );
      });
    });
    await new Promise<void>((resolve) => notify.listen(0, '127.0.0.1', resolve));
    const { port } = notify.address() as AddressInfo;
    smtp = await startSmtp();
    t = await createTestApp('pglite', { notifyApiKey: apiKey, notifyBaseUrl: `http://127.0.0.1:${port}`, notifySmsTemplateId: templateId });
    school = await makeSchool(t.database.db, { name: 'Hazelwood Primary' });
    await createImportService(t.database.schools).importFromPath(school.id, { id: null, label: 'test' }, fixtureDir, false);
    office = await makeStaff(t.database.db, school.id, ['office']);
    teacher = await makeStaff(t.database.db, school.id, ['teacher']);
    for (const [name, staff] of Object.entries({ office, teacher }))
      tokens[name] = await withSchool(t.database.db, school.id, (tx) => addApiToken(tx, school.id, { id: null, label: 'test' }, staff.email));
    hazelId = (await t.database.db.selectFrom('classes').select('id').where('title', '=', 'Year 3 Hazel').executeTakeFirstOrThrow()).id;
    oakId = (await t.database.db.selectFrom('classes').select('id').where('title', '=', 'Year 4 Oak').executeTakeFirstOrThrow()).id;
  }, 180_000);
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
    await new Promise((resolve) => notify?.close(resolve));
  });

  let firstId: string;

  it('counts each carer with parental responsibility once, and e-mails and texts them', async () => {
    const carers = await carersOf([hazelId, oakId]);
    // The Clarkes have a child in each class: one recipient each all the same.
    const response = await api('office', 'POST', '/api/v1/messages', {
      audience: { classIds: [hazelId, oakId] },
      template: 'welcome',
      subject: 'Welcome to Hazelwood',
      body: 'Welcome to the school. Please read our e-safety policy.',
      channels: ['email', 'sms', 'letter'],
    });
    expect(response.statusCode).toBe(201);
    const sent = response.json<{ id: string; recipients: number; email: number; sms: number; letters: number }>();
    firstId = sent.id;
    const mobile = (phone: string | null) => Boolean(phone && /^07/.test(phone.replace(/\s/g, '')));
    expect(sent).toMatchObject({
      recipients: carers.length,
      email: carers.filter((c) => c.email).length,
      sms: carers.filter((c) => mobile(c.phone)).length,
      letters: carers.filter((c) => !c.email && !mobile(c.phone)).length,
    });
    expect(new Set(carers.map((c) => c.id)).size).toBe(carers.length);
    const sarah = await t.database.db.selectFrom('outbox').select('id').where('to_address', '=', 'sarah.clarke@example.com').execute();
    expect(sarah.length).toBe(1);
  });

  it('GET gives the same counts and the delivery state, which follows the outbox and Notify', async () => {
    const before = (await api('office', 'GET', `/api/v1/messages/${firstId}`)).json<{
      recipients: number;
      email: number;
      sms: number;
      delivery: { email: { queued: number; sent: number }; sms: { queued: number; sent: number; failed: number } };
    }>();
    expect(before.delivery.email).toMatchObject({ queued: before.email, sent: 0 });
    expect(before.delivery.sms).toMatchObject({ queued: before.sms, sent: 0 });

    const delivered = await deliverDueMail(t.database.db, smtpTransport(smtp.url), 'School <office@school.example>');
    expect(delivered.sent).toBe(before.email);
    expect(smtp.received.some((m) => m.to === 'priya.patel@example.com' && m.raw.includes('Welcome to the school'))).toBe(true);

    refuse = '07700900103';
    const texts = createMessageService(t.database.schools, t.config);
    expect(await texts.sendTexts()).toBe(before.sms - 1);
    // Every request Notify received was well formed, signed for this service, through the chosen template.
    expect(calls.length).toBe(before.sms);
    expect(calls.filter((c) => !c.ok)).toEqual([]);
    expect(calls[0].body.personalisation!.body).toContain('Hazelwood Primary: Welcome to Hazelwood');
    const after = (await api('office', 'GET', `/api/v1/messages/${firstId}`)).json<typeof before>();
    expect(after.delivery.email).toMatchObject({ queued: 0, sent: before.email });
    expect(after.delivery.sms).toMatchObject({ sent: before.sms - 1, queued: 1, failed: 0 });
    // The refused number is tried again, and marked failed after the last attempt.
    for (let i = 0; i < 4; i++) await texts.sendTexts();
    const last = (await api('office', 'GET', `/api/v1/messages/${firstId}`)).json<typeof before>();
    expect(last.delivery.sms).toMatchObject({ sent: before.sms - 1, queued: 0, failed: 1 });
    const browser = new TestBrowser(t.app);
    await browser.signIn(office);
    expect((await browser.get(`/messages/${firstId}`)).body).toContain('Not a valid phone number');
  });

  it('families with neither e-mail nor a mobile get a printed letter', async () => {
    await t.database.db.updateTable('carers').set({ email: null }).where('email', '=', 'ayesha.khan@example.com').execute();
    const response = await api('office', 'POST', '/api/v1/messages', {
      audience: { everyone: true },
      subject: 'Newsletter',
      body: 'Staying safe online: this term the children learn the SMART rules.',
      channels: ['email', 'letter'],
    });
    expect(response.statusCode).toBe(201);
    const carers = await carersOf(null);
    const sent = response.json<{ id: string; recipients: number; email: number; sms: number; letters: number }>();
    expect(sent).toMatchObject({
      recipients: carers.length,
      email: carers.filter((c) => c.email).length,
      sms: 0,
      letters: carers.filter((c) => !c.email).length,
    });
    expect(sent.letters).toBeGreaterThan(0);
    const browser = new TestBrowser(t.app);
    await browser.signIn(office);
    const letters = await browser.get(`/messages/${sent.id}/letters`);
    expect(letters.statusCode).toBe(200);
    expect((letters.body.match(/Dear /g) ?? []).length).toBe(sent.letters);
    expect(letters.body).toContain('the SMART rules');
    const page = await browser.get(`/messages/${sent.id}`);
    const printed = await browser.post(`/messages/${sent.id}/letters/printed`, { _csrf: csrfFrom(page.body) });
    expect(printed.statusCode).toBe(303);
    expect((await api('office', 'GET', `/api/v1/messages/${sent.id}`)).json()).toMatchObject({ delivery: { letters: { toPrint: 0, printed: sent.letters } } });
  });

  it('refuses a message without an audience, subject or channel, naming the field; teachers may not send', async () => {
    const base = { audience: { classIds: [hazelId] }, subject: 'Hello', body: 'Words', channels: ['email'] };
    for (const [body, status, field] of [
      [{ ...base, audience: {} }, 422, 'audience'],
      [{ ...base, audience: { classIds: [randomUUID()] } }, 422, 'audience.classIds'],
      [{ ...base, audience: { newAdmissionsSince: '2026-02-31' } }, 422, 'audience.newAdmissionsSince'],
      [{ ...base, subject: '  ' }, 422, 'subject'],
      [{ ...base, template: 'no-such' }, 422, 'template'],
      [{ ...base, channels: ['pigeon'] }, 400, undefined],
    ] as const) {
      const response = await api('office', 'POST', '/api/v1/messages', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(status);
      if (field) expect(response.json()).toMatchObject({ field });
    }
    expect((await api('teacher', 'POST', '/api/v1/messages', base)).statusCode).toBe(403);
    expect((await api('teacher', 'GET', `/api/v1/messages/${firstId}`)).statusCode).toBe(403);
    expect((await api('office', 'GET', `/api/v1/messages/${randomUUID()}`)).statusCode).toBe(404);
  });

  it('new admissions since a date reach only the families of children who joined since', async () => {
    await t.database.db.updateTable('pupils').set({ admission_date: '2020-09-01' }).where('school_id', '=', school.id).execute();
    await t.database.db.updateTable('pupils').set({ admission_date: '2026-11-02' }).where('given_name', '=', 'Oliver').execute();
    const response = await api('office', 'POST', '/api/v1/messages', {
      audience: { newAdmissionsSince: '2026-11-01' },
      subject: 'Welcome',
      body: 'Welcome to the school.',
      channels: ['email'],
    });
    expect(response.json()).toMatchObject({ recipients: 1, email: 1 });
  });

  it('the office sends from the form only after checking who it goes to', async () => {
    const browser = new TestBrowser(t.app);
    await browser.signIn(office);
    const form = await browser.get('/messages/new?template=welcome');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('aged 13 and over');
    expect(form.body).toContain(`/schools/${school.urn}/policies`);
    const missing = await browser.submit('/messages/new?template=welcome', '/messages', {
      template: 'welcome',
      subject: 'Welcome',
      body: 'Hello',
      channels: 'email',
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Choose who the message is for');
    const before = await t.database.db.selectFrom('messages').select('id').execute();
    const check = await browser.submit('/messages/new?template=welcome', '/messages', {
      template: 'welcome',
      who: 'classes',
      classIds: hazelId,
      subject: 'Welcome',
      body: 'Hello families',
      channels: ['email', 'letter'],
    });
    expect(check.statusCode).toBe(200);
    expect(check.body).toContain('Check before you send');
    expect((await t.database.db.selectFrom('messages').select('id').execute()).length).toBe(before.length);
    const fields = [...check.body.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)];
    const resend: Record<string, string[]> = {};
    for (const [, name, value] of fields) if (name !== '_csrf') (resend[name] ??= []).push(value.replace(/&amp;/g, '&'));
    resend._csrf = [csrfFrom(check.body)];
    const sent = await browser.post('/messages', resend);
    expect(sent.statusCode).toBe(303);
    expect((await t.database.db.selectFrom('messages').select('id').execute()).length).toBe(before.length + 1);
  });

  it('cyber bullying: the carers of the pupils in the concern are sent the letter, and the concern’s timeline says so', async () => {
    const oliver = await t.database.db.selectFrom('pupils').select('id').where('given_name', '=', 'Oliver').executeTakeFirstOrThrow();
    const concerns = createConcernsService(t.database.schools, t.config);
    const reported = await concerns.report(actorFor(school, office), {
      type: 'cyber-bullying',
      summary: 'Unkind messages in a group chat',
      details: 'Reported by a parent at the gate.',
      occurredAt: new Date(Date.now() - 86400_000),
      location: 'out-of-school',
      outOfHours: true,
      platform: 'WhatsApp',
      pupilIds: [oliver.id],
      staffIds: [],
      carerIds: [],
      others: [],
      links: [],
      involvesNudeImages: false,
    });
    // The headteacher sees the whole concern; whoever may not see it gets 404 from the message form too.
    const officeBrowser = new TestBrowser(t.app);
    await officeBrowser.signIn(office);
    const browser = new TestBrowser(t.app);
    await browser.signIn(await makeStaff(t.database.db, school.id, ['headteacher']));
    expect((await browser.get(`/concerns/${reported.id}`)).body).toContain(`/messages/new?template=cyber-bullying&amp;concernId=${reported.id}`);
    const url = `/messages/new?template=cyber-bullying&concernId=${reported.id}&platform=whatsapp`;
    const form = await browser.get(url);
    expect(form.body).toContain('In WhatsApp');
    const subject = /name="subject" type="text" value="([^"]+)"/.exec(form.body)![1];
    const body = /<textarea[^>]*name="body"[^>]*>([\s\S]*?)<\/textarea>/
      .exec(form.body)![1]
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&')
      .replace(/&quot;/g, '"');
    const refused = await officeBrowser.submit(url, '/messages', {
      template: 'cyber-bullying',
      concernId: reported.id,
      subject: 'x',
      body: 'y',
      channels: 'email',
    });
    expect(refused.statusCode).toBe(404);
    const check = await browser.submit(url, '/messages', {
      template: 'cyber-bullying',
      concernId: reported.id,
      platform: 'whatsapp',
      subject,
      body,
      channels: ['email', 'letter'],
    });
    expect(check.statusCode).toBe(200);
    const sent = await browser.post('/messages', {
      _csrf: csrfFrom(check.body),
      template: 'cyber-bullying',
      concernId: reported.id,
      platform: 'whatsapp',
      subject,
      body,
      channels: ['email', 'letter'],
      confirm: 'yes',
    });
    expect(sent.statusCode).toBe(303);
    const mail = await t.database.db
      .selectFrom('outbox')
      .select(['body_text'])
      .where('to_address', '=', 'priya.patel@example.com')
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    expect(mail.body_text).toContain('In WhatsApp');
    expect(mail.body_text).not.toContain('Oliver');
    const entries = await t.database.db.selectFrom('concern_entries').select(['action_key', 'note']).where('concern_id', '=', reported.id).execute();
    expect(entries).toEqual([expect.objectContaining({ action_key: 'carers-informed', note: expect.stringContaining('sent to 1 carer') })]);
  });
});
