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
import { createAuthService } from './platform/auth/auth.service.ts';
import type { Database } from './platform/db/database.ts';
import { govukDist, registerAssets } from './platform/http/assets.ts';
import { registerErrorHandlers } from './platform/http/error-handler.ts';
import { registerSecurity, type RegisteredRoute } from './platform/http/security.ts';
import './platform/http/request-context.ts';
import { authRoutes } from './platform/auth/auth.routes.ts';
import { twoFactorRoutes } from './platform/auth/two-factor.routes.ts';
import { auditRoutes } from './platform/audit/audit.routes.ts';
import { mailRoutes } from './platform/mail/mail.routes.ts';
import { createPeopleService } from './modules/people/people.service.ts';
import { peopleRoutes } from './modules/people/people.routes.ts';
import { createStaffInvitations } from './modules/people/staff-invitation.ts';
import { peopleApiRoutes } from './modules/people/people.api.ts';
import { createImportService } from './modules/people/import.service.ts';
import { importRoutes } from './modules/people/import.routes.ts';
import { createConcernsService } from './modules/concerns/concerns.service.ts';
import { concernRoutes } from './modules/concerns/concerns.routes.ts';
import { concernApiRoutes } from './modules/concerns/concerns.api.ts';
import { concernOverviewRoutes } from './modules/concerns/concerns.overview.routes.ts';
import { schoolRoutes } from './modules/school/school.routes.ts';
import { settingsRoutes } from './modules/settings/settings.routes.ts';
import { settingsEditorRoutes } from './modules/settings/settings-editor.routes.ts';
import { createPoliciesService } from './modules/policies/policies.module.ts';
import { policiesRoutes } from './modules/policies/policies.routes.ts';
import { policyVersionRoutes } from './modules/policies/policies.versions.routes.ts';
import { policyApprovalRoutes } from './modules/policies/policies.approval.routes.ts';
import { policyPublicRoutes } from './modules/policies/policies.public.routes.ts';
import { policySettingsRoutes } from './modules/policies/policies.settings.routes.ts';
import { policyPaperRoutes } from './modules/policies/policies.paper.routes.ts';
import { createConsentService } from './modules/consent/consent.service.ts';
import { createConsentRequestService } from './modules/consent/consent-requests.service.ts';
import { createConsentLinkService } from './modules/consent/consent-link.service.ts';
import { consentApiRoutes } from './modules/consent/consent.api.ts';
import { consentRoutes } from './modules/consent/consent.routes.ts';
import { consentPublicRoutes } from './modules/consent/consent.public.routes.ts';
import { consentSettingsRoutes } from './modules/consent/consent-settings.routes.ts';
import { createPhotoService } from './modules/photos/photos.service.ts';
import { createPublishingService } from './modules/photos/photos.publishing.ts';
import { findPublishedPhotos } from './modules/photos/photos.withdrawal.ts';
import { fileStorage } from './modules/photos/photos.storage.ts';
import { photoRoutes } from './modules/photos/photos.routes.ts';

const srcDir = dirname(fileURLToPath(import.meta.url));

const ukDateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const ukDateTimeFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });

function configureNunjucks(env: nunjucks.Environment): void {
  const toDate = (value: string | Date) => (value instanceof Date ? value : new Date(value));
  env.addFilter('ukDate', (value: string | Date | null) => (value ? ukDateFormat.format(toDate(value)) : 'Not known'));
  env.addFilter('ukDateTime', (value: string | Date | null) => (value ? ukDateTimeFormat.format(toDate(value)) : ''));
}

export interface AppDeps {
  config: Config;
  database: Database;
  /** Called after a change has put mail in the outbox, so delivery starts now rather than at the next poll. */
  onMailQueued?: () => void;
}

export function createServices(deps: AppDeps) {
  const { db } = deps.database;
  const onMail = deps.onMailQueued ?? (() => {});
  const photoStorage = fileStorage(deps.config.storageDir);
  return {
    auth: createAuthService(db, deps.config, onMail),
    people: createPeopleService(db, { baseUrl: deps.config.baseUrl, onMail }),
    staffInvitations: createStaffInvitations(db, deps.config, onMail),
    import: createImportService(db),
    policies: createPoliciesService({ db, baseUrl: deps.config.baseUrl, onMail }),
    concerns: createConcernsService(db, deps.config, onMail),
    consent: createConsentService(db, deps.config, { onMail, findPublishedImages: findPublishedPhotos }),
    consentRequests: createConsentRequestService(db, deps.config, onMail),
    consentLinks: createConsentLinkService(db, deps.config, onMail),
    photos: createPhotoService(db, photoStorage),
    photoPublishing: createPublishingService(db, photoStorage, deps.config.baseUrl, onMail),
  };
}
export type Services = ReturnType<typeof createServices>;

export async function buildApp(deps: AppDeps): Promise<FastifyInstance & { registeredRoutes: RegisteredRoute[] }> {
  const { config, database } = deps;
  const app = Fastify({
    logger: { level: config.logLevel },
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<TypeBoxTypeProvider>();
  const routes: RegisteredRoute[] = [];
  const services = createServices(deps);

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
    contentSecurityPolicy: { useDefaults: false, directives: {
      'default-src': ["'self'"], 'script-src': ["'self'"], 'style-src': ["'self'"], 'img-src': ["'self'", 'data:'], 'font-src': ["'self'"],
      'form-action': ["'self'"], 'frame-ancestors': ["'none'"], 'base-uri': ["'self'"], 'object-src': ["'none'"],
    } },
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

  await app.register(schoolRoutes, { db: database.db, services });
  await app.register(authRoutes, { config, services });
  await app.register(twoFactorRoutes, { config, services });
  await app.register(peopleRoutes, { services });
  await app.register(peopleApiRoutes, { services });
  await app.register(importRoutes, { services });
  await app.register(concernRoutes, { services });
  await app.register(concernApiRoutes, { services });
  await app.register(concernOverviewRoutes, { services });
  await app.register(settingsRoutes, { db: database.db });
  await app.register(settingsEditorRoutes, { db: database.db });
  await app.register(policiesRoutes, { services });
  await app.register(policyVersionRoutes, { services });
  await app.register(policyApprovalRoutes, { services });
  await app.register(policyPublicRoutes, { services });
  await app.register(policySettingsRoutes, { services });
  await app.register(policyPaperRoutes, { services });
  await app.register(consentApiRoutes, { services });
  await app.register(consentRoutes, { services });
  await app.register(consentPublicRoutes, { services });
  await app.register(consentSettingsRoutes, { db: database.db });
  await app.register(photoRoutes, { services });
  await app.register(auditRoutes, { db: database.db });
  await app.register(mailRoutes, { db: database.db });

  return Object.assign(app, { registeredRoutes: routes });
}
