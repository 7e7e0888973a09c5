/** `esafety import csv …` (issue 20, PPL-4): plain CSV files from any MIS, through the same import as OneRoster. */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Database } from '../platform/db/database.ts';
import { createImportService } from '../modules/people/import.service.ts';
import { formatProblem, type CsvFiles } from '../modules/people/csv/csv.parse.ts';
import { csvFileKinds, type CsvFileKind } from '../modules/people/csv/csv.fields.ts';
import { findSchoolByUrn } from '../modules/school/school.service.ts';
import { cliActor, UsageError, type Output } from './commands.ts';

export interface CsvImportArgs {
  school?: string;
  pupils?: string;
  contacts?: string;
  staff?: string;
  partial?: boolean;
  'dry-run'?: boolean;
  map?: string[];
  json?: boolean;
}

/** `pupils.class=Tutor Grp` → which file, which field, which column. */
function parseMap(text: string): { kind: CsvFileKind; field: string; column: string } {
  const m = /^(\w+)\.(\w+)=(.+)$/.exec(text);
  if (!m || !(csvFileKinds as readonly string[]).includes(m[1]))
    throw new UsageError(`--map ${text}: write it as pupils.class="Tutor Grp" (file: pupils, contacts or staff)`);
  return { kind: m[1] as CsvFileKind, field: m[2], column: m[3].replace(/^"(.*)"$/, '$1') };
}

export async function importCsv(database: Database, io: Output, args: CsvImportArgs): Promise<number> {
  if (!args.school) throw new UsageError('--school is required');
  const school = await findSchoolByUrn(database.schools, args.school);
  const files = {} as CsvFiles;
  for (const kind of csvFileKinds) {
    const path = args[kind];
    if (!path) throw new UsageError(`--${kind} FILE is required`);
    try {
      files[kind] = { name: basename(path), bytes: new Uint8Array(await readFile(path)) };
    } catch {
      throw new UsageError(`--${kind} ${path}: this file cannot be read`);
    }
  }
  const overrides = (args.map ?? []).map(parseMap);
  const result = await createImportService(database.schools).importCsv(school.id, cliActor(), files, {
    partial: args.partial === true,
    overrides,
    dryRun: args['dry-run'] === true,
  });
  const { counts, warnings } = result.reading;
  const s = result.ok ? result.outcome.summary : null;
  const sum = (key: 'created' | 'updated') => (s ? s.pupils[key] + s.carers[key] + s.staff[key] + s.classes[key] : 0);
  const leavers = s ? s.pupils.left + s.staff.left : 0;
  const problems = result.ok ? [] : result.problems;
  if (args.json) {
    io.out(JSON.stringify({ ...counts, created: sum('created'), updated: sum('updated'), leavers, problems }));
  }
  if (!result.ok) {
    for (const p of problems) io.err(formatProblem(p));
    io.err(`Nothing was imported: ${problems.length} problem${problems.length === 1 ? '' : 's'}.`);
    return 2;
  }
  for (const w of warnings) io.err(`warning: ${w}`);
  if (!args.json) {
    io.out(
      [
        args['dry-run'] ? 'Dry run: nothing was saved.' : `Imported into ${school.name}.`,
        `In the files: ${counts.pupils} pupils, ${counts.carers} contacts, ${counts.staff} staff, ${counts.classes} classes.`,
        `Changed: ${sum('created')} new, ${sum('updated')} updated, ${leavers} left.`,
      ].join('\n'),
    );
  }
  return 0;
}
