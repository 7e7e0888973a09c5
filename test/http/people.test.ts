import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zipRosterFiles } from '../../src/modules/people/oneroster/oneroster.parse.ts';
import { createTestApp, csrfFrom, TestBrowser, type TestApp } from '../helpers/app.ts';
import { makeSchool, makeStaff, type TestStaff } from '../helpers/factories.ts';
import { deliveredText } from '../helpers/mail.ts';

const fixtureDir = new URL('../fixtures/oneroster/basic', import.meta.url).pathname;
const fixtureZip = () => zipRosterFiles(new Map(readdirSync(fixtureDir).map((n) => [n, readFileSync(join(fixtureDir, n))])));

function multipart(fields: Record<string, string>, file: { name: string; content: Uint8Array }) {
  const boundary = '----esafety-test-boundary';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/zip\r\n\r\n`));
  parts.push(Buffer.from(file.content), Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('people pages, staff roles and importing from the web', () => {
  let t: TestApp;
  let schoolId: string;
  let office: TestStaff;
  let officeBrowser: TestBrowser;

  const upload = async (browser: TestBrowser, name: string, content: Uint8Array) => {
    const page = await browser.get('/import');
    return browser.request({ method: 'POST', url: '/import', ...multipart({ _csrf: csrfFrom(page.body) }, { name, content }) });
  };

  beforeAll(async () => {
    t = await createTestApp('pglite');
    schoolId = (await makeSchool(t.database.db, { name: 'Trent CE Primary' })).id;
    office = await makeStaff(t.database.db, schoolId, ['office']);
    officeBrowser = new TestBrowser(t.app);
    await officeBrowser.signIn(office);
  });
  afterAll(() => t.close());

  it('an empty school’s class list says how to import', async () => {
    const page = await officeBrowser.get('/classes');
    expect(page.body).toContain('There are no classes yet');
    expect(page.body).toContain('Trent CE Primary');
  });

  it('refuses a file that is not a OneRoster zip, saying what is wrong, and saves nothing', async () => {
    const response = await upload(officeBrowser, 'pupils.xlsx', new TextEncoder().encode('this is not a zip'));
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('cannot be imported');
    expect(response.body).toContain('Nothing has been changed');
    expect(await t.database.db.selectFrom('pupils').select('id').execute()).toHaveLength(0);
  });

  it('an upload without its CSRF token is refused', async () => {
    const response = await officeBrowser.request({ method: 'POST', url: '/import', ...multipart({}, { name: 'roster.zip', content: fixtureZip() }) });
    expect(response.statusCode).toBe(403);
  });

  it('previews an upload, changes nothing until confirmed, then imports it', async () => {
    const preview = await upload(officeBrowser, 'roster.zip', fixtureZip());
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('Check the changes before you import');
    expect(preview.body).toMatch(/Pupils<\/th>\s*<td[^>]*>11<\/td>/);
    expect(await t.database.db.selectFrom('pupils').select('id').execute()).toHaveLength(0);
    const action = /action="(\/import\/[^"]+\/confirm)"/.exec(preview.body)![1];
    const done = await officeBrowser.post(action, { _csrf: csrfFrom(preview.body) });
    expect(done.headers.location).toBe('/classes');
    const classes = await officeBrowser.get('/classes');
    expect(classes.body).toContain('Import finished: 11 pupils added');
    expect(classes.body).toContain('Year 3 Hazel');
    // The same preview cannot be applied twice.
    expect((await officeBrowser.post(action, { _csrf: csrfFrom(classes.body) })).statusCode).toBe(404);
  });

  it('a teacher opens a class and a pupil, with carers and siblings', async () => {
    const teacher = await makeStaff(t.database.db, schoolId, ['teacher']);
    const browser = new TestBrowser(t.app);
    await browser.signIn(teacher);
    const hazel = await t.database.db.selectFrom('classes').select('id').where('title', '=', 'Year 3 Hazel').executeTakeFirstOrThrow();
    const classPage = await browser.get(`/classes/${hazel.id}`);
    expect(classPage.statusCode).toBe(200);
    expect(classPage.body).toContain('Amelia Clarke');
    const pupil = await t.database.db.selectFrom('pupils').select('id').where('sourced_id', '=', 'stu-001').executeTakeFirstOrThrow();
    const pupilPage = await browser.get(`/pupils/${pupil.id}`);
    expect(pupilPage.body).toContain('Carers');
    expect(pupilPage.body).toMatch(/Parental responsibility/);
    expect((await browser.get('/pupils/00000000-0000-0000-0000-000000000000')).statusCode).toBe(404);
    expect((await browser.get('/pupils/not-a-uuid')).statusCode).toBe(404);
  });

  it('the office assigns roles and a line manager; the office cannot make anyone headteacher', async () => {
    const head = await makeStaff(t.database.db, schoolId, ['headteacher']);
    const teacher = await makeStaff(t.database.db, schoolId, ['teacher']);
    const saved = await officeBrowser.submit(`/staff/${teacher.id}`, `/staff/${teacher.id}`, { roles: ['teacher', 'ict-lead'], lineManager: head.id });
    expect(saved.headers.location).toBe(`/staff/${teacher.id}`);
    const page = await officeBrowser.get(`/staff/${teacher.id}`);
    expect(page.body).toContain('Roles and line manager saved');
    const roles = await t.database.db.selectFrom('staff_roles').select('role').where('staff_id', '=', teacher.id).orderBy('role').execute();
    expect(roles.map((r) => r.role)).toEqual(['ict-lead', 'teacher']);

    const promote = await officeBrowser.submit(`/staff/${teacher.id}`, `/staff/${teacher.id}`, { roles: ['headteacher'], lineManager: '' });
    expect(promote.statusCode).toBe(403);
    expect(promote.body).toContain('Only a headteacher can give or remove the headteacher role');
    const none = await officeBrowser.submit(`/staff/${teacher.id}`, `/staff/${teacher.id}`, { lineManager: '' });
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('Choose at least one role');

    // A loop of line managers is refused.
    const headBrowser = new TestBrowser(t.app);
    await headBrowser.signIn(head);
    const loop = await headBrowser.submit(`/staff/${head.id}`, `/staff/${head.id}`, { roles: ['headteacher'], lineManager: teacher.id });
    expect(loop.statusCode).toBe(400);
    expect(loop.body).toContain('already managed');
  });

  it('the office adds a volunteer, who chooses a password from the e-mailed link and signs in', async () => {
    const missing = await officeBrowser.submit('/staff/new', '/staff', { name: 'Margaret', email: 'nope' });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Enter the person’s full name');
    expect(missing.body).toContain('Choose at least one role');
    const added = await officeBrowser.submit('/staff/new', '/staff', { name: 'Margaret Hill', email: 'm.hill@parents.example', roles: 'volunteer' });
    expect(added.statusCode).toBe(303);
    const mail = await t.database.db
      .selectFrom('outbox')
      .select(['body_text', 'sealed_body'])
      .where('to_address', '=', 'm.hill@parents.example')
      .executeTakeFirstOrThrow();
    const link = /http:\/\/localhost(\/reset-password\/\S+)/.exec(deliveredText(mail))![1];
    const volunteer = new TestBrowser(t.app);
    expect((await volunteer.submit(link, link, { password: 'volunteering on fridays', confirm: 'volunteering on fridays' })).headers.location).toBe('/sign-in');
    await volunteer.signIn({ email: 'm.hill@parents.example', password: 'volunteering on fridays', totpSecret: null });
    expect((await volunteer.get('/consent')).statusCode).toBe(200);
    expect((await volunteer.get('/staff')).statusCode).toBe(403);
    const head = await officeBrowser.submit('/staff/new', '/staff', { name: 'New Head', email: 'newhead@school.example', roles: 'headteacher' });
    expect(head.statusCode).toBe(403);
    expect(head.body).toContain('Only a headteacher can give the headteacher role');
  });

  it('the office records who teaches a class', async () => {
    const teacher = await makeStaff(t.database.db, schoolId, ['teacher']);
    const hazel = await t.database.db.selectFrom('classes').select('id').where('title', '=', 'Year 3 Hazel').executeTakeFirstOrThrow();
    const page = await officeBrowser.get(`/classes/${hazel.id}`);
    const saved = await officeBrowser.post(`/classes/${hazel.id}/teachers`, { _csrf: csrfFrom(page.body), teachers: teacher.id });
    expect(saved.headers.location).toBe(`/classes/${hazel.id}`);
    expect((await officeBrowser.get(`/classes/${hazel.id}`)).body).toMatch(/Class teacher: Test Person \d+/);
    const teachers = await t.database.db.selectFrom('class_teachers').select('staff_id').where('class_id', '=', hazel.id).execute();
    expect(teachers.map((r) => r.staff_id)).toEqual([teacher.id]);
  });

  it('names people the one way on the class, pupil and staff pages (the personName filter), escaped', async () => {
    const hazel = await t.database.db.selectFrom('classes').select('id').where('title', '=', 'Year 3 Hazel').executeTakeFirstOrThrow();
    const classPage = (await officeBrowser.get(`/classes/${hazel.id}`)).body;
    expect(classPage).toMatch(/<a class="govuk-link" href="\/pupils\/[^"]+">Amelia Clarke<\/a>/);
    expect(classPage).toMatch(/<a class="govuk-link" href="\/pupils\/[^"]+">Isla O&#39;Neill<\/a>/);
    const amelia = await t.database.db.selectFrom('pupils').select('id').where('sourced_id', '=', 'stu-001').executeTakeFirstOrThrow();
    const pupilPage = (await officeBrowser.get(`/pupils/${amelia.id}`)).body;
    expect(pupilPage).toMatch(/Legal name\s*<\/dt>\s*<dd class="govuk-summary-list__value">\s*Amelia Clarke\s*<\/dd>/);
    expect(pupilPage).toContain('<td data-label="" class="govuk-table__cell">Sarah Clarke</td>');
    const green = await t.database.db.selectFrom('staff').select('id').where('sourced_id', '=', 'stf-001').executeTakeFirstOrThrow();
    expect((await officeBrowser.get('/staff')).body).toContain(`<a class="govuk-link" href="/staff/${green.id}">Rachel Green</a>`);
    expect((await officeBrowser.get(`/staff/${green.id}`)).body).toMatch(/<title>Rachel Green/);
  });

  it('an address whose id is not a UUID is a 404 on every people page and form, and changes nothing', async () => {
    const page = await officeBrowser.get('/staff');
    const csrf = csrfFrom(page.body);
    const uuid = '00000000-0000-4000-8000-000000000000';
    for (const url of ['/classes/not-a-uuid', '/staff/not-a-uuid', '/pupils/42']) expect((await officeBrowser.get(url)).statusCode).toBe(404);
    for (const url of ['/classes/not-a-uuid/teachers', '/staff/not-a-uuid', '/import/nope/confirm']) {
      expect((await officeBrowser.post(url, { _csrf: csrf, roles: 'teacher', teachers: office.id })).statusCode).toBe(404);
    }
    const head = new TestBrowser(t.app);
    await head.signIn(await makeStaff(t.database.db, schoolId, ['headteacher']));
    const headCsrf = csrfFrom((await head.get('/staff')).body);
    for (const url of [`/staff/not-a-uuid/email-changes/${uuid}`, `/staff/${uuid}/email-changes/nope`])
      expect((await head.post(url, { _csrf: headCsrf })).statusCode).toBe(404);
    expect(await t.database.db.selectFrom('class_teachers').select('staff_id').where('staff_id', '=', office.id).execute()).toHaveLength(0);
  });

  it('an upload with no file, or an empty one, asks for the file and imports nothing', async () => {
    const before = (await t.database.db.selectFrom('pupils').select('id').execute()).length;
    for (const name of ['', 'roster.zip']) {
      const response = await upload(officeBrowser, name, new Uint8Array());
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain('href="#file"');
      expect(response.body).toContain('Select a OneRoster .zip file');
    }
    expect(await t.database.db.selectFrom('pupils').select('id').execute()).toHaveLength(before);
  });

  it('the headteacher reads the audit log and the outbox', async () => {
    const head = await makeStaff(t.database.db, schoolId, ['headteacher']);
    const browser = new TestBrowser(t.app);
    await browser.signIn(head);
    const audit = await browser.get('/audit');
    expect(audit.body).toContain('imported pupils, carers, staff and classes from the management information system');
    expect(audit.body).toContain('changed the roles of');
    expect((await browser.get('/mail')).statusCode).toBe(200);
    expect((await browser.get('/settings')).body).toContain('School website');
  });
});

describe('who may change whose roles', () => {
  let t: TestApp;
  let schoolId: string;
  let head: TestStaff;
  let dsl: TestStaff;
  let office: TestStaff;
  let officeBrowser: TestBrowser;
  let headBrowser: TestBrowser;

  const rolesOf = async (staffId: string) =>
    (await t.database.db.selectFrom('staff_roles').select('role').where('staff_id', '=', staffId).orderBy('role').execute()).map((r) => r.role);
  const outbox = () =>
    t.database.db.selectFrom('outbox').select(['to_address', 'subject', 'body_text']).where('school_id', '=', schoolId).orderBy('id').execute();

  beforeAll(async () => {
    t = await createTestApp('pglite');
    schoolId = (await makeSchool(t.database.db, { name: 'Holy Trinity Primary' })).id;
    head = await makeStaff(t.database.db, schoolId, ['headteacher']);
    dsl = await makeStaff(t.database.db, schoolId, ['teacher', 'dsl']);
    office = await makeStaff(t.database.db, schoolId, ['office']);
    officeBrowser = new TestBrowser(t.app);
    await officeBrowser.signIn(office);
    headBrowser = new TestBrowser(t.app);
    await headBrowser.signIn(head);
  });
  afterAll(() => t.close());

  it('the office cannot give itself the DSL role', async () => {
    const response = await officeBrowser.submit(`/staff/${office.id}`, `/staff/${office.id}`, { roles: ['office', 'dsl'], lineManager: '' });
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain('You cannot change your own roles');
    expect(await rolesOf(office.id)).toEqual(['office']);
    expect((await officeBrowser.get('/concerns/overview')).statusCode).toBe(403);
  });

  it('the office cannot give a colleague the DSL role, nor take it from a DSL', async () => {
    const teacher = await makeStaff(t.database.db, schoolId, ['teacher']);
    const grant = await officeBrowser.submit(`/staff/${teacher.id}`, `/staff/${teacher.id}`, { roles: ['teacher', 'dsl'], lineManager: '' });
    expect(grant.statusCode).toBe(403);
    expect(grant.body).toContain('Only a headteacher can give or remove the designated safeguarding lead role');
    expect(await rolesOf(teacher.id)).toEqual(['teacher']);
    const removal = await officeBrowser.submit(`/staff/${dsl.id}`, `/staff/${dsl.id}`, { roles: ['teacher'], lineManager: '' });
    expect(removal.statusCode).toBe(403);
    expect(removal.body).toContain('Only a headteacher can give or remove the designated safeguarding lead role');
    expect(await rolesOf(dsl.id)).toEqual(['dsl', 'teacher']);
  });

  it('the office cannot invite a new DSL (or deputy, or senior leader) at any address', async () => {
    for (const role of ['dsl', 'deputy-headteacher', 'senior-leader']) {
      const response = await officeBrowser.submit('/staff/new', '/staff', {
        name: 'Eve Intruder',
        email: `eve-${role}@attacker.example`,
        roles: ['teacher', role],
      });
      expect(response.statusCode).toBe(403);
      expect(response.body).toContain('Only a headteacher can give the');
    }
    expect(await t.database.db.selectFrom('staff').select('id').where('email', 'like', 'eve-%').execute()).toHaveLength(0);
    expect((await outbox()).filter((m) => m.to_address.endsWith('@attacker.example'))).toHaveLength(0);
  });

  it('nobody changes their own roles, not even the headteacher', async () => {
    const response = await headBrowser.submit(`/staff/${head.id}`, `/staff/${head.id}`, { roles: ['headteacher', 'dsl'], lineManager: '' });
    expect(response.statusCode).toBe(403);
    expect(await rolesOf(head.id)).toEqual(['headteacher']);
  });

  it('the headteacher makes a teacher a DSL: audited, and the head and DSLs are e-mailed a link and nothing more', async () => {
    const teacher = await makeStaff(t.database.db, schoolId, ['teacher']);
    const before = (await outbox()).length;
    const response = await headBrowser.submit(`/staff/${teacher.id}`, `/staff/${teacher.id}`, { roles: ['teacher', 'dsl'], lineManager: '' });
    expect(response.statusCode).toBe(303);
    expect(await rolesOf(teacher.id)).toEqual(['dsl', 'teacher']);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['detail', 'actor_id'])
      .where('school_id', '=', schoolId)
      .where('action', '=', 'staff.roles-changed')
      .where('subject_id', '=', teacher.id)
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor_id: head.id, detail: { before: ['teacher'], after: ['teacher', 'dsl'] } });
    const mail = (await outbox()).slice(before);
    expect(mail.map((m) => m.to_address).sort()).toEqual([dsl.email, head.email].sort());
    for (const m of mail) {
      expect(m.body_text).toContain(`http://localhost/staff/${teacher.id}`);
      expect(m.body_text).not.toMatch(/Test Person|safeguarding lead|dsl/i);
    }
    // Saving again without a change of roles sends nothing.
    await headBrowser.submit(`/staff/${teacher.id}`, `/staff/${teacher.id}`, { roles: ['teacher', 'dsl'], lineManager: head.id });
    expect(await outbox()).toHaveLength(before + 2);
  });

  it('the office still gives ordinary roles to colleagues, and the head and DSLs hear of it', async () => {
    const teacher = await makeStaff(t.database.db, schoolId, ['teacher']);
    const response = await officeBrowser.submit(`/staff/${teacher.id}`, `/staff/${teacher.id}`, { roles: ['teacher', 'ict-lead'], lineManager: '' });
    expect(response.statusCode).toBe(303);
    expect(await rolesOf(teacher.id)).toEqual(['ict-lead', 'teacher']);
    expect((await outbox()).filter((m) => m.body_text.includes(`/staff/${teacher.id}`)).map((m) => m.to_address)).toContain(head.email);
  });
});

