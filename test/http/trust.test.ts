import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withSchool } from '../../src/platform/db/school-scope.ts';
import { setTrustLead } from '../../src/platform/db/school-database.ts';
import { addApiToken } from '../../src/modules/school/school.service.ts';
import { trustAdd, trustLead } from '../../src/cli/trust-commands.ts';
import { createTestApp, TestBrowser, type TestApp } from '../helpers/app.ts';
import { makeSchool, makeStaff, type TestStaff } from '../helpers/factories.ts';

/**
 * The trust view (issue 13): the lead of a trust sees its schools' counts side by side, never a
 * record, and nothing of a school outside the trust; everyone else gets 404, and a school's own
 * report still shows that school alone.
 */
describe('the trust view', () => {
  let t: TestApp;
  const schools: Record<'alder' | 'birch' | 'cedar', { id: string; name: string; urn: string }> = {} as never;
  let lead: TestStaff;
  let alderHead: TestStaff;
  let cedarLeader: TestStaff;
  const lines: string[] = [];
  const io = { out: (text: string) => lines.push(text), err: (text: string) => lines.push(text) };

  beforeAll(async () => {
    t = await createTestApp('pglite');
    schools.alder = await makeSchool(t.database.db, { name: 'Alder Primary' });
    schools.birch = await makeSchool(t.database.db, { name: 'Birch Primary' });
    schools.cedar = await makeSchool(t.database.db, { name: 'Cedar Primary' });
    lead = await makeStaff(t.database.db, schools.alder.id, ['senior-leader']);
    alderHead = await makeStaff(t.database.db, schools.alder.id, ['headteacher']);
    cedarLeader = await makeStaff(t.database.db, schools.cedar.id, ['senior-leader']);
    const concerns = [
      ['alder', 7],
      ['birch', 2],
      ['cedar', 9],
    ] as const;
    for (const [key, n] of concerns) {
      const school = schools[key];
      const reporter = await makeStaff(t.database.db, school.id, ['teacher']);
      await withSchool(t.database.db, school.id, async (tx) => {
        for (let i = 0; i < n; i++)
          await tx
            .insertInto('concerns')
            .values({
              school_id: school.id,
              type: 'cyber-bullying',
              summary: `Amelia Clarke at ${school.name}`,
              details: 'Never in the trust view',
              occurred_at: '2026-10-01',
              reported_at: new Date(`2026-10-0${i + 1}T10:00:00Z`),
              location: 'in-school',
              out_of_hours: false,
              reported_by: reporter.id,
            })
            .execute();
      });
    }
    await withSchool(t.database.db, schools.alder.id, (tx) =>
      tx
        .insertInto('filtering_reviews')
        .values({
          school_id: schools.alder.id,
          completed_on: '2026-09-15',
          next_due: '2027-09-15',
          participants: JSON.stringify([]),
          recorded_by: alderHead.id,
        })
        .execute(),
    );
    // Whoever runs the server puts Alder and Birch in the trust and names its lead.
    expect(await trustAdd(t.database, io, { name: 'Oak Trust', school: schools.alder.urn })).toBe(0);
    expect(await trustAdd(t.database, io, { name: 'Oak Trust', school: schools.birch.urn })).toBe(0);
    expect(await trustLead(t.database, io, { name: 'Oak Trust', school: schools.alder.urn, email: lead.email })).toBe(0);
  }, 300_000);
  afterAll(() => t?.close());

  it('shows the lead each of the trust’s schools, counts only, small ones as "fewer than 5", and what is overdue', async () => {
    const browser = new TestBrowser(t.app);
    await browser.signIn(lead);
    expect((await browser.get('/dashboard')).body).toContain('<a class="govuk-link" href="/trust">Oak Trust: the schools side by side</a>');
    const page = await browser.get('/trust?academicYear=2026');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Oak Trust');
    const row = (name: string) => page.body.slice(page.body.indexOf(`>${name}</td>`), page.body.indexOf('</tr>', page.body.indexOf(`>${name}</td>`)));
    expect(row('Alder Primary')).toContain('data-label="Concerns" class="govuk-table__cell">7<');
    expect(row('Birch Primary')).toContain('data-label="Concerns" class="govuk-table__cell">fewer than 5<');
    expect(page.body).toContain('Birch Primary: yearly filtering review never recorded');
    expect(page.body).not.toContain('Alder Primary: yearly filtering review');
    expect(page.body).not.toMatch(/Cedar|Amelia|Clarke|Never in the trust view/);
  });

  it('answers 404 to whoever leads no trust, and a school’s own report shows that school alone', async () => {
    for (const person of [alderHead, cedarLeader]) {
      const browser = new TestBrowser(t.app);
      await browser.signIn(person);
      expect((await browser.get('/trust')).statusCode).toBe(404);
      expect((await browser.get('/dashboard')).body).not.toContain('href="/trust"');
    }
    // A member of staff of a school outside the trust cannot be named its lead.
    await expect(setTrustLead(t.database.schools, 'Oak Trust', cedarLeader.id)).rejects.toThrow(/one of the trust’s schools/);
    const token = await withSchool(t.database.db, schools.alder.id, (tx) => addApiToken(tx, schools.alder.id, { id: null, label: 'test' }, alderHead.email));
    const report = await t.app.inject({ method: 'GET', url: '/api/v1/reports/governors?academicYear=2026', headers: { authorization: `Bearer ${token}` } });
    expect(report.json<{ concerns: { total: number } }>().concerns.total).toBe(7);
    // The trust's tables are the installation's: a school's transaction cannot read them.
    await expect(withSchool(t.database.db, schools.alder.id, (tx) => tx.selectFrom('trust_schools').selectAll().execute())).rejects.toThrow(
      /permission denied/,
    );
  });
});
