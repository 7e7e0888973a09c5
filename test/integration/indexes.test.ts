import { sql, type RawBuilder } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/platform/db/database.ts';
import { createTestDatabase, databaseKinds } from '../helpers/database.ts';

/**
 * The questions every page asks are answered from an index, not by reading the table. The test
 * databases are small, so the planner is told to avoid sequential scans: what remains in the plan
 * is the index PostgreSQL can use for the query as the code writes it.
 */
const plans: { question: string; index: string; query: RawBuilder<unknown> }[] = [
  {
    question: 'each carer’s latest consent answer for a class (consent.repository decisionsFor)',
    index: 'consent_decisions_latest',
    query: sql`SELECT DISTINCT ON (pupil_id, purpose, carer_id) pupil_id, purpose, decision, carer_id, recorded_at
      FROM consent_decisions WHERE pupil_id IN ('00000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-000000000002')
      ORDER BY pupil_id, purpose, carer_id, recorded_at DESC, id DESC`,
  },
  {
    question: 'who in the school holds a role',
    index: 'staff_roles_role',
    query: sql`SELECT staff_id FROM staff_roles WHERE school_id = '00000000-0000-0000-0000-000000000001' AND role = 'dsl'`,
  },
  {
    question: 'the pupils of a class',
    index: 'pupils_class',
    query: sql`SELECT id FROM pupils WHERE class_id = '00000000-0000-0000-0000-000000000001'`,
  },
  {
    question: 'mail waiting to be sent',
    index: 'outbox_due',
    query: sql`SELECT id FROM outbox WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= now()`,
  },
  {
    question: 'how long a school’s mail has been failing (the home page alert)',
    index: 'outbox_failing',
    query: sql`SELECT min(first_failed_at) FROM outbox WHERE school_id = '00000000-0000-0000-0000-000000000001' AND sent_at IS NULL AND first_failed_at IS NOT NULL`,
  },
];

describe.each(databaseKinds())('the obvious queries use an index (%s)', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(() => database.close());

  it.each(plans)('$question', async ({ index, query }) => {
    const plan = await database.db.transaction().execute(async (tx) => {
      await sql`SET LOCAL enable_seqscan = off`.execute(tx);
      const { rows } = await sql<{ 'QUERY PLAN': string }>`EXPLAIN ${query}`.execute(tx);
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    });
    expect(plan).toContain(index);
  });
});
