import { readFile } from 'node:fs/promises';
import type { Database } from '../platform/db/database.ts';
import { importJson, importPolicyFile } from '../modules/policies/policies.import.service.ts';
import { findSchoolByUrn } from '../modules/school/school.service.ts';
import { cliActor, UsageError, type Output } from './commands.ts';

/** `esafety policy import PATH --school URN [--json]`: one draft policy from an existing file (issue 6). */
export async function policyImport(database: Database, io: Output, path: string | undefined, args: { school?: string; json?: boolean }): Promise<number> {
  if (!args.school?.trim()) throw new UsageError('--school is required');
  if (!path?.trim()) throw new UsageError('PATH is required');
  const school = await findSchoolByUrn(database.schools, args.school);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch {
    throw new UsageError(`Cannot read ${path}: check the path`);
  }
  const outcome = await importPolicyFile({ schools: database.schools, baseUrl: '', onMail: () => {} }, school.id, cliActor(), path, bytes);
  const json = importJson(outcome);
  if (args.json) {
    io.out(JSON.stringify(json));
    return 0;
  }
  const show = (value: string | null) => value ?? 'not found';
  io.out(
    [
      `Imported "${json.title ?? outcome.slug}" into ${school.name} as a draft.`,
      `Approved: ${show(json.approvedOn)}`,
      `Last reviewed: ${show(json.lastReviewed)}`,
      `Next review due: ${show(json.nextReviewDue)}`,
      `Signatories: ${json.signatories.length ? json.signatories.map((s) => [s.name ?? 'name not given', s.role, s.date].filter(Boolean).join(', ')).join('; ') : 'not found'}`,
      `Sections: ${json.sections}`,
    ].join('\n'),
  );
  return 0;
}
