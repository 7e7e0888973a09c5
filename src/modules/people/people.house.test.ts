import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withoutBodySchema } from '../../../test/helpers/source.ts';

/**
 * The people module follows the house pattern (docs/ARCHITECTURE.md): services hold the
 * SchoolDatabase handle, handlers are typed by their route schemas, forms and uploads go through
 * platform/http, the SQL is in repositories, no file imports another that imports it back, and one
 * function names a person.
 */
const folder = import.meta.dirname;
const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [join(dir, e.name)] : [],
  );
const sources = walk(folder).map((path) => ({ path, name: relative(folder, path), text: readFileSync(path, 'utf8') }));
const routeFiles = sources.filter((s) => /\.(routes|api)\.ts$/.test(s.name));
const offending = (files: typeof sources, pattern: RegExp) => files.filter((s) => pattern.test(s.text)).map((s) => s.name);

/** The import's writer and its steps are repository-like: they keep their batched SQL (see their header comments). */
const sqlHolders = [
  'people.repository.ts',
  'staff-roles.repository.ts',
  'import.repository.ts',
  'leavers.repository.ts',
  'import.apply.ts',
  'import.staff.ts',
  'import.class-teachers.ts',
];

describe('the people module keeps to the house pattern', () => {
  it('has route plugins to check', () => {
    expect(routeFiles.map((s) => s.name).sort()).toEqual(['import.csv.routes.ts', 'import.routes.ts', 'people.api.ts', 'people.routes.ts']);
  });

  it('holds the SchoolDatabase handle, never Kysely', () => {
    expect(offending(sources, /\bKysely\b|Kysely<DB>|\{ db[,} ]/)).toEqual([]);
    expect(sources.find((s) => s.name === 'services.ts')!.text).toMatch(/\{ schools, config, onMail \}: ModuleContext/);
  });

  it('types every route plugin as ModuleRoutes, with no casts of params, query or body', () => {
    expect(offending(sources, /as Static\s*</)).toEqual([]);
    expect(routeFiles.filter((s) => !/: ModuleRoutes<PeopleServices> = async/.test(s.text)).map((s) => s.name)).toEqual([]);
  });

  it('uses the shared IdParams instead of its own copy', () => {
    expect(offending(sources, /const IdParams = /)).toEqual([]);
    expect(offending(routeFiles, /import \{ (apiErrors, )?IdParams \} from '..\/..\/platform\/http\/schemas.ts'/)).toEqual([
      'import.csv.routes.ts',
      'import.routes.ts',
      'people.routes.ts',
    ]);
  });

  it('gives every POST a body schema, except the upload whose parts @fastify/multipart attaches', () => {
    const missing = withoutBodySchema(routeFiles);
    expect(missing).toEqual([]);
  });

  it('lists the one API error shape on every API route', () => {
    const api = sources.find((s) => s.name === 'people.api.ts')!.text;
    expect(api.match(/app\.get\(/g)).toHaveLength(4);
    expect(api.match(/response: \{ \.\.\.apiErrors, 200:/g)).toHaveLength(4);
  });

  it('re-renders forms with submitForm, and reads uploads with platform/http/form-body.ts', () => {
    expect(offending(routeFiles, /instanceof (ValidationError|RoleChangeRefused)|catch \(/)).toEqual([]);
    expect(offending(sources, /from '@fastify\/multipart'/)).toEqual([]);
  });

  it('keeps the SQL in repositories, and asks staff-roles.repository.ts for a roles column', () => {
    const others = sources.filter((s) => !sqlHolders.includes(s.name));
    expect(offending(others, /\.(selectFrom|insertInto|updateTable|deleteFrom)\(|sql`|from 'kysely'/)).toEqual([]);
    expect(
      offending(
        sources.filter((s) => s.name !== 'staff-roles.repository.ts'),
        /FROM staff_roles/,
      ),
    ).toEqual([]);
  });

  it('names people with personName, not its own template string', () => {
    expect(
      offending(
        sources.filter((s) => s.name !== 'names.ts'),
        /\$\{\w+\.given_name\} \$\{\w+\.family_name\}/,
      ),
    ).toEqual([]);
  });

  it('has no import cycles', () => {
    const imports = new Map(
      sources.map((s) => [
        s.path,
        [...s.text.matchAll(/^(?:import|export)[^;]*? from '(\.[^']+)'/gm)].map((m) => resolve(dirname(s.path), m[1])).filter((p) => p.startsWith(folder)),
      ]),
    );
    const cycles: string[] = [];
    const visit = (path: string, trail: string[]) => {
      if (trail.includes(path)) {
        cycles.push([...trail.slice(trail.indexOf(path)), path].map((p) => relative(folder, p)).join(' > '));
        return;
      }
      for (const next of imports.get(path) ?? []) visit(next, [...trail, path]);
    };
    for (const s of sources) visit(s.path, []);
    expect(cycles).toEqual([]);
  });
});
