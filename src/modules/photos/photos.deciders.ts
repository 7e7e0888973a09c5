import type { Actor } from '../../platform/auth/actor.ts';
import { may } from '../../platform/auth/access.ts';
import type { SchoolTx } from '../../platform/db/school-scope.ts';
import { currentSettings } from '../settings/settings.service.ts';
import { countAwaitingDecision } from './photos.publishing.repository.ts';
import { decidesPublications } from './photos.rules.ts';

/** MED-5: whether this person decides publications under the school's current settings. */
export async function mayDecidePublications(tx: SchoolTx, actor: Actor): Promise<boolean> {
  if (!may(actor, 'media:decide')) return false;
  return decidesPublications(actor.roles, (await currentSettings(tx, actor.schoolId)).settings.decisions.photoPublication);
}

/** For the dashboard: how many requests wait for this person, or null when they do not decide. */
export async function photosAwaitingDecisionOf(tx: SchoolTx, actor: Actor): Promise<number | null> {
  return (await mayDecidePublications(tx, actor)) ? countAwaitingDecision(tx) : null;
}
