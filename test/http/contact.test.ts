import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, csrfFrom, TestBrowser, type TestApp } from '../helpers/app.ts';
import { makeConcernSchool, type ConcernSchool } from '../helpers/concerns.ts';
import { deliveredText } from '../helpers/mail.ts';

const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32)]);

function multipart(fields: Record<string, string>, file?: { filename: string; type: string; content: Buffer }) {
  const boundary = '----esafety-contact-boundary';
  const parts: Buffer[] = Object.entries(fields).map(([k, v]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file)
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="evidence"; filename="${file.filename}"\r\nContent-Type: ${file.type}\r\n\r\n`),
      file.content,
      Buffer.from('\r\n'),
    );
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const concern = {
  about: 'message',
  details: 'My son was sent messages asking for photos by someone he met in a game.',
  name: 'Dawn Evans',
  relationship: 'Mother of a child in Year 5',
  email: 'dawn@example.org',
};

/** POST /schools/{urn}/contact: a family raises a concern without an account. */
describe('the public contact form', () => {
  let t: TestApp;
  let s: ConcernSchool;
  beforeAll(async () => {
    t = await createTestApp('pglite');
    s = await makeConcernSchool(t.database.db);
  }, 400_000);
  afterAll(() => t?.close());

  /** A family's browser: the form page first (for its CSRF token and cookie), then the multipart post. */
  async function send(fields: Record<string, string>, file?: Parameters<typeof multipart>[1], ip = '203.0.113.9') {
    const family = new TestBrowser(t.app);
    const page = await family.get(`/schools/${s.school.urn}/contact`);
    expect(page.statusCode).toBe(200);
    const body = multipart({ _csrf: csrfFrom(page.body), ...fields }, file);
    return family.request({ method: 'POST', url: `/schools/${s.school.urn}/contact`, payload: body.payload, headers: body.headers, remoteAddress: ip });
  }

  it('gives a reference on a confirmation page and by e-mail; the head sees the concern in their list', async () => {
    const response = await send(concern, { filename: 'chat.png', type: 'image/png', content: png });
    expect(response.statusCode).toBe(200);
    const reference = /id="reference">(C-[A-Z2-9]{6})</.exec(response.body)?.[1];
    expect(reference).toBeDefined();
    const mail = await t.database.db
      .selectFrom('outbox')
      .select(['to_address', 'subject', 'body_text', 'sealed_body'])
      .where('school_id', '=', s.school.id)
      .execute();
    const toFamily = mail.find((m) => m.to_address === 'dawn@example.org')!;
    expect(toFamily.subject).toContain(reference);
    expect(deliveredText(toFamily)).not.toContain('asking for photos');
    expect(mail.some((m) => m.to_address === s.staff.head.email)).toBe(true);

    const head = new TestBrowser(t.app);
    await head.signIn(s.staff.head);
    const list = await head.get('/concerns');
    const id = new RegExp(`href="/concerns/([0-9a-f-]{36})"[^>]*>[^<]*raised a concern: a message`, 'i').exec(list.body)?.[1];
    expect(id).toBeDefined();
    const record = await head.get(`/concerns/${id}`);
    expect(record.body).toContain(reference);
    expect(record.body).toContain('Dawn Evans');
    expect(record.body).toContain('chat.png');
    expect(record.body).toContain('Raised by a parent or carer');
  });

  it('refuses to keep a screenshot when the family says it shows nude or sexual images of a child, and routes it to the DSL', async () => {
    const response = await send({ ...concern, involvesNudeImages: 'yes' }, { filename: 'image.png', type: 'image/png', content: png }, '203.0.113.10');
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('the file you attached was not kept');
    const evidence = await t.database.db.selectFrom('concern_evidence').select('file_name').where('file_name', '=', 'image.png').execute();
    expect(evidence).toEqual([]);
    const kept = await t.database.db
      .selectFrom('concerns')
      .select(['restricted', 'involves_nude_images'])
      .where('school_id', '=', s.school.id)
      .where('involves_nude_images', '=', true)
      .executeTakeFirstOrThrow();
    expect(kept.restricted).toBe(true);
  });

  it('names each missing field, refuses without CSRF, answers 404 for an unknown school, and throttles a flood', async () => {
    const empty = await send({}, undefined, '203.0.113.11');
    expect(empty.statusCode).toBe(400);
    for (const href of ['#about', '#details', '#name', '#relationship', '#email']) expect(empty.body).toContain(`href="${href}"`);
    const body = multipart(concern);
    const noCsrf = await t.app.inject({ method: 'POST', url: `/schools/${s.school.urn}/contact`, payload: body.payload, headers: body.headers });
    expect(noCsrf.statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/schools/999999/contact' })).statusCode).toBe(404);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await send(concern, undefined, '198.51.100.7')).statusCode);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
  });
});
