import type { Actor } from '../../platform/auth/actor.ts';
import { withSchool, type SchoolDatabase } from '../../platform/db/school-database.ts';
import type { SchoolTx } from '../../platform/db/school-scope.ts';
import { Conflict, NotFound } from '../../platform/http/errors.ts';
import type { PolicySettings } from '../settings/settings.schema.ts';
import { publishedCopy, type BlurRequest } from './photos.images.ts';
import type { PublicationOutcome } from './photos.publishing.ts';
import type * as repo from './photos.repository.ts';
import { newStorageKey, type PhotoStorage } from './photos.storage.ts';

/** A published copy made outside any transaction, and what it was made from (checked again before it is recorded). */
export interface PreparedCopy {
  key: string;
  source: string;
  longestSide: number;
  /** The faces blurred in it, as a key: a copy blurring other faces is not this one. */
  blurred: string;
}

/** What a transaction answers when the photograph is to be published and no copy made from it at these settings is ready. */
export interface CopyNeeded {
  status: 'needs-copy';
  source: string | null;
  longestSide: number;
  blur: BlurRequest | null;
}

const blurKey = (blur: BlurRequest | null) => (blur ? JSON.stringify(blur) : '');

/** How many times a publication is checked again after its copy was made, should the photograph or settings change meanwhile. */
const copyRounds = 3;

/** The copy made for this photograph at the current settings, or null when it must be made (again). */
export const readyCopy = (photo: repo.PhotoRow, settings: PolicySettings, blur: BlurRequest | null, copy: PreparedCopy | null) =>
  copy && copy.source === photo.storage_key && copy.longestSide === settings.photos.publishedLongestSide && copy.blurred === blurKey(blur) ? copy : null;
export const copyNeeded = (photo: repo.PhotoRow, settings: PolicySettings, blur: BlurRequest | null): CopyNeeded => ({
  status: 'needs-copy',
  source: photo.storage_key,
  longestSide: settings.photos.publishedLongestSide,
  blur,
});

/** MED-6: the clean copy, decoded and stored under a random name outside any transaction (sharp is slow). */
async function makeCopy(storage: PhotoStorage, schoolId: string, need: CopyNeeded): Promise<PreparedCopy> {
  const original = need.source ? await storage.get(need.source) : null;
  if (!need.source || !original) throw new NotFound('The file of this photograph is missing');
  const bytes = await publishedCopy(original, need.longestSide, need.blur);
  const key = newStorageKey('published', schoolId, 'jpg');
  await storage.put(key, bytes);
  return { key, source: need.source, longestSide: need.longestSide, blurred: blurKey(need.blur) };
}

/**
 * Runs `attempt` in the school's transaction. When it answers that a copy is needed, the copy is
 * made outside the transaction and `attempt` runs again, checking everything again. A copy that
 * ends up unused (refused, or waiting after all) or whose recording fails is deleted.
 */
export async function publishWithCopy(
  schools: SchoolDatabase,
  storage: PhotoStorage,
  actor: Actor,
  attempt: (tx: SchoolTx, copy: PreparedCopy | null) => Promise<PublicationOutcome | CopyNeeded>,
): Promise<PublicationOutcome> {
  let copy: PreparedCopy | null = null;
  try {
    for (let round = 1; ; round++) {
      const prepared: PreparedCopy | null = copy;
      const outcome = await withSchool(schools, actor.schoolId, (tx) => attempt(tx, prepared));
      if (outcome.status !== 'needs-copy') {
        if (copy && outcome.status !== 'published') await storage.delete(copy.key);
        return outcome;
      }
      if (round === copyRounds) throw new Conflict('changed', 'The photograph or the school’s settings changed while it was being published. Try again.');
      if (copy) await storage.delete(copy.key);
      copy = null;
      copy = await makeCopy(storage, actor.schoolId, outcome);
    }
  } catch (error) {
    if (copy) await storage.delete(copy.key);
    throw error;
  }
}
