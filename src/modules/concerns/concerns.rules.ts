import { roleLabels, safeguardingRoles, type Role } from '../../platform/auth/permissions.ts';
import type { Deadline, OutOfHours, OutsideRecipient, PolicySettings, RepeatMisconduct } from '../settings/settings.schema.ts';

/** Pure decisions about concerns (INC, PPL-5): no I/O, so every rule is table-tested. */

export type ConcernRoute = PolicySettings['concerns']['routes'][number];
export type Access = 'full' | 'reporter' | 'none';

/** Besides those routed, who sees concerns that are not restricted (PPL-5). */
export const overseerRoles: readonly Role[] = ['headteacher', 'deputy-headteacher', 'senior-leader'];

export interface Viewer {
  staffId: string;
  roles: readonly string[];
}
export interface ConcernForAccess {
  /** Null when a family raised it through the contact form. */
  reportedBy: string | null;
  restricted: boolean;
  routedTo: readonly string[];
}

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

export interface StaffForRouting {
  id: string;
  roles: readonly string[];
}
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
export interface Routed {
  staffId: string;
  reason: string;
}
/** Who was routed, and who the policy names but may not see this record (never dropped silently). */
export interface Routing {
  routed: Routed[];
  notTold: Routed[];
}

const roleLabel = (role: string) => roleLabels[role as Role] ?? role;

/**
 * Who must hear about a concern (INC-3), from the school's settings. Nude images of a child go to
 * the DSL group at once whatever the type. A restricted record reaches only people who may see
 * it: anyone else the policy names is listed in `notTold` with the reason, so the report can say
 * so. The reporter is not told about their own report; if nobody is left, the headteacher is.
 */
export function routeConcern(input: RoutingInput): Routing {
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
    else if (recipient === 'line-manager') {
      if (input.lineManagerId) add(input.lineManagerId, 'Line manager of the person who reported it');
    } else for (const s of holders(recipient)) add(s.id, roleLabel(recipient));
  }
  const restricted = isRestricted(input.route, { involvesNudeImages: input.involvesNudeImages });
  const rolesOf = new Map(input.staff.map((s) => [s.id, s.roles]));
  const maySee = (id: string) =>
    !restricted || concernAccess({ staffId: id, roles: rolesOf.get(id)! }, { reportedBy: input.reporterId, restricted, routedTo: [id] }) === 'full';
  const named = [...reasons].filter(([id]) => id !== input.reporterId && rolesOf.has(id)).map(([staffId, list]) => ({ staffId, reason: list.join('; ') }));
  let routed = named.filter((r) => maySee(r.staffId));
  const why =
    input.involvesNudeImages && !input.route.restricted
      ? 'not told, because a report about nude or sexual images of a child may be seen only by the designated safeguarding leads and the headteacher'
      : 'not told, because only the designated safeguarding leads and the headteacher may see this type of record';
  const notTold = named.filter((r) => !maySee(r.staffId)).map((r) => ({ staffId: r.staffId, reason: `${r.reason}: ${why}` }));
  if (routed.length === 0) {
    routed = holders('headteacher')
      .filter((s) => s.id !== input.reporterId)
      .map((s) => ({ staffId: s.id, reason: 'Headteacher: nobody else the policy names could be found' }));
  }
  return { routed, notTold };
}

export const needsOutOfHoursDecision = (c: { location: string; outOfHours: boolean }) => c.location === 'out-of-school' || c.outOfHours;

/** INC-5, 001 §9: the school acts on what happens outside school or school hours only on the grounds its settings name. */
export function outOfHoursDecisionProblems(input: { acts: boolean | null; grounds: readonly string[]; reasons: string }, outOfHours: OutOfHours) {
  const problems: { field: string; message: string }[] = [];
  const known = outOfHours.grounds.map((g) => g.key);
  if (input.acts === null) problems.push({ field: 'acts', message: 'Say whether the school will act' });
  if (input.grounds.some((g) => !known.includes(g))) problems.push({ field: 'grounds', message: 'Choose grounds from the list' });
  else if (input.acts === true && input.grounds.length === 0)
    problems.push({ field: 'grounds', message: 'Choose at least one ground on which the school acts' });
  if (!input.reasons.trim()) problems.push({ field: 'reasons', message: 'Give the reasons for the decision' });
  return problems;
}

export interface PersonRef {
  kind: 'pupil' | 'staff' | 'carer' | 'other';
  id: string;
  name: string;
}
export interface ConcernInTime {
  id: string;
  type: string;
  reportedAt: Date;
  occurredAt: Date;
}
export interface EarlierConcern extends ConcernInTime {
  people: readonly PersonRef[];
  actionKeys: readonly string[];
}
export interface Repeat {
  person: PersonRef;
  earlier: EarlierConcern[];
  nextStep: { actionKey: string; text: string } | null;
}
/** From the settings: which types are online misconduct (a route's `misconduct`), and what follows a repeat. */
export interface RepeatPolicy {
  misconductTypes: readonly string[];
  repeat: RepeatMisconduct;
}

const samePerson = (a: PersonRef, b: PersonRef) =>
  a.kind === b.kind && (a.kind === 'other' ? a.name.trim().toLowerCase() === b.name.trim().toLowerCase() : a.id === b.id);
