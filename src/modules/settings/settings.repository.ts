import type { SchoolTx } from '../../platform/db/school-scope.ts';

/** The school's newest settings version, if it has one. */
export function latestSettings(tx: SchoolTx, schoolId: string) {
  return tx
    .selectFrom('school_settings')
    .select(['version', 'document', 'created_at'])
    .where('school_id', '=', schoolId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** A new settings version (versions are never changed: the table is append-only). */
export function insertSettingsVersion(tx: SchoolTx, row: { schoolId: string; version: number; document: string; createdBy: string | null }) {
  return tx
    .insertInto('school_settings')
    .values({ school_id: row.schoolId, version: row.version, document: row.document, created_by: row.createdBy })
    .returning('created_at')
    .executeTakeFirstOrThrow();
}

/** The latest changes of the settings, newest first, from the audit log. */
export function settingsChanges(tx: SchoolTx, limit: number) {
  return tx
    .selectFrom('audit_log')
    .select(['at', 'actor_label', 'detail'])
    .where('action', '=', 'settings.changed')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
