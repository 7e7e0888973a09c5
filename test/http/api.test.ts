import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withSchool } from '../../src/platform/db/school-scope.ts';
import { createImportService } from '../../src/modules/people/import.service.ts';
import { addApiToken } from '../../src/modules/school/school.service.ts';
import { createTestApp, TestBrowser, type TestApp } from '../helpers/app.ts';
import { databaseKinds } from '../helpers/database.ts';
import { makeSchool, makeStaff } from '../helpers/factories.ts';

const fixtureDir = new URL('../fixtures/oneroster/basic', import.meta.url).pathname;

describe.each(databaseKinds())('the people API (%s)', (kind) => {
  let t: TestApp;
  let tokenA: string;
  let tokenB: string;
  let teacherToken: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    const tokenFor = async (schoolId: string, email: string) =>
      withSchool(t.database.db, schoolId, (tx) => addApiToken(tx, schoolId, { id: null, label: 'test' }, email));
    const a = await makeSchool(t.database.db, { name: 'Alder Primary' });
    const b = await makeSchool(t.database.db, { name: 'Birch Primary' });
    await createImportService(t.database.schools).importFromPath(a.id, { id: null, label: 'test' }, fixtureDir, false);
    tokenA = await tokenFor(a.id, (await makeStaff(t.database.db, a.id, ['headteacher'])).email);
    tokenB = await tokenFor(b.id, (await makeStaff(t.database.db, b.id, ['headteacher'])).email);
    teacherToken = await tokenFor(a.id, (await makeStaff(t.database.db, a.id, ['teacher'])).email);
  });
  afterAll(() => t.close());

  const get = (url: string, token?: string) => t.app.inject({ url, headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('lists classes with their title, year group and pupils on roll', async () => {
    const response = await get('/api/v1/classes', tokenA);
    expect(response.statusCode).toBe(200);
    const classes = response.json<{ id: string; name: string; yearGroup: number | null; pupilCount: number }[]>();
    expect(classes.map((c) => c.name).sort()).toEqual(['Reception Robins', 'Year 3 Hazel', 'Year 4 Oak']);
    expect(classes.find((c) => c.name === 'Year 3 Hazel')).toMatchObject({ yearGroup: 3, pupilCount: expect.any(Number) });
    expect(classes.find((c) => c.name === 'Reception Robins')!.yearGroup).toBe(0);
    expect(Object.keys(classes[0]).sort()).toEqual(['id', 'name', 'pupilCount', 'yearGroup']);
  });

  it('lists pupils with carers, filtered by status', async () => {
    const onRoll = (await get('/api/v1/pupils', tokenA)).json<Record<string, unknown>[]>();
    expect(onRoll).toHaveLength(11);
    const amelia = onRoll.find((p) => p.sourcedId === 'stu-001')!;
    expect(amelia).toMatchObject({
      givenName: 'Amelia',
      familyName: 'Clarke',
      onRoll: true,
      dateOfBirth: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      classId: expect.any(String),
      carers: expect.arrayContaining([expect.objectContaining({ id: expect.any(String), relationship: expect.any(String) })]),
    });
    // Issue 19: whether the pupil must never be photographed, and (for the headteacher and the DSL only) why.
    expect(Object.keys(amelia).sort()).toEqual([
      'carers',
      'classId',
      'dateOfBirth',
      'doNotPhotograph',
      'doNotPhotographReason',
      'familyName',
      'givenName',
      'id',
      'onRoll',
      'preferredName',
      'sourcedId',
    ]);
    const asTeacher = (await get('/api/v1/pupils', teacherToken)).json<Record<string, unknown>[]>();
    expect(Object.keys(asTeacher[0])).not.toContain('doNotPhotographReason');
    expect((await get('/api/v1/pupils?status=left', tokenA)).json()).toEqual([]);
    expect((await get('/api/v1/pupils?status=all', tokenA)).json()).toHaveLength(11);
    const bad = await get('/api/v1/pupils?status=everyone', tokenA);
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toEqual({ error: 'invalid', message: expect.any(String), field: 'status' });
  });

  it('lists carers with their pupils, and staff with roles', async () => {
    const carers = (await get('/api/v1/carers', tokenA)).json<{ pupilIds: string[]; email: string | null }[]>();
    expect(carers.length).toBe(15);
    expect(carers.some((c) => c.pupilIds.length === 2)).toBe(true);
    const staff = (await get('/api/v1/staff', tokenA)).json<{ roles: string[]; email: string }[]>();
    expect(staff.find((s) => s.email === 'r.green@hazelwood.example.org')).toMatchObject({ givenName: 'Rachel', roles: ['teacher'] });
  });

  it('one school’s token cannot reach another school’s data', async () => {
    expect((await get('/api/v1/pupils', tokenB)).json()).toEqual([]);
    expect((await get('/api/v1/classes', tokenB)).json()).toEqual([]);
  });

  it('answers errors as {error, message}: no token, a bad token, a role without access', async () => {
    expect((await get('/api/v1/pupils')).statusCode).toBe(401);
    const bad = await get('/api/v1/pupils', 'eso_made-up');
    expect(bad.statusCode).toBe(401);
    expect(bad.json()).toEqual({ error: 'unauthorised', message: expect.any(String) });
    const teacherStaff = await get('/api/v1/staff', teacherToken);
    expect(teacherStaff.statusCode).toBe(403);
    expect(teacherStaff.json()).toMatchObject({ error: 'forbidden' });
    expect((await get('/api/v1/nothing-here', tokenA)).json()).toMatchObject({ error: 'not_found' });
  });

  it('a browser session does not open the API: it answers tokens only', async () => {
    const teacher = await makeStaff(t.database.db, (await makeSchool(t.database.db)).id, ['teacher']);
    const browser = new TestBrowser(t.app);
    await browser.signIn(teacher);
    expect((await browser.get('/classes')).statusCode).toBe(200);
    expect((await browser.get('/api/v1/classes')).statusCode).toBe(401);
  });

  it('publishes an OpenAPI document generated from the route schemas', async () => {
    const doc = (await get('/api/v1/openapi.json')).json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(doc.openapi).toMatch(/^3\./);
    // Other modules add their own paths; the people API's are these.
    expect(Object.keys(doc.paths).sort()).toEqual(expect.arrayContaining(['/api/v1/carers', '/api/v1/classes', '/api/v1/pupils', '/api/v1/staff']));
    // Every people route documents the one error shape, {error, message, field?, problems?}.
    const paths = doc.paths as Record<
      string,
      { get: { responses: Record<string, { content: Record<string, { schema: { properties: Record<string, unknown> } }> }> } }
    >;
    for (const path of ['/api/v1/carers', '/api/v1/classes', '/api/v1/pupils', '/api/v1/staff']) {
      const responses = paths[path].get.responses;
      expect(Object.keys(responses).sort()).toEqual(['200', '400', '401', '403', '404', '422']);
      expect(Object.keys(responses['403'].content['application/json'].schema.properties).sort()).toEqual(['error', 'field', 'message', 'problems']);
    }
  });

  it('reports health when the database answers', async () => {
    expect((await get('/health')).json()).toEqual({ status: 'ok' });
  });
});
