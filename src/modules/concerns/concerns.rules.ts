import { roleLabels, safeguardingRoles, type Role } from '../../platform/auth/permissions.ts';
import type { PolicySettings } from '../settings/settings.schema.ts';

/** Pure decisions about concerns (INC, PPL-5): no I/O, so every rule is table-tested. */

export type ConcernRoute = PolicySettings['concerns']['routes'][number];
export type Access = 'full' | 'reporter' | 'none';

/** Besides those routed, who sees concerns that are not restricted (PPL-5). */
export const overseerRoles: readonly Role[] = ['headteacher', 'deputy-headteacher', 'senior-leader'];

export interface Viewer { staffId: string; roles: readonly string[] }
export interface ConcernForAccess { reportedBy: string; restricted: boolean; routedTo: readonly string[] }

/** A record is restricted if it was when reported, if the school's policy restricts its type now, or if it involves nude images. */
export function isRestricted(route: ConcernRoute | undefined, options: { restrictedWhenReported?: boolean; involvesNudeImages: boolean }): boolean {
  return Boolean(options.restrictedWhenReported) || Boolean(route?.restricted) || options.involvesNudeImages;
}

/**
 * Who may see what (PPL-5): restricted records only the DSL group and the headteacher; other
 * records those routed, senior leaders and the headteacher. The reporter always sees what they
 * wrote and its status. Everybody else: nothing (the caller answers 404).
 */
export function concernAccess(viewer: Viewer, concern: ConcernForAccess): Access {
  const has = (list: readonly Role[]) => viewer.roles.some((r) => (list as readonly string[]).includes(r));
  if (concern.restricted) {
    if (has(safeguardingRoles)) return 'full';
  } else if (has(overseerRoles) || concern.routedTo.includes(viewer.staffId)) {
    return 'full';
  }
  return concern.reportedBy === viewer.staffId ? 'reporter' : 'none';
}

export interface StaffForRouting { id: string; roles: readonly string[] }
export interface RoutingInput {
  route: ConcernRoute;
  involvesNudeImages: boolean;
  reporterId: string;
  /** Active staff with their roles. */
  staff: readonly StaffForRouting[];
  /** Class teachers of the pupils involved. */
  classTeachers: readonly { staffId: string; pupilName: string }[];
  /** The reporter's line manager, if recorded. */
  lineManagerId: string | null;
}
export interface Routed { staffId: string; reason: string }

const roleLabel = (role: string) => roleLabels[role as Role] ?? role;

/**
 * Who must hear about a concern (INC-3), from the school's settings. Nude images of a child go to
 * the DSL group at once whatever the type. A restricted record reaches only people who may see
 * it; the reporter is not told about their own report; if nobody is left, the headteacher is.
 */
export function routeConcern(input: RoutingInput): Routed[] {
  const reasons = new Map<string, string[]>();
  const add = (staffId: string, reason: string) => {
    const list = reasons.get(staffId) ?? [];
    if (!list.includes(reason)) list.push(reason);
    reasons.set(staffId, list);
  };
  const holders = (role: string) => input.staff.filter((s) => s.roles.includes(role));
  if (input.involvesNudeImages) for (const s of holders('dsl')) add(s.id, 'Nude or sexual images of a child: the designated safeguarding lead, at once');
  for (const recipient of input.route.notify) {
    if (recipient === 'class-teacher') for (const t of input.classTeachers) add(t.staffId, `Class teacher of ${t.pupilName}`);
    else if (recipient === 'line-manager') { if (input.lineManagerId) add(input.lineManagerId, 'Line manager of the person who reported it'); }
    else for (const s of holders(recipient)) add(s.id, roleLabel(recipient));
  }
  const restricted = isRestricted(input.route, { involvesNudeImages: input.involvesNudeImages });
  const rolesOf = new Map(input.staff.map((s) => [s.id, s.roles]));
  const mayReceive = (id: string) => id !== input.reporterId && rolesOf.has(id)
    && (!restricted || concernAccess({ staffId: id, roles: rolesOf.get(id)! }, { reportedBy: input.reporterId, restricted, routedTo: [id] }) === 'full');
  let routed = [...reasons].filter(([id]) => mayReceive(id)).map(([staffId, list]) => ({ staffId, reason: list.join('; ') }));
  if (routed.length === 0) {
    routed = holders('headteacher').filter((s) => s.id !== input.reporterId)
      .map((s) => ({ staffId: s.id, reason: 'Headteacher: nobody else the policy names could be found' }));
  }
  return routed;
}

/** INC-5, 001 §9: the school acts on what happens outside school or school hours only on these grounds. */
export const outOfHoursGrounds = [
  { key: 'disrupts-school', label: 'It could disrupt the orderly running of the school' },
  { key: 'threatens-community', label: 'It threatens a member of the school community' },
  { key: 'harms-reputation', label: 'It could harm the reputation of the school or its staff' },
] as const;

/** 003 §2.5's cases, shown beside the decision as guidance. */
export const outOfHoursCases = [
  'Someone is receiving messages from an ex-pupil who moved three months ago: not the school’s responsibility, though the school might contact the new school to broker a resolution.',
  'Messages are posted on a site out of school time and the pupils are at this school: the school has a duty of care to investigate and work with the families, and may warn all the parents that the site is being used outside its terms.',
];

