import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * The school module follows the house pattern (docs/ARCHITECTURE.md): it asks the platform's named
 * functions (school-database.ts) the questions across schools, holds no Kysely, its handlers are
 * typed by their route schemas, and the SQL is in repositories (its own, people's, the outbox's).
 */
const folder = new URL('./', import.meta.url);
const sources = readdirSync(folder)
  .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
  .map((name) => ({ name, text: readFileSync(new URL(name, folder), 'utf8') }));
const routeFiles = sources.filter((s) => s.name.endsWith('.routes.ts'));
const offending = (files: typeof sources, pattern: RegExp) => files.filter((s) => pattern.test(s.text)).map((s) => s.name);

describe('the school module keeps to the house pattern', () => {
  it('has route plugins to check', () => {
    expect(routeFiles.map((s) => s.name)).toEqual(['school.routes.ts']);
  });

  it('holds no Kysely: schools are found, counted and created through school-database.ts', () => {
    expect(offending(sources, /from 'kysely'|Kysely<|\bdb\b\s*[:}]/)).toEqual([]);
    const service = sources.find((s) => s.name === 'school.service.ts')!.text;
    expect(service).toMatch(/createSchool\(schools: SchoolDatabase/);
    for (const name of ['countSchools', 'findSchoolByUrn', 'insertSchool', 'withSchool'])
      expect(service).toMatch(new RegExp(`import \\{[^}]*\\b${name}\\b[^}]*\\} from '../../platform/db/school-database.ts'`));
    expect(sources.find((s) => s.name === 'dashboard.ts')!.text).toMatch(/dashboardFor\(schools: SchoolDatabase/);
    expect(sources.find((s) => s.name === 'index.ts')!.text).toMatch(/services: createSchoolServices/);
  });

  it('types the route plugin as ModuleRoutes, with no casts, a body schema on every POST, and submitForm', () => {
    expect(offending(sources, /as Static\s*</)).toEqual([]);
    expect(routeFiles.filter((s) => !/: ModuleRoutes<SchoolServices> = async/.test(s.text)).map((s) => s.name)).toEqual([]);
    const missing = routeFiles.flatMap((s) =>
      s.text
        .split('\n')
        .filter((line) => line.includes('app.post(') && !/body: \w+/.test(line))
        .map((line) => `${s.name}: ${line.trim()}`),
    );
    expect(missing).toEqual([]);
    expect(offending(routeFiles, /instanceof ValidationError|withSchool|countSchools/)).toEqual([]);
  });

  it('keeps the SQL in repositories: none in the service, the routes or the dashboard', () => {
    expect(
      offending(
        sources.filter((s) => !s.name.endsWith('.repository.ts')),
        /\.(selectFrom|insertInto|updateTable|deleteFrom)\(|sql`/,
      ),
    ).toEqual([]);
  });
});
