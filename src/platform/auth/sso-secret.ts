import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * The provider's client secret must be readable by the app (it is sent to the token endpoint), so
 * it is sealed rather than hashed: AES-256-GCM under a key derived from SESSION_SECRET, which lives
 * in the environment and never in the database. A copy of the database alone (a backup, a stolen
 * disk) does not reveal it; changing SESSION_SECRET means running `esafety sso set` again.
 */
const keyFor = (sessionSecret: string): Buffer => Buffer.from(hkdfSync('sha256', sessionSecret, 'esafety-office', 'sso client secret v1', 32));

/** "v1." + base64url(iv | tag | ciphertext). */
export function sealClientSecret(sessionSecret: string, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFor(sessionSecret), iv);
  const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return `v1.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
}

export function unsealClientSecret(sessionSecret: string, sealed: string): string {
  if (!sealed.startsWith('v1.')) throw new Error('Unknown sealed client secret format');
  const raw = Buffer.from(sealed.slice(3), 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', keyFor(sessionSecret), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}
