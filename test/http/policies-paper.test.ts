import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPolicyFile } from '../../src/modules/policies/policies.import.service.ts';
import { createTestApp, TestBrowser, type TestApp } from '../helpers/app.ts';
import { makeSchool, makeStaff, type TestStaff } from '../helpers/factories.ts';

const seed = (name: string) => readFileSync(new URL(`../fixtures/policies/${name}.txt`, import.meta.url));
const visible = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const errorLinks = (html: string) => [...(/govuk-error-summary__list">([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '').matchAll(/href="(#[^"]+)"/g)].map((m) => m[1]);

describe('recording an approval made on paper, so an imported policy’s review cycle starts from its own dates', () => {
  let t: TestApp;
  let school: { id: string; urn: string };
  let head: TestStaff;
  let browser: TestBrowser;

  beforeAll(async () => {
    t = await createTestApp('pglite');
    school = await makeSchool(t.database.db, { name: 'Low Ash Primary School' });
    head = await makeStaff(t.database.db, school.id, ['headteacher']);
    browser = new TestBrowser(t.app);
    await browser.signIn(head);
  });
  afterAll(() => t.close());

  const importSeed = (name: string) =>
    importPolicyFile({ schools: t.database.schools, baseUrl: '', onMail: () => {} }, school.id, { id: head.id, label: 'test' }, `${name}.txt`, seed(name));

  it('fills the form from Low Ash’s paper copy; once recorded, its Autumn 2022 review shows as overdue', async () => {
    const { id } = await importSeed('001_39f3c72a91680229');
    const page = `/policies/${id}/versions/1/paper-approval`;
    const form = await browser.get(page);
    expect(form.body).toContain('value="The Governing Body"');
    expect(form.body).toMatch(/name="approvedOn-day"[^>]*value="20"/);
    expect(form.body).toContain('value="Autumn 2022"');
    const done = await browser.submit(page, page, {
      approvingBody: 'The Governing Body',
      'approvedOn-day': '20',
      'approvedOn-month': '10',
      'approvedOn-year': '2021',
      nextReview: 'Autumn 2022',
    });
    expect(done.statusCode).toBe(303);
    const policy = visible((await browser.get(`/policies/${id}`)).body);
    expect(policy).toContain('Version 1, approved 20 October 2021');
    expect(policy).toContain('Autumn 2022 – overdue');
    expect(visible((await browser.get('/dashboard')).body)).toContain('Reviews overdue: Social Media Policy — Low Ash Primary School , due Autumn 2022');
    const published = await t.app.inject({ method: 'GET', url: `/schools/${school.urn}/policies` });
    expect(visible(published.body)).toContain('Approved 20 October 2021; next review Autumn 2022');
  });

  it('asks for what Wendover’s paper copy does not say, and refuses a date in the future or an unreadable review', async () => {
    const { id } = await importSeed('003_efa9659321415c13');
    const page = `/policies/${id}/versions/1/paper-approval`;
    const form = await browser.get(page);
    expect(form.body).toMatch(/name="approvedOn-day"[^>]*value=""|name="approvedOn-day"(?![^>]*value)/);
    const wrong = await browser.submit(page, page, {
      approvingBody: '',
      'approvedOn-day': '1',
      'approvedOn-month': '1',
      'approvedOn-year': '2099',
      nextReview: 'soon',
    });
    expect(wrong.statusCode).toBe(400);
    expect(errorLinks(wrong.body)).toEqual(['#approvingBody', '#approvedOn-day', '#nextReview']);
    const done = await browser.submit(page, page, {
      approvingBody: 'Governors',
      'approvedOn-day': '15',
      'approvedOn-month': '11',
      'approvedOn-year': '2015',
      nextReview: '',
    });
    expect(done.statusCode).toBe(303);
    // No next review given: counted from the approval by the policy's interval (12 months by default).
    expect(visible((await browser.get(`/policies/${id}`)).body)).toContain('15 November 2016 (Autumn 2016) – overdue');
    expect((await browser.get(page)).statusCode).toBe(404);
  });
});
