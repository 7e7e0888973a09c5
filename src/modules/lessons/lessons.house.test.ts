import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withoutBodySchema } from '../../../test/helpers/source.ts';

/**
 * The lessons and events modules follow the house pattern (docs/ARCHITECTURE.md): a SchoolDatabase,
 * never Kysely; typed route plugins; a body schema on every POST; SQL only in repositories.
 */
const read = (folder: URL) =>
  readdirSync(folder)
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
    .map((name) => ({ name, text: readFileSync(new URL(name, folder), 'utf8') }));
const sources = [...read(new URL('./', import.meta.url)), ...read(new URL('../events/', import.meta.url))];
const routeFiles = sources.filter((s) => s.name.endsWith('.routes.ts') || s.name.endsWith('.api.ts'));
const offending = (files: typeof sources, pattern: RegExp) => files.filter((s) => pattern.test(s.text)).map((s) => s.name);

describe('the lessons and events modules keep to the house pattern', () => {
  it('has route plugins to check', () => {
    expect(routeFiles.length).toBeGreaterThanOrEqual(4);
  });

  it('holds a SchoolDatabase, never Kysely or the unscoped db', () => {
    expect(offending(sources, /\bKysely\b|Kysely<DB>|\bdb\b\s*[,}:]|school-scope\.ts'.*withSchool|withSchool.*school-scope\.ts'/)).toEqual([]);
  });

  it('types every route plugin as ModuleRoutes, with no casts, and every POST has a body schema', () => {
    expect(offending(sources, /as (Partial<)?Static\s*</)).toEqual([]);
    expect(routeFiles.filter((s) => !/: ModuleRoutes<(LessonServices|EventServices)> = async/.test(s.text)).map((s) => s.name)).toEqual([]);
    expect(withoutBodySchema(routeFiles)).toEqual([]);
  });

  it('keeps the SQL in repositories and re-renders forms with submitForm', () => {
    const others = sources.filter((s) => !s.name.endsWith('.repository.ts'));
    expect(offending(others, /\.(selectFrom|insertInto|updateTable|deleteFrom)\(|sql`|from 'kysely'/)).toEqual([]);
    expect(offending(routeFiles, /instanceof ValidationError/)).toEqual([]);
  });
});
