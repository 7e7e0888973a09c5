import type { Kysely } from 'kysely';
import { recordAudit, type Actor as AuditActor } from '../../platform/audit/audit.ts';
import { isRole, type Role } from '../../platform/auth/permissions.ts';
import { hashPassword, newToken, passwordProblem, tokenHash } from '../../platform/auth/secrets.ts';
import type { DB } from '../../platform/db/schema.ts';
import { withSchool, type SchoolTx } from '../../platform/db/school-scope.ts';
import { Conflict, NotFound, ValidationError, type FieldProblem } from '../../platform/http/errors.ts';
import { defaultSettings } from '../settings/settings.defaults.ts';
import { saveSettings } from '../settings/settings.service.ts';
import { academicYearFor, academicYearStarting } from './school-calendar.ts';
import { fieldLimits } from '../people/field-limits.ts';

export interface NewSchool {
  name: string;
  urn: string;
}

export interface NewStaff {
  email: string;
  givenName: string;
  familyName: string;
  roles: string[];
  password: string | null;
}

export function schoolProblems(input: NewSchool): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!input.name.trim()) problems.push({ field: 'name', message: 'Enter the school’s name' });
  else if (input.name.trim().length > 120) problems.push({ field: 'name', message: 'The school’s name must be 120 characters or fewer' });
  if (!/^\d{5,8}$/.test(input.urn.trim())) problems.push({ field: 'urn', message: 'Enter the school’s URN, the 6-digit number from Get Information about Schools' });
  return problems;
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function staffProblems(input: NewStaff): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!input.givenName.trim() || !input.familyName.trim()) problems.push({ field: 'name', message: 'Enter the person’s full name' });
  else if (input.givenName.trim().length > fieldLimits.name || input.familyName.trim().length > fieldLimits.name) {
    problems.push({ field: 'name', message: `The name is too long: the first names and the family name must each be ${fieldLimits.name} characters or fewer` });
  }
  if (input.email.trim().length > fieldLimits.email) problems.push({ field: 'email', message: `The e-mail address must be ${fieldLimits.email} characters or fewer` });
  else if (!emailPattern.test(input.email.trim())) problems.push({ field: 'email', message: 'Enter an e-mail address in the correct format, like name@example.sch.uk' });
  if (input.roles.length === 0) problems.push({ field: 'roles', message: 'Choose at least one role' });
  for (const role of input.roles) if (!isRole(role)) problems.push({ field: 'roles', message: `"${role}" is not a role` });
  if (input.password !== null) {
    const problem = passwordProblem(input.password);
    if (problem) problems.push({ field: 'password', message: problem });
  }
  return problems;
}

/** Splits "Jane Q Smith" into given and family names the way a school office writes them. */
export function splitName(full: string): { givenName: string; familyName: string } {
  const parts = full.trim().split(/\s+/);
  if (parts.length < 2) return { givenName: parts[0] ?? '', familyName: '' };
  return { givenName: parts.slice(0, -1).join(' '), familyName: parts.at(-1)! };
}

export async function findSchoolByUrn(db: Kysely<DB>, urn: string) {
  const school = await db.selectFrom('schools').selectAll().where('urn', '=', urn.trim()).executeTakeFirst();
  if (!school) throw new NotFound(`No school has the URN ${urn}`);
  return school;
}

export async function countSchools(db: Kysely<DB>): Promise<number> {
  const row = await db.selectFrom('schools').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Creates the school with this and next academic year and the policy settings' defaults. */
export async function createSchool(db: Kysely<DB>, input: NewSchool, actor: AuditActor, today = new Date()) {
  const problems = schoolProblems(input);
  if (problems.length) throw new ValidationError(problems);
  const existing = await db.selectFrom('schools').select('id').where('urn', '=', input.urn.trim()).executeTakeFirst();
  if (existing) throw new Conflict('school_exists', `A school with the URN ${input.urn.trim()} already exists`);
  const school = await db.insertInto('schools').values({ name: input.name.trim(), urn: input.urn.trim() }).returningAll().executeTakeFirstOrThrow();
  await withSchool(db, school.id, async (tx) => {
    const current = academicYearFor(today);
    for (const year of [current, academicYearStarting(Number(current.startsOn.slice(0, 4)) + 1)]) {
      const row = await tx.insertInto('academic_years').values({ school_id: school.id, label: year.label, starts_on: year.startsOn, ends_on: year.endsOn })
        .returning('id').executeTakeFirstOrThrow();
      await tx.insertInto('terms').values(year.terms.map((t) => ({ school_id: school.id, academic_year_id: row.id, name: t.name, starts_on: t.startsOn, ends_on: t.endsOn }))).execute();
    }
    await recordAudit(tx, school.id, actor, { action: 'school.created', subjectType: 'school', subjectId: school.id, detail: { name: school.name, urn: school.urn } });
    await saveSettings(tx, school.id, actor, defaultSettings);
  });
  return school;
}

export async function addStaff(tx: SchoolTx, schoolId: string, actor: AuditActor, input: NewStaff) {
  const problems = staffProblems(input);
  if (problems.length) throw new ValidationError(problems);
  const email = input.email.trim();
  const clash = await tx.selectFrom('staff').select('id').where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase())).executeTakeFirst();
  if (clash) throw new ValidationError([{ field: 'email', message: `Someone at this school already has the e-mail address ${email}` }]);
  const staff = await tx.insertInto('staff').values({
    school_id: schoolId, given_name: input.givenName.trim(), family_name: input.familyName.trim(), email,
    password_hash: input.password === null ? null : await hashPassword(input.password),
  }).returningAll().executeTakeFirstOrThrow();
  const roles = [...new Set(input.roles)] as Role[];
  await tx.insertInto('staff_roles').values(roles.map((role) => ({ school_id: schoolId, staff_id: staff.id, role }))).execute();
  await recordAudit(tx, schoolId, actor, { action: 'staff.added', subjectType: 'staff', subjectId: staff.id, detail: { roles } });
  return staff;
}

/** A new API token, returned once; only its hash is kept. */
export async function addApiToken(tx: SchoolTx, schoolId: string, actor: AuditActor, email: string): Promise<string> {
  const staff = await tx.selectFrom('staff').select('id').where((eb) => eb(eb.fn('lower', ['email']), '=', email.trim().toLowerCase())).executeTakeFirst();
  if (!staff) throw new NotFound(`No member of staff at this school has the e-mail address ${email}`);
  const token = `eso_${newToken()}`;
  await tx.insertInto('api_tokens').values({ school_id: schoolId, staff_id: staff.id, token_hash: tokenHash(token) }).execute();
  await recordAudit(tx, schoolId, actor, { action: 'api-token.created', subjectType: 'staff', subjectId: staff.id });
  return token;
}
