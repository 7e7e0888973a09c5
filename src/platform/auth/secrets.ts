import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

// argon2id; the package's const enum cannot be imported under verbatimModuleSyntax.
const argon2id = 2;

export const hashPassword = (password: string): Promise<string> => hash(password, { algorithm: argon2id });

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) {
    // Same work as a real check, so the answer time does not say whether the account exists.
    await hash(password, { algorithm: argon2id });
    return false;
  }
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** An unguessable token for a link or a cookie; only its hash is stored. */
export const newToken = (bytes = 32): string => randomBytes(bytes).toString('base64url');
export const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');

export function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The rules a new password must meet, as the message a person sees. */
export function passwordProblem(password: string): string | null {
  if (password.length < 12) return 'Enter a password of at least 12 characters';
  if (password.length > 200) return 'Enter a password of at most 200 characters';
  return null;
}
