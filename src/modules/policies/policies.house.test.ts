import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withoutBodySchema } from '../../../test/helpers/source.ts';

/**
 * The policies module follows the house pattern (docs/ARCHITECTURE.md): handlers are typed by their
 * route schemas, forms and uploads go through platform/http, and the SQL is in the repository.
 */
const folder = new URL('./', import.meta.url);
const sources = readdirSync(folder)
  .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
  .map((name) => ({ name, text: readFileSync(new URL(name, folder), 'utf8') }));
const routeFiles = sources.filter((s) => s.name.endsWith('.routes.ts'));
const offending = (files: typeof sources, pattern: RegExp) => files.filter((s) => pattern.test(s.text)).map((s) => s.name);

describe('the policies module keeps to the house pattern', () => {
  it('has route plugins to check', () => {
    expect(routeFiles.map((s) => s.name)).toEqual(expect.arrayContaining(['policies.routes.ts', 'policies.versions.routes.ts', 'policies.paper.routes.ts']));
  });

  it('types every route plugin as ModuleRoutes, with no casts of params, query or body', () => {
    expect(offending(sources, /as Static\s*</)).toEqual([]);
    expect(routeFiles.filter((s) => !/: ModuleRoutes<PoliciesServices> = async/.test(s.text)).map((s) => s.name)).toEqual([]);
  });

  it('uses the shared IdParams and VersionParams instead of its own copies', () => {
    expect(
      offending(
        sources.filter((s) => s.name !== 'policies.schemas.ts'),
        /const (IdParams|VersionParams) = /,
      ),
    ).toEqual([]);
  });

  it('gives every POST a body schema, except the upload whose parts @fastify/multipart attaches', () => {
    const missing = withoutBodySchema(routeFiles);
    expect(missing).toEqual([]);
  });

  it('re-renders forms with submitForm, and reads uploads with platform/http/form-body.ts', () => {
    expect(offending(routeFiles, /instanceof ValidationError/)).toEqual([]);
    expect(offending(sources, /from '@fastify\/multipart'/)).toEqual([]);
  });

  it('keeps the SQL in policies.repository.ts, and asks people/staff-roles.repository.ts about roles', () => {
    const others = sources.filter((s) => s.name !== 'policies.repository.ts');
    expect(offending(others, /\.(selectFrom|insertInto|updateTable|deleteFrom)\(|sql`|from 'kysely'/)).toEqual([]);
    expect(offending(sources, /staff_roles/)).toEqual([]);
  });
});
