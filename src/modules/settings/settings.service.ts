import { Value } from 'typebox/value';
import { recordAudit, type Actor } from '../../platform/audit/audit.ts';
import type { SchoolTx } from '../../platform/db/school-scope.ts';
import { ValidationError } from '../../platform/http/errors.ts';
import { defaultSettings } from './settings.defaults.ts';
import { PolicySettings } from './settings.schema.ts';
import { settingsProblems, withDefaults } from './settings.rules.ts';

export interface SettingsVersion {
  version: number;
  settings: PolicySettings;
  createdAt: Date;
}

/** Checks a settings document and says which field is wrong, in the document's own paths. */
export function validateSettings(document: unknown): PolicySettings {
  if (Value.Check(PolicySettings, document)) {
    const problems = settingsProblems(document);
    if (problems.length) throw new ValidationError(problems);
    return document;
  }
  const problems = Value.Errors(PolicySettings, document).slice(0, 20).map((e) => ({
    field: e.instancePath || '/',
    message: `${e.instancePath || 'settings'}: ${e.message}`,
  }));
  throw new ValidationError(problems);
}

export async function currentSettings(tx: SchoolTx, schoolId: string): Promise<SettingsVersion> {
  const row = await tx.selectFrom('school_settings').select(['version', 'document', 'created_at'])
    .where('school_id', '=', schoolId).orderBy('version', 'desc').limit(1).executeTakeFirst();
  if (!row) return { version: 0, settings: defaultSettings, createdAt: new Date(0) };
  // A document stored before a field existed still loads: the field reads its default.
  return { version: row.version, settings: withDefaults(row.document as PolicySettings), createdAt: row.created_at };
}

/** Top-level sections whose value differs, for the audit entry and the "what changed" view. */
export function changedSections(before: PolicySettings, after: PolicySettings): string[] {
  return (Object.keys(after) as (keyof PolicySettings)[]).filter(
    (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  );
}

/** Settings are never edited in place: each change is a new version, audited. */
export async function saveSettings(tx: SchoolTx, schoolId: string, actor: Actor, document: unknown): Promise<SettingsVersion> {
  const settings = validateSettings(document);
  const previous = await currentSettings(tx, schoolId);
  const version = previous.version + 1;
  const row = await tx.insertInto('school_settings')
    .values({ school_id: schoolId, version, document: JSON.stringify(settings), created_by: actor.id })
    .returning('created_at').executeTakeFirstOrThrow();
  await recordAudit(tx, schoolId, actor, {
    action: 'settings.changed', subjectType: 'settings', subjectId: String(version),
    detail: { version, changed: previous.version === 0 ? ['all'] : changedSections(previous.settings, settings) },
  });
  return { version, settings, createdAt: row.created_at };
}
