import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withoutBodySchema } from '../../../test/helpers/source.ts';

/**
 * The photos module follows the house pattern (docs/ARCHITECTURE.md): it holds a SchoolDatabase,
 * never Kysely; handlers are typed by their route schemas; forms and uploads go through
 * platform/http; the SQL is in its two repository files.
 */
const folder = new URL('./', import.meta.url);
const sources = readdirSync(folder)
  .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
  .map((name) => ({ name, text: readFileSync(new URL(name, folder), 'utf8') }));
const routeFiles = sources.filter((s) => s.name.endsWith('.routes.ts') || s.name === 'photos.api.ts');
const repositories = ['photos.repository.ts', 'photos.publishing.repository.ts'];
const offending = (files: typeof sources, pattern: RegExp) => files.filter((s) => pattern.test(s.text)).map((s) => s.name);

describe('the photos module keeps to the house pattern', () => {
  it('has route plugins to check', () => {
    expect(routeFiles.map((s) => s.name)).toEqual(expect.arrayContaining(['photos.routes.ts', 'photos.publish.routes.ts', 'photos.api.ts']));
  });

  it('holds a SchoolDatabase from the module context, never Kysely or the unscoped db', () => {
    expect(offending(sources, /\bKysely\b|Kysely<DB>|\bdb\b\s*[,}:]|school-scope\.ts'.*withSchool|withSchool.*school-scope\.ts'/)).toEqual([]);
  });

  it('types every route plugin as ModuleRoutes, with no casts of params, query or body', () => {
    expect(offending(sources, /as (Partial<)?Static\s*</)).toEqual([]);
    expect(routeFiles.filter((s) => !/: ModuleRoutes<PhotosServices> = async/.test(s.text)).map((s) => s.name)).toEqual([]);
  });

  it('uses the shared IdParams instead of its own copy', () => {
    expect(offending(sources, /const IdParams = /)).toEqual([]);
  });

  it('gives every POST a body schema, except the uploads whose parts @fastify/multipart attaches', () => {
    const missing = withoutBodySchema(routeFiles);
    expect(missing).toEqual([]);
  });

  it('re-renders forms with submitForm, and reads uploads with platform/http/form-body.ts', () => {
    expect(offending(routeFiles, /instanceof ValidationError/)).toEqual([]);
    expect(offending(sources, /from '@fastify\/multipart'|\.toBuffer\(\)/).filter((name) => name !== 'photos.images.ts')).toEqual([]);
  });

  it('keeps the SQL in its repositories, and asks people/staff-roles.repository.ts about roles', () => {
    const others = sources.filter((s) => !repositories.includes(s.name));
    expect(offending(others, /\.(selectFrom|insertInto|updateTable|deleteFrom)\(|sql`|from 'kysely'/)).toEqual([]);
    expect(offending(sources, /staff_roles|staffWithRoles/)).toEqual([]);
  });
});
