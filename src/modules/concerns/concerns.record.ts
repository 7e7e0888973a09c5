import { auditActor, type Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { SchoolTx } from '../../platform/db/school-scope.ts';
import { NotFound } from '../../platform/http/errors.ts';
import { defaultOutOfHours, defaultRepeatMisconduct } from '../settings/settings.defaults.ts';
import type { PolicySettings } from '../settings/settings.schema.ts';
import { isUuid } from '../../platform/http/ids.ts';
import * as repo from './concerns.repository.ts';
import {
  concernAccess,
  deadlineAt,
  deadlineWords,
  isPastDeadline,
  isRestricted,
  tellActionText,
  type Access,
  type PersonRef,
  type RepeatPolicy,
} from './concerns.rules.ts';
import { formatDateTime } from '../../platform/text/dates.ts';

/** A concern as one person may see it: its access level decides which parts are loaded at all. */

export const routeFor = (settings: PolicySettings, type: string) => settings.concerns.routes.find((r) => r.type === type);
export const typeLabel = (settings: PolicySettings, type: string) => routeFor(settings, type)?.label ?? type;
export const actionLabel = (settings: PolicySettings, key: string | null) => settings.concerns.actions.find((a) => a.key === key)?.label ?? key ?? '';
/** The actions that can be recorded now; a retired one keeps its label for the records that show it. */
export const offeredActions = (settings: PolicySettings) => settings.concerns.actions.filter((a) => !a.retired);
export const outOfHoursOf = (settings: PolicySettings) => settings.concerns.outOfHours ?? defaultOutOfHours;
export const repeatPolicyOf = (settings: PolicySettings): RepeatPolicy => ({
  misconductTypes: settings.concerns.routes.filter((r) => r.misconduct).map((r) => r.type),
  repeat: settings.concerns.repeatMisconduct ?? defaultRepeatMisconduct,
});

export function accessTo(actor: Actor, settings: PolicySettings, row: repo.ConcernRow): { access: Access; restricted: boolean } {
  const restricted = isRestricted(routeFor(settings, row.type), { restrictedWhenReported: row.restricted, involvesNudeImages: row.involves_nude_images });
  return {
    access: concernAccess({ staffId: actor.staffId, roles: actor.roles }, { reportedBy: row.reported_by, restricted, routedTo: row.routed_to }),
    restricted,
  };
}

/** Every concern this person may see at all, with the access they have. */
export async function visibleConcerns(tx: SchoolTx, actor: Actor, settings: PolicySettings, ids?: string[]) {
  const rows = await repo.concernsWithRoutes(tx, ids);
  return rows.map((row) => ({ row, ...accessTo(actor, settings, row) })).filter((c) => c.access !== 'none');
}

/** Finds one concern for this person, or 404 — never a hint that it exists. Views of restricted records are audited (INC-7). */
export async function openConcern(tx: SchoolTx, actor: Actor, settings: PolicySettings, id: string, how: string) {
  if (!isUuid(id)) throw new NotFound();
  const [found] = await visibleConcerns(tx, actor, settings, [id]);
  if (!found) throw new NotFound();
  if (found.restricted) {
    await recordAudit(tx, actor.schoolId, auditActor(actor), {
      action: 'concern.viewed',
      subjectType: 'concern',
      subjectId: id,
      detail: { how, access: found.access },
    });
  }
  return found;
}

export const personRef = (p: Awaited<ReturnType<typeof repo.peopleOf>>[number]): PersonRef => ({
  kind: p.kind,
  id: p.pupil_id ?? p.staff_id ?? p.carer_id ?? p.name,
  name: p.name,
});

export function timelineEntry(settings: PolicySettings, e: repo.EntryRow) {
  const what =
    e.kind === 'action'
      ? actionLabel(settings, e.action_key)
      : e.kind === 'amendment'
        ? `Correction to the ${e.field === 'summary' ? 'summary' : 'description'}`
        : e.kind === 'out-of-hours-decision'
          ? e.acts
            ? 'Decided the school will act'
            : 'Decided the school will not act'
          : e.kind === 'follow-up-done'
            ? 'Follow-up done'
            : e.kind === 'told' && e.told
              ? `${tellActionText[e.told]}: done`
              : 'Closed';
  // Issue 19: who was told, when and how.
  const toldNote = e.kind === 'told' ? `Told ${e.told_who ?? ''}${e.told_at ? `, ${formatDateTime(e.told_at)}` : ''}, ${e.told_how ?? ''}` : null;
  return {
    id: e.id,
    kind: e.kind,
    actionKey: e.action_key,
    what,
    note: toldNote ?? e.note,
    reason: e.reason,
    field: e.field,
    dueAt: e.due_at,
    refersTo: e.refers_to,
    grounds: e.grounds ?? [],
    acts: e.acts,
    by: e.created_by,
    byName: e.author,
    at: e.created_at,
  };
}
export type TimelineEntry = ReturnType<typeof timelineEntry>;

/**
 * Issue 19: a concern's time to act from its type's settings: when it falls due, in words, and
 * whether it is overdue now (past it, and nothing done yet).
 */
export function deadlineOf(
  settings: PolicySettings,
  concern: { type: string; reportedAt: Date },
  entries: readonly { kind: string }[],
  terms: readonly { startsOn: string; endsOn: string }[],
  now = new Date(),
) {
  const deadline = routeFor(settings, concern.type)?.deadline;
  if (!deadline) return null;
  return {
    dueAt: deadlineAt(concern.reportedAt, deadline, terms),
    words: deadlineWords[deadline],
    overdue: isPastDeadline({ reportedAt: concern.reportedAt, deadline }, entries, now, terms),
  };
}
