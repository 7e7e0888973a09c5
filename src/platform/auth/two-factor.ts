import { generateSecret, generateURI, verify } from 'otplib';
import { randomBytes } from 'node:crypto';
import { hashPassword, verifyPassword } from './secrets.ts';

export const newTotpSecret = (): string => generateSecret();

export const totpUri = (secret: string, account: string, issuer: string): string => generateURI({ issuer, label: account, secret });

/**
 * The time step of a valid code, or null. A code of a step at or before `afterStep` (the last
 * one this person used) is refused, so a code seen over someone's shoulder cannot be used again.
 */
export async function acceptTotpCode(secret: string, code: string, afterStep: number | null = null): Promise<number | null> {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  // One step either side forgives a phone clock that is a little out.
  try {
    const result = await verify({ secret, token, epochTolerance: 30, ...(afterStep === null ? {} : { afterTimeStep: afterStep }) });
    return result.valid && 'timeStep' in result ? result.timeStep : null;
  } catch {
    // The last step used lies beyond this window (a clock set back): nothing can be accepted yet.
    return null;
  }
}

export async function totpCodeIsValid(secret: string, code: string): Promise<boolean> {
  return (await acceptTotpCode(secret, code)) !== null;
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
