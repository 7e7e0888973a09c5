import type { Role } from './permissions.ts';
import type { TokenScope } from './token-scopes.ts';

export type TwoFactorState = 'done' | 'needs-code' | 'needs-setup' | 'not-required';

/** The signed-in person (or API token holder) a request acts for. */
export interface Actor {
  staffId: string;
  schoolId: string;
  schoolName: string;
  schoolUrn: string;
  name: string;
  email: string;
  roles: Role[];
  via: 'session' | 'token';
  /** Present for sessions, so sign-out and two-factor steps can find the row. */
  sessionHash: string | null;
  twoFactor: TwoFactorState;
  /** For an API token: what it may reach (token-scopes.ts); absent for sessions. */
  tokenScope?: TokenScope;
}

export const auditActor = (actor: Actor) => ({ id: actor.staffId, label: actor.name });

/** Whether this person may use the app yet, or still owes a two-factor step. */
export const isFullySignedIn = (actor: Actor): boolean => actor.twoFactor === 'done' || actor.twoFactor === 'not-required';
