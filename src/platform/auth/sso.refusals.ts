/**
 * Sign-ins with the school's provider that did not let the person in: why (counted in the audit and server logs), and
 * the plain words the person sees for each reason.
 */
import * as oidc from 'openid-client';
import { buttonText, type SsoProvider } from './sso.rules.ts';

/** Why a sign-in with the provider was refused: counted in the school's audit log and the server log. */
export type RefusalReason =
  | 'unknown-state'
  | 'expired'
  | 'other-browser'
  | 'provider-error'
  | 'provider-unreachable'
  | 'issuer-mismatch'
  | 'nonce-mismatch'
  | 'token-refused'
  | 'other-domain'
  | 'guest'
  | 'unverified-email'
  | 'no-email'
  | 'no-match'
  | 'not-imported'
  | 'already-linked'
  | 'leaver';

/** A sign-in with the provider that did not let the person in, with the words they see. */
export class SignInRefused extends Error {
  constructor(
    readonly reason: RefusalReason,
    message: string,
    /** The library's own words, for the server log only. */
    readonly detail: string | null = null,
  ) {
    super(message);
  }
}

const startAgain = 'Signing in did not finish. Go back to the sign-in page and start again.';
const askTheOffice = 'We could not find you among your school’s staff: ask the office to check your school e-mail in the MIS.';

export function refusalFor(reason: RefusalReason, provider: SsoProvider | null, passwordsOff = false): string {
  switch (reason) {
    case 'no-match':
    case 'not-imported':
      return askTheOffice;
    case 'leaver':
      return 'Your account at this school has been closed because you have left. If that is wrong, ask the office.';
    case 'other-domain':
      return 'That account does not belong to your school. Sign in with your school account, not a personal one.';
    case 'guest':
      return 'Guest accounts cannot sign in: use your school account.';
    case 'unverified-email':
    case 'no-email':
      return 'Your school account did not tell us a confirmed e-mail address. Ask whoever runs your school’s accounts to check it.';
    case 'already-linked':
      return 'Another account at your school’s provider is already used to sign in as you. Ask the office to check your school e-mail in the MIS.';
    case 'provider-unreachable':
      return `${provider ? buttonText(provider).replace('Sign in with', 'Signing in with') : 'Signing in'} is not working at the moment. ${
        // With passwords off for those who use the provider, a password is no way in: do not send them to one.
        passwordsOff
          ? 'Try again later; if it goes on, tell whoever runs your school’s accounts.'
          : 'Sign in with your e-mail address and password, or try again later.'
      }`;
    case 'provider-error':
      return 'Your school’s provider did not sign you in. Go back to the sign-in page and try again.';
    case 'unknown-state':
    case 'expired':
    case 'other-browser':
    case 'issuer-mismatch':
    case 'nonce-mismatch':
    case 'token-refused':
      return startAgain;
  }
}

/** The messages and the named claim or parameter of an error and its causes (openid-client wraps oauth4webapi's). */
export function causesOf(error: unknown): { messages: string[]; names: unknown[] } {
  const messages: string[] = [];
  const names: unknown[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    messages.push(current.message);
    const cause = current.cause as { claim?: unknown; attribute?: unknown; error?: unknown; error_description?: unknown } | undefined;
    if (cause && typeof cause === 'object') {
      names.push(cause.claim, cause.attribute);
      if (typeof cause.error === 'string') messages.push(`${cause.error}${typeof cause.error_description === 'string' ? `: ${cause.error_description}` : ''}`);
    }
    current = cause;
  }
  return { messages, names };
}

/** What openid-client's refusal was about, in our reasons (the details go to the server log). */
export function reasonOf(error: unknown): RefusalReason {
  const { messages, names } = causesOf(error);
  if (names.includes('nonce') || messages.some((m) => m.includes('"nonce"'))) return 'nonce-mismatch';
  if (names.includes('iss') || messages.some((m) => m.includes('"iss"'))) return 'issuer-mismatch';
  if (error instanceof oidc.AuthorizationResponseError) return 'provider-error';
  return 'token-refused';
}
