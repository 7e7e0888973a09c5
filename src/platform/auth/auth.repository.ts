import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { isRole, safeguardingRoles, type Role } from './permissions.ts';
import type { Actor, TwoFactorState } from './actor.ts';

/**
 * Sign-in, sessions and tokens are found before any school is known, so these queries run as
 * the database owner (outside row-level security). Everything after runs inside `withSchool`.
 */
export interface AccountRow {
  id: string;
  school_id: string;
  password_hash: string | null;
  totp_enabled_at: Date | null;
}

export function findAccountsByEmail(db: Kysely<DB>, email: string): Promise<AccountRow[]> {
  return db
    .selectFrom('staff')
    .select(['id', 'school_id', 'password_hash', 'totp_enabled_at'])
    .where(sql`lower(email)`, '=', email.trim().toLowerCase())
    .where('active', '=', true)
    .execute();
}

function twoFactorState(roles: Role[], totpEnabled: boolean, done: boolean, requiredForAll: boolean, providerMfa = false): TwoFactorState {
  // Signed in with the school's provider, which the head has recorded enforces multi-factor sign-in.
  if (providerMfa) return totpEnabled ? 'done' : 'not-required';
  if (totpEnabled) return done ? 'done' : 'needs-code';
  const required = requiredForAll || roles.some((r) => safeguardingRoles.includes(r));
  return required ? 'needs-setup' : 'not-required';
}

const requireAllSetting = sql<boolean | null>`(
  SELECT (ss.document -> 'security' ->> 'requireTwoFactorForAllStaff')::boolean FROM school_settings ss
  WHERE ss.school_id = st.school_id ORDER BY ss.version DESC LIMIT 1)`;

/** Whether the head has recorded that the school's provider enforces multi-factor sign-in (sso.service.ts). */
const providerMfaSetting = sql<boolean | null>`(SELECT p.provider_mfa FROM school_sign_in_providers p WHERE p.school_id = st.school_id)`;

const roleList = sql<string[]>`coalesce((SELECT array_agg(r.role ORDER BY r.role) FROM staff_roles r WHERE r.staff_id = st.id), '{}')`;

function actorQuery(db: Kysely<DB>) {
  return db
    .selectFrom('staff as st')
    .innerJoin('schools as sc', 'sc.id', 'st.school_id')
    .select(['st.id', 'st.school_id', 'st.given_name', 'st.family_name', 'st.email', 'st.totp_enabled_at', 'sc.name as school_name', 'sc.urn'])
    .select(roleList.as('roles'))
    .select(requireAllSetting.as('require_all'))
    .where('st.active', '=', true);
}

type ActorRow = NonNullable<Awaited<ReturnType<ReturnType<typeof actorQuery>['executeTakeFirst']>>>;

function toActor(row: ActorRow, via: Actor['via'], sessionHash: string | null, twoFactorDone: boolean, providerMfa = false): Actor {
  const roles = row.roles.filter(isRole);
  return {
    staffId: row.id,
    schoolId: row.school_id,
    schoolName: row.school_name,
    schoolUrn: row.urn,
    name: `${row.given_name} ${row.family_name}`,
    email: row.email ?? '',
    roles,
    via,
    sessionHash,
    twoFactor: via === 'token' ? 'not-required' : twoFactorState(roles, row.totp_enabled_at !== null, twoFactorDone, row.require_all === true, providerMfa),
  };
}

export const sessionIdleHours = 12;
export const sessionMaxDays = 7;

export async function createSession(
  db: Kysely<DB>,
  account: { id: string; school_id: string },
  idHash: string,
  twoFactorDone: boolean,
  signedInWith: 'password' | 'provider' = 'password',
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id_hash: idHash,
      school_id: account.school_id,
      staff_id: account.id,
      two_factor_done: twoFactorDone,
      signed_in_with: signedInWith,
      expires_at: new Date(Date.now() + sessionIdleHours * 3600_000),
    })
    .execute();
}

/** The person behind a session cookie, in one query (security.ts keeps it for a few seconds: actor-cache.ts). */
export async function actorForSession(db: Kysely<DB>, idHash: string): Promise<Actor | null> {
  return (await sessionActor(db, idHash)).actor;
}

