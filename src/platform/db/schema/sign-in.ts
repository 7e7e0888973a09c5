import type { Generated } from 'kysely';

/** Tables of 20261202T1000_sign_in_with_provider. */
export interface SchoolSignInProviderTable {
  school_id: string;
  provider: 'microsoft' | 'google' | 'oidc';
  issuer: string;
  tenant: string | null;
  domain: string | null;
  client_id: string;
  /** AES-GCM under a key from SESSION_SECRET (platform/auth/sso-secret.ts); never logged or audited. */
  client_secret_sealed: string;
  passwords_off: Generated<boolean>;
  provider_mfa: Generated<boolean>;
  updated_at: Generated<Date>;
}

export interface StaffIdentityTable {
  id: Generated<string>;
  school_id: string;
  staff_id: string;
  issuer: string;
  /** The ID token's `sub`; for Microsoft its `oid` (the same person across the tenant's app registrations). */
  subject: string;
  linked_at: Generated<Date>;
  last_signed_in_at: Date | null;
}

export interface OidcSignInRequestTable {
  state_hash: string;
  school_id: string;
  browser_hash: string;
  nonce: string;
  code_verifier: string;
  next: string | null;
  expires_at: Date;
}
