import { join, resolve } from 'node:path';
import { realAuthorities, type SsoAuthorities } from './platform/auth/sso.rules.ts';

/** Everything the app reads from the environment, parsed once at start-up. */
export interface Config {
  readonly env: 'development' | 'production' | 'test';
  readonly port: number;
  readonly host: string;
  /** Public address used in e-mailed links, e.g. https://esafety.example.sch.uk */
  readonly baseUrl: string;
  readonly dataDir: string;
  /** Where photographs are kept (STORAGE_DIR); never served as static files. */
  readonly storageDir: string;
  readonly databaseUrl: string | null;
  readonly sessionSecret: string;
  readonly smtpUrl: string | null;
  readonly mailFrom: string;
  /** Cookies get `Secure` when the app is served over HTTPS (directly or behind a proxy). */
  readonly secureCookies: boolean;
  readonly trustProxy: boolean;
  readonly logLevel: string;
  /** Where the nightly backup goes (BACKUP_DIR); none when unset. */
  readonly backupDir: string | null;
  /** How many nightly backups to keep in BACKUP_DIR (BACKUP_KEEP, default 14). */
  readonly backupKeep: number;
  /** GOV.UK Notify, for text messages to carers (NOTIFY_API_KEY); without it texts are not set up. */
  readonly notifyApiKey: string | null;
  /** Notify's address (NOTIFY_BASE_URL); the real service unless set. */
  readonly notifyBaseUrl: string;
  /** The Notify text message template whose only placeholder is ((body)) (NOTIFY_SMS_TEMPLATE_ID). */
  readonly notifySmsTemplateId: string | null;
  /**
   * A Pi-hole v6 the app keeps in step with the school's decisions (PIHOLE_URL and PIHOLE_PASSWORD,
   * an app password from Pi-hole's API settings); PIHOLE_SCHOOL names the school by URN when the
   * server holds several. Null: nothing is pushed; the filter fetches its lists instead.
   */
  readonly pihole: { readonly url: string; readonly password: string; readonly schoolUrn: string | null } | null;
  /**
   * Where Microsoft's and Google's sign-in lives (sign-in with a provider, issue 20). Always the real
   * services: no environment variable changes them; tests pass a provider on loopback instead.
   */
  readonly ssoAuthorities: SsoAuthorities;
}

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env, overrides: Partial<Config> = {}): Config {
  const nodeEnv = env.NODE_ENV === 'production' ? 'production' : env.NODE_ENV === 'test' ? 'test' : 'development';
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${env.PORT}"`);
  const baseUrl = (env.BASE_URL ?? `http://localhost:${port}`).replace(/\/$/, '');
  const sessionSecret = env.SESSION_SECRET ?? (nodeEnv === 'production' ? '' : 'development-only-secret-change-me-0123456789');
  if (sessionSecret.length < 32) throw new Error('SESSION_SECRET must be set to at least 32 characters in production');
  const backupKeep = Number(env.BACKUP_KEEP ?? 14);
  if (!Number.isInteger(backupKeep) || backupKeep < 1)
    throw new Error(`BACKUP_KEEP must be a whole number of backups to keep (1 or more), not "${env.BACKUP_KEEP}"`);
  const config: Config = {
    env: nodeEnv,
    port,
    host: env.HOST ?? '0.0.0.0',
    baseUrl,
    dataDir: resolve(env.DATA_DIR ?? './data'),
    storageDir: resolve(env.STORAGE_DIR ?? join(env.DATA_DIR ?? './data', 'storage')),
    databaseUrl: env.DATABASE_URL || null,
    sessionSecret,
    smtpUrl: env.SMTP_URL || null,
    mailFrom: env.MAIL_FROM ?? 'eSafety Office <no-reply@localhost>',
    secureCookies: env.SECURE_COOKIES ? env.SECURE_COOKIES === 'true' : baseUrl.startsWith('https:'),
    trustProxy: env.TRUST_PROXY === 'true',
    logLevel: env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'silent' : 'info'),
    backupDir: env.BACKUP_DIR ? resolve(env.BACKUP_DIR) : null,
    backupKeep,
    notifyApiKey: env.NOTIFY_API_KEY || null,
    notifyBaseUrl: (env.NOTIFY_BASE_URL || 'https://api.notifications.service.gov.uk').replace(/\/$/, ''),
    notifySmsTemplateId: env.NOTIFY_SMS_TEMPLATE_ID || null,
    pihole: piholeFrom(env),
    ssoAuthorities: realAuthorities,
    ...overrides,
  };
  return Object.freeze(config);
}

function piholeFrom(env: Env): Config['pihole'] {
  const url = env.PIHOLE_URL?.trim();
  if (!url) return null;
  if (!/^https?:\/\/[^/]+/.test(url)) throw new Error(`PIHOLE_URL must be the Pi-hole's address, like http://192.168.1.2, not "${url}"`);
  const password = env.PIHOLE_PASSWORD ?? '';
  if (!password) throw new Error('PIHOLE_URL is set: set PIHOLE_PASSWORD to an app password from Pi-hole (Settings, Web interface / API)');
  return {
    url: url
      .replace(/\/+$/, '')
      .replace(/\/admin$/, '')
      .replace(/\/api$/, ''),
    password,
    schoolUrn: env.PIHOLE_SCHOOL?.trim() || null,
  };
}
