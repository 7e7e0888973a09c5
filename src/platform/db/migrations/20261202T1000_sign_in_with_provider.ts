import { sql, type Kysely } from 'kysely';
import { isolateBySchool } from '../row-level-security.ts';

/**
 * Sign-in with Microsoft, Google or another OpenID provider (issue 20). Per school: its provider,
 * pinned to the school's own issuer, with the client secret sealed (AES-GCM under a key derived
 * from SESSION_SECRET, so a copy of the database alone does not reveal it); the identities linked
 * to members of staff, by issuer and subject; and each sign-in under way, kept here rather than in
 * the browser, used once and for ten minutes at most. A session says how it was signed in, so the
 * head's record that the provider enforces multi-factor sign-in counts for provider sessions only.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
CREATE TABLE school_sign_in_providers (
  school_id uuid PRIMARY KEY REFERENCES schools(id),
  provider text NOT NULL CHECK (provider IN ('microsoft', 'google', 'oidc')),
  issuer text NOT NULL,
  tenant text,
  domain text,
  client_id text NOT NULL,
  client_secret_sealed text NOT NULL,
  passwords_off boolean NOT NULL DEFAULT false,
  provider_mfa boolean NOT NULL DEFAULT false,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE staff_identities (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  school_id uuid NOT NULL REFERENCES schools(id),
  staff_id uuid NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
  issuer text NOT NULL,
  subject text NOT NULL,
  linked_at timestamptz NOT NULL DEFAULT now(),
  last_signed_in_at timestamptz,
  UNIQUE (school_id, issuer, subject),
  UNIQUE (staff_id, issuer)
);
CREATE TABLE oidc_sign_in_requests (
  state_hash text PRIMARY KEY,
  school_id uuid NOT NULL REFERENCES schools(id),
  browser_hash text NOT NULL,
  nonce text NOT NULL,
  code_verifier text NOT NULL,
  next text,
  expires_at timestamptz NOT NULL
);
CREATE INDEX oidc_sign_in_requests_expiry ON oidc_sign_in_requests (expires_at);
ALTER TABLE sessions ADD COLUMN signed_in_with text NOT NULL DEFAULT 'password' CHECK (signed_in_with IN ('password', 'provider'));
`,
    )
    .execute(db);
  await isolateBySchool(db, 'school_sign_in_providers');
  await isolateBySchool(db, 'staff_identities');
  await isolateBySchool(db, 'oidc_sign_in_requests');
}

export async function down(): Promise<void> {
  throw new Error('The sign-in-with-provider migration cannot be undone');
}
