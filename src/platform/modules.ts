import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyPluginAsync, RawServerDefault } from 'fastify';
import type { Kysely } from 'kysely';
import type { Config } from '../config.ts';
import type { DB } from './db/schema.ts';
import type { SchoolDatabase } from './db/school-database.ts';

/**
 * A module's route plugin: given the module's services; its route schemas type the handlers'
 * params, query and body (TypeBox), so handlers never cast.
 */
export type ModuleRoutes<S> = FastifyPluginAsync<{ services: S }, RawServerDefault, TypeBoxTypeProvider>;

/** What every module is given when the app starts: nothing more, so modules never reach into app.ts. */
export interface ModuleContext {
  readonly config: Config;
  /** Unscoped: only the platform's own modules (sign-in, audit, mail) may use it; lint refuses it in src/modules. */
  readonly db: Kysely<DB>;
  /** School-scoped transactions: what a module uses for its data. */
  readonly schools: SchoolDatabase;
  /** Called after a change has put mail in the outbox, so delivery starts now rather than at the next poll. */
  readonly onMail: () => void;
}

/** A background job: run on a schedule (cron, server time) and whenever it is nudged. */
export interface JobDefinition {
  cron?: string;
  handler: () => Promise<void>;
}

/** A page of the school's settings a module owns, listed on /settings. */
export interface SettingsSection {
  href: string;
  text: string;
}

/** A module once started: its routes to register and its jobs to run, over one set of services. */
export interface ModuleInstance {
  readonly name: string;
  readonly jobs: Readonly<Record<string, JobDefinition>>;
  readonly settings: readonly SettingsSection[];
  register(app: FastifyInstance): Promise<void>;
}

export interface AppModule {
  readonly name: string;
  start(context: ModuleContext): ModuleInstance;
}

export interface ModuleDefinition<S> {
  name: string;
  /** Builds the module's services once; routes and jobs share them. */
  services: (context: ModuleContext) => S;
  /** Route plugins, each registered with `{ services }`. */
  routes?: ModuleRoutes<S>[];
  jobs?: (services: S, context: ModuleContext) => Record<string, JobDefinition>;
  settings?: SettingsSection[];
}

/**
 * One module = one folder with an index.ts that calls defineModule; src/modules/index.ts lists them.
 * The services' type stays inside the module: nothing outside needs to know it.
 */
export function defineModule<S>(definition: ModuleDefinition<S>): AppModule {
  return {
    name: definition.name,
    start(context) {
      const services = definition.services(context);
      return {
        name: definition.name,
        jobs: definition.jobs?.(services, context) ?? {},
        settings: definition.settings ?? [],
        async register(app) {
          const typed = app.withTypeProvider<TypeBoxTypeProvider>();
          for (const plugin of definition.routes ?? []) await typed.register(plugin, { services });
        },
      };
    },
  };
}

/** Starts every module once (the server shares the instances between the web app and the jobs). */
export function startModules(modules: readonly AppModule[], context: ModuleContext): ModuleInstance[] {
  const seen = new Set<string>();
  return modules.map((module) => {
    if (seen.has(module.name)) throw new Error(`Two modules are called "${module.name}"`);
    seen.add(module.name);
    return module.start(context);
  });
}

/** Every module's jobs in one map; two modules may not claim the same job name. */
export function jobsOf(instances: readonly ModuleInstance[]): Record<string, JobDefinition> {
  const all: Record<string, JobDefinition> = {};
  for (const instance of instances) {
    for (const [name, job] of Object.entries(instance.jobs)) {
      if (all[name]) throw new Error(`The job "${name}" is declared by two modules`);
      all[name] = job;
    }
  }
  return all;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every module's settings pages, for the /settings index. */
    settingsSections: readonly SettingsSection[];
  }
}
