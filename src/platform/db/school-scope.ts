import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from './schema.ts';

/** A transaction in which only one school's rows exist (row-level security as `app_user`). */
export type SchoolTx = Transaction<DB> & { readonly __schoolScoped: true };

/**
 * Runs `work` in a transaction as the unprivileged `app_user` role with the school set, so
 * PostgreSQL itself hides every other school's rows even if a query forgets its filter.
 */
export async function withSchool<T>(db: Kysely<DB>, schoolId: string, work: (tx: SchoolTx) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (tx) => {
    await sql`SET LOCAL ROLE app_user`.execute(tx);
    await sql`SELECT set_config('app.school_id', ${schoolId}, true)`.execute(tx);
    return work(tx as SchoolTx);
  });
}
