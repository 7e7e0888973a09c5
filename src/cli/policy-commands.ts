import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Database } from '../platform/db/database.ts';
import { importJson, importPolicyFile } from '../modules/policies/policies.import.service.ts';
import { policyFileText } from '../modules/policies/policies.files.ts';
import { lastLineRead, longestPage } from '../modules/policies/proposals/bounds.ts';
import { proposeSettings } from '../modules/policies/proposals/engine.ts';
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

/**
 * `esafety policy propose PATH --school URN [--json]` (issue 19): the settings the policy's text
 * sets, each with its sentence and line, and the rules no setting holds. Reads the file, saves nothing.
 */
export async function policyPropose(database: Database, io: Output, path: string | undefined, args: { school?: string; json?: boolean }): Promise<number> {
  if (!args.school?.trim()) throw new UsageError('--school is required');
  if (!path?.trim()) throw new UsageError('PATH is required');
  await findSchoolByUrn(database.schools, args.school);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch {
    throw new UsageError(`Cannot read ${path}: check the path`);
  }
  const { text } = await policyFileText(basename(path), bytes);
  const found = proposeSettings(text);
  const lastLine = lastLineRead(text);
  if (lastLine)
    io.err(`${path} is longer than ${longestPage.toLocaleString('en-GB')} characters: it was read up to line ${lastLine}. Check what comes after it yourself.`);
  if (args.json) {
    io.out(JSON.stringify(found));
    return 0;
  }
  io.out(
    [
      `${found.proposals.length} settings this policy sets:`,
      ...found.proposals.map((p) => `  ${p.setting} = ${JSON.stringify(p.value)}  (line ${p.line}: “${p.quote}”)`),
      `${found.unrepresented.length} rules no setting holds:`,
      ...found.unrepresented.map((r) => `  line ${r.line}: “${r.quote}”`),
    ].join('\n'),
  );
  return 0;
}
