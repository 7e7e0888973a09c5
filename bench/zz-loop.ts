import { sql } from 'kysely';
import { applyRoster } from '../src/modules/people/import.apply.ts';
import { parseRosterFiles } from '../src/modules/people/oneroster/oneroster.parse.ts';
import { generateRosterPackage } from '../src/modules/people/oneroster/sample-roster.ts';
import { classWithPupilsAndTeachers } from '../src/modules/people/people.repository.ts';
import { activeBansOfClassQuery } from '../src/modules/filtering/oversight.repository.ts';
import { latestLessonsOfClassQuery } from '../src/modules/lessons/lessons.repository.ts';
import { readInSchool, withSchool } from '../src/platform/db/school-database.ts';
import type { PGliteThread } from '../src/platform/db/pglite-thread.ts';
import { makeSchool } from '../test/helpers/factories.ts';
import { serverLikePgliteDatabase } from './lib.ts';

const database = await serverLikePgliteDatabase();
const school = await makeSchool(database.db, { name: 'Loop' });
const parsed = parseRosterFiles(generateRosterPackage({ pupils: 300, classes: 10, seed: 11 }));
if (!parsed.ok) throw new Error('roster');
await withSchool(database.schools, school.id, (tx) => applyRoster(tx, school.id, parsed.roster));
const cls = await withSchool(database.schools, school.id, (tx) => tx.selectFrom('classes').select('id').where('sourced_id', '=', 'cls-00001').executeTakeFirstOrThrow());
if (process.env.ZZ_ANALYZE) await sql`analyze`.execute(database.db);
if (process.env.ZZ_PLAN) await sql.raw(`set plan_cache_mode = ${process.env.ZZ_PLAN}`).execute(database.db);
const thread = database.pglite as unknown as PGliteThread;
const day = '2026-12-02';
const variants: Record<string, () => Promise<unknown>> = {
  'select 1': () => readInSchool(database.schools, school.id, 'zz-one', { id: cls.id }, (v, q) => q.selectFrom('classes').select(sql<number>`1`.as('one')).where('id', '=', v.id)),
  'class page': () =>
    classWithPupilsAndTeachers(database.schools, school.id, cls.id, {
      bans: { day, of: (q, ofClass, d) => activeBansOfClassQuery(q, d, ofClass) },
      lessons: (q, ofClass) => latestLessonsOfClassQuery(q, ofClass, 10),
    }),
  'class page, no lists': () => classWithPupilsAndTeachers(database.schools, school.id, cls.id, {}),
};
for (let round = 0; round < 3; round++) {
  for (const [name, run] of Object.entries(variants)) {
    for (let i = 0; i < 200; i++) await run();
    const elu = thread.eventLoopUtilization();
    const t = performance.now();
    const n = 2000;
    // 10 in flight, as the bench's 10 connections
    let next = 0;
    await Promise.all(Array.from({ length: 10 }, async () => { while (next++ < n) await run(); }));
    const wall = performance.now() - t;
    const busy = thread.eventLoopUtilization(elu).active;
    console.log(`${name.padEnd(22)} wall ${(wall / n).toFixed(3)} ms/read  db thread ${(busy / n).toFixed(3)} ms/read`);
  }
}
await database.close();
