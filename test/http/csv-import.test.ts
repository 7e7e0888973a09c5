import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withSchool } from '../../src/platform/db/school-scope.ts';
import { addApiToken } from '../../src/modules/school/school.service.ts';
import { createTestApp, csrfFrom, TestBrowser, type TestApp } from '../helpers/app.ts';
import { makeSchool, makeStaff } from '../helpers/factories.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/csv/${name}`, import.meta.url));

function multipart(fields: Record<string, string>, files: Record<string, { name: string; content: Buffer }>) {
  const boundary = '----esafety-csv-boundary';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const [k, f] of Object.entries(files)) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"; filename="${f.name}"\r\nContent-Type: text/csv\r\n\r\n`),
      f.content,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** The mapping form's choices as the page shows them selected. */
const chosenMapping = (html: string) =>
  Object.fromEntries(
    [...html.matchAll(/<select class="govuk-select" id="(map\.[a-z]+\.\d+)"[^>]*>(.*?)<\/select>/g)].map(([, name, options]) => [
      name,
      /<option value="([^"]*)" selected>/.exec(options)?.[1] ?? '',
    ]),
  );

describe('plain CSV import from the web: mapping preview, dry-run difference, apply', () => {
  let t: TestApp;
  let schoolId: string;
  let office: TestBrowser;
  let pendingUrl: string;
  let mapping: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp('pglite');
    schoolId = (await makeSchool(t.database.db, { name: 'Hollins Primary' })).id;
    office = new TestBrowser(t.app);
    await office.signIn(await makeStaff(t.database.db, schoolId, ['office']));
  });
  afterAll(() => t.close());

  it('shows each column read as a field or ignored, with UPN ignored because Adno is the MIS id', async () => {
    const page = await office.get('/import');
    expect(page.body).toContain('Or plain CSV reports from any MIS');
    const response = await office.request({
      method: 'POST',
      url: '/import/csv',
      ...multipart(
        { _csrf: csrfFrom(page.body) },
        Object.fromEntries(['pupils', 'contacts', 'staff'].map((k) => [k, { name: `sims-${k}.csv`, content: fixture(`sims-${k}.csv`) }])),
      ),
    });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('In the files: 4 pupils, 4 contacts, 4 staff, 2 classes.');
    mapping = chosenMapping(response.body);
    expect(mapping).toMatchObject({
      'map.pupils.0': 'id',
      'map.pupils.1': '',
      'map.pupils.7': 'class',
      'map.contacts.9': 'courtOrder',
      'map.staff.5': 'classes',
    });
    pendingUrl = /action="(\/import\/csv\/[0-9a-f-]+)"/.exec(response.body)![1]!;
  });

  it('refuses two columns read as one field, with file, line and column, and saves nothing', async () => {
    const response = await office.post(pendingUrl, { _csrf: csrfFrom((await office.get('/import')).body), ...mapping, 'map.pupils.6': 'class' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('sims-pupils.csv:1: column &quot;Reg Group&quot;: &quot;Year&quot; is also mapped to Class');
    const pupils = await withSchool(t.database.db, schoolId, (tx) => tx.selectFrom('pupils').select('id').execute());
    expect(pupils).toHaveLength(0);
  });

  it('shows the dry-run difference with the safeguarding warnings, then applies it', async () => {
    const preview = await office.post(pendingUrl, { _csrf: csrfFrom((await office.get('/import')).body), ...mapping });
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('Check the changes before you import');
    expect(preview.body).toMatch(/Pupils<\/th>\s*<td[^>]*>4<\/td>/);
    expect(preview.body).toContain('Daniel Okafor (Amara Okafor) has a court order');
    expect(preview.body).toContain('Isla Whitlock has no contact with parental responsibility');
    const confirmUrl = /action="(\/import\/[0-9a-f-]+\/confirm)"/.exec(preview.body)![1];
    const applied = await office.post(confirmUrl, { _csrf: csrfFrom(preview.body) });
    expect(applied.statusCode).toBe(303);
    const staffRoles = await withSchool(t.database.db, schoolId, (tx) =>
      tx
        .selectFrom('staff_roles as r')
        .innerJoin('staff as s', 's.id', 'r.staff_id')
        .select(['s.sourced_id', 'r.role'])
        .where('s.sourced_id', 'is not', null)
        .execute(),
    );
    // The headteacher and the DSL by job title get no more than teacher: roles that see safeguarding records are given in the app.
    expect(Object.fromEntries(staffRoles.map((r) => [r.sourced_id, r.role]))).toEqual({ S01: 'teacher', S02: 'teacher', S03: 'support-staff', S04: 'teacher' });
  });

  it('GET /api/v1/pupils gives each carer’s parental responsibility, priority and court order, in priority order', async () => {
    const head = await makeStaff(t.database.db, schoolId, ['headteacher']);
    const token = await withSchool(t.database.db, schoolId, (tx) => addApiToken(tx, schoolId, { id: null, label: 'test' }, head.email));
    const pupils = (await t.app.inject({ url: '/api/v1/pupils', headers: { authorization: `Bearer ${token}` } })).json<
      { sourcedId: string; carers: { relationship: string; parentalResponsibility: boolean; priority: number | null; courtOrder: boolean }[] }[]
    >();
    expect(
      pupils
        .find((p) => p.sourcedId === '1001')!
        .carers.map(({ relationship, parentalResponsibility, priority, courtOrder }) => ({ relationship, parentalResponsibility, priority, courtOrder })),
    ).toEqual([
      { relationship: 'mother', parentalResponsibility: true, priority: 1, courtOrder: false },
      { relationship: 'father', parentalResponsibility: true, priority: 2, courtOrder: true },
    ]);
  });

  it('a consent request reaches contacts with parental responsibility only, never one with a court order', async () => {
    const robins = await withSchool(t.database.db, schoolId, (tx) =>
      tx.selectFrom('classes').select('id').where('title', '=', 'Robins').executeTakeFirstOrThrow(),
    );
    const sent = await office.submit('/consent/requests/new', '/consent/requests', { scope: 'class', classId: robins.id });
    expect(sent.statusCode).toBe(303);
    const to = (await t.database.db.selectFrom('outbox').select('to_address').where('school_id', '=', schoolId).execute()).map((m) => m.to_address).sort();
    // Robins: Amara (mother Grace with PR; father Daniel under a court order) and Theo (mother Siobhan, responsibility left blank).
    expect(to).toEqual(['grace.okafor@example.org']);
  });
});