/** Earlier than this concern: reported before it was, or about something that happened before it did. A later report never counts. */
export const isEarlier = (other: ConcernInTime, current: ConcernInTime) =>
  other.id !== current.id && (other.reportedAt.getTime() < current.reportedAt.getTime() || other.occurredAt.getTime() < current.occurredAt.getTime());

/**
 * INC-6: for each person in this concern, the earlier concerns they were in, and the next step
 * the policy names: a carer's (or outsider's) repeated online misconduct → police (001 §8); one
 * who was asked to remove a post and did not, while it continues → harassment (003 §2.6).
 */
export function findRepeats(current: ConcernInTime & { people: readonly PersonRef[] }, others: readonly EarlierConcern[], policy: RepeatPolicy): Repeat[] {
  const { misconductTypes, repeat } = policy;
  return current.people.flatMap((person) => {
    const earlier = others.filter((c) => isEarlier(c, current) && c.people.some((p) => samePerson(p, person)));
    if (earlier.length === 0) return [];
    let nextStep: Repeat['nextStep'] = null;
    const isCarerOrOutsider = person.kind === 'carer' || person.kind === 'other';
    const earlierMisconduct = earlier.filter((c) => misconductTypes.includes(c.type));
    if (isCarerOrOutsider && misconductTypes.includes(current.type) && earlierMisconduct.length > 0) {
      const ignoredRequest = earlierMisconduct.some(
        (c) => repeat.askedKeys.some((k) => c.actionKeys.includes(k)) && !c.actionKeys.includes(repeat.resolvedKey),
      );
      nextStep = { actionKey: repeat.actionKey, text: ignoredRequest ? repeat.ignoredText : repeat.text };
    }
    return [{ person, earlier: [...earlier].sort((a, b) => a.reportedAt.getTime() - b.reportedAt.getTime()), nextStep }];
  });
}

export interface EntryForStatus {
  id: string;
  kind: string;
  dueAt: Date | null;
  refersTo: string | null;
  field?: string | null;
  note?: string;
}

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

/** Issue 19: the required action for each recipient outside the staff a type of concern names. */
export const tellActionText: Record<OutsideRecipient, string> = {
  carers: 'Tell the pupil’s carers',
  police: 'Tell the police',
  lado: 'Tell the LADO',
  'social-care': 'Tell children’s social care',
};

export interface ToldEntry {
  kind: string;
  told?: OutsideRecipient | null;
}

/** Issue 19: each "tell …" the route requires, with the entry that recorded it; open until recorded. */
export function requiredTelling<E extends ToldEntry>(route: Pick<ConcernRoute, 'tell'> | undefined, entries: readonly E[]) {
  return (route?.tell ?? []).map((recipient) => ({
    recipient,
    text: tellActionText[recipient],
    done: entries.find((e) => e.kind === 'told' && e.told === recipient) ?? null,
  }));
}

/** Issue 19: a concern is acted on once anything is done about it: an action, someone told, the out-of-hours decision, or its closing. */
export const actedOn = (entries: readonly { kind: string }[]) =>
  entries.some((e) => e.kind === 'action' || e.kind === 'told' || e.kind === 'out-of-hours-decision' || e.kind === 'closed');

const addDays = (day: string, days: number) => {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
const londonDay = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
/** The instant a London day starts (midnight, BST or GMT). */
function londonMidnight(day: string): Date {
  const noon = new Date(`${day}T12:00:00Z`);
  const hour = Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', hourCycle: 'h23' }).format(noon));
  return new Date(Date.parse(`${day}T00:00:00Z`) - (hour - 12) * 3_600_000);
}

/** A school day: Monday to Friday and, when the school keeps its term dates, inside a term. */
export function isSchoolDay(day: string, terms: readonly { startsOn: string; endsOn: string }[]): boolean {
  const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return terms.length === 0 || terms.some((t) => t.startsOn <= day && day <= t.endsOn);
}

/**
 * Issue 19: when a concern reported at `reportedAt` must have been acted on. 'same-day': by the
 * end of that day (London); '24-hours': 24 hours later; 'next-school-day': by the end of the next
 * school day after it (weekends, and the holidays between the school's terms when it keeps them, skipped).
 */
export function deadlineAt(reportedAt: Date, deadline: Deadline, terms: readonly { startsOn: string; endsOn: string }[] = []): Date {
  const day = londonDay(reportedAt);
  switch (deadline) {
    case 'same-day':
      return londonMidnight(addDays(day, 1));
    case '24-hours':
      return new Date(reportedAt.getTime() + 24 * 3_600_000);
    case 'next-school-day': {
      let next = addDays(day, 1);
      // A year on, whatever the terms say: a school with no term after this one still has a deadline.
      for (let i = 0; i < 366 && !isSchoolDay(next, terms); i++) next = addDays(next, 1);
      return londonMidnight(addDays(next, 1));
    }
  }
}

/** Issue 19: past its time to act and not yet acted on. */
export function isPastDeadline(
  concern: { reportedAt: Date; deadline: Deadline | undefined },
  entries: readonly { kind: string }[],
  now: Date,
  terms: readonly { startsOn: string; endsOn: string }[] = [],
): boolean {
  if (!concern.deadline || actedOn(entries)) return false;
  return now.getTime() > deadlineAt(concern.reportedAt, concern.deadline, terms).getTime();
}

export const deadlineWords: Record<Deadline, string> = {
  'same-day': 'the same day',
  'next-school-day': 'by the next school day',
  '24-hours': 'within 24 hours',
};
