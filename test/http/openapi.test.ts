import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addApiToken } from '../../src/modules/school/school.service.ts';
import { withSchool } from '../../src/platform/db/school-scope.ts';
import { ApiError } from '../../src/platform/http/schemas.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { makeSchool, makeStaff } from '../helpers/factories.ts';

const repository = fileURLToPath(new URL('../..', import.meta.url));

interface Operation {
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}
interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
}

/** The one error shape as the document shows it: ApiError, serialised. */
const errorShape: unknown = JSON.parse(JSON.stringify(ApiError));
const errorKeys = new Set(['error', 'message', 'field', 'problems']);

/** Every module is on the house pattern: no path is exempt from the one error shape. */
const awaitingConversion: RegExp[] = [];

/**
 * The one contracted addition: a publication refused by the consent check (409 not-allowed) also
 * names each pupil who blocks it (`reasons`, issue 5). It is still { error, message } at heart.
 */
const withReasons = new Set(['POST /api/v1/media/{id}/publications 409', 'POST /api/v1/media/{id}/publications/{publicationId}/decision 409']);

/** Uploads: @fastify/multipart attaches the parts, so there is no JSON body schema (the summary lists the fields). */
const multipartUploads = new Set(['POST /api/v1/media']);

/** Methods whose requests carry a body. */
const withBody = new Set(['post', 'put', 'patch']);

const operations = (doc: OpenApiDocument) =>
  Object.entries(doc.paths)
    .filter(([path]) => path.startsWith('/api/v1/'))
    .flatMap(([path, byMethod]) =>
      Object.entries(byMethod).map(([method, operation]) => ({ path, method, operation, name: `${method.toUpperCase()} ${path}` })),
    );

/** An answer has the one error shape: exactly error and message, and field/problems only when there is something to say. */
function expectErrorShape(response: { statusCode: number; json: () => unknown }, status: number | number[]) {
  expect([status].flat()).toContain(response.statusCode);
  const body = response.json() as Record<string, unknown>;
  expect(Object.keys(body).filter((key) => !errorKeys.has(key))).toEqual([]);
  expect(body).toMatchObject({ error: expect.any(String), message: expect.any(String) });
  if ('field' in body) expect(body.field).toEqual(expect.any(String));
  if ('problems' in body) expect(body.problems).toEqual(expect.arrayContaining([{ field: expect.any(String), message: expect.any(String) }]));
}

describe('the OpenAPI document: a schema for every request body, one error shape for every refusal', () => {
  let t: TestApp;
  let doc: OpenApiDocument;
  let token: string;

  beforeAll(async () => {
    t = await createTestApp('pglite');
    const school = await makeSchool(t.database.db);
    const head = await makeStaff(t.database.db, school.id, ['headteacher']);
    token = await withSchool(t.database.db, school.id, (tx) => addApiToken(tx, school.id, { id: null, label: 'test' }, head.email));
    const response = await t.app.inject({ url: '/api/v1/openapi.json' });
    expect(response.statusCode).toBe(200);
    doc = response.json<OpenApiDocument>();
  });
  afterAll(() => t.close());

  const api = (method: 'GET' | 'POST', url: string, options: { token?: string; payload?: unknown } = {}) =>
    t.app.inject({
      method,
      url,
      ...(options.payload === undefined ? {} : { payload: options.payload as Record<string, unknown> }),
      headers: options.token ? { authorization: `Bearer ${options.token}` } : {},
    });

  it('describes the API', () => {
    expect(operations(doc).length).toBeGreaterThan(5);
  });

  it('every /api/v1 operation that takes a body declares its schema (multipart uploads aside)', () => {
    const missing = operations(doc)
      .filter(({ method, name }) => withBody.has(method) && !multipartUploads.has(name))
      .filter(({ operation }) => !Object.values(operation.requestBody?.content ?? {}).some((media) => media.schema))
      .map(({ name }) => name);
    expect(missing).toEqual([]);
  });

  it('every 4xx response listed is the one error shape, ApiError (the contracted 409 with reasons: at least error and message)', () => {
    const departures: string[] = [];
    for (const { path, operation, name } of operations(doc)) {
      const pending = awaitingConversion.some((pattern) => pattern.test(path));
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        if (!/^4\d\d$/.test(status)) continue;
        const schema = response.content?.['application/json']?.schema as { required?: string[] } | undefined;
        if (withReasons.has(`${name} ${status}`)) {
          if (!['error', 'message'].every((key) => schema?.required?.includes(key))) departures.push(`${name} ${status}`);
          continue;
        }
        if (pending ? !['error', 'message'].every((key) => schema?.required?.includes(key)) : JSON.stringify(schema) !== JSON.stringify(errorShape)) {
          departures.push(`${name} ${status}`);
        }
      }
    }
    expect(departures).toEqual([]);
    // The check above has something to hold to: at least one converted path lists its errors.
    const converted = operations(doc).filter(({ path, operation }) => !awaitingConversion.some((p) => p.test(path)) && operation.responses?.['401']);
    expect(converted.length).toBeGreaterThan(0);
  });

  it('answers 401 without a token, and 404 for an address with nothing at it, in the one shape', async () => {
    expectErrorShape(await api('GET', '/api/v1/pupils'), 401);
    expectErrorShape(await api('POST', '/api/v1/concerns', { payload: {} }), 401);
    expectErrorShape(await api('GET', '/api/v1/nothing-here', { token }), 404);
  });

  it('answers 404 for a pupil or concern that does not exist, and for an id that could not be one, in the one shape', async () => {
    expectErrorShape(await api('GET', `/api/v1/pupils/${randomUUID()}/consents`, { token }), 404);
    expectErrorShape(await api('GET', `/api/v1/concerns/${randomUUID()}`, { token }), 404);
    expectErrorShape(await api('GET', '/api/v1/pupils/not-a-uuid/consents', { token }), 404);
    expectErrorShape(await api('GET', '/api/v1/concerns/not-a-uuid', { token }), 404);
  });

  it('answers a bad body on POST /api/v1/concerns with 400 or 422 in the one shape, naming the field', async () => {
    const missing = await api('POST', '/api/v1/concerns', { token, payload: { summary: 'Something happened' } });
    expectErrorShape(missing, [400, 422]);
    expect(missing.json()).toHaveProperty('field');
    const wrongType = await api('POST', '/api/v1/concerns', {
      token,
      payload: { type: 'online', summary: 's', details: 'd', occurredAt: 'yesterday', location: 'in-school' },
    });
    expectErrorShape(wrongType, [400, 422]);
    expect(wrongType.json()).toMatchObject({ field: 'occurredAt' });
    expectErrorShape(await api('POST', '/api/v1/concerns', { token, payload: 'not json' }), [400, 415, 422]);
  });
});

/** Every .ts file below `folder` (relative to the repository). */
function sourceFiles(folder: string): string[] {
  return readdirSync(join(repository, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => relative(repository, join(entry.parentPath, entry.name)));
}

describe('route handlers take their types from their route schemas', () => {
  const scanned = ['src'];

  it('no source file casts with `as Static<…>`', () => {
    const casting = scanned.flatMap(sourceFiles).filter((file) => readFileSync(join(repository, file), 'utf8').includes('as Static<'));
    expect(casting).toEqual([]);
  });
});
