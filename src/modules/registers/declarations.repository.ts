import { sql } from 'kysely';
import type { SchoolTx } from '../../platform/db/school-scope.ts';

/** The SQL of staff declarations of pre-existing friendships with carers (REG-4). */
const columns = [
  'd.id',
  'd.staff_id',
  'd.carer_id',
  'd.name',
  'd.platform',
  'd.since',
  'd.note',
  'd.declared_at',
  'd.acknowledged_at',
  's.given_name as staff_given_name',
  's.family_name as staff_family_name',
  'c.given_name as carer_given_name',
  'c.family_name as carer_family_name',
] as const;

const base = (tx: SchoolTx) =>
  tx
    .selectFrom('staff_declarations as d')
    .innerJoin('staff as s', 's.id', 'd.staff_id')
    .leftJoin('carers as c', 'c.id', 'd.carer_id')
    .leftJoin('staff as a', 'a.id', 'd.acknowledged_by')
    .select(columns)
    .select(sql<string | null>`(SELECT a.given_name || ' ' || a.family_name)`.as('acknowledged_by_name'))
    .orderBy('d.declared_at', 'desc');

export const declarationsOf = (tx: SchoolTx, staffId: string) => base(tx).where('d.staff_id', '=', staffId).execute();
export const allDeclarations = (tx: SchoolTx) => base(tx).execute();
export const declarationsAboutCarers = (tx: SchoolTx, carerIds: string[]) =>
  carerIds.length ? base(tx).where('d.carer_id', 'in', carerIds).execute() : Promise.resolve([]);
export type DeclarationRow = Awaited<ReturnType<typeof allDeclarations>>[number];

export function insertDeclaration(
  tx: SchoolTx,
  schoolId: string,
  d: { staffId: string; carerId: string | null; name: string | null; platform: string; since: string; note: string },
) {
  return tx
    .insertInto('staff_declarations')
    .values({ school_id: schoolId, staff_id: d.staffId, carer_id: d.carerId, name: d.name, platform: d.platform, since: d.since, note: d.note })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function acknowledge(tx: SchoolTx, id: string, by: string): Promise<boolean> {
  const done = await tx
    .updateTable('staff_declarations')
    .set({ acknowledged_by: by, acknowledged_at: new Date() })
    .where('id', '=', id)
    .where('acknowledged_at', 'is', null)
    .executeTakeFirst();
  return Number(done.numUpdatedRows) === 1;
}

export async function countUnacknowledged(tx: SchoolTx): Promise<number> {
  const row = await tx
    .selectFrom('staff_declarations')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('acknowledged_at', 'is', null)
    .executeTakeFirstOrThrow();
  return row.n;
}

export function activeCarer(tx: SchoolTx, id: string) {
  return tx.selectFrom('carers').select(['id', 'given_name', 'family_name']).where('id', '=', id).where('active', '=', true).executeTakeFirst();
}

export function activeCarers(tx: SchoolTx) {
  return tx.selectFrom('carers').select(['id', 'given_name', 'family_name']).where('active', '=', true).orderBy('family_name').orderBy('given_name').execute();
}
