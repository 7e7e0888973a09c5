import type { SchoolTx } from '../../platform/db/school-scope.ts';

/**
 * The import's own questions outside the roster writers (import.apply.ts and its steps): which
 * classes the school already has, and the uploads kept between preview and confirmation.
 */

/** The MIS identifiers of the school's classes, which a delta's enrolments may refer to. */
export async function knownClassSourcedIds(tx: SchoolTx): Promise<Set<string>> {
  const rows = await tx.selectFrom('classes').select('sourced_id').where('sourced_id', 'is not', null).execute();
  return new Set(rows.map((c) => c.sourced_id!));
}

/** Forgets previews older than `olderThan` that nobody confirmed. */
export async function deleteStalePendingImports(tx: SchoolTx, olderThan: Date): Promise<void> {
  await tx.deleteFrom('pending_imports').where('created_at', '<', olderThan).execute();
}

export function insertPendingImport(
  tx: SchoolTx,
  pending: { schoolId: string; staffId: string; fileName: string; content: Uint8Array; kind?: 'oneroster' | 'csv' },
): Promise<{ id: string }> {
  return tx
    .insertInto('pending_imports')
    .values({
      school_id: pending.schoolId,
      staff_id: pending.staffId,
      file_name: pending.fileName,
      content: pending.content,
      kind: pending.kind ?? 'oneroster',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** A preview this person made since `since`, or undefined. */
export function findPendingImport(tx: SchoolTx, id: string, staffId: string, since: Date) {
  return tx.selectFrom('pending_imports').selectAll().where('id', '=', id).where('staff_id', '=', staffId).where('created_at', '>', since).executeTakeFirst();
}

/** A CSV import's mapping as changed in the preview. */
export async function updatePendingImport(tx: SchoolTx, id: string, content: Uint8Array): Promise<void> {
  await tx.updateTable('pending_imports').set({ content }).where('id', '=', id).execute();
}

export async function deletePendingImport(tx: SchoolTx, id: string): Promise<void> {
  await tx.deleteFrom('pending_imports').where('id', '=', id).execute();
}
