/**
 * Reads a OneRoster 1.1 CSV package (a folder or a .zip) from a school's MIS into a typed model, or refuses it whole
 * with every problem listed as `file:line: message`, so the office can fix the export in one go.
 * Everything here is pure except readRosterSource, which reads the folder or zip from disk.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { rosterFileName, rosterFileNames, type Problem, type RosterFileName } from './oneroster.csv.ts';
import { linkAgents, readClasses, readDemographics, readEnrollments, readManifest, readUsers } from './oneroster.records.ts';
import type { RosterParseOptions, RosterResult } from './oneroster.model.ts';
import { unzipRoster, zipLimits } from './oneroster.zip.ts';

export { unzipRoster, zipRosterFiles } from './oneroster.zip.ts';
export { yearGroupFromGrades } from './oneroster.years.ts';

export type { RosterClass, RosterEnrollment, RosterPackage, RosterParseOptions, RosterResult, RosterRole, RosterUser } from './oneroster.model.ts';

const maxProblems = 200;

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Sorted by file (in reading order) then line, capped so a wholly wrong file doesn't bury the first problems. */
function formatProblems(problems: Problem[]): string[] {
  const fileOrder = (file: string) => {
    const index = (rosterFileNames as readonly string[]).indexOf(file);
    return index === -1 ? rosterFileNames.length : index;
  };
  const lines = problems
    .map((problem, index) => ({ problem, index }))
    .sort((a, b) => fileOrder(a.problem.file) - fileOrder(b.problem.file) || (a.problem.line ?? 0) - (b.problem.line ?? 0) || a.index - b.index)
    .map(({ problem: p }) => (p.line === null ? `${p.file}: ${p.message}` : `${p.file}:${p.line}: ${p.message}`));
  if (lines.length <= maxProblems) return lines;
  return [...lines.slice(0, maxProblems), `…and ${lines.length - maxProblems} more`];
}

/** Picks the roster files out of name → content, matching names case-insensitively and ignoring any folder. */
function collectRosterFiles(files: Map<string, Uint8Array | string>, problems: Problem[]): Map<RosterFileName, Uint8Array | string> {
  const found = new Map<RosterFileName, { path: string; content: Uint8Array | string }>();
  for (const [path, content] of files) {
    const name = rosterFileName(path);
    if (!name) continue;
    const earlier = found.get(name);
    if (earlier) problems.push({ file: name, line: null, message: `the package holds this file twice ("${earlier.path}" and "${path}")` });
    else found.set(name, { path, content });
  }
  return new Map([...found].map(([name, { content }]) => [name, content]));
}

export function parseRosterFiles(files: Map<string, Uint8Array | string>, options: RosterParseOptions = {}): RosterResult {
  const problems: Problem[] = [];
  const roster = collectRosterFiles(files, problems);
  const mode = readManifest(roster.get('manifest.csv'), problems);

  const usersFile = roster.get('users.csv');
  if (usersFile === undefined) problems.push({ file: 'users.csv', line: null, message: 'the file is missing; every OneRoster package needs users.csv' });
  const users = readUsers(usersFile ?? null, problems);
  // When users.csv or classes.csv can't be read, references to them are not checked: one problem, not hundreds.
  const knownUsers = users.ids && new Set([...users.ids, ...(options.knownUserSourcedIds ?? [])]);
  if (knownUsers) linkAgents(users, knownUsers, problems);

  const classesFile = roster.get('classes.csv');
  const classes = readClasses(classesFile ?? null, problems);
  const knownClasses = classes.ids
    ? new Set([...classes.ids, ...(options.knownClassSourcedIds ?? [])])
    : classesFile === undefined && options.knownClassSourcedIds
      ? new Set(options.knownClassSourcedIds)
      : null;
  const enrollmentsFile = roster.get('enrollments.csv');
  // In a bulk package, classes without enrollments would read as "every class is now empty".
  if (mode === 'bulk' && classes.list.length > 0 && enrollmentsFile === undefined) {
    problems.push({
      file: 'enrollments.csv',
      line: null,
      message: `the file is missing, but classes.csv lists ${count(classes.list.length, 'class', 'classes')}; a full export needs both`,
    });
  }
  const enrollments = readEnrollments(enrollmentsFile ?? null, knownClasses, knownUsers, problems);
  if (classesFile === undefined && !options.knownClassSourcedIds && enrollments.length > 0) {
    problems.push({
      file: 'classes.csv',
      line: null,
      message: `the file is missing, but enrollments.csv lists ${count(enrollments.length, 'enrollment', 'enrollments')}`,
    });
  }
  const birthDates = readDemographics(roster.get('demographics.csv') ?? null, knownUsers, problems);

  if (problems.length > 0) return { ok: false, problems: formatProblems(problems) };
  const relationships = new Map(users.list.filter((u) => u.kind === 'carer').map((u) => [u.sourcedId, u.oneRosterRole]));
  return { ok: true, roster: { mode, classes: classes.list, users: users.list, enrollments, birthDates, relationships } };
}

/** Where the CSVs sit in a folder: at its top, or in its only sub-folder (as an unzipped export often is). */
async function rosterFolder(folder: string): Promise<string> {
  const entries = await readdir(folder, { withFileTypes: true });
  if (entries.some((e) => e.isFile() && rosterFileName(e.name))) return folder;
  const subfolders = entries.filter((e) => e.isDirectory() && e.name !== '__MACOSX' && !e.name.startsWith('.'));
  return subfolders.length === 1 ? join(folder, subfolders[0].name) : folder;
}

/** Reads a package from a folder or a .zip file on disk. Problems (including a missing path) are returned, not thrown. */
export async function readRosterSource(path: string, options: RosterParseOptions = {}): Promise<RosterResult> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) {
      const folder = await rosterFolder(path);
      const files = new Map<string, Uint8Array>();
      for (const entry of await readdir(folder, { withFileTypes: true })) {
        if (entry.isFile() && rosterFileName(entry.name)) files.set(entry.name, await readFile(join(folder, entry.name)));
      }
      return parseRosterFiles(files, options);
    }
    if (info.size > zipLimits.maxUnpackedBytes) {
      return {
        ok: false,
        problems: [`${path} is ${Math.ceil(info.size / 1024 / 1024)} MB; the most this app accepts is ${zipLimits.maxUnpackedBytes / 1024 / 1024} MB.`],
      };
    }
    const unzipped = unzipRoster(await readFile(path));
    return unzipped.ok ? parseRosterFiles(unzipped.files, options) : unzipped;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const reason = code === 'ENOENT' ? 'there is no file or folder here' : code === 'EACCES' ? 'this app may not read it' : String(error);
    return { ok: false, problems: [`${path}: ${reason}`] };
  }
}
