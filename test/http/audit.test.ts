import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createConsentService } from '../../src/modules/consent/consent.service.ts';
import { createImportService } from '../../src/modules/people/import.service.ts';
import { actorFor } from '../helpers/concerns.ts';
import { createTestApp, TestBrowser, type TestApp } from '../helpers/app.ts';
import { makeSchool, makeStaff } from '../helpers/factories.ts';

const fixtureDir = new URL('../fixtures/oneroster/basic', import.meta.url).pathname;

/** The audit log as a headteacher reads it: sentences with people named, filters, a CSV file. */
describe('the audit log in words', () => {
  let t: TestApp;
  let browser: TestBrowser;
  let pupil: { id: string; given_name: string; family_name: string };
  let otherPupil: { given_name: string; family_name: string };

  beforeAll(async () => {
    t = await createTestApp('pglite');
    const db = t.database.db;
    const school = await makeSchool(db, { name: 'Low Ash Primary School', urn: '107331' });
    await createImportService(t.database.schools).importFromPath(school.id, { id: null, label: 'OneRoster import' }, fixtureDir, false);
    const head = await makeStaff(db, school.id, ['headteacher']);
    const office = await makeStaff(db, school.id, ['office']);
    const pupils = await db
      .selectFrom('pupils')
      .select(['id', 'given_name', 'family_name'])
      .where('school_id', '=', school.id)
      .orderBy('family_name')
      .limit(2)
      .execute();
    [pupil, otherPupil] = [pupils[0], pupils[1]];
    const carer = await db.selectFrom('pupil_carers').select('carer_id').where('pupil_id', '=', pupil.id).executeTakeFirstOrThrow();
    await createConsentService(t.database.schools, loadConfig({ NODE_ENV: 'test' })).record(actorFor(school, office), pupil.id, 'website', {
      decision: 'refused',
      carerId: carer.carer_id,
      method: 'phone',
    });
    browser = new TestBrowser(t.app);
    await browser.signIn(head);
  });
  afterAll(() => t?.close());

  it('says who did what to whose record, links the record, and keeps the raw entry behind Details', async () => {
    const page = await browser.get('/audit');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('imported pupils, carers, staff and classes from the management information system');
    expect(page.body).toMatch(
      new RegExp(
        `recorded that a carer said no to website for <a class="govuk-link" href="/pupils/${pupil.id}">${pupil.given_name} ${pupil.family_name}</a> \\(phone\\)`,
      ),
    );
    expect(page.body).toContain('<span class="govuk-details__summary-text">\n      Details');
    expect(page.body).toContain('&quot;decision&quot;: &quot;refused&quot;');
    expect(page.body).not.toMatch(/>\s*consent\.recorded/);
  });

  it('filters by pupil, type of record and date, and says when nothing matches', async () => {
    const byPupil = await browser.get(`/audit?pupil=${encodeURIComponent(pupil.family_name)}`);
    expect(byPupil.body).toContain('recorded that a carer said no to website');
    expect(byPupil.body).not.toContain('imported pupils');
    const other = await browser.get(`/audit?pupil=${encodeURIComponent(`${otherPupil.given_name} ${otherPupil.family_name}`)}`);
    expect(other.body).toContain('No entries match.');
    const imports = await browser.get('/audit?type=import');
    expect(imports.body).toContain('imported pupils');
    expect(imports.body).not.toContain('said no to website');
    const future = await browser.get('/audit?from-day=1&from-month=1&from-year=2099');
    expect(future.body).toContain('No entries match.');
    const bad = await browser.get('/audit?from-day=31&from-month=2&from-year=2026');
    expect(bad.statusCode).toBe(200);
    expect(bad.body).toContain('Enter the first day as a real date');
    expect(bad.body).toContain('href="#from-day"');
  });

  it('downloads the entries as a CSV file with the sentence beside the raw entry', async () => {
    const csv = await browser.get(`/audit/export?pupil=${encodeURIComponent(pupil.family_name)}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('audit-log-107331.csv');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('When,When (ISO 8601),Who,What happened,Record type,Record,Action,Details');
    expect(lines.slice(1).some((l) => l.includes(`recorded that a carer said no to website for ${pupil.given_name} ${pupil.family_name} (phone)`))).toBe(true);
    expect(lines[1]).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4} at \d{1,2}:\d{2}[ap]m,\d{4}-\d{2}-\d{2}T/);
  });
});
