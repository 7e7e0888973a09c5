import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { DB } from '../db/schema.ts';
import { writesActorTables } from './actor-cache.ts';

// Statements are only built here, never sent.
const db = new Kysely<DB>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (k) => new PostgresIntrospector(k),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});
const id = '00000000-0000-0000-0000-000000000000';

/** Which writes make a signed-in person be looked up again on their next request (the rest would leave them as they were for up to 5 s). */
describe('a change that could alter who someone is, or what they may do, forgets every cached sign-in', () => {
  it.each([
    ['a role taken away', db.deleteFrom('staff_roles').where('staff_id', '=', id)],
    ['a role given', db.insertInto('staff_roles').values({ staff_id: id, school_id: id, role: 'dsl' })],
    ['a member of staff leaving', db.updateTable('staff').set({ active: false, updated_at: new Date() }).where('id', '=', id)],
    ['a new password', db.updateTable('staff').set({ password_hash: 'x' }).where('id', '=', id)],
    ['two-factor turned on', db.updateTable('staff').set({ totp_secret: 'x', totp_enabled_at: new Date() }).where('id', '=', id)],
    ['a sign-out', db.deleteFrom('sessions').where('id_hash', '=', 'x')],
    [
      'two-factor passed (a new session id)',
      db.updateTable('sessions').set({ id_hash: 'y', two_factor_done: true, last_seen_at: new Date() }).where('id_hash', '=', 'x'),
    ],
    ['a token revoked', db.updateTable('api_tokens').set({ revoked_at: new Date() }).where('id', '=', id)],
    ['a school setting saved', db.insertInto('school_settings').values({ school_id: id, version: 2, document: '{}' })],
    ['a raw statement', sql`DELETE FROM staff_roles WHERE staff_id = ${id}`],
    [
      'a write inside a WITH',
      db
        .with('gone', (w) => w.deleteFrom('staff_roles').where('staff_id', '=', id).returning('staff_id'))
        .selectFrom('gone')
        .selectAll(),
    ],
  ])('%s', (_, query) => {
    expect(writesActorTables(query.toOperationNode())).toBe(true);
  });

  it.each([
    ['a page read', db.selectFrom('staff').selectAll()],
    [
      'a sign-in (a new session)',
      db.insertInto('sessions').values({ id_hash: 'x', school_id: id, staff_id: id, two_factor_done: false, expires_at: new Date() }),
    ],
    ['a session’s sliding expiry', db.updateTable('sessions').set({ last_seen_at: new Date(), expires_at: new Date() }).where('id_hash', '=', 'x')],
    ['a token’s last use', db.updateTable('api_tokens').set({ last_used_at: new Date() }).where('id', '=', id)],
    ['a two-factor code used', db.updateTable('staff').set({ totp_last_step: '1' }).where('id', '=', id)],
    ['a pupil changed', db.updateTable('pupils').set({ given_name: 'x' }).where('id', '=', id)],
  ])('but not %s', (_, query) => {
    expect(writesActorTables(query.toOperationNode())).toBe(false);
  });
});
