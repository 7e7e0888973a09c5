import { Value } from 'typebox/value';
import { recordAudit, type Actor } from '../../platform/audit/audit.ts';
import { requireAccess } from '../../platform/auth/access.ts';
import { auditActor, type Actor as Person } from '../../platform/auth/actor.ts';
import { withSchool, type SchoolDatabase } from '../../platform/db/school-database.ts';
import type { SchoolTx } from '../../platform/db/school-scope.ts';
import { ValidationError } from '../../platform/http/errors.ts';
import { academicYearsWithTerms } from '../school/school.repository.ts';
import { sections, type Form, type SectionKey } from './settings-editor.forms.ts';
import { defaultSettings } from './settings.defaults.ts';
import * as repo from './settings.repository.ts';
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
  const problems = Value.Errors(PolicySettings, document)
    .slice(0, 20)
    .map((e) => ({
      field: e.instancePath || '/',
      message: `${e.instancePath || 'settings'}: ${e.message}`,
    }));
  throw new ValidationError(problems);
}

export async function currentSettings(tx: SchoolTx, schoolId: string): Promise<SettingsVersion> {
  return settingsVersionOf(await repo.latestSettings(tx, schoolId));
}

/** A stored settings row as the version it is (none stored: the defaults, version 0), for a read that fetched it with other things. */
export function settingsVersionOf(row: { version: number; document: unknown; created_at: Date } | undefined | null): SettingsVersion {
  if (!row) return { version: 0, settings: defaultSettings, createdAt: new Date(0) };
  // A document stored before a field existed still loads: the field reads its default.
  return { version: row.version, settings: withDefaults(row.document as PolicySettings), createdAt: row.created_at };
}

/** Top-level sections whose value differs, for the audit entry and the "what changed" view. */
export function changedSections(before: PolicySettings, after: PolicySettings): string[] {
  return (Object.keys(after) as (keyof PolicySettings)[]).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
}

/**
 * Settings are never edited in place: each change is a new version, audited. `because` says where
 * the change came from when it is not the editor (a policy's accepted proposals cite its version and clauses).
 */
export async function saveSettings(
  tx: SchoolTx,
  schoolId: string,
  actor: Actor,
  document: unknown,
  because?: Record<string, unknown>,
): Promise<SettingsVersion> {
  const settings = validateSettings(document);
  const previous = await currentSettings(tx, schoolId);
  const version = previous.version + 1;
  const row = await repo.insertSettingsVersion(tx, { schoolId, version, document: JSON.stringify(settings), createdBy: actor.id });
  await recordAudit(tx, schoolId, actor, {
    action: 'settings.changed',
    subjectType: 'settings',
    subjectId: String(version),
    detail: { version, changed: previous.version === 0 ? ['all'] : changedSections(previous.settings, settings), ...(because ? { because } : {}) },
  });
  return { version, settings, createdAt: row.created_at };
}

/** POL-6 for the settings pages: the current settings and their history, and each change as a new version. */
export function createSettingsService(schools: SchoolDatabase) {
  return {
    /** The settings page: the current version, the last ten changes, the school's years and terms. */
    async overview(person: Person) {
      requireAccess(person, 'settings:read');
      return withSchool(schools, person.schoolId, async (tx) => ({
        current: await currentSettings(tx, person.schoolId),
        history: await repo.settingsChanges(tx, 10),
        years: await academicYearsWithTerms(tx),
      }));
    },

    /** DfE's cyber security standards: two-factor authentication for every member of staff, or the leaders only. */
    async requireTwoFactorForAll(person: Person, requireAll: boolean): Promise<void> {
      requireAccess(person, 'security:manage');
      await withSchool(schools, person.schoolId, async (tx) => {
        const { settings } = await currentSettings(tx, person.schoolId);
        await saveSettings(tx, person.schoolId, auditActor(person), {
          ...settings,
          security: { ...settings.security, requireTwoFactorForAllStaff: requireAll },
        });
      });
    },

    /** The settings a section of the editor starts from. */
    async forEditing(person: Person): Promise<PolicySettings> {
      requireAccess(person, 'settings:edit');
      return withSchool(schools, person.schoolId, async (tx) => (await currentSettings(tx, person.schoolId)).settings);
    },

    /** A section's posted form as the next settings version; a ValidationError names each field at fault and saves nothing. */
    async saveSection(person: Person, key: SectionKey, form: Form): Promise<void> {
      requireAccess(person, 'settings:edit');
      await withSchool(schools, person.schoolId, async (tx) => {
        const { settings } = await currentSettings(tx, person.schoolId);
        const { next, problems } = sections[key].apply(settings, form);
        if (problems.length) throw new ValidationError(problems);
        await saveSettings(tx, person.schoolId, auditActor(person), next);
      });
    },
  };
}
