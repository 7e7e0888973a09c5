import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';
import type { Kysely } from 'kysely';
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
import * as filtering from './migrations/20261201T1400_filtering_requests.ts';

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
  '20261201T1400_filtering_requests': filtering,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the migrator works on any schema
export async function migrateToLatest(db: Kysely<any>): Promise<void> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const cause = error instanceof Error ? error : new Error(String(error));
    throw new Error(`Database migration ${failed?.migrationName ?? ''} failed: ${cause.message}`, { cause });
  }
}
