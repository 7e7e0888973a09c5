import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit, verifyAuditChain } from '../../src/platform/audit/audit.ts';
import type { Database } from '../../src/platform/db/database.ts';
import { withSchool } from '../../src/platform/db/school-scope.ts';
import { createTestDatabase, databaseKinds } from '../helpers/database.ts';
import { makeSchool } from '../helpers/factories.ts';

describe.each(databaseKinds())('the audit log is append-only and tamper-evident (%s)', (kind) => {
  let database: Database;
  let school: { id: string };

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    school = await makeSchool(database.db);
    await makeSchool(database.db);
    // Concurrent writers must still form one unbroken chain.
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        withSchool(database.db, school.id, (tx) =>
          recordAudit(tx, school.id, { id: null, label: 'Tester' }, { action: 'test.entry', subjectType: 'test', detail: { i, nested: { b: 1, a: [1, 2] } } }),
        ),
      ),
    );
  });
  afterAll(() => database.close());

  it('verifies an intact chain across schools', async () => {
    const check = await verifyAuditChain(database.db);
    expect(check).toMatchObject({ ok: true });
    expect(check.entries).toBeGreaterThanOrEqual(14);
  });

  it('refuses updates and deletes, even from the database owner', async () => {
    await expect(sql`UPDATE audit_log SET action = 'edited'`.execute(database.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log`.execute(database.db)).rejects.toThrow(/append-only/);
  });

  it('the app role may not even try to change an entry', async () => {
    await expect(withSchool(database.db, school.id, (tx) => sql`UPDATE audit_log SET action = 'edited'`.execute(tx))).rejects.toThrow(/permission denied/);
  });

  it('names the first broken entry when someone with full access edits one', async () => {
    const victim = await database.db
      .selectFrom('audit_log')
      .select('id')
      .where('school_id', '=', school.id)
      .orderBy('id')
      .offset(3)
      .limit(1)
      .executeTakeFirstOrThrow();
    await database.db.transaction().execute(async (tx) => {
      await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`.execute(tx);
      await sql`UPDATE audit_log SET detail = '{"i": 99}' WHERE id = ${victim.id}`.execute(tx);
      await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`.execute(tx);
    });
    const check = await verifyAuditChain(database.db);
    expect(check).toMatchObject({ ok: false, brokenId: victim.id, reason: expect.stringMatching(/changed/) });
  });
});

describe.each(databaseKinds())('the audit log cannot be emptied (%s)', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await makeSchool(database.db);
  });
  afterAll(() => database.close());

  it('refuses TRUNCATE, which row triggers never see, even from the database owner', async () => {
    const before = await database.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(before.n)).toBeGreaterThan(0);
    await expect(sql`TRUNCATE audit_log`.execute(database.db)).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE consent_decisions CASCADE`.execute(database.db)).rejects.toThrow(/append-only/);
    const after = await database.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });
});
