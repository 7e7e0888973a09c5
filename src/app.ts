import { join } from 'node:path';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyFormbody from '@fastify/formbody';
import fastifyHelmet from '@fastify/helmet';
import fastifySwagger from '@fastify/swagger';
import fastifyView from '@fastify/view';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import nunjucks from 'nunjucks';
import type { Config } from './config.ts';
import type { Database } from './platform/db/database.ts';
import { govukDist, registerAssets } from './platform/http/assets.ts';
import { registerErrorHandlers } from './platform/http/error-handler.ts';
import { registerSecurity, type RegisteredRoute } from './platform/http/security.ts';
import './platform/http/request-context.ts';
import { configureMailSealing } from './platform/mail/sealed.ts';
import { startModules, type ModuleInstance } from './platform/modules.ts';
import { modules } from './modules/index.ts';
import { personName } from './modules/people/names.ts';
import { formatDateTime, formatDay } from './platform/text/dates.ts';
import { serializeRequest } from './platform/http/log-serializers.ts';

// Templates stay in src/ when the code runs compiled from dist/ (app.ts sits at the same depth in both).
const srcDir = join(dirname(fileURLToPath(import.meta.url)), '../src');

function configureNunjucks(env: nunjucks.Environment): void {
  // One date format everywhere (platform/text/dates.ts): "1 December 2026", "1 December 2026 at 3:05pm".
  env.addFilter('ukDate', (value: string | Date | null) => (value ? formatDay(value) || 'Not known' : 'Not known'));
  env.addFilter('ukDateTime', (value: string | Date | null) => formatDateTime(value));
  env.addFilter('personName', personName);
}

export interface AppDeps {
  config: Config;
  database: Database;
  /** Called after a change has put mail in the outbox, so delivery starts now rather than at the next poll. */
  onMailQueued?: () => void;
  /** The started modules, when the caller (the server) shares them with its jobs; otherwise started here. */
  modules?: ModuleInstance[];
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance & { registeredRoutes: RegisteredRoute[] }> {
  const { config, database } = deps;
  const app = Fastify({
    // The request log leaves out the provider's `code` and `state` (log-serializers.ts).
    logger: { level: config.logLevel, serializers: { req: serializeRequest } },
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<TypeBoxTypeProvider>();
  const routes: RegisteredRoute[] = [];
  // Secret links in the outbox are sealed with a key derived from SESSION_SECRET (mail/sealed.ts).
  configureMailSealing(config.sessionSecret);
  const instances = deps.modules ?? startModules(modules, { config, db: database.db, schools: database.schools, onMail: deps.onMailQueued ?? (() => {}) });

  await app.register(fastifyCookie, { secret: config.sessionSecret });
  // After the cookie parser, so the session cookie is readable when the actor is identified.
  registerSecurity(app, database.db, routes);
  await app.register(fastifyCsrf, {
    sessionPlugin: '@fastify/cookie',
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'lax', secure: config.secureCookies, signed: true },
    // Multipart forms (uploads) carry the field as { value }.
    getToken: (request) => {
      const field = (request.body as { _csrf?: string | { value?: string } } | undefined)?._csrf;
      return typeof field === 'string' ? field : field?.value;
    },
  });
  await app.register(fastifyFormbody, { bodyLimit: 256 * 1024 });
  await app.register(fastifyHelmet, {
    enableCSPNonces: true,
    // Nothing is loaded from anywhere but this server: no CDNs, fonts or analytics.
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'"],
        'img-src': ["'self'", 'data:'],
        'font-src': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        'base-uri': ["'self'"],
        'object-src': ["'none'"],
      },
    },
    strictTransportSecurity: config.secureCookies,
  });
  await app.register(fastifyView, {
    engine: { nunjucks },
    templates: [join(srcDir, 'platform/views'), join(srcDir, 'platform'), join(srcDir, 'modules'), govukDist],
    production: config.env === 'production',
    options: { autoescape: true, throwOnUndefined: false, onConfigure: configureNunjucks },
  });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'eSafety Office API', version: '1', description: 'Scoped to the school of the API token. Errors are {"error": code, "message": text}.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
  });
  registerErrorHandlers(app);
  registerAssets(app);

  app.get('/health', { config: { permission: 'public' }, schema: { hide: true } }, async (_request, reply) => {
    try {
      await database.pool.query('SELECT 1');
      return { status: 'ok' };
    } catch {
      return reply.code(503).send({ error: 'database_unavailable', message: 'The database is not answering' });
    }
  });
  app.get('/api/v1/openapi.json', { config: { permission: 'public' }, schema: { hide: true } }, async () => app.swagger());

  app.decorate(
    'settingsSections',
    instances.flatMap((instance) => instance.settings),
  );
  for (const instance of instances) await instance.register(app);

  return Object.assign(app, { registeredRoutes: routes });
}
