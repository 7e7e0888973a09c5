import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';

// The static files stay in src/ when the code runs compiled from dist/ (the same depth below the root).
const here = join(dirname(fileURLToPath(import.meta.url)), '../../../src/platform/http');
export const govukDist = join(dirname(createRequire(import.meta.url).resolve('govuk-frontend/package.json')), 'dist');

/**
 * GOV.UK Frontend's styles without the GDS Transport typeface, which is for GOV.UK alone:
 * its @font-face rules go and the family falls back to Arial, as the Design System allows.
 */
export function schoolStylesheet(): string {
  const govuk = readFileSync(join(govukDist, 'govuk/govuk-frontend.min.css'), 'utf8')
    .replace(/@font-face\{[^}]*\}/g, '')
    .replace(/font-family:\s*"?GDS Transport"?\s*,?/g, 'font-family:');
  return `${govuk}\n${readFileSync(join(here, 'static/app-extra.css'), 'utf8')}`;
}

export function registerAssets(app: FastifyInstance): void {
  const files: Record<string, { type: string; body: string }> = {
    'app.css': { type: 'text/css; charset=utf-8', body: schoolStylesheet() },
    'govuk-frontend.min.js': { type: 'text/javascript; charset=utf-8', body: readFileSync(join(govukDist, 'govuk/govuk-frontend.min.js'), 'utf8') },
    'app.js': { type: 'text/javascript; charset=utf-8', body: readFileSync(join(here, 'static/app.js'), 'utf8') },
    'icon.svg': { type: 'image/svg+xml', body: readFileSync(join(here, 'static/icon.svg'), 'utf8') },
  };
  app.get<{ Params: { file: string } }>('/assets/:file', { config: { permission: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const file = files[request.params.file];
    if (!file) return reply.callNotFound();
    return reply.type(file.type).header('cache-control', 'public, max-age=3600').send(file.body);
  });
}