/** The person behind a session cookie, and until when the session itself holds (idle or maximum age). */
export async function sessionActor(db: Kysely<DB>, idHash: string): Promise<{ actor: Actor | null; validUntil: number }> {
  const row = await actorQuery(db)
    .innerJoin('sessions as se', 'se.staff_id', 'st.id')
    .select(['se.two_factor_done', 'se.created_at as session_created_at', 'se.last_seen_at', 'se.expires_at', 'se.signed_in_with'])
    .select(providerMfaSetting.as('provider_mfa'))
    .where('se.id_hash', '=', idHash)
    .executeTakeFirst();
  if (!row) return { actor: null, validUntil: 0 };
  const now = Date.now();
  const validUntil = Math.min(row.expires_at.getTime(), row.session_created_at.getTime() + sessionMaxDays * 86400_000);
  if (validUntil < now) {
    await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
    return { actor: null, validUntil: 0 };
  }
  // Sliding expiry, written at most every five minutes to keep page views read-only.
  if (now - row.last_seen_at.getTime() > 5 * 60_000) {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: new Date(now), expires_at: new Date(now + sessionIdleHours * 3600_000) })
      .where('id_hash', '=', idHash)
      .execute();
  }
  return { actor: toActor(row, 'session', idHash, row.two_factor_done, row.signed_in_with === 'provider' && row.provider_mfa === true), validUntil };
}

export async function markSessionTwoFactorDone(db: Kysely<DB>, oldHash: string, newHash: string): Promise<void> {
  // A new session id after each privilege step, so a fixed or stolen earlier id is worthless.
  await db.updateTable('sessions').set({ id_hash: newHash, two_factor_done: true, last_seen_at: new Date() }).where('id_hash', '=', oldHash).execute();
}

export async function deleteSession(db: Kysely<DB>, idHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

export async function deleteSessionsOf(db: Kysely<DB>, staffId: string): Promise<void> {
  await db.deleteFrom('sessions').where('staff_id', '=', staffId).execute();
}

/** The person behind an API token, in one query. */
export async function actorForToken(db: Kysely<DB>, hash: string): Promise<Actor | null> {
  const row = await actorQuery(db)
    .innerJoin('api_tokens as tk', 'tk.staff_id', 'st.id')
    .select(['tk.id as token_id', 'tk.last_used_at', 'tk.scope'])
    .where('tk.token_hash', '=', hash)
    .where('tk.revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row) return null;
  if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > 60_000) {
    await db.updateTable('api_tokens').set({ last_used_at: new Date() }).where('id', '=', row.token_id).execute();
  }
  return { ...toActor(row, 'token', null, false), tokenScope: row.scope };
}

// --- throttling: counted in the database so every app instance sees the same attempts ---

/**
 * Counts one more attempt for the key and returns the count in the current window, in one
 * statement: ten requests at once get 1…10, never ten times 1. The window starts again once it
 * has passed.
 */
export async function countAttempt(db: Kysely<DB>, key: string, windowMinutes: number): Promise<number> {
  const row = await db
    .insertInto('sign_in_counters')
    .values({ key, count: 1 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        count: sql`CASE WHEN sign_in_counters.window_started_at > now() - make_interval(mins => ${windowMinutes}) THEN sign_in_counters.count + 1 ELSE 1 END`,
        window_started_at: sql`CASE WHEN sign_in_counters.window_started_at > now() - make_interval(mins => ${windowMinutes}) THEN sign_in_counters.window_started_at ELSE now() END`,
      }),
    )
    .returning('count')
    .executeTakeFirstOrThrow();
  return row.count;
}

/** Gives back an attempt that turned out to be a success (so only failures count against an address). */
export async function uncountAttempt(db: Kysely<DB>, key: string): Promise<void> {
  await db
    .updateTable('sign_in_counters')
    .set({ count: sql`greatest(count - 1, 0)` })
    .where('key', '=', key)
    .execute();
}

export async function resetAttempts(db: Kysely<DB>, key: string): Promise<void> {
  await db.deleteFrom('sign_in_counters').where('key', '=', key).execute();
  await db
    .deleteFrom('sign_in_counters')
    .where('window_started_at', '<', new Date(Date.now() - 86400_000))
    .execute();
}

/** Takes a TOTP time step as used, unless this or a later one already was (two requests at once: one wins). */
export async function useTotpStep(db: Kysely<DB>, staffId: string, step: number): Promise<boolean> {
  const result = await db
    .updateTable('staff')
    .set({ totp_last_step: String(step) })
    .where('id', '=', staffId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', String(step))]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

// The per-row log below is still used by the consent links' throttle.
export async function recentAttempts(db: Kysely<DB>, key: string, minutes: number): Promise<number> {
  const row = await db
    .selectFrom('sign_in_attempts')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('key', '=', key)
    .where('at', '>', new Date(Date.now() - minutes * 60_000))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function recordAttempt(db: Kysely<DB>, keys: string[]): Promise<void> {
  await db
    .insertInto('sign_in_attempts')
    .values(keys.map((key) => ({ key })))
    .execute();
  await db
    .deleteFrom('sign_in_attempts')
    .where('at', '<', new Date(Date.now() - 86400_000))
    .execute();
}

export async function clearAttempts(db: Kysely<DB>, key: string): Promise<void> {
  await db.deleteFrom('sign_in_attempts').where('key', '=', key).execute();
}
