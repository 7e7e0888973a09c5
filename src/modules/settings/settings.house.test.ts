import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withoutBodySchema } from '../../../test/helpers/source.ts';

/**
 * The settings module follows the house pattern (docs/ARCHITECTURE.md): it holds the school-scoped
 * database handle only, its handlers are typed by their route schemas, forms are re-shown with
 * submitForm, and the SQL is in settings.repository.ts.
 */
const folder = new URL('./', import.meta.url);
const sources = readdirSync(folder)
  .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
  .map((name) => ({ name, text: readFileSync(new URL(name, folder), 'utf8') }));
const routeFiles = sources.filter((s) => s.name.endsWith('.routes.ts'));
const offending = (files: typeof sources, pattern: RegExp) => files.filter((s) => pattern.test(s.text)).map((s) => s.name);

describe('the settings module keeps to the house pattern', () => {
  it('has route plugins to check', () => {
    expect(routeFiles.map((s) => s.name).sort()).toEqual(['settings-editor.routes.ts', 'settings.routes.ts']);
  });

  it('holds no Kysely: its services are built from the school-scoped handle', () => {
    expect(offending(sources, /from 'kysely'|Kysely<|\bdb\b\s*[:}]/)).toEqual([]);
    expect(sources.find((s) => s.name === 'services.ts')?.text).toMatch(/createSettingsServices\(\{ schools \}: ModuleContext\)/);
    expect(sources.find((s) => s.name === 'index.ts')?.text).toMatch(/services: createSettingsServices/);
  });

  it('types every route plugin as ModuleRoutes, with no casts of params, query or body', () => {
    expect(offending(sources, /as Static\s*</)).toEqual([]);
    expect(routeFiles.filter((s) => !/: ModuleRoutes<SettingsServices> = async/.test(s.text)).map((s) => s.name)).toEqual([]);
  });

  it('gives every POST a body schema and re-shows forms with submitForm', () => {
    const missing = withoutBodySchema(routeFiles);
    expect(missing).toEqual([]);
    expect(offending(routeFiles, /instanceof ValidationError|withSchool/)).toEqual([]);
  });

  it('keeps the SQL in settings.repository.ts', () => {
    expect(
      offending(
        sources.filter((s) => s.name !== 'settings.repository.ts'),
        /\.(selectFrom|insertInto|updateTable|deleteFrom)\(|sql`/,
      ),
    ).toEqual([]);
  });
});
