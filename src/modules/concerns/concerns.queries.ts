import { requireAccess } from '../../platform/auth/access.ts';
import { auditActor, type Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { withSchool, type SchoolDatabase } from '../../platform/db/school-database.ts';
import type { SchoolTx } from '../../platform/db/school-scope.ts';
import { NotFound } from '../../platform/http/errors.ts';
import { currentSettings } from '../settings/settings.service.ts';
import { isUuid } from '../../platform/http/ids.ts';
import {
  offeredActions,
  openConcern,
  outOfHoursOf,
  deadlineOf,
  personRef,
  repeatPolicyOf,
  routeFor,
  timelineEntry,
  typeLabel,
  visibleConcerns,
} from './concerns.record.ts';
import * as repo from './concerns.repository.ts';
import { declarationsAboutCarers } from '../registers/declarations.repository.ts';
import {
  ageBand,
  ageBands,
  currentText,
  findRepeats,
  isOverdue,
  needsOutOfHoursDecision,
  overseerRoles,
  pendingFollowUps,
  requiredTelling,
  statusOf,
} from './concerns.rules.ts';
import { schoolTerms } from '../school/school.repository.ts';

export type Who = { kind: 'pupil' | 'staff' | 'carer'; id: string };

/** Reading concerns: lists, one record, chronologies and the overview. Access is decided per record. */
export function createConcernQueries(schools: SchoolDatabase) {
  const inSchool = <T>(actor: Actor, work: (tx: SchoolTx) => Promise<T>) => withSchool(schools, actor.schoolId, work);
  const settingsOf = async (tx: SchoolTx, actor: Actor) => (await currentSettings(tx, actor.schoolId)).settings;

  return {
    /** What the report form offers: the types in plain words from the settings, and the directory. */
    async reportForm(actor: Actor) {
      requireAccess(actor, 'concern:report');
      return inSchool(actor, async (tx) => ({
        types: (await settingsOf(tx, actor)).concerns.routes.map((r) => ({ type: r.type, label: r.label, explanation: r.explanation })),
        pupils: await repo.pupilsForPicker(tx),
        staff: (await repo.activeStaffWithRoles(tx)).map((s) => ({ id: s.id, name: s.name })),
        carers: await repo.carersForPicker(tx),
      }));
    },

    /** "Needs my attention" (routed, not yet read), what I reported, and for leaders every open concern they may see. */
    async lists(actor: Actor) {
      requireAccess(actor, 'concern:read');
      return inSchool(actor, async (tx) => {
        const settings = await settingsOf(tx, actor);
        const unread = new Set(await repo.unreadFor(tx, actor.staffId));
        const visible = await visibleConcerns(tx, actor, settings);
        const item = (c: (typeof visible)[number]) => ({
          id: c.row.id,
          type: c.row.type,
          typeLabel: typeLabel(settings, c.row.type),
          reportedAt: c.row.reported_at,
          reporterName: c.row.reporter_name,
          status: c.row.closed ? 'closed' : 'open',
          urgent: Boolean(routeFor(settings, c.row.type)?.immediate) || c.row.involves_nude_images,
          summary: c.access === 'full' || c.row.reported_by === actor.staffId ? c.row.summary : null,
        });
        const isOverseer = actor.roles.some((r) => overseerRoles.includes(r) || r === 'dsl');
        return {
          attention: visible.filter((c) => c.access === 'full' && unread.has(c.row.id)).map(item),
          routedOpen: visible.filter((c) => c.access === 'full' && !c.row.closed && !unread.has(c.row.id) && c.row.routed_to.includes(actor.staffId)).map(item),
          mine: visible.filter((c) => c.row.reported_by === actor.staffId).map(item),
          allOpen: isOverseer ? visible.filter((c) => c.access === 'full' && !c.row.closed).map(item) : null,
        };
      });
    },

    /** One concern: the whole record for those who may act on it; what they wrote and its status for the reporter. */
    async concern(actor: Actor, id: string, how: 'page' | 'api' = 'page') {
      requireAccess(actor, 'concern:read');
      return inSchool(actor, async (tx) => {
        const settings = await settingsOf(tx, actor);
        const { row, access, restricted } = await openConcern(tx, actor, settings, id, how);
        const entries = await repo.entriesOf(tx, [id]);
        const people = await repo.peopleOf(tx, [id]);
        const evidence = (await repo.evidenceOf(tx, id)).filter((e) => access === 'full' || e.added_by === actor.staffId);
        const asStatus = entries.map((e) => ({ id: e.id, kind: e.kind, dueAt: e.due_at, refersTo: e.refers_to, field: e.field, note: e.note }));
        const base = {
          id,
          type: row.type,
          typeLabel: typeLabel(settings, row.type),
          access,
          restricted,
          status: statusOf(asStatus),
          original: { summary: row.summary, details: row.details },
          occurredAt: row.occurred_at,
          location: row.location,
          outOfHours: row.out_of_hours,
          platform: row.platform,
          involvesNudeImages: row.involves_nude_images,
          reportedBy: row.reported_by,
          reporterName: row.reporter_name,
          reportedAt: row.reported_at,
          people: people.map((p) => ({ ...personRef(p), onRoll: p.on_roll })),
          evidence,
          // A family who raised it through the contact form: how to reach them, and what they were told.
          family: access === 'full' ? ((await repo.familyContactOf(tx, id)) ?? null) : null,
        };
        if (access !== 'full') {
          return {
            ...base,
            text: { ...base.original, amended: false },
            routes: [],
            timeline: [],
            outcome: null,
            followUps: [],
            repeats: [],
            needsDecision: false,
            decision: null,
            isRouted: false,
            isUnread: false,
            actionKinds: [],
            suggestedAction: null,
            outOfHoursPolicy: outOfHoursOf(settings),
            views: [],
            declarations: [],
            telling: [],
            deadline: null,
          };
        }
        const timeline = entries.map((e) => timelineEntry(settings, e));
        const terms = await schoolTerms(tx);
        const routes = await repo.routesOf(tx, id);
        const mine = routes.find((r) => r.staff_id === actor.staffId);
        return {
          ...base,
          text: currentText(base.original, asStatus),
          routes,
          timeline,
          outcome: timeline.find((e) => e.kind === 'closed') ?? null,
          followUps: pendingFollowUps(asStatus).map((f) => ({ ...timeline.find((t) => t.id === f.id)!, overdue: isOverdue(f, new Date()) })),
          repeats: await repeatsFor(tx, actor, settings, {
            id,
            type: row.type,
            reportedAt: row.reported_at,
            occurredAt: row.occurred_at,
            people: people.map(personRef),
          }),
          needsDecision: needsOutOfHoursDecision({ location: row.location, outOfHours: row.out_of_hours }),
          decision: [...timeline].reverse().find((e) => e.kind === 'out-of-hours-decision') ?? null,
          isRouted: Boolean(mine),
          isUnread: Boolean(mine && !mine.read_at),
          actionKinds: offeredActions(settings),
          suggestedAction: routeFor(settings, row.type)?.suggestedAction ?? null,
          outOfHoursPolicy: outOfHoursOf(settings),
          views: restricted ? await repo.viewsOf(tx, id) : [],
          // Issue 19: "tell …" actions the type requires, each open until recorded; the time to act and whether it has passed.
          telling: requiredTelling(
            routeFor(settings, row.type),
            entries.map((e) => ({ ...e, entry: timeline.find((t) => t.id === e.id)! })),
          ).map((t) => ({ recipient: t.recipient, text: t.text, done: t.done ? t.done.entry : null })),
          deadline: deadlineOf(settings, { type: row.type, reportedAt: row.reported_at }, entries, terms),
          // REG-4: beside a contact between staff and a carer, the staff's declarations of friendship with that carer.
          declarations:
            row.type === 'contact-attempt'
              ? await declarationsAboutCarers(
                  tx,
                  people.map(personRef).flatMap((p) => (p.kind === 'carer' ? [p.id] : [])),
                )
              : [],
        };
      });
    },

    /** A screenshot or PDF, for those who may see the whole record (or the reporter, for what they added). */
    async evidenceFile(actor: Actor, concernId: string, evidenceId: string) {
      requireAccess(actor, 'concern:read');
      if (!isUuid(evidenceId)) throw new NotFound();
      return inSchool(actor, async (tx) => {
        const { access } = await openConcern(tx, actor, await settingsOf(tx, actor), concernId, 'evidence');
        const file = await repo.evidenceFile(tx, concernId, evidenceId);
        if (!file?.content || (access !== 'full' && file.added_by !== actor.staffId)) throw new NotFound();
        return { fileName: file.file_name ?? 'evidence', contentType: file.content_type ?? 'application/octet-stream', content: Buffer.from(file.content) };
      });
    },

    /** INC-7: everything about one pupil or person in date order, only what this person may see. */
    async chronology(actor: Actor, who: Who) {
      requireAccess(actor, 'concern:chronology');
      if (!isUuid(who.id)) throw new NotFound();
      return inSchool(actor, async (tx) => {
        const person = who.kind === 'pupil' ? await repo.pupilName(tx, who.id) : await repo.personName(tx, who.kind, who.id);
        if (!person) throw new NotFound();
        const settings = await settingsOf(tx, actor);
        const visible = await visibleConcerns(tx, actor, settings, await repo.concernIdsInvolving(tx, who));
        const full = visible.filter((c) => c.access === 'full').map((c) => c.row.id);
        const entries = await repo.entriesOf(tx, full);
        const terms = await schoolTerms(tx);
        const items = visible
          .flatMap((c) => {
            const head = {
              at: c.row.reported_at,
              concernId: c.row.id,
              type: c.row.type,
              typeLabel: typeLabel(settings, c.row.type),
              kind: 'reported',
              what: 'Reported',
              note: c.row.summary,
              byName: c.row.reporter_name,
              occurredAt: c.row.occurred_at as Date | null,
              // Issue 19: past its time to act with nothing done (only for those who see the whole record).
              overdue:
                c.access === 'full' && !c.row.closed
                  ? Boolean(
                      deadlineOf(
                        settings,
                        { type: c.row.type, reportedAt: c.row.reported_at },
                        entries.filter((e) => e.concern_id === c.row.id),
                        terms,
                      )?.overdue,
                    )
                  : false,
            };
            const more =
              c.access === 'full'
                ? entries
                    .filter((e) => e.concern_id === c.row.id)
                    .map((e) => {
                      const t = timelineEntry(settings, e);
                      return {
                        at: t.at,
                        concernId: c.row.id,
                        type: c.row.type,
                        typeLabel: head.typeLabel,
                        kind: t.kind,
                        what: t.what,
                        note: t.note,
                        byName: t.byName,
                        occurredAt: null,
                        overdue: false,
                      };
                    })
                : [];
            return [head, ...more];
          })
          .sort((a, b) => a.at.getTime() - b.at.getTime());
        for (const c of visible.filter((v) => v.restricted)) {
          await recordAudit(tx, actor.schoolId, auditActor(actor), {
            action: 'concern.viewed',
            subjectType: 'concern',
            subjectId: c.row.id,
            detail: { how: `chronology of ${who.kind}` },
          });
        }
        return { person: { ...person, kind: who.kind }, items };
      });
    },

    /** Open concerns by type and age, and overdue follow-ups, among those this person may see. */
    async overview(actor: Actor, now = new Date()) {
      requireAccess(actor, 'concern:overview');
      return inSchool(actor, async (tx) => {
        const settings = await settingsOf(tx, actor);
        const open = (await visibleConcerns(tx, actor, settings)).filter((c) => c.access === 'full' && !c.row.closed);
        const byType = settings.concerns.routes.map((r) => {
          const ofType = open.filter((c) => c.row.type === r.type);
          return {
            type: r.type,
            label: r.label,
            total: ofType.length,
            bands: ageBands.map((band) => ofType.filter((c) => ageBand(c.row.reported_at, now) === band).length),
          };
        });
        const entries = await repo.entriesOf(
          tx,
          open.map((c) => c.row.id),
        );
        const overdue = open
          .flatMap((c) => {
            const mine = entries
              .filter((e) => e.concern_id === c.row.id)
              .map((e) => ({ ...timelineEntry(settings, e), dueAt: e.due_at, refersTo: e.refers_to }));
            return pendingFollowUps(mine)
              .filter((f) => isOverdue(f, now))
              .map((f) => ({ concernId: c.row.id, typeLabel: typeLabel(settings, c.row.type), what: f.what, dueAt: f.dueAt, byName: f.byName }));
          })
          .sort((a, b) => a.dueAt!.getTime() - b.dueAt!.getTime());
        return { byType, bands: ageBands, totalOpen: open.length, overdue };
      });
    },
  };
}

/** For the dashboard (RPT-1): how many concerns wait for this person, in the caller's school transaction. */
export async function concernsNeedingAttention(tx: SchoolTx, actor: Actor): Promise<number> {
  const unread = await repo.unreadFor(tx, actor.staffId);
  if (unread.length === 0) return 0;
  const { settings } = await currentSettings(tx, actor.schoolId);
  return (await visibleConcerns(tx, actor, settings, unread)).filter((c) => c.access === 'full').length;
}

/**
 * Issue 19, for the home page: open concerns this person may see whole that are past their time to
 * act with nothing done yet.
 */
export async function overdueConcernsFor(tx: SchoolTx, actor: Actor, now = new Date()): Promise<number> {
  const { settings } = await currentSettings(tx, actor.schoolId);
  const timed = new Set(settings.concerns.routes.filter((r) => r.deadline).map((r) => r.type));
  if (timed.size === 0) return 0;
  const open = (await visibleConcerns(tx, actor, settings)).filter((c) => c.access === 'full' && !c.row.closed && timed.has(c.row.type));
  if (open.length === 0) return 0;
  const [entries, terms] = await Promise.all([
    repo.entriesOf(
      tx,
      open.map((c) => c.row.id),
    ),
    schoolTerms(tx),
  ]);
  return open.filter(
    (c) =>
      deadlineOf(
        settings,
        { type: c.row.type, reportedAt: c.row.reported_at },
        entries.filter((e) => e.concern_id === c.row.id),
        terms,
        now,
      )?.overdue,
  ).length;
}

/** INC-6: earlier concerns about the same people, among those this person may see. */
async function repeatsFor(tx: SchoolTx, actor: Actor, settings: Parameters<typeof visibleConcerns>[2], current: Parameters<typeof findRepeats>[0]) {
  const ids = new Set<string>();
  for (const p of current.people) {
    const who = p.kind === 'other' ? { kind: 'other' as const, name: p.name } : { kind: p.kind, id: p.id };
    for (const id of await repo.concernIdsInvolving(tx, who)) if (id !== current.id) ids.add(id);
  }
  const visible = (await visibleConcerns(tx, actor, settings, [...ids])).filter((c) => c.access === 'full');
  const ofVisible = visible.map((c) => c.row.id);
  const [people, entries] = await Promise.all([repo.peopleOf(tx, ofVisible), repo.entriesOf(tx, ofVisible)]);
  const earlier = visible.map((c) => ({
    id: c.row.id,
    type: c.row.type,
    reportedAt: c.row.reported_at,
    occurredAt: c.row.occurred_at,
    typeLabel: typeLabel(settings, c.row.type),
    people: people.filter((p) => p.concern_id === c.row.id).map(personRef),
    actionKeys: entries.filter((e) => e.concern_id === c.row.id && e.kind === 'action').map((e) => e.action_key ?? ''),
  }));
  return findRepeats(current, earlier, repeatPolicyOf(settings)).map((r) => ({
    ...r,
    earlier: r.earlier.map((e) => ({ ...e, typeLabel: typeLabel(settings, e.type) })),
  }));
}
