import { writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import type { Database } from '../platform/db/database.ts';
import { withSchool } from '../platform/db/school-scope.ts';
import { verifyAuditChain } from '../platform/audit/audit.ts';
import { anchorFileName, anchorLine, appendAnchors, readAnchors, verifyAgainstAnchors } from '../platform/audit/anchors.ts';
import { AppError, ValidationError } from '../platform/http/errors.ts';
import { createImportService } from '../modules/people/import.service.ts';
import { exportPupil } from '../modules/exports/subject-access.service.ts';
import { addApiToken, addStaff, createSchool, findSchoolByUrn, splitName } from '../modules/school/school.service.ts';
import { promptHidden } from './prompt.ts';
import { isTokenScope, tokenScopes } from '../platform/auth/token-scopes.ts';

export interface Output {
  out(text: string): void;
  err(text: string): void;
}

export const cliActor = () => ({ id: null, label: `CLI (${userInfo().username})` });

export class UsageError extends Error {}

const required = (value: string | undefined, flag: string): string => {
  if (!value || !value.trim()) throw new UsageError(`${flag} is required`);
  return value;
};

export async function schoolAdd(database: Database, io: Output, args: { name?: string; urn?: string }): Promise<number> {
  const school = await createSchool(database.schools, { name: required(args.name, '--name'), urn: required(args.urn, '--urn') }, cliActor());
  io.out(`Created ${school.name} (URN ${school.urn}).`);
  return 0;
}

export async function userAdd(
  database: Database,
  io: Output,
  args: { school?: string; email?: string; name?: string; role?: string[] },
  env: Record<string, string | undefined>,
): Promise<number> {
  const school = await findSchoolByUrn(database.schools, required(args.school, '--school'));
  const email = required(args.email, '--email');
  const { givenName, familyName } = splitName(required(args.name, '--name'));
  const roles = args.role ?? [];
  if (roles.length === 0) throw new UsageError('--role is required (repeat it for several roles)');
  const password = env.ESAFETY_PASSWORD ?? (await promptHidden(`Password for ${email}: `));
  const staff = await withSchool(database.db, school.id, (tx) => addStaff(tx, school.id, cliActor(), { email, givenName, familyName, roles, password }));
  io.out(`Added ${staff.given_name} ${staff.family_name} (${roles.join(', ')}) to ${school.name}.`);
  return 0;
}

export async function tokenAdd(database: Database, io: Output, args: { school?: string; email?: string; scope?: string }): Promise<number> {
  const scope = args.scope ?? 'full';
  if (!isTokenScope(scope)) throw new UsageError(`--scope must be one of ${tokenScopes.join(', ')}`);
  const school = await findSchoolByUrn(database.schools, required(args.school, '--school'));
  const token = await withSchool(database.db, school.id, (tx) => addApiToken(tx, school.id, cliActor(), required(args.email, '--email'), scope));
  io.out(token);
  io.err(
    scope === 'full'
      ? 'This token is shown once. It acts with that person’s roles; keep it secret.'
      : `This token is shown once. It may only ${scope === 'filter-export' ? 'read the filter lists (GET /api/v1/filter-lists/…)' : 'send monitoring alerts (POST /api/v1/monitoring-alerts)'}, with that person’s roles; keep it secret.`,
  );
  return 0;
}

export async function importOneRoster(
  database: Database,
  io: Output,
  path: string | undefined,
  args: { school?: string; 'dry-run'?: boolean; json?: boolean },
): Promise<number> {
  const school = await findSchoolByUrn(database.schools, required(args.school, '--school'));
  const result = await createImportService(database.schools).importFromPath(school.id, cliActor(), required(path, 'PATH'), args['dry-run'] === true);
  if (!result.ok) {
    for (const problem of result.problems) io.err(problem);
    if (args.json) io.out(JSON.stringify({ error: 'invalid_package', problems: result.problems }));
    io.err(`Nothing was imported: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}.`);
    return 1;
  }
  const s = result.outcome.summary;
  const held = result.outcome.emailChangesHeld;
  if (args.json) {
    io.out(JSON.stringify({ ...s, emailChangesHeld: held }));
  } else {
    const line = (label: string, c: { created: number; updated: number; left: number }) => `${label}: ${c.created} new, ${c.updated} updated, ${c.left} left`;
    io.out(
      [
        args['dry-run'] ? 'Dry run: nothing was saved.' : `Imported into ${school.name}.`,
        line('Pupils', s.pupils),
        line('Carers', s.carers),
        line('Staff', s.staff),
        line('Classes', s.classes),
        ...(held.length
          ? [
              'E-mail addresses not changed (the headteacher can apply each from the staff page):',
              ...held.map((h) => `  ${h.name} (${h.sourcedId}): ${h.from ?? 'none'} → ${h.to}`),
            ]
          : []),
      ].join('\n'),
    );
  }
  return 0;
}

/** Checks the hash chain, then each school's chain against its latest anchor (DATA_DIR/audit-anchors.log). */
export async function auditVerify(database: Database, io: Output, dataDir: string): Promise<number> {
  const check = await verifyAuditChain(database.db);
  if (!check.ok) {
    io.err(`The audit log is broken at entry ${check.brokenId} (school ${check.schoolId}): ${check.reason}.`);
    return 1;
  }
  const anchors = readAnchors(dataDir);
  const anchored = await verifyAgainstAnchors(database.db, anchors);
  if (!anchored.ok) {
    io.err(`The audit log of school ${anchored.urn} does not match its anchor: ${anchored.reason}.`);
    return 1;
  }
  io.out(
    `The audit log is intact: ${check.entries} entries checked${anchors.length ? `, and it matches the latest anchor of ${anchored.schools} school${anchored.schools === 1 ? '' : 's'}` : ' (no anchors yet: run "esafety audit anchor")'}.`,
  );
  return 0;
}

/** Writes each school's chain head to DATA_DIR/audit-anchors.log (the server also does this nightly). */
export async function auditAnchor(database: Database, io: Output, dataDir: string): Promise<number> {
  const heads = await appendAnchors(database.db, dataDir);
  for (const head of heads) io.out(anchorLine(head));
  io.err(`Anchored ${heads.length} school${heads.length === 1 ? '' : 's'} in ${join(dataDir, anchorFileName)}. Copy this file somewhere off this server.`);
  return 0;
}

/** Friendly one-line messages for the errors a person can act on. */
export function describeCliError(error: unknown): string {
  if (error instanceof ValidationError) return error.problems.map((p) => `${p.field}: ${p.message}`).join('\n');
  if (error instanceof AppError || error instanceof UsageError) return error.message;
  return error instanceof Error ? error.message : String(error);
}

/** A subject access export of one pupil, as the head would download it (names of other people redacted), written to a zip file. */
export async function exportPupilCommand(database: Database, io: Output, args: { school?: string; pupil?: string; out?: string }): Promise<number> {
  const school = await findSchoolByUrn(database.schools, required(args.school, '--school'));
  const pupilId = required(args.pupil, '--pupil').trim();
  const out = required(args.out, '--out');
  const result = await withSchool(database.db, school.id, (tx) => exportPupil(tx, school.id, cliActor(), pupilId, { redact: [], withhold: [] }));
  writeFileSync(out, result.zip, { mode: 0o600 });
  io.out(`Wrote everything ${school.name} holds about pupil ${pupilId} to ${out} (pupil.json and pupil.html).`);
  io.err('This file holds personal data: send it securely and delete your copy once it has been sent.');
  return 0;
}
