import { byName } from './names.ts';
import { sql, type QueryCreator, type SelectQueryBuilder } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { SchoolTx } from '../../platform/db/school-scope.ts';
import { staffHoldingRoles, staffRolesOf } from './staff-roles.repository.ts';
import { readInSchool, type SchoolDatabase } from '../../platform/db/school-database.ts';

export type PupilStatus = 'on-roll' | 'left' | 'all';

export function listClasses(tx: SchoolTx) {
  return tx
    .selectFrom('classes as c')
    .select(['c.id', 'c.title', 'c.year_group', 'c.sourced_id'])
    .select(sql<number>`(SELECT count(*)::int FROM pupils p WHERE p.class_id = c.id AND p.on_roll)`.as('pupil_count'))
    .where('c.active', '=', true)
    .orderBy(sql`c.year_group NULLS LAST`)
    .orderBy('c.title')
    .execute();
}

/** The school's active classes, by year group then title: what every class picker and per-class list offers. */
export function activeClasses(tx: SchoolTx) {
  return tx
    .selectFrom('classes')
    .select(['id', 'title', 'year_group'])
    .where('active', '=', true)
    .orderBy(sql`year_group NULLS LAST`)
    .orderBy('title')
    .execute();
}

export function findClass(tx: SchoolTx, id: string) {
  return tx.selectFrom('classes').select(['id', 'title', 'year_group', 'active']).where('id', '=', id).executeTakeFirst();
}

/** A pupil on the class page as its statement sends it (see classWithPupilsAndTeachers). */
type PupilCells = [id: string, given_name: string, family_name: string, preferred_name: string | null, date_of_birth: string, do_not_photograph: boolean];

/** What other modules show on the class page, as queries of the class (and, for bans, of the day); absent when the person may not see them. */
export interface ClassPageLists<Ban, Lesson> {
  bans?: { day: string; of: (q: QueryCreator<DB>, classId: string, day: string) => SelectQueryBuilder<DB, never, Ban> };
  lessons?: (q: QueryCreator<DB>, classId: string) => SelectQueryBuilder<DB, never, Lesson>;
}

/**
 * The class page's one question (GET /classes/:id): the class, its pupils on roll and its teachers,
 * and what other modules show on it (their queries, handed in: bans, lessons), in one statement
 * instead of five, built and compiled once for each set of lists shown, and read on its own
 * (`readInSchool`: on the embedded database, one exchange that does not hold the connection while it
 * runs). Undefined when there is no such class in this school.
 */
export async function classWithPupilsAndTeachers<Ban = never, Lesson = never>(
  schools: SchoolDatabase,
  schoolId: string,
  id: string,
  shown: ClassPageLists<Ban, Lesson> = {},
) {
  // Nothing to show (the person may not see it): an empty list, typed as the query's would be.
  const listOf = <Row>(query: SelectQueryBuilder<DB, never, Row> | undefined): ReturnType<typeof jsonArrayFrom<Row>> =>
    query ? jsonArrayFrom(query) : sql`'[]'::json`;
  const { bans, lessons } = shown;
  const values: Record<string, string> = bans ? { id, day: bans.day } : { id };
  const key = `class-page${bans ? '+bans' : ''}${lessons ? '+lessons' : ''}`;
  const [row] = await readInSchool(schools, schoolId, key, values, (v, q) =>
    q
      .selectFrom('classes as c')
      .select(['c.id', 'c.title', 'c.year_group', 'c.active'])
      .select((eb) => [
        // Each pupil as an array, not an object: the database and the main thread then handle 30 rows without 30 copies of
        // every column's name (issue 17, point 10).
        sql<
          PupilCells[]
        >`(select coalesce(json_agg(json_build_array(p.id, p.given_name, p.family_name, p.preferred_name, p.date_of_birth, p.do_not_photograph)), '[]') from pupils p where p.class_id = c.id and p.on_roll)`.as(
          'pupils',
        ),
        jsonArrayFrom(
          eb
            .selectFrom('class_teachers as ct')
            .innerJoin('staff as s', 's.id', 'ct.staff_id')
            .select(['s.id', 's.given_name', 's.family_name'])
            .whereRef('ct.class_id', '=', 'c.id')
            .where('s.active', '=', true),
        ).as('teachers'),
        listOf(bans?.of(q, v.id, v.day)).as('bans'),
        listOf(lessons?.(q, v.id)).as('lessons'),
      ])
      .where('c.id', '=', v.id),
  );
  if (!row) return undefined;
  const { pupils, teachers, bans: banRows, lessons: lessonRows, ...found } = row;
  const pupilRows = pupils.map(([id, given_name, family_name, preferred_name, date_of_birth, do_not_photograph]) => ({
    id,
    given_name,
    family_name,
    preferred_name,
    date_of_birth,
    do_not_photograph,
  }));
  return { class: found, pupils: byName(pupilRows), teachers: byName(teachers), bans: banRows, lessons: lessonRows };
}

