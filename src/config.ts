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
  /**
   * STORAGE_DRIVER: `folder` (the default) keeps photographs under STORAGE_DIR; `s3` keeps them in
   * a private bucket of an S3-compatible store (the S3_* variables, in `s3`).
   */
  readonly storageDriver: 'folder' | 's3';
  /** The bucket, when STORAGE_DRIVER=s3; null otherwise. */
  readonly s3: S3Config | null;
  readonly databaseUrl: string | null;
  /**
   * Where the embedded database runs (PGLITE_THREAD): on its own thread (`worker`, the default), so
   * pages keep rendering while it works, or on the main thread (`main`, for comparison).
   */
  readonly pgliteThread: 'worker' | 'main';
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

/** An S3-compatible bucket: S3_ENDPOINT, S3_REGION, S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY, S3_FORCE_PATH_STYLE. */
export interface S3Config {
  readonly endpoint: string;
  readonly region: string;
  readonly bucket: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** Addresses the bucket as ENDPOINT/BUCKET rather than BUCKET.ENDPOINT (MinIO, Garage, Ceph and most stores on a school's own server want this). */
  readonly forcePathStyle: boolean;
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
  const storageDriver = (env.STORAGE_DRIVER ?? 'folder').trim() || 'folder';
  if (storageDriver !== 'folder' && storageDriver !== 's3') throw new Error(`STORAGE_DRIVER must be "folder" or "s3", not "${env.STORAGE_DRIVER}"`);
  const config: Config = {
    env: nodeEnv,
    port,
    host: env.HOST ?? '0.0.0.0',
    baseUrl,
    dataDir: resolve(env.DATA_DIR ?? './data'),
    storageDir: resolve(env.STORAGE_DIR ?? join(env.DATA_DIR ?? './data', 'storage')),
    storageDriver,
    s3: storageDriver === 's3' ? s3ConfigFrom(env) : null,
    databaseUrl: env.DATABASE_URL || null,
    pgliteThread: pgliteThreadFrom(env.PGLITE_THREAD),
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

function pgliteThreadFrom(value: string | undefined): Config['pgliteThread'] {
  if (value === undefined || value === '' || value === 'worker') return 'worker';
  if (value === 'main') return 'main';
  throw new Error(`PGLITE_THREAD must be "worker" or "main", not "${value}"`);
}

/**
 * The bucket from the S3_* variables; each missing or malformed one is named. Used when
 * STORAGE_DRIVER=s3, and by `esafety storage copy --to s3` before the driver is switched.
 */
export function s3ConfigFrom(env: Env): S3Config {
  const required = (name: string, what: string) => {
    const value = env[name]?.trim();
    if (!value) throw new Error(`${name} must be set when photographs are kept in S3-compatible storage: ${what}`);
    return value;
  };
  const endpoint = required('S3_ENDPOINT', "the store's address, like https://s3.eu-west-2.amazonaws.com or http://127.0.0.1:9000").replace(/\/+$/, '');
  let parsed: URL | null = null;
  try {
    parsed = new URL(endpoint);
  } catch {
    parsed = null;
  }
  if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') || parsed.search || parsed.hash)
    throw new Error(`S3_ENDPOINT must be the store's address, like https://s3.eu-west-2.amazonaws.com or http://127.0.0.1:9000, not "${env.S3_ENDPOINT}"`);
  const region = required('S3_REGION', 'the region, like eu-west-2 (stores that have none usually accept us-east-1)');
  const bucket = required('S3_BUCKET', 'the name of the private bucket for photographs');
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket))
    throw new Error(`S3_BUCKET must be a bucket name (3 to 63 lower-case letters, digits, dots and hyphens), not "${bucket}"`);
  const accessKeyId = required('S3_ACCESS_KEY_ID', 'the access key of an account that may read, write and delete in the bucket');
  const secretAccessKey = required('S3_SECRET_ACCESS_KEY', "that access key's secret");
  const forcePathStyle = (env.S3_FORCE_PATH_STYLE ?? 'false').trim().toLowerCase();
  if (forcePathStyle !== 'true' && forcePathStyle !== 'false')
    throw new Error(`S3_FORCE_PATH_STYLE must be "true" or "false" (true for most stores on your own server, such as MinIO), not "${env.S3_FORCE_PATH_STYLE}"`);
  return { endpoint, region, bucket, accessKeyId, secretAccessKey, forcePathStyle: forcePathStyle === 'true' };
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
