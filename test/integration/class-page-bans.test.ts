import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/platform/db/database.ts';
import { activeBansOfClassQuery } from '../../src/modules/filtering/oversight.repository.ts';
import { classWithPupilsAndTeachers } from '../../src/modules/people/people.repository.ts';
import { withSchool } from '../../src/platform/db/school-database.ts';
import { createTestDatabase, databaseKinds } from '../helpers/database.ts';
import { makeSchool, makeStaff } from '../helpers/factories.ts';

/**
 * The class page's bans (FLT-4) are read in its one statement, which first asks once whether the
 * school has any ban in force at all (issue 17, point 10). That question must never hide a ban:
 * it is the school's own (another school's ban does not count), and it means in force today.
 */
describe.each(databaseKinds())('the bans on a class page (%s)', (kind) => {
  let database: Database;
  let school: string;
  let other: string;
  let staffId: string;
  const classes: Record<'one' | 'two', string> = { one: '', two: '' };
  const pupils: Record<'one' | 'two', string> = { one: '', two: '' };
  const today = '2026-12-02';

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    school = (await makeSchool(database.db, { name: 'Alder Primary' })).id;
    other = (await makeSchool(database.db, { name: 'Birch Primary' })).id;
    staffId = (await makeStaff(database.db, school, ['dsl'])).id;
    const theirs = await makeStaff(database.db, other, ['dsl']);
    for (const [schoolId, prefix] of [
      [school, 'a'],
      [other, 'b'],
    ] as const) {
      await withSchool(database.schools, schoolId, async (tx) => {
        for (const name of ['one', 'two'] as const) {
          const { id } = await tx
            .insertInto('classes')
            .values({ school_id: schoolId, sourced_id: `${prefix}-${name}`, title: `Class ${name}`, year_group: 3 })
            .returning('id')
            .executeTakeFirstOrThrow();
          const pupil = await tx
            .insertInto('pupils')
            .values({
              school_id: schoolId,
              sourced_id: `${prefix}-p-${name}`,
              given_name: 'Amelia',
              family_name: name,
              date_of_birth: '2018-05-01',
              class_id: id,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          if (schoolId === school) {
            classes[name] = id;
            pupils[name] = pupil.id;
          } else if (name === 'one') {
            // Another school's ban in force today, in a class of its own.
            await tx
              .insertInto('computer_bans')
              .values({
                school_id: other,
                pupil_id: pupil.id,
                reason: 'x',
                starts_on: '2026-12-01',
                ends_on: '2026-12-20',
                supervised_use: false,
                created_by: theirs.id,
              })
              .execute();
          }
        }
      });
    }
  }, 120_000);
  afterAll(() => database?.close());

  const bansOn = async (ofClass: 'one' | 'two') => {
    const page = await classWithPupilsAndTeachers(database.schools, school, classes[ofClass], {
      bans: { day: today, of: (q, id, day) => activeBansOfClassQuery(q, day, id) },
    });
    return page?.bans.map((b) => `${b.pupil_name} until ${b.ends_on}`);
  };
  const ban = (ofClass: 'one' | 'two', starts_on: string, ends_on: string, lifted = false) =>
    withSchool(database.schools, school, (tx) =>
      tx
        .insertInto('computer_bans')
        .values({
          school_id: school,
          pupil_id: pupils[ofClass],
          reason: 'Searched for unsuitable material',
          starts_on,
          ends_on,
          supervised_use: true,
          created_by: staffId,
          ...(lifted ? { lifted_at: new Date(), lifted_by: staffId, lifted_note: 'Early' } : {}),
        })
        .execute(),
    );

  it('shows none while only another school has a ban in force', async () => {
    expect(await bansOn('one')).toEqual([]);
  });

  it('shows none for bans that start tomorrow, ended yesterday or were lifted', async () => {
    await ban('one', '2026-12-03', '2026-12-10');
    await ban('one', '2026-11-20', '2026-12-01');
    await ban('one', '2026-12-01', '2026-12-10', true);
    expect(await bansOn('one')).toEqual([]);
  });

  it('shows a ban in force on its own class only, including one that ends today', async () => {
    await ban('two', '2026-11-25', today);
    expect(await bansOn('two')).toEqual([`Amelia two until ${today}`]);
    expect(await bansOn('one')).toEqual([]);
    await ban('one', today, '2026-12-09');
    expect(await bansOn('one')).toEqual(['Amelia one until 2026-12-09']);
  });
});