export function pupilsInClass(tx: SchoolTx, classId: string) {
  return tx
    .selectFrom('pupils')
    .select(['id', 'given_name', 'family_name', 'preferred_name', 'date_of_birth', 'do_not_photograph'])
    .where('class_id', '=', classId)
    .where('on_roll', '=', true)
    .orderBy('family_name')
    .orderBy('given_name')
    .execute()
    .then(byName);
}

export function listPupils(tx: SchoolTx, status: PupilStatus) {
  let query = tx
    .selectFrom('pupils as p')
    .select([
      'p.id',
      'p.sourced_id',
      'p.given_name',
      'p.family_name',
      'p.preferred_name',
      'p.date_of_birth',
      'p.class_id',
      'p.on_roll',
      'p.do_not_photograph',
      'p.do_not_photograph_reason',
    ])
    .select(
      sql<{ id: string; relationship: string; parentalResponsibility: boolean; priority: number | null; courtOrder: boolean }[]>`coalesce((SELECT
        json_agg(json_build_object('id', pc.carer_id, 'relationship', pc.relationship, 'parentalResponsibility', pc.parental_responsibility,
          'priority', pc.priority, 'courtOrder', pc.court_order) ORDER BY pc.priority NULLS LAST, pc.carer_id)
      FROM pupil_carers pc WHERE pc.pupil_id = p.id), '[]'::json)`.as('carers'),
    )
    .orderBy('p.family_name')
    .orderBy('p.given_name');
  if (status === 'on-roll') query = query.where('p.on_roll', '=', true);
  if (status === 'left') query = query.where('p.on_roll', '=', false);
  return query.execute().then(byName);
}

