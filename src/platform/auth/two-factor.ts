import { generateSecret, generateURI, verify } from 'otplib';
import { randomBytes } from 'node:crypto';
import { hashPassword, verifyPassword } from './secrets.ts';

export const newTotpSecret = (): string => generateSecret();

export const totpUri = (secret: string, account: string, issuer: string): string =>
  generateURI({ issuer, label: account, secret });

export async function totpCodeIsValid(secret: string, code: string): Promise<boolean> {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return false;
  // One step either side forgives a phone clock that is a little out.
  const result = await verify({ secret, token, epochTolerance: 30 });
  return result.valid;
}

/** Ten one-use recovery codes, shown once; only their hashes are kept. */
export async function newRecoveryCodes(): Promise<{ codes: string[]; hashes: string[] }> {
  const codes = Array.from({ length: 10 }, () => {
    const raw = randomBytes(5).toString('hex');
    return `${raw.slice(0, 5)}-${raw.slice(5)}`;
  });
  return { codes, hashes: await Promise.all(codes.map((c) => hashPassword(c))) };
}

/** Returns the remaining hashes when the code matched one, or null. */
export async function useRecoveryCode(hashes: string[], code: string): Promise<string[] | null> {
  const cleaned = code.trim().toLowerCase();
  for (const [index, stored] of hashes.entries()) {
    if (await verifyPassword(stored, cleaned)) return hashes.filter((_, i) => i !== index);
  }
  return null;
}
