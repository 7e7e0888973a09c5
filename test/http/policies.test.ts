import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withSchool } from '../../src/platform/db/school-scope.ts';
import { addApiToken } from '../../src/modules/school/school.service.ts';
import { createPoliciesService } from '../../src/modules/policies/policies.module.ts';
import { actorFor } from '../helpers/concerns.ts';
import { createTestApp, csrfFrom, TestBrowser, type TestApp } from '../helpers/app.ts';
import { makeSchool, makeStaff, type TestStaff } from '../helpers/factories.ts';
import { cpuStopwatch } from '../helpers/cpu.ts';

const seedPath = (name: string) => new URL(`../fixtures/policies/${name}.txt`, import.meta.url);

function multipart(fields: Record<string, string>, file: { name: string; content: Uint8Array; type: string }) {
  const boundary = '----esafety-policy-boundary';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`));
  parts.push(Buffer.from(file.content), Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** The text of the page without tags, as a person reads it. */
const visible = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&rsquo;/g, '’')
    .replace(/\s+/g, ' ');
const errorLinks = (html: string) => [...(/govuk-error-summary__list">([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '').matchAll(/href="(#[^"]+)"/g)].map((m) => m[1]);

describe('policies over HTTP: import, draft, approval, signatures, publication and acknowledgement', () => {
  let t: TestApp;
  let school: { id: string; urn: string; name: string };
  let head: TestStaff;
  let chair: TestStaff;
  let teacher: TestStaff;
  const browsers: Record<string, TestBrowser> = {};
  const names: Record<string, string> = {};
  let policyId = '';

  beforeAll(async () => {
    t = await createTestApp('pglite');
    school = await makeSchool(t.database.db, { name: 'Low Ash Primary School' });
    head = await makeStaff(t.database.db, school.id, ['headteacher']);
    chair = await makeStaff(t.database.db, school.id, ['governor']);
    teacher = await makeStaff(t.database.db, school.id, ['teacher']);
    for (const [key, person] of Object.entries({ head, chair, teacher })) {
      browsers[key] = new TestBrowser(t.app);
      await browsers[key].signIn(person);
      const row = await t.database.db.selectFrom('staff').select(['given_name', 'family_name']).where('id', '=', person.id).executeTakeFirstOrThrow();
      names[key] = `${row.given_name} ${row.family_name}`;
    }
  });
  afterAll(() => t.close());

  const upload = async (name: string, content: Uint8Array, type = 'text/plain') => {
    const page = await browsers.head.get('/policies/import');
    return browsers.head.request({ method: 'POST', url: '/policies/import', ...multipart({ _csrf: csrfFrom(page.body) }, { name, content, type }) });
  };

  it('refuses a file it cannot read, saying why, and adds nothing', async () => {
    const response = await upload('policy.doc', new TextEncoder().encode('old word'), 'application/msword');
    expect(response.statusCode).toBe(400);
    expect(errorLinks(response.body)).toEqual(['#file']);
    expect(visible(response.body)).toContain('old Word document (.doc)');
    expect(await t.database.db.selectFrom('policies').select('id').execute()).toHaveLength(0);
  });

  it('asks for the file again when none is chosen, or the chosen one is empty, and adds nothing', async () => {
    for (const name of ['', 'empty-policy.txt']) {
      const response = await upload(name, new Uint8Array());
      expect(response.statusCode).toBe(400);
      expect(errorLinks(response.body)).toEqual(['#file']);
    }
    expect(await t.database.db.selectFrom('policies').select('id').execute()).toHaveLength(0);
  });

  it('imports Low Ash’s policy as a draft and shows what its paperwork says, leaving out nothing it did not find', async () => {
    const response = await upload('low-ash-social-media.txt', readFileSync(seedPath('001_39f3c72a91680229')));
    expect(response.statusCode).toBe(303);
    const edit = await browsers.head.get(String(response.headers.location));
    expect(edit.statusCode).toBe(200);
    const text = visible(edit.body);
    expect(text).toContain('low-ash-social-media.txt imported as a draft');
    expect(text).toContain('Approved 2021-10-20 by The Governing Body');
    expect(text).toContain('Last reviewed 2021-10-21');
    expect(text).toContain('Next review due Autumn 2022');
    expect(text).toContain('Name not given, Chair of Governors');
    expect(text).toContain('Headings 12 found');
    // The text's own next review date has passed: flagged for the head to change before approval.
    expect(text).toContain('“Next review due Autumn 2022”: Autumn 2022 has passed.');
    policyId = /\/policies\/([0-9a-f-]{36})\//.exec(String(response.headers.location))![1];
    const original = await browsers.head.get(`/policies/${policyId}/versions/1/original`);
    expect(original.headers['content-disposition']).toBe('attachment; filename="low-ash-social-media.txt"');
    expect(original.rawPayload.equals(readFileSync(seedPath('001_39f3c72a91680229')))).toBe(true);
    const register = visible((await browsers.head.get('/policies')).body);
    expect(register).toContain('Social Media Policy');
    expect(register).toContain('Not yet approved');
  });

  it('edits the draft with the GOV.UK error pattern, and shows HTML typed into it as text', async () => {
    const page = `/policies/${policyId}/versions/1/edit`;
    const empty = await browsers.head.submit(page, page, { body: '', changeSummary: '' });
    expect(empty.statusCode).toBe(400);
    expect(errorLinks(empty.body)).toEqual(['#body', '#changeSummary']);
    const body = '# Social Media Policy\n\n## 1. Scope\n\nStaff must not add pupils as friends.\n\n<script>alert("x")</script>\n';
    const saved = await browsers.head.submit(page, page, { body, changeSummary: 'Reviewed by governors' });
    expect(saved.statusCode).toBe(303);
    const version = await browsers.head.get(`/policies/${policyId}/versions/1`);
    expect(version.body).toContain('<h3 class="govuk-heading-m">1. Scope</h3>');
    expect(version.body).toContain('&lt;script&gt;alert');
    expect(version.body).not.toContain('<script>alert');
    expect(visible(version.body)).toContain('Reviewed by governors');
  });

  it('does not show a draft to staff who do not keep the register, nor publish it', async () => {
    expect((await browsers.teacher.get(`/policies/${policyId}/versions/1`)).statusCode).toBe(404);
    const list = await t.app.inject({ method: 'GET', url: `/schools/${school.urn}/policies` });
    expect(list.statusCode).toBe(200);
    expect(visible(list.body)).toContain('No policies have been published yet.');
    expect((await t.app.inject({ method: 'GET', url: `/schools/${school.urn}/policies/social-media-policy` })).statusCode).toBe(404);
  });

  it('sends the draft for approval, checking the meeting date and the signatories', async () => {
    const page = `/policies/${policyId}/approval`;
    const form = await browsers.head.get(page);
    expect(form.body).toContain('value="Governing body"');
    const wrong = await browsers.head.submit(page, page, {
      approvingBody: 'Governing body',
      'meetingDate-day': '31',
      'meetingDate-month': '2',
      'meetingDate-year': '2026',
      signatory0: head.id,
      signatory1: head.id,
    });
    expect(wrong.statusCode).toBe(400);
    expect(errorLinks(wrong.body)).toEqual(['#meetingDate-day', '#signatory1']);
    expect(visible(wrong.body)).toContain('cannot sign twice');
    const sent = await browsers.head.submit(page, page, {
      approvingBody: 'Full governing body',
      'meetingDate-day': '14',
      'meetingDate-month': '10',
      'meetingDate-year': '2026',
      minuteRef: 'FGB 26/14',
      signatory0: head.id,
      signatory1: chair.id,
    });
    expect(sent.statusCode).toBe(303);
    const mail = await t.database.db.selectFrom('outbox').select(['to_address', 'subject', 'body_text']).where('subject', 'like', '%signature%').execute();
    expect(mail.map((m) => m.to_address).sort()).toEqual([head.email, chair.email].sort());
    expect(mail[0].body_text).toContain(`/policies/${policyId}/versions/1`);
    expect(mail[0].body_text).not.toContain('pupils as friends');
  });

  it('the signatories sign with their typed name; the last signature approves and locks the version', async () => {
    const page = `/policies/${policyId}/versions/1`;
    expect(visible((await browsers.chair.get('/dashboard')).body)).toContain('Waiting for your signature');
    const wrongName = await browsers.chair.submit(page, `${page}/sign`, { typedName: 'Somebody Else' });
    expect(wrongName.statusCode).toBe(400);
    expect(errorLinks(wrongName.body)).toEqual(['#typedName']);
    const first = await browsers.chair.submit(page, `${page}/sign`, { typedName: names.chair.toUpperCase() });
    expect(first.statusCode).toBe(303);
    expect(visible((await browsers.chair.get(page)).body)).toContain('Signed. Waiting for the other signatories.');
    expect((await browsers.teacher.get(page)).statusCode).toBe(404);
    const last = await browsers.head.submit(page, `${page}/sign`, { typedName: names.head });
    expect(last.statusCode).toBe(303);
    const approved = visible((await browsers.head.get(page)).body);
    expect(approved).toContain('this version is approved and published');
    expect(approved).toContain(`Chair of governors: signed by ${names.chair.toUpperCase()}`);
    expect(approved).toContain(`Headteacher: signed by ${names.head}`);
    const edit = await browsers.head.submit(`${page}/edit`, `${page}/edit`, { body: 'changed', changeSummary: 'sneaky' });
    expect(edit.statusCode).toBe(400);
    expect(visible(edit.body)).toContain('approved and locked');
  });

  it('publishes the approved version for parents, without signing in, printable', async () => {
    const list = await t.app.inject({ method: 'GET', url: `/schools/${school.urn}/policies` });
    expect(list.statusCode).toBe(200);
    expect(visible(list.body)).toContain('Low Ash Primary School');
    const policy = await t.app.inject({ method: 'GET', url: `/schools/${school.urn}/policies/social-media-policy` });
    expect(policy.statusCode).toBe(200);
    expect(visible(policy.body)).toContain('Staff must not add pupils as friends.');
    expect(visible(policy.body)).toContain('Print');
    expect((await t.app.inject({ method: 'GET', url: '/schools/999999/policies' })).statusCode).toBe(404);
  });

  it('asks the teacher to read and confirm it, and shows the head who has', async () => {
    const mail = await t.database.db.selectFrom('outbox').select('to_address').where('subject', '=', 'A school policy needs you to read it').execute();
    expect(mail.map((m) => m.to_address)).toContain(teacher.email);
    const dashboard = visible((await browsers.teacher.get('/dashboard')).body);
    expect(dashboard).toContain('Please read and confirm: Social Media Policy');
    const before = visible((await browsers.head.get(`/policies/${policyId}/acknowledgements`)).body);
    expect(before).toMatch(/0 of 3 people have confirmed/);
    const page = `/policies/${policyId}/versions/1`;
    expect((await browsers.teacher.submit(page, `${page}/acknowledge`, {})).statusCode).toBe(303);
    expect(visible((await browsers.teacher.get(page)).body)).toContain('You have confirmed that you have read and understood this policy.');
    expect(visible((await browsers.teacher.get('/dashboard')).body)).not.toContain('Please read and confirm');
    expect(visible((await browsers.head.get(`/policies/${policyId}/acknowledgements`)).body)).toMatch(/1 of 3 people have confirmed/);
    const chased = await browsers.head.submit(`/policies/${policyId}/acknowledgements`, `/policies/${policyId}/acknowledgements/chase`, {});
    expect(chased.statusCode).toBe(303);
    expect(visible((await browsers.head.get(`/policies/${policyId}/acknowledgements`)).body)).toContain('Reminder sent to 2 people');
  });

  it('starts a new version from the approved text and compares the two, saying what was added and removed', async () => {
    const started = await browsers.head.submit(`/policies/${policyId}`, `/policies/${policyId}/versions`, {});
    expect(started.headers.location).toBe(`/policies/${policyId}/versions/2/edit`);
    const page = `/policies/${policyId}/versions/2/edit`;
    const edit = await browsers.head.get(page);
    const text = /<textarea[^>]*name="body"[^>]*>([\s\S]*?)<\/textarea>/
      .exec(edit.body)![1]
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&');
    await browsers.head.submit(page, page, {
      body: text.replace('Staff must not add pupils as friends.', 'Staff must not add pupils or parents as friends.'),
      changeSummary: 'Parents added',
    });
    const compare = await browsers.head.get(`/policies/${policyId}/compare?from=1&to=2`);
    expect(compare.statusCode).toBe(200);
    const shown = visible(compare.body);
    expect(shown).toContain('1 line added, 1 line removed');
    expect(shown).toMatch(/Added \d+ Staff must not add pupils or parents as friends\./);
    expect(shown).toMatch(/Removed \d+ Staff must not add pupils as friends\./);
  });

  it('lets the head set how policies are approved and reviewed, as a new, audited version of the settings', async () => {
    const page = '/policies/settings';
    const form = await browsers.head.get(page);
    expect(form.body).toContain('Headteacher\nChair of governors</textarea>');
    const wrong = await browsers.head.submit(page, page, { approvingBody: '', intervalMonths: '0', reminderWeeks: 'six', signatories: '' });
    expect(wrong.statusCode).toBe(400);
    expect(errorLinks(wrong.body)).toEqual(['#approvingBody', '#intervalMonths', '#reminderWeeks', '#signatories']);
    const saved = await browsers.head.submit(page, page, {
      approvingBody: 'Curriculum committee',
      intervalMonths: '36',
      reminderWeeks: '6',
      signatories: 'Chair of Governors\nCo-Headteacher\n Co-Headteacher ',
    });
    expect(saved.statusCode).toBe(303);
    expect(visible((await browsers.head.get(page)).body)).toMatch(
      /Saved as version \d+ of the policy settings\. Changed: who approves, how often they are reviewed, who signs\./,
    );
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'settings.changed')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.detail).toMatchObject({ changed: ['policyReview'] });
    expect((await browsers.teacher.get(page)).statusCode).toBe(403);
  });

  it('lists policies in the API with the version in force and the public address', async () => {
    const token = await withSchool(t.database.db, school.id, (tx) => addApiToken(tx, school.id, { id: null, label: 'test' }, teacher.email));
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/policies', headers: { authorization: `Bearer ${token}` } });
    expect(response.statusCode).toBe(200);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
    expect(response.json()).toEqual([
      {
        id: policyId,
        title: 'Social Media Policy — Low Ash Primary School',
        status: 'approved',
        currentVersion: { number: 1, approvedOn: today, nextReviewDue: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) },
        publicUrl: `http://localhost/schools/${school.urn}/policies/social-media-policy`,
      },
    ]);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/policies' })).statusCode).toBe(401);
    const openapi = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json<{
      paths: Record<string, { get: { responses: Record<string, unknown> } }>;
    }>();
    const { responses } = openapi.paths['/api/v1/policies'].get;
    expect(Object.keys(responses)).toEqual(['200', '401', '403']);
    // The one API error shape ({error, message, field?}), as every other API route documents it.
    for (const status of ['401', '403']) {
      expect(responses[status]).toMatchObject({
        content: {
          'application/json': {
            schema: { required: ['error', 'message'], properties: { error: { type: 'string' }, message: { type: 'string' }, field: { type: 'string' } } },
          },
        },
      });
    }
  });

  it('tells two policies with the same title apart in the register: owner, and when last approved or added', async () => {
    expect((await upload('low-ash-again.txt', readFileSync(seedPath('001_39f3c72a91680229')))).statusCode).toBe(303);
    const register = visible((await browsers.head.get('/policies')).body);
    expect(register.match(/Social Media Policy — Low Ash Primary School/g)).toHaveLength(2);
    expect(register).toMatch(/Social media; [^;]+’s; last approved \d{1,2} \w+ \d{4}/);
    expect(register).toMatch(/Social media; [^;]+’s; added \d{1,2} \w+ \d{4}, not yet approved/);
  });

  it('answers an address whose policy id is not a UUID with “Page not found”, before looking at the form', async () => {
    for (const url of [
      '/policies/not-a-uuid',
      '/policies/not-a-uuid/details',
      '/policies/not-a-uuid/versions/1',
      '/policies/not-a-uuid/compare',
      `/policies/${policyId}/versions/one`,
    ]) {
      const response = await browsers.head.get(url);
      expect(response.statusCode, url).toBe(404);
      expect(visible(response.body), url).toContain('Page not found');
    }
    // No CSRF token: a real policy's address would be refused as an expired form (403); this one does not exist.
    for (const url of ['/policies/not-a-uuid/versions', '/policies/not-a-uuid/details', '/policies/not-a-uuid/versions/1/paper-approval']) {
      expect((await browsers.head.post(url, {})).statusCode, url).toBe(404);
    }
    expect((await browsers.head.post(`/policies/${policyId}/versions`, {})).statusCode).toBe(403);
  });

  it('says two very long, different versions are too different to compare, in under two seconds, instead of running for minutes', async () => {
    // Made through the service: the editor's form would not take 40,000 lines in one post.
    const policies = createPoliciesService({ schools: t.database.schools, baseUrl: '', onMail: () => {} });
    const actor = actorFor(school, head);
    const lines = (label: string) => Array.from({ length: 40_000 }, (_, i) => `${label} ${i}`).join('\n');
    const long = await policies.create(actor, {
      title: 'Long policy',
      kind: 'social-media',
      ownerId: '',
      intervalMonths: '12',
      appliesTo: ['teacher'],
      links: '',
      body: lines('old'),
    });
    await policies.recordPaperApproval(actor, long.id, '1', {
      approvingBody: 'Governors',
      approvedOn: { day: '1', month: '9', year: '2025' },
      nextReview: '',
      minuteRef: '',
    });
    const second = await policies.startNewVersion(actor, long.id);
    await policies.saveDraft(actor, long.id, String(second), { body: lines('new'), changeSummary: 'Rewritten' });
    // The database runs in this process too: its work on the request counts.
    const elapsed = cpuStopwatch();
    const compare = await browsers.head.get(`/policies/${long.id}/compare?from=1&to=${second}`);
    expect(elapsed()).toBeLessThan(2000);
    expect(compare.statusCode).toBe(200);
    const shown = visible(compare.body);
    expect(shown).toContain(
      'These versions differ in too many places to compare line by line (the comparison stops at 2,000 lines added or removed). Open each version to read it.',
    );
    expect(compare.body).toContain(`href="/policies/${long.id}/versions/1"`);
    expect(compare.body).not.toContain('id="diff"');
  });
});
