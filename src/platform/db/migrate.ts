import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Kysely } from 'kysely';
import { fileErrorCode, StartupError } from './startup-errors.ts';
import * as foundation from './migrations/20261123T0900_foundation.ts';
import * as consent from './migrations/20261123T1000_consent.ts';
import * as concerns from './migrations/20261123T1100_concerns.ts';
import * as policies from './migrations/20261123T1200_policies.ts';
import * as photos from './migrations/20261123T1300_photos.ts';
import * as trustPeople from './migrations/20261201T0900_trust_people.ts';
import * as trustPlatform from './migrations/20261201T0910_trust_platform.ts';
import * as trustPhotos from './migrations/20261201T0920_trust_photos.ts';
import * as trustSettings from './migrations/20261201T0930_trust_settings.ts';
import * as queryIndexes from './migrations/20261201T1000_query_indexes.ts';
import * as mailDelivery from './migrations/20261201T1100_mail_delivery.ts';
import * as backupRuns from './migrations/20261201T1110_backup_runs.ts';
import * as registers from './migrations/20261201T1300_registers_and_post_check.ts';
import * as oversightCarerConcerns from './migrations/20261201T1500_oversight_carer_concerns.ts';
import * as agreements from './migrations/20261201T1200_agreements.ts';
import * as facesBoxes from './migrations/20261201T1600_faces_boxes.ts';
import * as restAgreements from './migrations/20261201T1800_rest_agreements.ts';
import * as csvImport from './migrations/20261201T2100_csv_import.ts';
import * as filtering from './migrations/20261201T1400_filtering_requests.ts';
import * as oversightRest from './migrations/20261201T1700_oversight_rest.ts';
import * as signInWithProvider from './migrations/20261202T1000_sign_in_with_provider.ts';
import * as policyRules from './migrations/20261202T1300_policy_rules.ts';
import * as platformRole from './migrations/20261202T1500_platform_role.ts';
import * as schoolReadOnce from './migrations/20261203T0900_school_read_once.ts';
import * as bansInForce from './migrations/20261203T1000_bans_in_force.ts';

// Migrations are listed explicitly (no folder scanning) so they work the same from tsx, tests and bundles.
const migrations: Record<string, Migration> = {
  '20261123T0900_foundation': foundation,
  '20261123T1000_consent': consent,
  '20261123T1100_concerns': concerns,
  '20261123T1200_policies': policies,
  '20261123T1300_photos': photos,
  '20261201T0900_trust_people': trustPeople,
  '20261201T0910_trust_platform': trustPlatform,
  '20261201T0920_trust_photos': trustPhotos,
  '20261201T0930_trust_settings': trustSettings,
  '20261201T1000_query_indexes': queryIndexes,
  '20261201T1100_mail_delivery': mailDelivery,
  '20261201T1110_backup_runs': backupRuns,
  '20261201T1300_registers_and_post_check': registers,
  '20261201T1500_oversight_carer_concerns': oversightCarerConcerns,
  '20261201T1200_agreements': agreements,
  '20261201T1600_faces_boxes': facesBoxes,
  '20261201T1400_filtering_requests': filtering,
  '20261201T1700_oversight_rest': oversightRest,
  '20261201T1800_rest_agreements': restAgreements,
  '20261201T2100_csv_import': csvImport,
  '20261202T1000_sign_in_with_provider': signInWithProvider,
  '20261202T1300_policy_rules': policyRules,
  '20261202T1500_platform_role': platformRole,
  '20261203T0900_school_read_once': schoolReadOnce,
  '20261203T1000_bans_in_force': bansInForce,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** An error's own words, also for errors that carry none (PGlite's file system errors). */
function wordsOf(error: unknown): string {
  const code = fileErrorCode(error);
  const message = error instanceof Error && error.message ? error.message : '';
  if (code && !message.includes(code)) return `${message ? `${message} ` : ''}(${code})`.trim();
  return message || String(error);
}

/**
 * Brings the database up to date. On PostgreSQL and PGlite the pending migrations run in one
 * transaction, so when one fails none of them is kept; the message names the one that failed.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the migrator works on any schema
export async function migrateToLatest(db: Kysely<any>): Promise<void> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (failed) {
    throw new StartupError(
      `Database migration "${failed.migrationName}" failed: ${wordsOf(error)}. No migration was kept: the database is as it was before this start.`,
      { cause: error },
    );
  }
  if (error) {
    // Before any migration ran: the migrations' own bookkeeping (its table, its lock) could not be read or written.
    throw new StartupError(`The database could not be checked for migrations: ${wordsOf(error)}`, { cause: error });
  }
}
