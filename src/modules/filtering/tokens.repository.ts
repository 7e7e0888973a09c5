import { sql } from 'kysely';
import type { SchoolTx } from '../../platform/db/school-scope.ts';
import type { TokenScope } from '../../platform/auth/token-scopes.ts';

/** API tokens as the token page sees them: never the token itself, which is kept only as a hash. */

const fullName = (alias: string) => sql<string>`${sql.ref(`${alias}.given_name`)} || ' ' || ${sql.ref(`${alias}.family_name`)}`;

/** Tokens not revoked, newest first: everyone's, or one holder's. */
export function activeTokens(tx: SchoolTx, holderId: string | null) {
  let query = tx
    .selectFrom('api_tokens as t')
    .innerJoin('staff as s', 's.id', 't.staff_id')
    .select(['t.id', 't.staff_id', 't.scope', 't.label', 't.created_at', 't.last_used_at'])
    .select(fullName('s').as('holder'))
    .where('t.revoked_at', 'is', null);
  if (holderId) query = query.where('t.staff_id', '=', holderId);
  return query.orderBy('t.created_at', 'desc').execute();
}
export type TokenRow = Awaited<ReturnType<typeof activeTokens>>[number];

export async function insertToken(
  tx: SchoolTx,
  values: { schoolId: string; staffId: string; hash: string; scope: TokenScope; label: string },
): Promise<string> {
  const row = await tx
    .insertInto('api_tokens')
    .values({ school_id: values.schoolId, staff_id: values.staffId, token_hash: values.hash, scope: values.scope, label: values.label })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function revokeToken(tx: SchoolTx, id: string): Promise<void> {
  await tx.updateTable('api_tokens').set({ revoked_at: new Date() }).where('id', '=', id).where('revoked_at', 'is', null).execute();
}
