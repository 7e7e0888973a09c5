import type { Kysely } from 'kysely';
import type { Actor } from '../../src/platform/auth/actor.ts';
import type { Role } from '../../src/platform/auth/permissions.ts';
import type { DB } from '../../src/platform/db/schema.ts';
import { withSchool } from '../../src/platform/db/school-scope.ts';
import { setClassTeachers } from '../../src/modules/concerns/concerns.repository.ts';
import type { ReportInput } from '../../src/modules/concerns/concerns.input.ts';
import { makeSchool, makeStaff, type TestStaff } from './factories.ts';

export type ConcernSchool = Awaited<ReturnType<typeof makeConcernSchool>>;

/** The actor a signed-in member of staff would be. */
export const actorFor = (school: { id: string; name: string; urn: string }, staff: TestStaff): Actor => ({
  staffId: staff.id,
  schoolId: school.id,
  schoolName: school.name,
  schoolUrn: school.urn,
  name: staff.email,
  email: staff.email,
  roles: staff.roles,
  via: 'session',
  sessionHash: null,
  twoFactor: 'done',
});

/**
 * A school with one person in each role (and a second teacher, who teaches Year 3 Hazel), a line
 * manager for the teacher, two pupils (one has left), and a carer.
 */
export async function makeConcernSchool(db: Kysely<DB>, name = 'Hazel Lane Primary') {
  const school = await makeSchool(db, { name });
  const make = (roles: Role[]) => makeStaff(db, school.id, roles);
  const staff = {
    head: await make(['headteacher']),
    deputy: await make(['deputy-headteacher']),
    senior: await make(['senior-leader']),
    dsl: await make(['dsl']),
    ict: await make(['ict-lead']),
    teacher: await make(['teacher']),
    classTeacher: await make(['teacher']),
    support: await make(['support-staff']),
    office: await make(['office']),
    governor: await make(['governor']),
    volunteer: await make(['volunteer']),
  };
  const ids = await withSchool(db, school.id, async (tx) => {
    const hazel = await tx
      .insertInto('classes')
      .values({ school_id: school.id, title: 'Year 3 Hazel', year_group: 3 })
      .returning('id')
      .executeTakeFirstOrThrow();
    const pupil = await tx
      .insertInto('pupils')
      .values({ school_id: school.id, given_name: 'Amelia', family_name: 'Clarke', class_id: hazel.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    const exPupil = await tx
      .insertInto('pupils')
      .values({ school_id: school.id, given_name: 'Oscar', family_name: 'Reed', on_roll: false, leaving_date: '2026-07-20' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const carer = await tx
      .insertInto('carers')
      .values({ school_id: school.id, given_name: 'Pat', family_name: 'Clarke', email: 'pat@example.org' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx.insertInto('pupil_carers').values({ school_id: school.id, pupil_id: pupil.id, carer_id: carer.id, relationship: 'mother' }).execute();
    await setClassTeachers(tx, school.id, hazel.id, [staff.classTeacher.id]);
    await tx.updateTable('staff').set({ line_manager_id: staff.senior.id }).where('id', '=', staff.teacher.id).execute();
    return { classId: hazel.id, pupilId: pupil.id, exPupilId: exPupil.id, carerId: carer.id };
  });
  const actors = Object.fromEntries(Object.entries(staff).map(([k, s]) => [k, actorFor(school, s)])) as Record<keyof typeof staff, Actor>;
  return { school, staff, actors, ...ids };
}

/** A complete, valid report; override what a test is about. */
export const aReport = (overrides: Partial<ReportInput> = {}): ReportInput => ({
  type: 'cyber-bullying',
  summary: 'Unkind messages in a class group chat',
  details: 'Amelia showed me messages calling her names.',
  occurredAt: new Date(Date.now() - 3_600_000),
  location: 'out-of-school',
  outOfHours: true,
  platform: 'WhatsApp',
  pupilIds: [],
  staffIds: [],
  carerIds: [],
  others: [],
  links: [],
  involvesNudeImages: false,
  ...overrides,
});
