import { requireAccess } from '../../platform/auth/access.ts';
import { auditActor, type Actor } from '../../platform/auth/actor.ts';
import { recordAudit, type Actor as AuditActor } from '../../platform/audit/audit.ts';
import { refreshStatistics, withSchool, type RefreshableTable, type SchoolDatabase } from '../../platform/db/school-database.ts';
import { NotFound } from '../../platform/http/errors.ts';
import { applyRoster, type ImportOutcome } from './import.apply.ts';
import * as repo from './import.repository.ts';
import { parseRosterFiles, readRosterSource, unzipRoster, type RosterResult } from './oneroster/oneroster.parse.ts';
import { formatProblem, readPlainCsv, type CsvFiles, type CsvOptions, type CsvProblem, type CsvReading } from './csv/csv.parse.ts';

export type ImportResult = { ok: true; outcome: ImportOutcome } | { ok: false; problems: string[] };
/** A plain CSV import: what the files hold (mapping, counts, warnings), and what applying them did or would do. */
export type CsvImportResult = { reading: CsvReading } & ({ ok: true; outcome: ImportOutcome } | { ok: false; problems: CsvProblem[] });
/** What a pending CSV import keeps between the steps: the three files and the options chosen. */
export interface PendingCsv {
  files: Record<keyof CsvFiles, { name: string; base64: string }>;
  options: Pick<CsvOptions, 'partial' | 'mappings'>;
}

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

/**
 * The writers report problems as OneRoster's `users.csv:LINE: message` (a repeated staff e-mail);
 * a CSV import names its own staff file and the e-mail column.
 */
function csvProblemFrom(text: string, staffFile: string): CsvProblem {
  const m = /^users\.csv:(\d+): (.*)$/s.exec(text);
  return m ? { file: staffFile, line: Number(m[1]), column: 'Email', message: m[2] } : { file: staffFile, line: 1, column: '', message: text };
}

/** Reads and (unless a dry run) applies plain CSV files in one transaction, like runImport. */
async function runCsvImport(
  schools: SchoolDatabase,
  schoolId: string,
  actor: AuditActor,
  files: CsvFiles,
  options: CsvOptions & { dryRun: boolean },
): Promise<CsvImportResult> {
  let reading: CsvReading | null = null;
  const result = await runImport(
    schools,
    schoolId,
    actor,
    async (known) => {
      reading = readPlainCsv(files, { ...options, knownClasses: known });
      return reading.roster ? { ok: true, roster: reading.roster } : { ok: false, problems: reading.problems.map(formatProblem) };
    },
    {
      dryRun: options.dryRun,
      source: Object.values(files)
        .map((f) => f.name)
        .join(', '),
    },
  );
  const read = reading as unknown as CsvReading;
  if (result.ok) return { reading: read, ...result };
  return { reading: read, ok: false, problems: read.problems.length ? read.problems : result.problems.map((p) => csvProblemFrom(p, files.staff.name)) };
}

const pendingCsvFiles = (pending: PendingCsv): CsvFiles => {
  const file = (f: { name: string; base64: string }) => ({ name: f.name, bytes: new Uint8Array(Buffer.from(f.base64, 'base64')) });
  return { pupils: file(pending.files.pupils), contacts: file(pending.files.contacts), staff: file(pending.files.staff) };
};
const encodePending = (pending: PendingCsv) => new TextEncoder().encode(JSON.stringify(pending));
const decodePending = (content: Uint8Array) => JSON.parse(new TextDecoder().decode(content)) as PendingCsv;

const pendingLifetimeMinutes = 60;
/** Previews made since this moment may still be confirmed. */
const pendingSince = () => new Date(Date.now() - pendingLifetimeMinutes * 60_000);

export function createImportService(schools: SchoolDatabase) {
  return {
    /** CLI: a folder or a .zip on disk. */
    importFromPath(schoolId: string, actor: AuditActor, path: string, dryRun: boolean) {
      return runImport(schools, schoolId, actor, (known) => readRosterSource(path, { knownClassSourcedIds: known }), { dryRun, source: path });
    },

    /** CLI: three CSV files on disk, already read. */
    importCsv(schoolId: string, actor: AuditActor, files: CsvFiles, options: CsvOptions & { dryRun: boolean }) {
      return runCsvImport(schools, schoolId, actor, files, options);
    },

    /** Web, CSV step 1: keep the three files and show how their columns map (nothing is read into the school yet). */
    async startCsv(actor: Actor, files: CsvFiles, partial: boolean): Promise<{ pendingId: string; reading: CsvReading }> {
      requireAccess(actor, 'import:run');
      const reading = readPlainCsv(files, { partial });
      const pending: PendingCsv = {
        files: {
          pupils: { name: files.pupils.name, base64: Buffer.from(files.pupils.bytes).toString('base64') },
          contacts: { name: files.contacts.name, base64: Buffer.from(files.contacts.bytes).toString('base64') },
          staff: { name: files.staff.name, base64: Buffer.from(files.staff.bytes).toString('base64') },
        },
        options: { partial, mappings: Object.fromEntries(reading.sheets.map((s) => [s.kind, s.mapping])) },
      };
      const row = await withSchool(schools, actor.schoolId, async (tx) => {
        await repo.deleteStalePendingImports(tx, pendingSince());
        return repo.insertPendingImport(tx, {
          schoolId: actor.schoolId,
          staffId: actor.staffId,
          fileName: Object.values(files)
            .map((f) => f.name)
            .join(', '),
          content: encodePending(pending),
          kind: 'csv',
        });
      });
      return { pendingId: row.id, reading };
    },

    /** Web, CSV step 2: the mapping as the office left it, and the dry-run difference it gives. */
    async previewCsv(actor: Actor, pendingId: string, mappings?: CsvOptions['mappings']): Promise<CsvImportResult> {
      requireAccess(actor, 'import:run');
      const found = await withSchool(schools, actor.schoolId, (tx) => repo.findPendingImport(tx, pendingId, actor.staffId, pendingSince()));
      if (!found || found.kind !== 'csv') throw new NotFound('This import has expired or was already applied. Upload the files again.');
      const pending = decodePending(found.content);
      if (mappings) {
        pending.options.mappings = mappings;
        await withSchool(schools, actor.schoolId, (tx) => repo.updatePendingImport(tx, pendingId, encodePending(pending)));
      }
      return runCsvImport(schools, actor.schoolId, auditActor(actor), pendingCsvFiles(pending), { ...pending.options, dryRun: true });
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
      let result: ImportResult;
      if (pending.kind === 'csv') {
        const csv = decodePending(pending.content);
        const applied = await runCsvImport(schools, actor.schoolId, auditActor(actor), pendingCsvFiles(csv), { ...csv.options, dryRun: false });
        result = applied.ok ? applied : { ok: false, problems: applied.problems.map(formatProblem) };
      } else {
        result = await runImport(schools, actor.schoolId, auditActor(actor), fromZip(pending.content), { dryRun: false, source: pending.file_name });
      }
      await withSchool(schools, actor.schoolId, (tx) => repo.deletePendingImport(tx, pendingId));
      return result;
    },
  };
}

export type ImportService = ReturnType<typeof createImportService>;
