import { sql, type Insertable, type Kysely } from 'kysely';
import type { DB, OidcSignInRequestTable, SchoolSignInProviderTable } from '../db/schema.ts';
import type { SchoolTx } from '../db/school-scope.ts';
import type { SsoSetting } from './sso.rules.ts';

/**
 * The SQL of sign-in with a provider. Finding the school's provider and the sign-in under way
 * happens before anyone is known, as the database owner (like auth.repository.ts); linking and
 * matching staff happen inside the school's own transaction.
 */
export type ProviderRow = Omit<SchoolSignInProviderTable, 'passwords_off' | 'provider_mfa' | 'updated_at'> & {
  passwords_off: boolean;
  provider_mfa: boolean;
  updated_at: Date;
};

export interface SchoolProvider extends ProviderRow {
  school_name: string;
  urn: string;
}

const withSchoolName = (db: Kysely<DB>) =>
  db.selectFrom('school_sign_in_providers as p').innerJoin('schools as sc', 'sc.id', 'p.school_id').selectAll('p').select(['sc.name as school_name', 'sc.urn']);

export function providerForUrn(db: Kysely<DB>, urn: string): Promise<SchoolProvider | undefined> {
  return withSchoolName(db).where('sc.urn', '=', urn).executeTakeFirst();
}

export function providerForSchool(db: Kysely<DB>, schoolId: string): Promise<SchoolProvider | undefined> {
  return withSchoolName(db).where('p.school_id', '=', schoolId).executeTakeFirst();
}

/** Every school that signs in with a provider here: one button each on the sign-in page. */
export function signInButtons(db: Kysely<DB>) {
  return db
    .selectFrom('school_sign_in_providers as p')
    .innerJoin('schools as sc', 'sc.id', 'p.school_id')
    .select(['sc.urn', 'sc.name as school_name', 'p.provider'])
    .orderBy('sc.name')
    .execute();
}

export interface SavedProvider {
  change: 'added' | 'changed';
  /**
   * The head's choices switched back off because the issuer changed: "the provider enforces
   * multi-factor sign-in" and "passwords off" were vouched for the old provider, not this one.
   */
  choicesReset: ('passwords-off' | 'provider-mfa')[];
  /**
   * Identities removed because the issuer or the client changed (Microsoft's `sub` differs per app
   * registration, so old links would lock people out): each person links again on their next
   * sign-in, by their MIS e-mail.
   */
  identitiesRemoved: number;
}

export async function saveProvider(tx: SchoolTx, schoolId: string, setting: SsoSetting, sealedSecret: string): Promise<SavedProvider> {
  const before = await tx
    .selectFrom('school_sign_in_providers')
    .select(['issuer', 'client_id', 'passwords_off', 'provider_mfa'])
    .where('school_id', '=', schoolId)
    .executeTakeFirst();
  const issuerChanged = before !== undefined && before.issuer !== setting.issuer;
  const values = {
    provider: setting.provider,
    issuer: setting.issuer,
    tenant: setting.tenant,
    domain: setting.domain,
    client_id: setting.clientId,
    client_secret_sealed: sealedSecret,
    updated_at: new Date(),
    ...(issuerChanged ? { passwords_off: false, provider_mfa: false } : {}),
  };
  await tx
    .insertInto('school_sign_in_providers')
    .values({ school_id: schoolId, ...values })
    .onConflict((oc) => oc.column('school_id').doUpdateSet(values))
    .execute();
  let identitiesRemoved = 0;
  if (before !== undefined && (issuerChanged || before.client_id !== setting.clientId)) {
    const removed = await tx.deleteFrom('staff_identities').where('school_id', '=', schoolId).executeTakeFirst();
    identitiesRemoved = Number(removed.numDeletedRows);
  }
  const choicesReset: SavedProvider['choicesReset'] = [];
  if (issuerChanged && before.passwords_off) choicesReset.push('passwords-off');
  if (issuerChanged && before.provider_mfa) choicesReset.push('provider-mfa');
  return { change: before ? 'changed' : 'added', choicesReset, identitiesRemoved };
}

export async function saveProviderChoices(tx: SchoolTx, schoolId: string, choices: { passwordsOff: boolean; providerMfa: boolean }): Promise<void> {
  await tx
    .updateTable('school_sign_in_providers')
    .set({ passwords_off: choices.passwordsOff, provider_mfa: choices.providerMfa, updated_at: new Date() })
    .where('school_id', '=', schoolId)
    .execute();
}

/**
 * When the head switches passwords off: ends the password sessions of staff linked to the provider
 * (they would otherwise carry on for days), but not the head's own session that made the choice.
 */
