import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createImportService } from '../../src/modules/people/import.service.ts';
import { createPoliciesService } from '../../src/modules/policies/policies.module.ts';
import { actorFor } from '../helpers/concerns.ts';
import { createTestApp, TestBrowser, type TestApp } from '../helpers/app.ts';
import { makeSchool, makeStaff, type TestStaff } from '../helpers/factories.ts';
import { readFileSync } from 'node:fs';

const fixtureDir = new URL('../fixtures/oneroster/basic', import.meta.url).pathname;
const policyFile = (name: string) => readFileSync(new URL(`../fixtures/policies/${name}.txt`, import.meta.url));

/** A headteacher's first days: what to do next, inviting imported staff, a policy with no governor yet. */
describe('first steps in a new school', () => {
  let t: TestApp;
  let school: { id: string; name: string; urn: string };
  let head: TestStaff;
  let browser: TestBrowser;
  const steps = async () => {
    const body = (await browser.get('/dashboard')).body;
    const list = /<ol class="app-task-list"[\s\S]*?<\/ol>/.exec(body)?.[0] ?? '';
    return [...list.matchAll(/<li class="app-task-list__item">([\s\S]*?)<\/li>/g)].map((m) => {
      const text = m[1]
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
      return text;
    });
  };

  beforeAll(async () => {
    t = await createTestApp('pglite');
    school = await makeSchool(t.database.db, { name: 'Low Ash Primary School', urn: '107331' });
    head = await makeStaff(t.database.db, school.id, ['headteacher']);
    browser = new TestBrowser(t.app);
    await browser.signIn(head);
  });
  afterAll(() => t?.close());

  it('the home page says what to do next, in order, and ticks each step when it is done', async () => {
    expect(await steps()).toEqual([
      'Import pupils, carers, staff and classes from your management information system Not yet',
      'Invite your staff to sign in Not yet',
      'Add a governor to approve policies with you Not yet',
      'Import or write your online-safety policy Not yet',
      'Ask carers about photographs Not yet',
    ]);
    await createImportService(t.database.schools).importFromPath(school.id, { id: null, label: 'OneRoster import' }, fixtureDir, false);
    expect((await steps())[0]).toBe('Import pupils, carers, staff and classes from your management information system Done');
    expect((await steps())[1]).toBe('Invite your staff to sign in Not yet');
  });

  it('imported staff are invited from their page, once, with a link to choose a password; the step is ticked', async () => {
    const member = await t.database.db
      .selectFrom('staff')
      .select(['id', 'email', 'given_name', 'family_name'])
      .where('school_id', '=', school.id)
      .where('email', 'is not', null)
      .where('id', '!=', head.id)
      .executeTakeFirstOrThrow();
    const page = await browser.get(`/staff/${member.id}`);
    expect(page.body).toContain('has not been invited to sign in yet');
    const sent = await browser.submit(`/staff/${member.id}`, `/staff/${member.id}/invitation`, {});
    expect(sent.statusCode).toBe(303);
    const mail = await t.database.db.selectFrom('outbox').select(['to_address', 'subject']).where('to_address', '=', member.email!).execute();
    expect(mail).toEqual([{ to_address: member.email, subject: 'Your eSafety Office account at Low Ash Primary School' }]);
    const after = await browser.get(`/staff/${member.id}`);
    expect(after.body).toContain('was sent a link to choose a password on');
    expect(after.body).toContain('Send a new sign-in link');
    expect((await steps())[1]).toBe('Invite your staff to sign in Done');
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('subject_id', '=', member.id)
      .where('action', '=', 'staff.invited')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('sending a policy for approval with no governor says so and links to adding one', async () => {
    const policies = createPoliciesService({ schools: t.database.schools, baseUrl: 'http://localhost', onMail: () => {} });
    const draft = await policies.importFile(actorFor(school, head), '001_39f3c72a91680229.txt', policyFile('001_39f3c72a91680229'));
    const page = await browser.get(`/policies/${draft.id}/approval`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('there is no governor on eSafety Office yet');
    expect(page.body).toContain('<a class="govuk-link" href="/staff/new">Add the chair of governors</a>');
    await makeStaff(t.database.db, school.id, ['governor']);
    expect((await browser.get(`/policies/${draft.id}/approval`)).body).not.toContain('no governor on eSafety Office yet');
    expect((await steps()).slice(2, 4)).toEqual(['Add a governor to approve policies with you Done', 'Import or write your online-safety policy Done']);
  });
});
