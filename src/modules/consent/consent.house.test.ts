import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withoutBodySchema } from '../../../test/helpers/source.ts';

/**
 * The consent module follows the house pattern (docs/ARCHITECTURE.md): it holds a SchoolDatabase
 * handle, never Kysely; handlers are typed by their route schemas; forms re-render through
 * platform/http; and the SQL is in its repositories.
 */
const folder = new URL('./', import.meta.url);
const sources = readdirSync(folder)
  .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
  .map((name) => ({ name, text: readFileSync(new URL(name, folder), 'utf8') }));
const routeFiles = sources.filter((s) => s.name.endsWith('.routes.ts') || s.name.endsWith('.api.ts'));
const repositories = ['consent.repository.ts', 'consent-requests.repository.ts'];
const offending = (files: typeof sources, pattern: RegExp) => files.filter((s) => pattern.test(s.text)).map((s) => s.name);

describe('the consent module keeps to the house pattern', () => {
  it('has route plugins to check', () => {
    expect(routeFiles.map((s) => s.name).sort()).toEqual([
      'consent-requests.routes.ts',
      'consent-settings.routes.ts',
      'consent.api.ts',
      'consent.public.routes.ts',
      'consent.routes.ts',
    ]);
  });

  it('holds no Kysely: services and jobs get the SchoolDatabase handle (ctx.schools), and no service is handed `db`', () => {
    expect(offending(sources, /\bKysely\b/)).toEqual([]);
    expect(offending(sources, /(?<![/.])\bdb\b(?!\/)/)).toEqual([]);
  });

  it('types every route plugin as ModuleRoutes, with no casts of params, query or body', () => {
    expect(offending(sources, /as Static\s*</)).toEqual([]);
    expect(routeFiles.filter((s) => !/: ModuleRoutes<ConsentServices> = async/.test(s.text)).map((s) => s.name)).toEqual([]);
  });

  it('uses the shared IdParams instead of its own copies', () => {
    expect(offending(sources, /const IdParams = /)).toEqual([]);
  });

  it('gives every POST and PUT a body schema', () => {
    const missing = withoutBodySchema(routeFiles);
    expect(missing).toEqual([]);
    // The API's PUT spreads its schema over several lines.
    expect(sources.find((s) => s.name === 'consent.api.ts')!.text).toMatch(/app\.put\([\s\S]*?body: DecisionBody/);
  });

  it('re-renders forms with submitForm', () => {
    expect(offending(routeFiles, /instanceof ValidationError|formErrors\(/)).toEqual([]);
  });

  it('keeps the SQL in consent.repository.ts and consent-requests.repository.ts, and asks people/staff-roles.repository.ts about roles', () => {
    const others = sources.filter((s) => !repositories.includes(s.name));
    expect(offending(others, /\.(selectFrom|insertInto|updateTable|deleteFrom)\(|sql`|from 'kysely'/)).toEqual([]);
    expect(offending(sources, /staff_roles/)).toEqual([]);
  });
});