describe('e-mail address changes from the MIS wait for the headteacher', () => {
  let t: TestApp;
  let schoolId: string;
  let officeBrowser: TestBrowser;
  let headBrowser: TestBrowser;

  const zipWith = (from: string, to: string) =>
    zipRosterFiles(new Map(readdirSync(fixtureDir).map((n) => [n, readFileSync(join(fixtureDir, n), 'utf8').replaceAll(from, to)])));
  const upload = async (browser: TestBrowser, content: Uint8Array) => {
    const page = await browser.get('/import');
    return browser.request({ method: 'POST', url: '/import', ...multipart({ _csrf: csrfFrom(page.body) }, { name: 'roster.zip', content }) });
  };
  const importAndConfirm = async (content: Uint8Array) => {
    const preview = await upload(officeBrowser, content);
    const action = /action="(\/import\/[^"]+\/confirm)"/.exec(preview.body)![1];
    expect((await officeBrowser.post(action, { _csrf: csrfFrom(preview.body) })).statusCode).toBe(303);
    return preview;
  };
  const green = () =>
    t.database.db.selectFrom('staff').select(['id', 'email']).where('school_id', '=', schoolId).where('sourced_id', '=', 'stf-001').executeTakeFirstOrThrow();

  beforeAll(async () => {
    t = await createTestApp('pglite');
    schoolId = (await makeSchool(t.database.db, { name: 'St Anne’s Primary' })).id;
    const office = await makeStaff(t.database.db, schoolId, ['office']);
    const head = await makeStaff(t.database.db, schoolId, ['headteacher']);
    officeBrowser = new TestBrowser(t.app);
    await officeBrowser.signIn(office);
    headBrowser = new TestBrowser(t.app);
    await headBrowser.signIn(head);
    await importAndConfirm(fixtureZip());
  });
  afterAll(() => t.close());

  it('a re-import does not change the address, the preview says so, and only the headteacher applies it from the staff page', async () => {
    const preview = await importAndConfirm(zipWith('r.green@hazelwood.example.org', 'rachel.green@attacker.example'));
    expect(preview.body).toContain('E-mail addresses that will not change');
    expect(preview.body).toContain('Rachel Green: r.green@hazelwood.example.org to rachel.green@attacker.example');
    const before = await green();
    expect(before.email).toBe('r.green@hazelwood.example.org');

    // A forgotten-password request for the new address reaches nobody.
    await new TestBrowser(t.app).submit('/forgot-password', '/forgot-password', { email: 'rachel.green@attacker.example' });
    expect(await t.database.db.selectFrom('outbox').select('id').where('to_address', '=', 'rachel.green@attacker.example').execute()).toHaveLength(0);

    const officeView = await officeBrowser.get(`/staff/${before.id}`);
    expect(officeView.body).toContain('Only the headteacher can apply it');
    const change = await t.database.db.selectFrom('staff_email_changes_held').select('id').where('staff_id', '=', before.id).executeTakeFirstOrThrow();
    const officeTry = await officeBrowser.post(`/staff/${before.id}/email-changes/${change.id}`, { _csrf: csrfFrom(officeView.body) });
    expect(officeTry.statusCode).toBe(403);
    expect((await green()).email).toBe('r.green@hazelwood.example.org');

    const page = await headBrowser.get(`/staff/${before.id}`);
    expect(page.body).toContain('Change the e-mail address to rachel.green@attacker.example');
    const applied = await headBrowser.post(`/staff/${before.id}/email-changes/${change.id}`, { _csrf: csrfFrom(page.body) });
    expect(applied.statusCode).toBe(303);
    expect((await green()).email).toBe('rachel.green@attacker.example');
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('detail')
      .where('school_id', '=', schoolId)
      .where('action', '=', 'staff.email-changed')
      .executeTakeFirstOrThrow();
    expect(audit.detail).toMatchObject({ from: 'r.green@hazelwood.example.org', to: 'rachel.green@attacker.example', source: 'import' });
    expect(await t.database.db.selectFrom('outbox').select('subject').where('to_address', '=', 'r.green@hazelwood.example.org').execute()).toHaveLength(1);
    // Applied once: the button is gone, and the same change cannot be applied again.
    expect((await headBrowser.get(`/staff/${before.id}`)).body).not.toContain('Change the e-mail address to');
    expect((await headBrowser.post(`/staff/${before.id}/email-changes/${change.id}`, { _csrf: csrfFrom(page.body) })).statusCode).toBe(404);
  });

  it('the staff form refuses an over-long name or e-mail address with a field error', async () => {
    const longName = await officeBrowser.submit('/staff/new', '/staff', {
      name: `${'A'.repeat(101)} Smith`,
      email: 'a.smith@school.example',
      roles: 'teacher',
    });
    expect(longName.statusCode).toBe(400);
    expect(longName.body).toContain('href="#name"');
    expect(longName.body).toContain('must each be 100 characters or fewer');
    const longEmail = await officeBrowser.submit('/staff/new', '/staff', { name: 'Ann Smith', email: `${'a'.repeat(250)}@school.example`, roles: 'teacher' });
    expect(longEmail.statusCode).toBe(400);
    expect(longEmail.body).toContain('href="#email"');
    expect(longEmail.body).toContain('254 characters or fewer');
    expect(
      await t.database.db.selectFrom('staff').select('id').where('email', 'like', '%@school.example').where('family_name', '=', 'Smith').execute(),
    ).toHaveLength(0);
  });
});