export const needsOutOfHoursDecision = (c: { location: string; outOfHours: boolean }) => c.location === 'out-of-school' || c.outOfHours;

export function outOfHoursDecisionProblems(input: { acts: boolean | null; grounds: readonly string[]; reasons: string }) {
  const problems: { field: string; message: string }[] = [];
  const known = outOfHoursGrounds.map((g) => g.key) as readonly string[];
  if (input.acts === null) problems.push({ field: 'acts', message: 'Say whether the school will act' });
  if (input.grounds.some((g) => !known.includes(g))) problems.push({ field: 'grounds', message: 'Choose grounds from the list' });
  else if (input.acts === true && input.grounds.length === 0) problems.push({ field: 'grounds', message: 'Choose at least one ground on which the school acts' });
  if (!input.reasons.trim()) problems.push({ field: 'reasons', message: 'Give the reasons for the decision' });
  return problems;
}

export interface PersonRef { kind: 'pupil' | 'staff' | 'carer' | 'other'; id: string; name: string }
export interface EarlierConcern { id: string; type: string; reportedAt: Date; people: readonly PersonRef[]; actionKeys: readonly string[] }
export interface Repeat { person: PersonRef; earlier: EarlierConcern[]; nextStep: { actionKey: string; text: string } | null }

/** Types that are online misconduct by a carer or outsider, for 001 §8's "repeated incidents". */
const misconductTypes = ['community-post', 'disparaging-content', 'cyber-bullying', 'contact-attempt'];
const samePerson = (a: PersonRef, b: PersonRef) => a.kind === b.kind && (a.kind === 'other' ? a.name.trim().toLowerCase() === b.name.trim().toLowerCase() : a.id === b.id);

/**
 * INC-6: for each person in this concern, the earlier concerns they were in, and the next step
 * the policy names: a carer's (or outsider's) repeated online misconduct → police (001 §8); one
 * who was asked to remove a post and did not, while it continues → harassment (003 §2.6).
 */
export function findRepeats(current: { id: string; type: string; people: readonly PersonRef[] }, others: readonly EarlierConcern[]): Repeat[] {
  return current.people.flatMap((person) => {
    const earlier = others.filter((c) => c.id !== current.id && c.people.some((p) => samePerson(p, person)));
    if (earlier.length === 0) return [];
    let nextStep: Repeat['nextStep'] = null;
    const isCarerOrOutsider = person.kind === 'carer' || person.kind === 'other';
    const earlierMisconduct = earlier.filter((c) => misconductTypes.includes(c.type));
    if (isCarerOrOutsider && misconductTypes.includes(current.type) && earlierMisconduct.length > 0) {
      const ignoredRequest = earlierMisconduct.some((c) => (c.actionKeys.includes('removal-requested') || c.actionKeys.includes('carer-contacted')) && !c.actionKeys.includes('removal-confirmed'));
      nextStep = ignoredRequest
        ? { actionKey: 'police-referral', text: 'They were asked before and it has continued: it can be referred to the police as harassment (003 §2.6).' }
        : { actionKey: 'police-referral', text: 'Repeated online misconduct: the school may pass the details to the police (001 §8).' };
    }
    return [{ person, earlier: [...earlier].sort((a, b) => a.reportedAt.getTime() - b.reportedAt.getTime()), nextStep }];
  });
}

export interface EntryForStatus { id: string; kind: string; dueAt: Date | null; refersTo: string | null; field?: string | null; note?: string }

export const statusOf = (entries: readonly EntryForStatus[]): 'open' | 'closed' => (entries.some((e) => e.kind === 'closed') ? 'closed' : 'open');

/** Follow-ups (actions with a due date) not yet marked done; overdue when the date has passed and the concern is open. */
export function pendingFollowUps<E extends EntryForStatus>(entries: readonly E[]): E[] {
  if (statusOf(entries) === 'closed') return [];
  const done = new Set(entries.filter((e) => e.kind === 'follow-up-done').map((e) => e.refersTo));
  return entries.filter((e) => e.kind === 'action' && e.dueAt && !done.has(e.id));
}
export const isOverdue = (entry: { dueAt: Date | null }, now: Date) => Boolean(entry.dueAt && entry.dueAt.getTime() < now.getTime());

/** The text as it now reads: the original with the latest amendment of each part (entries in time order). */
export function currentText(original: { summary: string; details: string }, entries: readonly EntryForStatus[]) {
  const text = { ...original, amended: false };
  for (const e of entries) {
    if (e.kind !== 'amendment' || !e.field || e.note === undefined) continue;
    text[e.field as 'summary' | 'details'] = e.note;
    text.amended = true;
  }
  return text;
}

const day = 86_400_000;
export const ageBands = ['Under a week', '1 to 4 weeks', 'Over 4 weeks'] as const;
export function ageBand(reportedAt: Date, now: Date): (typeof ageBands)[number] {
  const days = (now.getTime() - reportedAt.getTime()) / day;
  return days < 7 ? ageBands[0] : days < 28 ? ageBands[1] : ageBands[2];
}