export async function endPasswordSessionsOfLinkedStaff(tx: SchoolTx, schoolId: string, issuer: string, keepSessionHash: string | null): Promise<number> {
  let query = tx
    .deleteFrom('sessions')
    .where('school_id', '=', schoolId)
    .where('signed_in_with', '=', 'password')
    .where('staff_id', 'in', (eb) => eb.selectFrom('staff_identities').select('staff_id').where('school_id', '=', schoolId).where('issuer', '=', issuer));
  if (keepSessionHash) query = query.where('id_hash', '!=', keepSessionHash);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function countLinkedStaff(tx: SchoolTx, issuer: string): Promise<number> {
  const row = await tx
    .selectFrom('staff_identities as si')
    .innerJoin('staff as st', 'st.id', 'si.staff_id')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('si.issuer', '=', issuer)
    .where('st.active', '=', true)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

// --- the sign-in under way ---

export async function saveSignInRequest(db: Kysely<DB>, row: Insertable<OidcSignInRequestTable>): Promise<void> {
  await db.deleteFrom('oidc_sign_in_requests').where('expires_at', '<', new Date()).execute();
  await db.insertInto('oidc_sign_in_requests').values(row).execute();
}

/** Takes the sign-in under way for this state, once: a second callback with it finds nothing. */
export function takeSignInRequest(db: Kysely<DB>, stateHash: string) {
  return db.deleteFrom('oidc_sign_in_requests').where('state_hash', '=', stateHash).returningAll().executeTakeFirst();
}

// --- staff and their identities, inside the school ---

export function staffByIdentity(tx: SchoolTx, issuer: string, subject: string) {
  return tx
    .selectFrom('staff_identities as si')
    .innerJoin('staff as st', 'st.id', 'si.staff_id')
    .select(['st.id', 'st.active', 'si.id as identity_id'])
    .where('si.issuer', '=', issuer)
    .where('si.subject', '=', subject)
    .executeTakeFirst();
}

/** Members of staff whose MIS e-mail is this address, imported or not (the service decides), and whether they already have an identity at this issuer. */
export function staffByEmail(tx: SchoolTx, email: string, issuer: string) {
  return tx
    .selectFrom('staff as st')
    .select(['st.id', 'st.active', 'st.sourced_id', 'st.given_name', 'st.family_name'])
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('staff_identities as si')
            .select(sql`1`.as('one'))
            .whereRef('si.staff_id', '=', 'st.id')
            .where('si.issuer', '=', issuer),
        )
        .as('linked'),
    )
    .where(sql`lower(st.email)`, '=', email.trim().toLowerCase())
    .execute();
}

/** `esafety sso unlink`: the provider identities of the school's staff with this MIS e-mail; returns who lost one. */
export async function unlinkByEmail(tx: SchoolTx, schoolId: string, email: string) {
  const staff = await tx
    .selectFrom('staff')
    .select(['id', 'given_name', 'family_name'])
    .where('school_id', '=', schoolId)
    .where(sql`lower(email)`, '=', email.trim().toLowerCase())
    .execute();
  const removed: { id: string; label: string; identities: number }[] = [];
  for (const person of staff) {
    const result = await tx.deleteFrom('staff_identities').where('staff_id', '=', person.id).executeTakeFirst();
    removed.push({ id: person.id, label: `${person.given_name} ${person.family_name}`, identities: Number(result.numDeletedRows) });
  }
  return removed;
}

/**
 * Links the identity to the member of staff. Two callbacks finishing the same first sign-in at once
 * both try: the one that loses finds the winner's row (read committed) and is 'linked' when it is
 * this person with this subject, 'taken' otherwise, rather than failing on the unique constraint.
 */
export async function linkIdentity(tx: SchoolTx, schoolId: string, staffId: string, issuer: string, subject: string): Promise<'linked' | 'taken'> {
  const inserted = await tx
    .insertInto('staff_identities')
    .values({ school_id: schoolId, staff_id: staffId, issuer, subject, last_signed_in_at: new Date() })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) return 'linked';
  const existing = await tx
    .selectFrom('staff_identities')
    .select(['staff_id', 'subject'])
    .where('school_id', '=', schoolId)
    .where('issuer', '=', issuer)
    .where((eb) => eb.or([eb('subject', '=', subject), eb('staff_id', '=', staffId)]))
    .execute();
  return existing.length > 0 && existing.every((row) => row.staff_id === staffId && row.subject === subject) ? 'linked' : 'taken';
}

export async function identityUsed(tx: SchoolTx, identityId: string): Promise<void> {
  await tx.updateTable('staff_identities').set({ last_signed_in_at: new Date() }).where('id', '=', identityId).execute();
}

/**
 * Whether this person must use the provider: the head has switched passwords off and they have
 * signed in with the school's provider at least once.
 */
export async function passwordsOffFor(db: Kysely<DB>, staffId: string): Promise<{ provider: SchoolProvider['provider'] } | undefined> {
  return db
    .selectFrom('staff_identities as si')
    .innerJoin('school_sign_in_providers as p', (join) => join.onRef('p.school_id', '=', 'si.school_id').onRef('p.issuer', '=', 'si.issuer'))
    .select('p.provider')
    .where('si.staff_id', '=', staffId)
    .where('p.passwords_off', '=', true)
    .executeTakeFirst();
}
