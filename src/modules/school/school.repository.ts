import type { TokenScope } from '../../platform/auth/token-scopes.ts';
import type { Role } from '../../platform/auth/permissions.ts';
import type { SchoolTx } from '../../platform/db/school-scope.ts';
import type { AcademicYear, SchoolTerm } from './school-calendar.ts';

/** An academic year and its terms, as the school keeps them (set up with the default boundaries). */
export async function insertAcademicYear(tx: SchoolTx, schoolId: string, year: AcademicYear): Promise<void> {
  const row = await tx
    .insertInto('academic_years')
    .values({ school_id: schoolId, label: year.label, starts_on: year.startsOn, ends_on: year.endsOn })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx
    .insertInto('terms')
    .values(year.terms.map((t) => ({ school_id: schoolId, academic_year_id: row.id, name: t.name, starts_on: t.startsOn, ends_on: t.endsOn })))
    .execute();
}

/** Every academic year with its terms, in order (the settings page lists them). */
export function academicYearsWithTerms(tx: SchoolTx) {
  return tx
    .selectFrom('academic_years as y')
    .innerJoin('terms as t', 't.academic_year_id', 'y.id')
    .select(['y.label', 't.name', 't.starts_on', 't.ends_on'])
    .orderBy('y.starts_on')
    .orderBy('t.starts_on')
    .execute();
}

/** Every term the school keeps, in order: what term-based dates (reviews, "this term") are measured by. */
export async function schoolTerms(tx: SchoolTx): Promise<SchoolTerm[]> {
  const rows = await tx.selectFrom('terms').select(['name', 'starts_on', 'ends_on']).orderBy('starts_on').execute();
  return rows.map((t) => ({ name: t.name, startsOn: t.starts_on, endsOn: t.ends_on }));
}

/** The school's own term containing this day (YYYY-MM-DD), if it has one. */
export function termContaining(tx: SchoolTx, day: string) {
  return tx
    .selectFrom('terms')
    .select(['name', 'starts_on', 'ends_on'])
    .where('starts_on', '<=', day)
    .where('ends_on', '>=', day)
    .orderBy('starts_on', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The member of staff with this e-mail address, compared without regard to case. */
export function staffIdWithEmail(tx: SchoolTx, email: string) {
  return tx
    .selectFrom('staff')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
    .executeTakeFirst();
}

export function insertStaff(tx: SchoolTx, staff: { schoolId: string; givenName: string; familyName: string; email: string; passwordHash: string | null }) {
  return tx
    .insertInto('staff')
    .values({
      school_id: staff.schoolId,
      given_name: staff.givenName,
      family_name: staff.familyName,
      email: staff.email,
      password_hash: staff.passwordHash,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function insertStaffRoles(tx: SchoolTx, schoolId: string, staffId: string, roles: readonly Role[]): Promise<void> {
  await tx
    .insertInto('staff_roles')
    .values(roles.map((role) => ({ school_id: schoolId, staff_id: staffId, role })))
    .execute();
}

export async function insertApiToken(tx: SchoolTx, schoolId: string, staffId: string, hash: string, scope: TokenScope): Promise<void> {
  await tx.insertInto('api_tokens').values({ school_id: schoolId, staff_id: staffId, token_hash: hash, scope }).execute();
}

/** What a new school has done so far, for the home page's first steps. */
export async function firstStepCounts(tx: SchoolTx, staffId: string | null) {
  const count = (n: unknown) => Number(n ?? 0);
  const pupils = await tx
    .selectFrom('pupils')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('on_roll', '=', true)
    .executeTakeFirst();
  // Staff who can get in: a password of their own, or a sign-in link sent to them.
  const invited = await tx
    .selectFrom('staff as s')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('s.active', '=', true)
    .where('s.id', '!=', staffId ?? '00000000-0000-0000-0000-000000000000')
    .where((eb) =>
      eb.or([eb('s.password_hash', 'is not', null), eb.exists(eb.selectFrom('password_resets as r').select('r.staff_id').whereRef('r.staff_id', '=', 's.id'))]),
    )
    .executeTakeFirst();
  const governors = await tx
    .selectFrom('staff_roles as r')
    .innerJoin('staff as s', 's.id', 'r.staff_id')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('r.role', '=', 'governor')
    .where('s.active', '=', true)
    .executeTakeFirst();
  const policies = await tx
    .selectFrom('policies')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirst();
  const requests = await tx
    .selectFrom('consent_requests')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirst();
  const takedowns = await tx
    .selectFrom('takedown_tasks')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('done_at', 'is', null)
    .executeTakeFirst();
  return {
    pupils: count(pupils?.n),
    invitedStaff: count(invited?.n),
    governors: count(governors?.n),
    policies: count(policies?.n),
    consentRequests: count(requests?.n),
    openTakedowns: count(takedowns?.n),
  };
}
