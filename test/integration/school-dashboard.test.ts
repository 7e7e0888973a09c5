import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/platform/auth/actor.ts';
import type { Database } from '../../src/platform/db/database.ts';
import { withSchool } from '../../src/platform/db/school-database.ts';
import { enqueueMail } from '../../src/platform/mail/outbox.ts';
import { dashboardFor } from '../../src/modules/school/dashboard.ts';
import { createSchool } from '../../src/modules/school/school.service.ts';
import { createTestDatabase, databaseKinds } from '../helpers/database.ts';
import { makeStaff } from '../helpers/factories.ts';

describe.each(databaseKinds())('the home page (%s)', (kind) => {
  let database: Database;
  let head: Actor;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    // Set up in June 2026: the school has the years 2025/26 and 2026/27, with the default term boundaries.
    const school = await createSchool(
      database.schools,
      { name: 'Low Ash Primary', urn: '107331' },
      { id: null, label: 'test' },
      new Date('2026-06-01T12:00:00Z'),
    );
    const staff = await makeStaff(database.db, school.id, ['headteacher']);
    head = {
      staffId: staff.id,
      schoolId: school.id,
      schoolName: school.name,
      schoolUrn: school.urn,
      name: 'Jo Head',
      email: staff.email,
      roles: ['headteacher'],
      via: 'session',
      sessionHash: null,
      twoFactor: 'done',
    };
    // The school's own autumn term starts on Wednesday 26 August, before the default 1 September.
    await database.db
      .updateTable('terms')
      .set({ starts_on: '2026-08-26' })
      .where('school_id', '=', school.id)
      .where('name', '=', 'autumn')
      .where('starts_on', '=', '2026-09-01')
      .execute();
  });
  afterAll(() => database.close());

  it('names the term by the school’s own term dates, not the default boundaries', async () => {
    expect((await dashboardFor(database.schools, head, new Date('2026-08-28T09:00:00Z'))).term).toBe('Autumn 2026');
    expect((await dashboardFor(database.schools, head, new Date('2026-08-25T09:00:00Z'))).term).toBe('Summer 2026');
  });

  it('falls back to the default boundaries for a day the school has no term for', async () => {
    expect((await dashboardFor(database.schools, head, new Date('2029-02-01T09:00:00Z'))).term).toBe('Spring 2029');
  });

  it('counts what the headteacher can act on', async () => {
    await makeStaff(database.db, head.schoolId, ['teacher'], { twoFactor: false });
    await withSchool(database.schools, head.schoolId, (tx) =>
      enqueueMail(tx, head.schoolId, { to: 'someone@school.example', subject: 'Hello', text: 'Hello' }),
    );
    expect(await dashboardFor(database.schools, head)).toMatchObject({ pupils: 0, classes: 0, unsentMail: 1, staffWithoutTwoFactor: 1 });
  });
});