/** For the home page: how many pupils are on roll. */
export async function countPupilsOnRoll(tx: SchoolTx): Promise<number> {
  const row = await tx
    .selectFrom('pupils')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('on_roll', '=', true)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** For the home page: how many classes are active. */
export async function countActiveClasses(tx: SchoolTx): Promise<number> {
  const row = await tx
    .selectFrom('classes')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('active', '=', true)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** For the home page: active staff who sign in with a password but have not set up two-factor authentication. */
export async function countStaffWithoutTwoFactor(tx: SchoolTx): Promise<number> {
  const row = await tx
    .selectFrom('staff')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('active', '=', true)
    .where('password_hash', 'is not', null)
    .where('totp_enabled_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function findPupil(tx: SchoolTx, id: string) {
  return tx
    .selectFrom('pupils as p')
    .leftJoin('classes as c', 'c.id', 'p.class_id')
    .select([
      'p.id',
      'p.sourced_id',
      'p.given_name',
      'p.family_name',
      'p.preferred_name',
      'p.date_of_birth',
      'p.admission_date',
      'p.leaving_date',
      'p.on_roll',
      'p.class_id',
      'c.title as class_title',
      'c.year_group',
      'p.do_not_photograph',
      'p.do_not_photograph_reason',
      'p.do_not_photograph_set_at',
    ])
    .where('p.id', '=', id)
    .executeTakeFirst();
}

/** Issue 19: marks (or clears) a pupil who must never be photographed or published, with the reason and who set it. */
export async function setDoNotPhotograph(tx: SchoolTx, pupilId: string, value: { on: boolean; reason: string | null; by: string }): Promise<boolean> {
  const result = await tx
    .updateTable('pupils')
    .set({
      do_not_photograph: value.on,
      do_not_photograph_reason: value.on ? value.reason : null,
      do_not_photograph_set_by: value.by,
      do_not_photograph_set_at: new Date(),
      updated_at: new Date(),
    })
    .where('id', '=', pupilId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export function carersOfPupil(tx: SchoolTx, pupilId: string) {
  return tx
    .selectFrom('pupil_carers as pc')
    .innerJoin('carers as k', 'k.id', 'pc.carer_id')
    .select(['k.id', 'k.given_name', 'k.family_name', 'k.email', 'k.phone', 'pc.relationship', 'pc.parental_responsibility'])
    .where('pc.pupil_id', '=', pupilId)
    .where('k.active', '=', true)
    .orderBy('k.family_name')
    .execute()
    .then(byName);
}

/** Siblings are the other pupils who share a carer with this one. */
export function siblingsOf(tx: SchoolTx, pupilId: string) {
  return tx
    .selectFrom('pupils as p')
    .select(['p.id', 'p.given_name', 'p.family_name', 'p.preferred_name', 'p.on_roll'])
    .where('p.id', '!=', pupilId)
    .where('p.id', 'in', (eb) =>
      eb.selectFrom('pupil_carers as a').innerJoin('pupil_carers as b', 'b.carer_id', 'a.carer_id').select('b.pupil_id').where('a.pupil_id', '=', pupilId),
    )
    .orderBy('p.given_name')
    .execute();
}

export function listCarers(tx: SchoolTx) {
  return tx
    .selectFrom('carers as k')
    .select(['k.id', 'k.sourced_id', 'k.given_name', 'k.family_name', 'k.email', 'k.phone'])
    .select(
      sql<string[]>`coalesce((SELECT array_agg(pc.pupil_id::text ORDER BY pc.pupil_id) FROM pupil_carers pc WHERE pc.carer_id = k.id), '{}')`.as('pupil_ids'),
    )
    .where('k.active', '=', true)
    .orderBy('k.family_name')
    .orderBy('k.given_name')
    .execute()
    .then(byName);
}

export function listStaff(tx: SchoolTx) {
  return tx
    .selectFrom('staff as s')
    .leftJoin('staff as m', 'm.id', 's.line_manager_id')
    .select([
      's.id',
      's.sourced_id',
      's.given_name',
      's.family_name',
      's.email',
      's.active',
      's.line_manager_id',
      'm.given_name as manager_given_name',
      'm.family_name as manager_family_name',
    ])
    .select(sql<boolean>`s.totp_enabled_at IS NOT NULL`.as('two_factor'))
    .select(staffRolesOf.as('roles'))
    .where('s.active', '=', true)
    .orderBy('s.family_name')
    .orderBy('s.given_name')
    .execute()
    .then(byName);
}

export function findStaff(tx: SchoolTx, id: string) {
  return tx
    .selectFrom('staff as s')
    .select(['s.id', 's.given_name', 's.family_name', 's.email', 's.line_manager_id', 's.active', 's.start_date'])
    .select(sql<string>`to_char(s.created_at, 'YYYY-MM-DD')`.as('created_on'))
    .select(staffRolesOf.as('roles'))
    .select(sql<boolean>`s.password_hash IS NOT NULL`.as('has_password'))
    .select(sql<Date | null>`(SELECT max(r.created_at) FROM password_resets r WHERE r.staff_id = s.id)`.as('last_link_at'))
    .where('s.id', '=', id)
    .executeTakeFirst();
}

/** Active staff with an e-mail address who have no password and were never sent a link: imported, not yet invited. */
export function staffNeverInvited(tx: SchoolTx) {
  return tx
    .selectFrom('staff as s')
    .select(['s.id', 's.email'])
    .select(staffRolesOf.as('roles'))
    .where('s.active', '=', true)
    .where('s.email', 'is not', null)
    .where('s.password_hash', 'is', null)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('password_resets as r').select('r.staff_id').whereRef('r.staff_id', '=', 's.id'))))
    .execute();
}

export async function replaceRoles(tx: SchoolTx, schoolId: string, staffId: string, roles: string[]): Promise<void> {
  await tx.deleteFrom('staff_roles').where('staff_id', '=', staffId).execute();
  if (roles.length)
    await tx
      .insertInto('staff_roles')
      .values(roles.map((role) => ({ school_id: schoolId, staff_id: staffId, role })))
      .execute();
}

export async function setLineManager(tx: SchoolTx, staffId: string, managerId: string | null): Promise<void> {
  await tx.updateTable('staff').set({ line_manager_id: managerId, updated_at: new Date() }).where('id', '=', staffId).execute();
}

export async function setStartDate(tx: SchoolTx, staffId: string, startDate: string | null): Promise<void> {
  await tx.updateTable('staff').set({ start_date: startDate, updated_at: new Date() }).where('id', '=', staffId).execute();
}

/** Would making `managerId` manage `staffId` close a loop (A manages B manages A)? */
export async function wouldCreateCycle(tx: SchoolTx, staffId: string, managerId: string): Promise<boolean> {
  const row = await sql<{ found: boolean }>`
    WITH RECURSIVE chain(id, depth) AS (
      SELECT ${managerId}::uuid, 0
      UNION ALL SELECT s.line_manager_id, chain.depth + 1 FROM staff s JOIN chain ON s.id = chain.id
      WHERE s.line_manager_id IS NOT NULL AND chain.depth < 50)
    SELECT EXISTS (SELECT 1 FROM chain WHERE id = ${staffId}::uuid) AS found`.execute(tx);
  return row.rows[0]?.found ?? false;
}

export async function replaceClassTeachers(tx: SchoolTx, schoolId: string, classId: string, staffIds: string[]): Promise<void> {
  await tx.deleteFrom('class_teachers').where('class_id', '=', classId).execute();
  if (staffIds.length)
    await tx
      .insertInto('class_teachers')
      .values(staffIds.map((staffId) => ({ school_id: schoolId, class_id: classId, staff_id: staffId })))
      .execute();
}

/** Who hears of every change of roles: the headteachers and designated safeguarding leads. */
export async function headsAndDsls(tx: SchoolTx): Promise<string[]> {
  return (await staffHoldingRoles(tx, ['headteacher', 'dsl'], { withEmail: true })).map((s) => s.email!);
}

/** E-mail address changes from the MIS that wait for the headteacher (the import never applies them). */
export function heldEmailChanges(tx: SchoolTx, staffId: string) {
  return tx
    .selectFrom('staff_email_changes_held')
    .select(['id', 'from_email', 'to_email', 'held_at'])
    .where('staff_id', '=', staffId)
    .where('applied_at', 'is', null)
    .orderBy('held_at')
    .execute();
}

export function findHeldEmailChange(tx: SchoolTx, staffId: string, changeId: string) {
  return tx
    .selectFrom('staff_email_changes_held')
    .select(['id', 'sourced_id', 'from_email', 'to_email'])
    .where('id', '=', changeId)
    .where('staff_id', '=', staffId)
    .where('applied_at', 'is', null)
    .executeTakeFirst();
}

export function staffWithEmail(tx: SchoolTx, email: string, otherThan: string) {
  return tx
    .selectFrom('staff')
    .select(['id', 'given_name', 'family_name'])
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
    .where('id', '!=', otherThan)
    .executeTakeFirst();
}

export async function applyHeldEmailChange(tx: SchoolTx, change: { id: string; staffId: string; email: string; appliedBy: string }): Promise<void> {
  await tx.updateTable('staff').set({ email: change.email, updated_at: new Date() }).where('id', '=', change.staffId).execute();
  await tx.updateTable('staff_email_changes_held').set({ applied_at: new Date(), applied_by: change.appliedBy }).where('id', '=', change.id).execute();
}

/** A link to choose a password (the password-reset page), for someone just given an account. */
export async function insertPasswordLink(tx: SchoolTx, link: { schoolId: string; staffId: string; tokenHash: string; expiresAt: Date }): Promise<void> {
  await tx
    .insertInto('password_resets')
    .values({ token_hash: link.tokenHash, school_id: link.schoolId, staff_id: link.staffId, expires_at: link.expiresAt })
    .execute();
}
