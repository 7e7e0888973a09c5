import { sql, type Kysely } from 'kysely';

/**
 * The class page asks whether the school has any ban in force before it looks up the class's
 * pupils one by one (FLT-4, oversight.repository.ts): on most days there is none. This index keeps
 * that question to one look-up in a trust's database, where the table holds every school's bans.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX computer_bans_in_force ON computer_bans (school_id, ends_on) WHERE lifted_at IS NULL`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX computer_bans_in_force`.execute(db);
}
