import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * The key that seals secret links in the outbox, derived from SESSION_SECRET, which lives in the
 * environment and never in the database: a copy of the database alone (a backup, a stolen disk,
 * a SQL injection) does not reveal a working reset, invitation or consent link. Set once at
 * start-up by the composition roots (buildApp, the background jobs, the CLI).
 */
let sealingKey: Buffer | null = null;

export function configureMailSealing(sessionSecret: string): void {
  sealingKey = Buffer.from(hkdfSync('sha256', sessionSecret, 'esafety-office', 'outbox sealed body v1', 32));
}

function key(): Buffer {
  if (!sealingKey) throw new Error('Mail sealing is not configured (configureMailSealing was not called at start-up)');
  return sealingKey;
}

/** AES-256-GCM: "v1." + base64url(iv | tag | ciphertext). */
export function sealMailBody(text: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(), iv);
  const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return `v1.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
}

export function unsealMailBody(sealed: string): string {
  if (!sealed.startsWith('v1.')) throw new Error('Unknown sealed mail format');
  const raw = Buffer.from(sealed.slice(3), 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key(), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}
