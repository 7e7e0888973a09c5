import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/platform/db/database.ts';
import { withSchool } from '../../src/platform/db/school-scope.ts';
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
    const importer = createImportService(database.db);
    for (const school of [schoolA, schoolB]) {
      const result = await importer.importFromPath(school.id, { id: null, label: 'test' }, fixture, false);
      expect(result.ok).toBe(true);
    }
  });
  afterAll(() => database.close());

  it('a query with no school set sees no rows in any school-owned table', async () => {
    await database.db.transaction().execute(async (tx) => {
      await sql`SET LOCAL ROLE app_user`.execute(tx);
      for (const table of [...schoolOwnedTables, 'schools']) {
        const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(tx);
        expect(rows[0].n, table).toBe(0);
      }
    });
  });

  it('a school sees only its own pupils, even when the query forgets to filter', async () => {
    const all = await database.db.selectFrom('pupils').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const seenByA = await withSchool(database.db, schoolA.id, (tx) => tx.selectFrom('pupils').select(['school_id']).execute());
    expect(Number(all.n)).toBe(seenByA.length * 2);
    expect(new Set(seenByA.map((p) => p.school_id))).toEqual(new Set([schoolA.id]));
  });

  it('a school cannot write a row into another school', async () => {
    await expect(withSchool(database.db, schoolA.id, (tx) =>
      tx.insertInto('classes').values({ school_id: schoolB.id, title: 'Smuggled class' }).execute())).rejects.toThrow(/row-level security/);
  });

  it('a school cannot change another school’s rows', async () => {
    const result = await withSchool(database.db, schoolA.id, (tx) =>
      tx.updateTable('pupils').set({ family_name: 'Changed' }).where('school_id', '=', schoolB.id).executeTakeFirst());
    expect(Number(result.numUpdatedRows)).toBe(0);
  });
});
