import type { Kysely } from 'kysely';
import { requireAccess } from '../../platform/auth/access.ts';
import { auditActor, type Actor } from '../../platform/auth/actor.ts';
import { recordAudit, type Actor as AuditActor } from '../../platform/audit/audit.ts';
import type { DB } from '../../platform/db/schema.ts';
import { withSchool, type SchoolTx } from '../../platform/db/school-scope.ts';
import { NotFound } from '../../platform/http/errors.ts';
import { applyRoster, type ImportOutcome } from './import.apply.ts';
import { parseRosterFiles, readRosterSource, unzipRoster, type RosterResult } from './oneroster/oneroster.parse.ts';

export type ImportResult = { ok: true; outcome: ImportOutcome } | { ok: false; problems: string[] };

class PreviewOnly extends Error {
  constructor(readonly outcome: ImportOutcome) {
    super('preview');
  }
}

const knownClasses = async (tx: SchoolTx) =>
  new Set((await tx.selectFrom('classes').select('sourced_id').where('sourced_id', 'is not', null).execute()).map((c) => c.sourced_id!));

/**
 * Reads, checks and applies a package in one transaction. A package with any problem, or a
 * preview, rolls back: nothing is half-written.
 */
async function runImport(db: Kysely<DB>, schoolId: string, actor: AuditActor, read: (known: Set<string>) => Promise<RosterResult>, options: { dryRun: boolean; source: string }): Promise<ImportResult> {
  try {
    return await withSchool(db, schoolId, async (tx) => {
      const parsed = await read(await knownClasses(tx));
      if (!parsed.ok) return { ok: false as const, problems: parsed.problems };
      const outcome = await applyRoster(tx, schoolId, parsed.roster);
      if (outcome.problems.length) throw new PreviewOnly(outcome);
      if (options.dryRun) throw new PreviewOnly(outcome);
      await recordAudit(tx, schoolId, actor, { action: 'people.imported', subjectType: 'import', subjectId: null,
        detail: { source: options.source, mode: parsed.roster.mode, summary: outcome.summary } });
      return { ok: true as const, outcome };
    });
  } catch (error) {
    if (!(error instanceof PreviewOnly)) throw error;
    return error.outcome.problems.length ? { ok: false, problems: error.outcome.problems } : { ok: true, outcome: error.outcome };
  }
}

const fromZip = (bytes: Uint8Array) => (known: Set<string>): Promise<RosterResult> => {
  const unzipped = unzipRoster(bytes);
  return Promise.resolve(unzipped.ok ? parseRosterFiles(unzipped.files, { knownClassSourcedIds: known }) : unzipped);
};

const pendingLifetimeMinutes = 60;

export function createImportService(db: Kysely<DB>) {
  return {
    /** CLI: a folder or a .zip on disk. */
    importFromPath(schoolId: string, actor: AuditActor, path: string, dryRun: boolean) {
      return runImport(db, schoolId, actor, (known) => readRosterSource(path, { knownClassSourcedIds: known }), { dryRun, source: path });
    },

    /** Web, step 1: check the upload and show what would change; keep it for confirmation. */
    async preview(actor: Actor, fileName: string, bytes: Uint8Array): Promise<ImportResult & { pendingId?: string }> {
      requireAccess(actor, 'import:run');
      const result = await runImport(db, actor.schoolId, auditActor(actor), fromZip(bytes), { dryRun: true, source: fileName });
      if (!result.ok) return result;
      const pending = await withSchool(db, actor.schoolId, async (tx) => {
        await tx.deleteFrom('pending_imports').where('created_at', '<', new Date(Date.now() - pendingLifetimeMinutes * 60_000)).execute();
        return tx.insertInto('pending_imports').values({ school_id: actor.schoolId, staff_id: actor.staffId, file_name: fileName, content: bytes })
          .returning('id').executeTakeFirstOrThrow();
      });
      return { ...result, pendingId: pending.id };
    },

    /** Web, step 2: apply exactly the file that was previewed, by the person who previewed it. */
    async confirm(actor: Actor, pendingId: string): Promise<ImportResult> {
      requireAccess(actor, 'import:run');
      const pending = await withSchool(db, actor.schoolId, (tx) => tx.selectFrom('pending_imports').selectAll()
        .where('id', '=', pendingId).where('staff_id', '=', actor.staffId)
        .where('created_at', '>', new Date(Date.now() - pendingLifetimeMinutes * 60_000)).executeTakeFirst());
      if (!pending) throw new NotFound('This import has expired or was already applied. Upload the file again.');
      const result = await runImport(db, actor.schoolId, auditActor(actor), fromZip(pending.content), { dryRun: false, source: pending.file_name });
      await withSchool(db, actor.schoolId, (tx) => tx.deleteFrom('pending_imports').where('id', '=', pendingId).execute());
      return result;
    },
  };
}

export type ImportService = ReturnType<typeof createImportService>;
