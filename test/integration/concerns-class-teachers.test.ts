import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import type { Database } from '../../src/platform/db/database.ts';
import { withSchool } from '../../src/platform/db/school-scope.ts';
import { createImportService } from '../../src/modules/people/import.service.ts';
import { createConcernsService } from '../../src/modules/concerns/concerns.service.ts';
import { actorFor, aReport } from '../helpers/concerns.ts';
import { createTestDatabase, databaseKinds } from '../helpers/database.ts';
import { makeSchool, makeStaff } from '../helpers/factories.ts';

const fixture = new URL('../fixtures/oneroster/basic', import.meta.url).pathname;

describe.each(databaseKinds())('class teachers come from OneRoster teacher enrolments, for routing (%s)', (kind) => {
  let database: Database;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(() => database.close());

  it('routes a concern about a pupil in Year 3 Hazel to Rachel Green, who teaches it, and a re-import changes nothing', async () => {
    const school = await makeSchool(database.db, { name: 'Hazelwood Primary' });
    const importer = createImportService(database.schools);
    expect((await importer.importFromPath(school.id, { id: null, label: 'test' }, fixture, false)).ok).toBe(true);
    expect((await importer.importFromPath(school.id, { id: null, label: 'test' }, fixture, false)).ok).toBe(true);
    const teachers = await withSchool(database.db, school.id, (tx) =>
      tx
        .selectFrom('class_teachers as ct')
        .innerJoin('classes as c', 'c.id', 'ct.class_id')
        .innerJoin('staff as s', 's.id', 'ct.staff_id')
        .select(['c.title', 's.given_name'])
        .orderBy('c.title')
        .execute(),
    );
    expect(teachers.map((t) => `${t.title}: ${t.given_name}`)).toEqual(['Reception Robins: Rachel', 'Year 3 Hazel: Rachel', 'Year 4 Oak: Tom']);

    const amelia = await withSchool(database.db, school.id, (tx) =>
      tx.selectFrom('pupils').select('id').where('sourced_id', '=', 'stu-001').executeTakeFirstOrThrow(),
    );
    const rachel = await withSchool(database.db, school.id, (tx) =>
      tx.selectFrom('staff').select('id').where('sourced_id', '=', 'stf-001').executeTakeFirstOrThrow(),
    );
    const volunteer = await makeStaff(database.db, school.id, ['volunteer']);
    const concerns = createConcernsService(database.schools, loadConfig({ NODE_ENV: 'test' }));
    const reported = await concerns.report(
      actorFor(school, volunteer),
      aReport({ type: 'inappropriate-content', location: 'in-school', pupilIds: [amelia.id] }),
    );
    expect(reported.routedTo[0]).toEqual({ userId: rachel.id, reason: 'Class teacher of Amelia Clarke' });
  });
});
