import type { Actor } from '../../platform/auth/actor.ts';
import { withSchool, type SchoolDatabase } from '../../platform/db/school-database.ts';
import type { SchoolTx } from '../../platform/db/school-scope.ts';
import { NotFound, type FieldProblem } from '../../platform/http/errors.ts';
import * as repo from './policies.repository.ts';

/** What every part of the policies service is built from. */
export interface PoliciesDeps {
  schools: SchoolDatabase;
  /** Public address, for links in e-mails and the API's publicUrl. */
  baseUrl: string;
  /** Called after mail is queued, so delivery starts now. */
  onMail: () => void;
}

import { isUuid } from '../../platform/http/ids.ts';
import { londonDay } from '../../platform/text/dates.ts';
/** The day in the school's country: review dates and approvals are days, not instants. */
export { londonDay };

export const inSchool = <T>(deps: PoliciesDeps, actor: Actor, work: (tx: SchoolTx) => Promise<T>) => withSchool(deps.schools, actor.schoolId, work);

export async function loadPolicy(tx: SchoolTx, id: string): Promise<repo.PolicyRow> {
  const policy = isUuid(id) ? await repo.findPolicy(tx, id) : undefined;
  if (!policy) throw new NotFound();
  return policy;
}

export function versionNumber(value: string | number): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1 || number > 100_000) throw new NotFound();
  return number;
}

export async function loadVersion(tx: SchoolTx, policyId: string, number: number) {
  const version = await repo.findVersion(tx, policyId, number);
  if (!version) throw new NotFound();
  return version;
}

export const staffName = (s: { given_name: string; family_name: string }) => `${s.given_name} ${s.family_name}`;

export function required(problems: FieldProblem[], field: string, value: string, message: string): string {
  const trimmed = value.trim();
  if (!trimmed) problems.push({ field, message });
  return trimmed;
}
