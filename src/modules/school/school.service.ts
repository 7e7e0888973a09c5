import type { TokenScope } from '../../platform/auth/token-scopes.ts';
import { recordAudit, type Actor as AuditActor } from '../../platform/audit/audit.ts';
import { isRole, type Role } from '../../platform/auth/permissions.ts';
import { hashPassword, newToken, passwordProblem, tokenHash } from '../../platform/auth/secrets.ts';
import {
  countSchools as countAllSchools,
  findSchoolByUrn as schoolWithUrn,
  insertSchool,
  withSchool,
  type SchoolDatabase,
  type SchoolSummary,
} from '../../platform/db/school-database.ts';
import type { SchoolTx } from '../../platform/db/school-scope.ts';
import { Conflict, NotFound, ValidationError, type FieldProblem } from '../../platform/http/errors.ts';
import * as repo from './school.repository.ts';
import { defaultSettings } from '../settings/settings.defaults.ts';
import { saveSettings } from '../settings/settings.service.ts';
import { academicYearFor, academicYearStarting } from './school-calendar.ts';
import { fieldLimits } from '../people/field-limits.ts';
import { installDefaultAgreements } from '../agreements/agreements.service.ts';
import { installDefaultCourses } from '../training/training.service.ts';

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
  if (!/^\d{5,8}$/.test(input.urn.trim()))
    problems.push({ field: 'urn', message: 'Enter the school’s URN, the 6-digit number from Get Information about Schools' });
  return problems;
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function staffProblems(input: NewStaff): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!input.givenName.trim() || !input.familyName.trim()) problems.push({ field: 'name', message: 'Enter the person’s full name' });
  else if (input.givenName.trim().length > fieldLimits.name || input.familyName.trim().length > fieldLimits.name) {
    problems.push({ field: 'name', message: `The name is too long: the first names and the family name must each be ${fieldLimits.name} characters or fewer` });
  }
  if (input.email.trim().length > fieldLimits.email)
    problems.push({ field: 'email', message: `The e-mail address must be ${fieldLimits.email} characters or fewer` });
  else if (!emailPattern.test(input.email.trim()))
    problems.push({ field: 'email', message: 'Enter an e-mail address in the correct format, like name@example.sch.uk' });
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

export async function findSchoolByUrn(schools: SchoolDatabase, urn: string): Promise<SchoolSummary> {
  const school = await schoolWithUrn(schools, urn);
  if (!school) throw new NotFound(`No school has the URN ${urn}`);
  return school;
}

export function countSchools(schools: SchoolDatabase): Promise<number> {
  return countAllSchools(schools);
}

/** Creates the school with this and next academic year and the policy settings' defaults. */
export async function createSchool(schools: SchoolDatabase, input: NewSchool, actor: AuditActor, today = new Date()): Promise<SchoolSummary> {
  const problems = schoolProblems(input);
  if (problems.length) throw new ValidationError(problems);
  if (await schoolWithUrn(schools, input.urn)) throw new Conflict('school_exists', `A school with the URN ${input.urn.trim()} already exists`);
  const school = await insertSchool(schools, { name: input.name.trim(), urn: input.urn.trim() });
  await withSchool(schools, school.id, async (tx) => {
    const current = academicYearFor(today);
    for (const year of [current, academicYearStarting(Number(current.startsOn.slice(0, 4)) + 1)]) await repo.insertAcademicYear(tx, school.id, year);
    await recordAudit(tx, school.id, actor, {
      action: 'school.created',
      subjectType: 'school',
      subjectId: school.id,
      detail: { name: school.name, urn: school.urn },
    });
    await saveSettings(tx, school.id, actor, defaultSettings);
    // The agreements and training courses every school starts with (AGR-1, AGR-3).
    await installDefaultAgreements(tx, school.id);
    await installDefaultCourses(tx, school.id);
  });
  return school;
}

export async function addStaff(tx: SchoolTx, schoolId: string, actor: AuditActor, input: NewStaff) {
  const problems = staffProblems(input);
  if (problems.length) throw new ValidationError(problems);
  const email = input.email.trim();
  if (await repo.staffIdWithEmail(tx, email))
    throw new ValidationError([{ field: 'email', message: `Someone at this school already has the e-mail address ${email}` }]);
  const staff = await repo.insertStaff(tx, {
    schoolId,
    givenName: input.givenName.trim(),
    familyName: input.familyName.trim(),
    email,
    passwordHash: input.password === null ? null : await hashPassword(input.password),
  });
  const roles = [...new Set(input.roles)] as Role[];
  await repo.insertStaffRoles(tx, schoolId, staff.id, roles);
  await recordAudit(tx, schoolId, actor, { action: 'staff.added', subjectType: 'staff', subjectId: staff.id, detail: { roles } });
  return staff;
}

/** A new API token, returned once; only its hash is kept. */
export async function addApiToken(tx: SchoolTx, schoolId: string, actor: AuditActor, email: string, scope: TokenScope = 'full'): Promise<string> {
  const staff = await repo.staffIdWithEmail(tx, email.trim());
  if (!staff) throw new NotFound(`No member of staff at this school has the e-mail address ${email}`);
  const token = `eso_${newToken()}`;
  await repo.insertApiToken(tx, schoolId, staff.id, tokenHash(token), scope);
  await recordAudit(tx, schoolId, actor, {
    action: 'api-token.created',
    subjectType: 'staff',
    subjectId: staff.id,
    ...(scope === 'full' ? {} : { detail: { scope } }),
  });
  return token;
}

/** The set-up page's form: the school and its first headteacher. */
export interface FirstSchool {
  schoolName: string;
  urn: string;
  headName: string;
  email: string;
  password: string;
  confirm: string;
}

/**
 * The set-up page (before any school exists): the school, then its headteacher who can sign in.
 * Every problem with the form is reported at once, named by the form's own fields.
 */
export async function setUpFirstSchool(schools: SchoolDatabase, input: FirstSchool): Promise<void> {
  const { givenName, familyName } = splitName(input.headName);
  const problems: FieldProblem[] = [
    ...schoolProblems({ name: input.schoolName, urn: input.urn }).map((p) => ({ ...p, field: p.field === 'name' ? 'schoolName' : p.field })),
    ...staffProblems({ email: input.email, givenName, familyName, roles: ['headteacher'], password: input.password }).map((p) => ({
      ...p,
      field: p.field === 'name' ? 'headName' : p.field,
    })),
  ];
  if (!passwordProblem(input.password) && input.password !== input.confirm) problems.push({ field: 'confirm', message: 'Enter the same password twice' });
  if (problems.length) throw new ValidationError(problems);
  const actor = { id: null, label: `${givenName} ${familyName} (set-up page)` };
  const school = await createSchool(schools, { name: input.schoolName, urn: input.urn }, actor);
  await withSchool(schools, school.id, (tx) =>
    addStaff(tx, school.id, actor, { email: input.email, givenName, familyName, roles: ['headteacher'], password: input.password }),
  );
}
