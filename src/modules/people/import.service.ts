import { requireAccess } from '../../platform/auth/access.ts';
import { auditActor, type Actor } from '../../platform/auth/actor.ts';
import { recordAudit, type Actor as AuditActor } from '../../platform/audit/audit.ts';
import { refreshStatistics, withSchool, type RefreshableTable, type SchoolDatabase } from '../../platform/db/school-database.ts';
import { NotFound } from '../../platform/http/errors.ts';
import { applyRoster, type ImportOutcome } from './import.apply.ts';
import * as repo from './import.repository.ts';
import { parseRosterFiles, readRosterSource, unzipRoster, type RosterResult } from './oneroster/oneroster.parse.ts';

export type ImportResult = { ok: true; outcome: ImportOutcome } | { ok: false; problems: string[] };

class PreviewOnly extends Error {
  constructor(readonly outcome: ImportOutcome) {
    super('preview');
  }
}

/**
 * Reads, checks and applies a package in one transaction. A package with any problem, or a
 * preview, rolls back: nothing is half-written.
 */
async function runImport(
  schools: SchoolDatabase,
  schoolId: string,
  actor: AuditActor,
  read: (known: Set<string>) => Promise<RosterResult>,
  options: { dryRun: boolean; source: string },
): Promise<ImportResult> {
  let result: ImportResult;
  try {
    result = await withSchool(schools, schoolId, async (tx) => {
      const parsed = await read(await repo.knownClassSourcedIds(tx));
      if (!parsed.ok) return { ok: false as const, problems: parsed.problems };
      const outcome = await applyRoster(tx, schoolId, parsed.roster);
      if (outcome.problems.length) throw new PreviewOnly(outcome);
      if (options.dryRun) throw new PreviewOnly(outcome);
      await recordAudit(tx, schoolId, actor, {
        action: 'people.imported',
        subjectType: 'import',
        subjectId: null,
        detail: { source: options.source, mode: parsed.roster.mode, summary: outcome.summary },
      });
      return { ok: true as const, outcome };
    });
  } catch (error) {
    if (!(error instanceof PreviewOnly)) throw error;
    return error.outcome.problems.length ? { ok: false, problems: error.outcome.problems } : { ok: true, outcome: error.outcome };
  }
  if (result.ok) await refreshStatistics(schools, changedRows(result.outcome));
  return result;
}

/** How many rows an applied import changed in each table, so their statistics can be kept fresh. */
function changedRows({ summary }: ImportOutcome): Partial<Record<RefreshableTable, number>> {
  const rows = (c: { created: number; updated: number; left: number }) => c.created + c.updated + c.left;
  return {
    classes: rows(summary.classes),
    class_teachers: rows(summary.classes),
    pupils: rows(summary.pupils),
    carers: rows(summary.carers),
    pupil_carers: rows(summary.carers) + rows(summary.pupils),
    staff: rows(summary.staff),
    staff_roles: rows(summary.staff),
  };
}

const fromZip =
  (bytes: Uint8Array) =>
  (known: Set<string>): Promise<RosterResult> => {
    const unzipped = unzipRoster(bytes);
    return Promise.resolve(unzipped.ok ? parseRosterFiles(unzipped.files, { knownClassSourcedIds: known }) : unzipped);
  };

const pendingLifetimeMinutes = 60;
/** Previews made since this moment may still be confirmed. */
const pendingSince = () => new Date(Date.now() - pendingLifetimeMinutes * 60_000);

export function createImportService(schools: SchoolDatabase) {
  return {
    /** CLI: a folder or a .zip on disk. */
    importFromPath(schoolId: string, actor: AuditActor, path: string, dryRun: boolean) {
      return runImport(schools, schoolId, actor, (known) => readRosterSource(path, { knownClassSourcedIds: known }), { dryRun, source: path });
    },

    /** Web, step 1: check the upload and show what would change; keep it for confirmation. */
    async preview(actor: Actor, fileName: string, bytes: Uint8Array): Promise<ImportResult & { pendingId?: string }> {
      requireAccess(actor, 'import:run');
      const result = await runImport(schools, actor.schoolId, auditActor(actor), fromZip(bytes), { dryRun: true, source: fileName });
      if (!result.ok) return result;
      const pending = await withSchool(schools, actor.schoolId, async (tx) => {
        await repo.deleteStalePendingImports(tx, pendingSince());
        return repo.insertPendingImport(tx, { schoolId: actor.schoolId, staffId: actor.staffId, fileName, content: bytes });
      });
      return { ...result, pendingId: pending.id };
    },

    /** Web, step 2: apply exactly the file that was previewed, by the person who previewed it. */
    async confirm(actor: Actor, pendingId: string): Promise<ImportResult> {
      requireAccess(actor, 'import:run');
      const pending = await withSchool(schools, actor.schoolId, (tx) => repo.findPendingImport(tx, pendingId, actor.staffId, pendingSince()));
      if (!pending) throw new NotFound('This import has expired or was already applied. Upload the file again.');
      const result = await runImport(schools, actor.schoolId, auditActor(actor), fromZip(pending.content), { dryRun: false, source: pending.file_name });
      await withSchool(schools, actor.schoolId, (tx) => repo.deletePendingImport(tx, pendingId));
      return result;
    },
  };
}

export type ImportService = ReturnType<typeof createImportService>;
