import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createImportService } from '../../src/modules/people/import.service.ts';
import { createTestApp, TestBrowser, type TestApp } from '../helpers/app.ts';
import { makeSchool, makeStaff } from '../helpers/factories.ts';

const fixtureDir = new URL('../fixtures/oneroster/basic', import.meta.url).pathname;
const errorSummary = (html: string) =>
  [...(/govuk-error-summary__list">([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '').matchAll(/href="(#[^"]+)"[^>]*>([^<]+)</g)].map((m) => ({
    href: m[1],
    text: m[2].trim(),
  }));

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

  it('a real date still sends the request', async () => {
    const response = await office.submit('/consent/requests/new', '/consent/requests', {
      scope: 'new-admissions',
      'admittedSince-day': '1',
      'admittedSince-month': '1',
      'admittedSince-year': '2000',
    });
    expect(response.statusCode).toBe(303);
    expect(await requestsSent()).toBe(1);
  });
});
