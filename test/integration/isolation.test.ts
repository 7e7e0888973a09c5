import { CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/platform/db/database.ts';
import { withSchool, type SchoolTx } from '../../src/platform/db/school-scope.ts';
import { runCompiledOnce } from '../../src/platform/db/compiled-once.ts';
import { schoolOwnedTables } from '../../src/platform/db/migrations/20261123T0900_foundation.ts';
import { createImportService } from '../../src/modules/people/import.service.ts';
import { createTestDatabase, databaseKinds } from '../helpers/database.ts';
import { makeSchool } from '../helpers/factories.ts';

const fixture = new URL('../fixtures/oneroster/basic', import.meta.url).pathname;

describe.each(databaseKinds())('row-level security keeps schools apart (%s)', (kind) => {
  let database: Database;
  let schoolA: { id: string };
  let schoolB: { id: string };

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    schoolA = await makeSchool(database.db, { name: 'Alder Primary' });
    schoolB = await makeSchool(database.db, { name: 'Birch Primary' });
    const importer = createImportService(database.schools);
    for (const school of [schoolA, schoolB]) {
      const result = await importer.importFromPath(school.id, { id: null, label: 'test' }, fixture, false);
      expect(result.ok).toBe(true);
    }
  });
  afterAll(() => database.close());

  /** Every table with a school_id, read from the catalogue: a new module's table is covered without being listed. */
  const schoolOwned = async () =>
    (
      await sql<{ table: string }>`SELECT c.relname AS "table" FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'school_id' AND NOT a.attisdropped
      WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY 1`.execute(database.db)
    ).rows.map((r) => r.table);

  it('finds every school-owned table in the catalogue, each with the school isolation policy', async () => {
    const tables = await schoolOwned();
    expect(tables).toEqual(expect.arrayContaining([...schoolOwnedTables, 'concerns', 'consent_decisions', 'photos', 'policies']));
    const { rows } = await sql<{
      table: string;
    }>`SELECT tablename AS "table" FROM pg_policies WHERE schemaname = 'public' AND policyname = 'school_isolation'`.execute(database.db);
    expect(tables.filter((t) => !rows.some((r) => r.table === t))).toEqual([]);
  });

  it('every policy reads the transaction’s school once per statement (a sub-select), not once per row', async () => {
    // Bare, the setting was read and parsed as a UUID for every row looked at: a third of the class page's time in the database.
    const { rows } = await sql<{ table: string; policy: string; qual: string; check: string | null }>`
      SELECT tablename AS "table", policyname AS policy, qual, with_check AS "check" FROM pg_policies
      WHERE schemaname = 'public' AND qual LIKE '%app.school_id%' ORDER BY 1, 2`.execute(database.db);
    expect(rows.length).toBeGreaterThan(schoolOwnedTables.length);
    const readOnce = (rule: string | null) => rule === null || /\(\s*SELECT\b/.test(rule);
    const readPerRow = rows.filter((r) => !readOnce(r.qual) || !readOnce(r.check));
    expect(readPerRow.map((r) => `${r.table}.${r.policy}: ${r.qual}`)).toEqual([]);
  });

  it('a query with no school set sees no rows in any school-owned table', async () => {
    const tables = await schoolOwned();
    await database.db.transaction().execute(async (tx) => {
      await sql`SET LOCAL ROLE app_user`.execute(tx);
      for (const table of [...tables, 'schools']) {
        const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(tx);
        expect(rows[0].n, table).toBe(0);
      }
    });
  });

  it('inside one school’s transaction, no school-owned table shows another school’s rows', async () => {
    const tables = await schoolOwned();
    await withSchool(database.db, schoolA.id, async (tx) => {
      for (const table of tables) {
        const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)} WHERE school_id <> ${schoolA.id}`.execute(tx);
        expect(rows[0].n, table).toBe(0);
      }
    });
  });

  it('a school sees only its own pupils, even when the query forgets to filter', async () => {
    const all = await database.db
      .selectFrom('pupils')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const seenByA = await withSchool(database.db, schoolA.id, (tx) => tx.selectFrom('pupils').select(['school_id']).execute());
    expect(Number(all.n)).toBe(seenByA.length * 2);
    expect(new Set(seenByA.map((p) => p.school_id))).toEqual(new Set([schoolA.id]));
  });

  it('a school cannot write a row into another school', async () => {
    await expect(
      withSchool(database.db, schoolA.id, (tx) => tx.insertInto('classes').values({ school_id: schoolB.id, title: 'Smuggled class' }).execute()),
    ).rejects.toThrow(/row-level security/);
  });

  it('a school cannot change another school’s rows', async () => {
    const result = await withSchool(database.db, schoolA.id, (tx) =>
      tx.updateTable('pupils').set({ family_name: 'Changed' }).where('school_id', '=', schoolB.id).executeTakeFirst(),
    );
    expect(Number(result.numUpdatedRows)).toBe(0);
  });

  it('every table with row-level security binds its owner too (FORCE ROW LEVEL SECURITY)', async () => {
    const { rows } = await sql<{ table: string; forced: boolean }>`SELECT c.relname AS "table", c.relforcerowsecurity AS forced FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relrowsecurity ORDER BY 1`.execute(database.db);
    expect(rows.map((r) => r.table)).toEqual(expect.arrayContaining([...schoolOwnedTables, 'schools', 'concerns', 'consent_decisions', 'photos']));
    expect(rows.filter((r) => !r.forced).map((r) => r.table)).toEqual([]);
    // Every table that has a school_id has row-level security.
    const unprotected = await sql<{ table: string }>`SELECT c.relname AS "table" FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'school_id' WHERE n.nspname = 'public' AND c.relkind = 'r' AND NOT c.relrowsecurity`.execute(
      database.db,
    );
    expect(unprotected.rows).toEqual([]);
  });

  it('an owner that is not a superuser sees one school once the school is set, and every school only outside one', async () => {
    // PGlite and the test server connect as a superuser, who bypasses row-level security: a plain
    // owner role stands for a production installation where the app owns its tables.
    const rollback = new Error('undo the test role and ownership');
    await expect(
      database.db.transaction().execute(async (tx) => {
        await sql`CREATE ROLE esafety_test_owner NOLOGIN`.execute(tx);
        await sql`ALTER TABLE pupils OWNER TO esafety_test_owner`.execute(tx);
        await sql`GRANT USAGE ON SCHEMA public TO esafety_test_owner`.execute(tx);
        await sql`SET LOCAL ROLE esafety_test_owner`.execute(tx);
        // Outside the platform role (which the migrations grant to the account that runs them), no way in.
        const outsider = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pupils`.execute(tx);
        expect(outsider.rows[0].n).toBe(0);
        await sql`RESET ROLE`.execute(tx);
        await sql`GRANT esafety_platform TO esafety_test_owner`.execute(tx);
        await sql`SET LOCAL ROLE esafety_test_owner`.execute(tx);
        const all = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pupils`.execute(tx);
        expect(all.rows[0].n).toBeGreaterThan(0);
        await sql`SELECT set_config('app.school_id', ${schoolA.id}, true)`.execute(tx);
        const inA = await sql<{ school_id: string }>`SELECT DISTINCT school_id FROM pupils`.execute(tx);
        expect(inA.rows).toEqual([{ school_id: schoolA.id }]);
        await expect(sql`INSERT INTO pupils (school_id, given_name, family_name) VALUES (${schoolB.id}, 'Smuggled', 'Pupil')`.execute(tx)).rejects.toThrow(
          /row-level security/,
        );
        throw rollback;
      }),
    ).rejects.toBe(rollback);
  });

  it('the platform’s way in is for the platform role alone, so a school’s own queries can use the school_id indexes', async () => {
    // For app_user, a policy ORed with school isolation made every list read every school's rows.
    const policies = await sql<{ tablename: string; roles: string }>`
      SELECT tablename, roles::text AS roles FROM pg_policies WHERE schemaname = 'public' AND policyname = 'platform_access' ORDER BY tablename`.execute(
      database.db,
    );
    expect(policies.rows.length).toBeGreaterThan(20);
    expect(policies.rows.filter((p) => p.roles !== '{esafety_platform}')).toEqual([]);
  });

  it('nothing run through a school’s transaction can step out of it: RESET ROLE, SET ROLE, set_config and DO are refused', async () => {
    const attempts = [
      sql`RESET ROLE`,
      sql`SET ROLE postgres`,
      sql`set local role none`,
      sql`SET SESSION AUTHORIZATION DEFAULT`,
      sql`RESET ALL`,
      sql`SELECT set_config('app.school_id', ${schoolB.id}, true)`,
      sql`SELECT set_config('role', 'postgres', true)`,
      sql`SELECT 1; RESET ROLE`,
      sql`/* hidden */ RESET ROLE`,
      sql`DO $$ BEGIN EXECUTE 'RESET ROLE'; END $$`,
      sql`SET app.school_id = '00000000-0000-0000-0000-000000000000'`,
    ];
    for (const attempt of attempts) {
      await expect(
        withSchool(database.db, schoolA.id, async (tx) => {
          await attempt.execute(tx);
          return tx.selectFrom('pupils').select('school_id').where('school_id', '=', schoolB.id).execute();
        }),
        attempt.compile(database.db).sql,
      ).rejects.toThrow(/Refused inside a school's transaction/);
    }
    // A statement compiled beforehand and handed to the transaction as it is: no plugin sees it, the connection does.
    await expect(withSchool(database.db, schoolA.id, (tx) => tx.executeQuery(CompiledQuery.raw('RESET ROLE')))).rejects.toThrow(
      /Refused inside a school's transaction/,
    );
    // The query builder's ordinary statements still work, a column called "role" included.
    const roles = await withSchool(database.db, schoolA.id, (tx) => tx.selectFrom('staff_roles').select('role').execute());
    expect(Array.isArray(roles)).toBe(true);
  });

  it('a statement compiled once runs with each call’s values inside the school, and refuses to be reused unsafely', async () => {
    const onRoll = (tx: SchoolTx, classId: string) =>
      runCompiledOnce(tx, `test:pupils-on-roll:${kind}`, { classId }, (v) => {
        builds++;
        return tx.selectFrom('pupils').select(['id', 'school_id']).where('class_id', '=', v.classId).where('on_roll', '=', true).orderBy('id');
      });
    let builds = 0;
    const classes = await withSchool(database.db, schoolA.id, (tx) => tx.selectFrom('classes').select('id').orderBy('title').execute());
    const direct = (classId: string) =>
      withSchool(database.db, schoolA.id, (tx) =>
        tx.selectFrom('pupils').select(['id', 'school_id']).where('class_id', '=', classId).where('on_roll', '=', true).orderBy('id').execute(),
      );
    const environment = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production'; // as a school runs it: built once, not checked again
    try {
      for (const { id } of classes) {
        const { rows } = await withSchool(database.db, schoolA.id, (tx) => onRoll(tx, id));
        expect(rows).toEqual(await direct(id));
      }
      expect(builds).toBe(1);
      expect(new Set((await direct(classes[0].id)).map((p) => p.id))).not.toEqual(new Set((await direct(classes[1].id)).map((p) => p.id)));
      // Another school's transaction sees none of school A's pupils through the same statement.
      const { rows } = await withSchool(database.db, schoolB.id, (tx) => onRoll(tx, classes[0].id));
      expect(rows).toEqual([]);
    } finally {
      process.env.NODE_ENV = environment;
    }
    // Under tests each call builds again and must give the same SQL: a key that misses what shapes it is caught.
    await expect(
      withSchool(database.db, schoolA.id, (tx) =>
        runCompiledOnce(tx, `test:pupils-on-roll:${kind}`, { classId: classes[0].id }, (v) =>
          tx.selectFrom('pupils').select('id').where('class_id', '=', v.classId),
        ),
      ),
    ).rejects.toThrow(/changed: its key or its values miss what shapes it/);
    // A varying value that is not one of the values (here a class id written in as a constant) is caught the same way.
    const constantClass = (classId: string) =>
      withSchool(database.db, schoolA.id, (tx) =>
        runCompiledOnce(tx, `test:constant:${kind}`, { onRoll: 'true' }, (v) =>
          tx
            .selectFrom('pupils')
            .select('id')
            .where('class_id', '=', classId)
            .where(sql<boolean>`on_roll = ${v.onRoll}::boolean`),
        ),
      );
    await constantClass(classes[0].id);
    await expect(constantClass(classes[1].id)).rejects.toThrow(/changed: its key or its values miss what shapes it/);
    // A value written into the SQL's text, or a statement that writes, is never compiled once.
    await expect(
      withSchool(database.db, schoolA.id, (tx) =>
        runCompiledOnce(tx, `test:raw:${kind}`, { classId: classes[0].id }, (v) =>
          tx
            .selectFrom('pupils')
            .select('id')
            .where(sql.raw<boolean>(`class_id = '${v.classId}'`)),
        ),
      ),
    ).rejects.toThrow(/writes a value into its SQL/);
    await expect(
      withSchool(database.db, schoolA.id, (tx) =>
        runCompiledOnce(tx, `test:write:${kind}`, { classId: classes[0].id }, (v) =>
          tx.updateTable('pupils').set({ on_roll: true }).where('class_id', '=', v.classId),
        ),
      ),
    ).rejects.toThrow(/not a plain SELECT/);
  });
});
