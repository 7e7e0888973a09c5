import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createImportService } from '../../src/modules/people/import.service.ts';
import { createTestApp, csrfFrom, TestBrowser, type TestApp } from '../helpers/app.ts';
import { makeSchool, makeStaff } from '../helpers/factories.ts';

const fixtureDir = new URL('../fixtures/oneroster/basic', import.meta.url).pathname;
const errorSummary = (html: string) =>
  [...(/govuk-error-summary__list">([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '').matchAll(/href="(#[^"]+)"[^>]*>([^<]+)</g)].map((m) => ({
    href: m[1],
    text: m[2].trim(),
  }));

/** What the "check before you send" page posts back: its hidden fields (with the CSRF token), as a browser would. */
const hiddenFields = (html: string) => {
  const fields: Record<string, string[]> = {};
  const form = html.slice(html.indexOf('<form method="post" action="/consent/'));
  for (const m of form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) (fields[m[1]] ??= []).push(m[2].replace(/&amp;/g, '&'));
  return fields;
};

describe('asking carers about photographs: a wrong choice is a form error, never a server error', () => {
  let t: TestApp;
  let office: TestBrowser;

  beforeAll(async () => {
    t = await createTestApp('pglite');
    const schoolId = (await makeSchool(t.database.db, { name: 'John Clifford Primary' })).id;
    await createImportService(t.database.schools).importFromPath(schoolId, { id: null, label: 'test' }, fixtureDir, false);
    office = new TestBrowser(t.app);
    await office.signIn(await makeStaff(t.database.db, schoolId, ['office']));
  });
  afterAll(() => t.close());

  const requestsSent = async () => (await t.database.db.selectFrom('consent_requests').select('id').execute()).length;

  it('a class that is not an id from the list re-renders the form with the class field in error', async () => {
    const response = await office.submit('/consent/requests/new', '/consent/requests', { scope: 'class', classId: 'not-a-class' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('There is a problem');
    expect(errorSummary(response.body)).toEqual([{ href: '#classId', text: 'Choose a class from the list' }]);
    expect(response.body).toMatch(/id="classId-error"/);
    expect(await requestsSent()).toBe(0);
  });

  it('a date that does not exist (45 13 2026, 30 2 2026) re-renders the form with the date field in error', async () => {
    for (const [day, month, year] of [
      ['45', '13', '2026'],
      ['30', '2', '2026'],
    ]) {
      const response = await office.submit('/consent/requests/new', '/consent/requests', {
        scope: 'new-admissions',
        'admittedSince-day': day,
        'admittedSince-month': month,
        'admittedSince-year': year,
      });
      expect(response.statusCode).toBe(400);
      expect(errorSummary(response.body)).toEqual([{ href: '#admittedSince', text: 'Enter the first admission date as a real date, like 1 9 2026' }]);
      expect(response.body).toContain(`name="admittedSince-day" type="text" value="${day}"`);
    }
    expect(await requestsSent()).toBe(0);
  });

  it('a real date asks to check before e-mailing more than a handful of families, and sends only when confirmed', async () => {
    const form = { scope: 'new-admissions', 'admittedSince-day': '1', 'admittedSince-month': '1', 'admittedSince-year': '2000' };
    const check = await office.submit('/consent/requests/new', '/consent/requests', form);
    expect(check.statusCode).toBe(200);
    expect(check.body).toContain('Check before you send');
    expect(check.body).toContain('Admitted on or after 1 January 2000: 11 pupils');
    const families = Number(/Send (\d+) e-mails/.exec(check.body)?.[1]);
    expect(families).toBeGreaterThan(5);
    expect(await requestsSent()).toBe(0);

    const change = await office.post('/consent/requests', { ...hiddenFields(check.body), change: 'yes' });
    expect(change.body).toContain('name="admittedSince-year" type="text" value="2000"');
    expect(await requestsSent()).toBe(0);

    const sent = await office.post('/consent/requests', { ...hiddenFields(check.body), confirm: 'yes' });
    expect(sent.statusCode).toBe(303);
    expect(await requestsSent()).toBe(1);
    const page = await office.get(String(sent.headers.location));
    expect(page.body).toContain(`Request sent: ${families} carers e-mailed`);
  });

  it('express permission without JavaScript: show a class, choose everyone in it, untick one, search a name, check, send', async () => {
    const before = await requestsSent();
    const what = { title: 'Sports Day in the Trent Valley News', description: 'Photographs with first names in the paper' };
    const whole = await office.submit('/consent/express/new', '/consent/express', { ...what, chooseGroup: 'pupils', 'pupils-group': 'Year 3 Hazel' });
    expect(whole.statusCode).toBe(200);
    expect(whole.body).toContain('4 chosen. Untick anyone you did not mean.');
    const hazel = [...whole.body.matchAll(/name="pupils" type="checkbox" value="([0-9a-f-]{36})" checked>/g)].map((m) => m[1]);
    expect(hazel).toHaveLength(4);

    const amelia = (await t.database.db.selectFrom('pupils').select('id').where('sourced_id', '=', 'stu-001').executeTakeFirstOrThrow()).id;
    const allBut = hazel.filter((id) => id !== amelia);
    const found = await office.post('/consent/express', { _csrf: csrfFrom(whole.body), ...what, pupils: allBut, find: 'pupils', 'pupils-find': 'amel' });
    expect(found.body).toContain('3 chosen.');
    expect(found.body).toContain(`id="pupils-${amelia}" name="pupils" type="checkbox" value="${amelia}">`);
    expect(found.body).toMatch(/aria-live="polite">1 found\. Tick the ones to add\./);

    const withOak = await office.post('/consent/express', {
      _csrf: csrfFrom(whole.body),
      ...what,
      pupils: allBut,
      chooseGroup: 'pupils',
      'pupils-group': 'Year 4 Oak',
    });
    const chosenAll = [...withOak.body.matchAll(/name="pupils" type="checkbox" value="([0-9a-f-]{36})" checked>/g)].map((m) => m[1]);
    expect(chosenAll.length).toBeGreaterThan(3);
    expect(chosenAll).not.toContain(amelia);
    expect(await requestsSent()).toBe(before);

    const check = await office.post('/consent/express', { _csrf: csrfFrom(whole.body), ...what, pupils: chosenAll });
    expect(check.body).toContain('Check before you send');
    expect(check.body).toContain('Sports Day in the Trent Valley News: Photographs with first names in the paper');
    expect(await requestsSent()).toBe(before);
    expect(hiddenFields(check.body).pupils).toEqual(chosenAll);
    const sent = await office.post('/consent/express', { ...hiddenFields(check.body), confirm: 'yes' });
    expect(sent.statusCode).toBe(303);
    expect(await requestsSent()).toBe(before + 1);
  });
});
