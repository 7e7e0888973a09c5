import type { Config } from '../../config.ts';
import { may, requireAccess } from '../../platform/auth/access.ts';
import { auditActor, type Actor } from '../../platform/auth/actor.ts';
import type { Role } from '../../platform/auth/permissions.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { listSchools, withSchool, type SchoolDatabase } from '../../platform/db/school-database.ts';
import type { SchoolTx } from '../../platform/db/school-scope.ts';
import type { FilterDuration, FilterRequestKind, FilterRequestStatus } from '../../platform/db/schema.ts';
import { Conflict, Forbidden, NotFound, ValidationError, type FieldProblem } from '../../platform/http/errors.ts';
import { enqueueMail } from '../../platform/mail/outbox.ts';
import { staffHoldingRoles } from '../people/staff-roles.repository.ts';
import { termContaining } from '../school/school.repository.ts';
import { currentSettings } from '../settings/settings.service.ts';
import { PiholeError, pushToPihole } from './filtering.pihole.ts';
import * as repo from './filtering.repository.ts';
import {
  checkDecision,
  decidersFor,
  durationLabels,
  entriesInForce,
  expiryFor,
  formatList,
  londonDay,
  normaliseDomain,
  piholeEntries,
  type DecisionWord,
  type ListFormat,
  type ListName,
} from './filtering.rules.ts';

export interface RequestInput {
  kind: string;
  domain: string;
  reason: string;
  duration: string;
  classId?: string | null;
  concernId?: string | null;
}

const kinds: readonly FilterRequestKind[] = ['block', 'unblock'];
const durations = Object.keys(durationLabels) as FilterDuration[];
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const open: readonly FilterRequestStatus[] = ['with-ict-lead', 'with-decider', 'applied-urgently'];

/** FLT-1, FLT-2, FLT-3: requests asked, recommended and decided; the lists the filter loads. */
export function createFilteringService(schools: SchoolDatabase, config: Config, onMail: () => void = () => {}) {
  const inSchool = <T>(actor: Actor, work: (tx: SchoolTx) => Promise<T>) => withSchool(schools, actor.schoolId, work);
  const link = (id: string) => `${config.baseUrl}/filtering/requests/${id}`;

  async function deciders(tx: SchoolTx, schoolId: string, kind: FilterRequestKind): Promise<Role[]> {
    return decidersFor(kind, (await currentSettings(tx, schoolId)).settings.decisions);
  }

  async function tell(tx: SchoolTx, schoolId: string, people: { email: string | null }[], subject: string, text: string) {
    for (const p of people) if (p.email) await enqueueMail(tx, schoolId, { to: p.email, subject, text });
  }

  /** Whether this person may open the request: who asked, the ICT lead and leaders, and whoever decides it. */
  async function maySee(tx: SchoolTx, actor: Actor, request: { requested_by: string; kind: FilterRequestKind }) {
    if (request.requested_by === actor.staffId || may(actor, 'filter:queue')) return true;
    return (await deciders(tx, actor.schoolId, request.kind)).some((r) => actor.roles.includes(r));
  }

  /** The lists for one school at `now`, in the given format. */
  async function listText(tx: SchoolTx, school: { id: string; name: string }, format: ListFormat, list: ListName, now: Date) {
    const entries = entriesInForce(await repo.decisionsForList(tx, list === 'block' ? 'block' : 'unblock'), now);
    if (format === 'pihole') return { entries, body: piholeEntries(list, entries) };
    return { entries, body: formatList(format, list, entries, { school: school.name, at: now }) };
  }

  /** After a change to the lists: bring the Pi-hole in step, when one is set for this school. The outcome is audited. */
  async function syncPihole(school: { id: string; name: string; urn: string }, actorLabel = 'eSafety Office') {
    const target = config.pihole;
    if (!target || (target.schoolUrn && target.schoolUrn !== school.urn)) return;
    const now = new Date();
    const desired = await withSchool(schools, school.id, async (tx) => [
      ...(await listText(tx, school, 'pihole', 'block', now)).body,
      ...(await listText(tx, school, 'pihole', 'allow', now)).body,
    ]);
    let detail: Record<string, unknown>;
    try {
      detail = { ...(await pushToPihole(target, desired as ReturnType<typeof piholeEntries>)), ok: true };
    } catch (error) {
      if (!(error instanceof PiholeError)) throw error;
      detail = { ok: false, problem: error.message };
    }
    await withSchool(schools, school.id, (tx) =>
      recordAudit(
        tx,
        school.id,
        { id: null, label: actorLabel },
        { action: detail.ok ? 'filtering.pihole-updated' : 'filtering.pihole-failed', subjectType: 'filter-lists', subjectId: 'pihole', detail },
      ),
    );
  }

  const schoolOf = (actor: Actor) => ({ id: actor.schoolId, name: actor.schoolName, urn: actor.schoolUrn });

  return {
    syncPihole,

    /** FLT-1, FLT-2: any member of staff asks; the ICT lead is told. */
    async ask(actor: Actor, input: RequestInput): Promise<{ id: string; status: FilterRequestStatus }> {
      requireAccess(actor, 'filter:request');
      const problems: FieldProblem[] = [];
      const kind = kinds.find((k) => k === input.kind);
      if (!kind) problems.push({ field: 'kind', message: 'Choose whether the site should be blocked or opened' });
      const domain = normaliseDomain(input.domain);
      if (!domain.ok) problems.push({ field: 'domain', message: domain.reason });
      const reason = input.reason.trim();
      if (!reason)
        problems.push({
          field: 'reason',
          message: kind === 'block' ? 'Say what got through and why it should be blocked' : 'Say why the site is needed for teaching',
        });
      if (reason.length > 2000) problems.push({ field: 'reason', message: 'Keep the reason to 2,000 characters' });
      const duration = durations.find((d) => d === input.duration);
      if (!duration) problems.push({ field: 'duration', message: 'Choose how long for' });
      const classId = input.classId?.trim() || null;
      const concernId = input.concernId?.trim() || null;
      if (classId && !uuid.test(classId)) problems.push({ field: 'classId', message: 'Choose a class from the list' });
      if (concernId && !uuid.test(concernId)) problems.push({ field: 'concernId', message: 'The concern this came from was not found' });
      if (problems.length || !kind || !duration || !domain.ok) throw new ValidationError(problems);
      const result = await inSchool(actor, async (tx) => {
        if (classId && !(await repo.classExists(tx, classId))) throw new ValidationError([{ field: 'classId', message: 'Choose a class from the list' }]);
        if (concernId && !(await repo.concernExists(tx, concernId)))
          throw new ValidationError([{ field: 'concernId', message: 'The concern this came from was not found' }]);
        const row = await repo.insertRequest(tx, {
          school_id: actor.schoolId,
          kind,
          domain: domain.domain.ascii,
          display_domain: domain.domain.display,
          reason,
          duration,
          class_id: classId,
          concern_id: concernId,
          requested_by: actor.staffId,
        });
        await repo.insertStep(tx, { school_id: actor.schoolId, request_id: row.id, step: 'requested', note: reason, by_staff: actor.staffId });
        await recordAudit(tx, actor.schoolId, auditActor(actor), {
          action: `filtering.${kind}-requested`,
          subjectType: 'filter-request',
          subjectId: row.id,
          detail: { domain: domain.domain.ascii, duration, ...(classId ? { classId } : {}), ...(concernId ? { concernId } : {}) },
        });
        await tell(
          tx,
          actor.schoolId,
          await staffHoldingRoles(tx, ['ict-lead'], { withEmail: true }),
          kind === 'block' ? 'A request to block a website needs you' : 'A request to open a blocked website needs you',
          `A member of staff has asked for a website to be ${kind === 'block' ? 'blocked' : 'opened for teaching'}. Please check it and recommend a decision:\n${link(row.id)}\n\nYou will be asked to sign in.`,
        );
        return row;
      });
      onMail();
      return { id: result.id, status: result.status };
    },

    /** The ICT lead's queue, what waits for this person's decision, and their own requests. */
    async overview(actor: Actor) {
      requireAccess(actor, 'filter:request');
      return inSchool(actor, async (tx) => {
        const seesQueue = may(actor, 'filter:queue');
        const decidesUnblock = (await deciders(tx, actor.schoolId, 'unblock')).some((r) => actor.roles.includes(r));
        const decidesBlock = (await deciders(tx, actor.schoolId, 'block')).some((r) => actor.roles.includes(r));
        const waiting = seesQueue || decidesBlock || decidesUnblock ? await repo.requestsWith(tx, open) : [];
        return {
          queue: waiting.filter((r) => seesQueue || (r.kind === 'unblock' ? decidesUnblock : decidesBlock)),
          recent: seesQueue ? await repo.recentlyClosed(tx, 20) : [],
          mine: await repo.requestsBy(tx, actor.staffId, 20),
          isIctLead: actor.roles.includes('ict-lead'),
          decides: { block: decidesBlock, unblock: decidesUnblock },
        };
      });
    },

    /** One request with its steps; 404 for anyone who may not see it (a governor the settings name as decider may). */
    async request(actor: Actor, id: string) {
      return inSchool(actor, async (tx) => {
        const request = await repo.findRequest(tx, id);
        if (!request || !(await maySee(tx, actor, request))) throw new NotFound();
        const decides = (await deciders(tx, actor.schoolId, request.kind)).some((r) => actor.roles.includes(r));
        return { request, steps: await repo.stepsOf(tx, id), decides, isIctLead: actor.roles.includes('ict-lead') };
      });
    },

    /** 004 §8.4–8.5: the ICT lead recommends; the people the settings name approve or refuse; the requester is told. */
    async decide(actor: Actor, id: string, decision: DecisionWord, note: string): Promise<{ status: FilterRequestStatus }> {
      if (!may(actor, 'filter:recommend') && !may(actor, 'filter:decide')) throw new Forbidden();
      const now = new Date();
      const outcome = await inSchool(actor, async (tx) => {
        const request = await repo.lockRequest(tx, id);
        if (!request) throw new NotFound();
        const check = checkDecision({
          decision,
          status: request.status,
          note,
          actorRoles: actor.roles,
          deciders: await deciders(tx, actor.schoolId, request.kind),
        });
        if (!check.ok) {
          if (check.refusal === 'forbidden') throw new Forbidden(check.message);
          if (check.refusal === 'conflict') throw new Conflict('already_decided', check.message);
          throw new ValidationError([{ field: 'note', message: check.message }]);
        }
        const change: Parameters<typeof repo.setStatus>[2] = { status: check.status };
        if (check.status === 'approved') {
          const from = request.in_force_from ?? now;
          const term = request.duration === 'term' ? await termContaining(tx, londonDay(from)) : undefined;
          change.in_force_from = from;
          change.expires_at = expiryFor(request.duration, from, term?.ends_on ?? null);
        }
        if (check.status === 'refused') Object.assign(change, { in_force_from: null, expires_at: null });
        await repo.setStatus(tx, id, change);
        await repo.insertStep(tx, { school_id: actor.schoolId, request_id: id, step: decision, note: note.trim(), by_staff: actor.staffId });
        await recordAudit(tx, actor.schoolId, auditActor(actor), {
          action: `filtering.${decision}`,
          subjectType: 'filter-request',
          subjectId: id,
          detail: { status: check.status, ...(change.expires_at ? { expiresAt: change.expires_at.toISOString() } : {}) },
        });
        if (check.status === 'with-decider') {
          const roles = await deciders(tx, actor.schoolId, request.kind);
          await tell(
            tx,
            actor.schoolId,
            (await staffHoldingRoles(tx, roles, { withEmail: true })).filter((s) => s.id !== actor.staffId),
            'A website request is waiting for your decision',
            `The ICT lead has looked at a request about a website and it now needs your decision:\n${link(id)}\n\nYou will be asked to sign in.`,
          );
        } else {
          const requester = await repo.staffEmail(tx, request.requested_by);
          if (requester && requester.id !== actor.staffId)
            await tell(
              tx,
              actor.schoolId,
              [requester],
              'Your website request has been decided',
              `Your request about a website has been decided. See the decision and the reasons here:\n${link(id)}\n\nYou will be asked to sign in.`,
            );
        }
        return { status: check.status, changesLists: check.status === 'approved' || (check.status === 'refused' && request.status === 'applied-urgently') };
      });
      onMail();
      if (outcome.changesLists) await syncPihole(schoolOf(actor), actor.name);
      return { status: outcome.status };
    },

    /** Harmful content: the ICT lead blocks at once; the people who decide confirm or lift it afterwards. */
    async blockNow(actor: Actor, id: string, note: string): Promise<{ status: FilterRequestStatus }> {
      requireAccess(actor, 'filter:recommend');
      const now = new Date();
      await inSchool(actor, async (tx) => {
        const request = await repo.lockRequest(tx, id);
        if (!request) throw new NotFound();
        if (request.kind !== 'block') throw new Conflict('not_a_block', 'Only a request to block a site can be applied at once');
        if (request.status !== 'with-ict-lead' && request.status !== 'with-decider')
          throw new Conflict('already_decided', 'This request has already been decided');
        if (!note.trim()) throw new ValidationError([{ field: 'note', message: 'Say what harmful content it shows: the people who decide read this' }]);
        const term = request.duration === 'term' ? await termContaining(tx, londonDay(now)) : undefined;
        await repo.setStatus(tx, id, { status: 'applied-urgently', in_force_from: now, expires_at: expiryFor(request.duration, now, term?.ends_on ?? null) });
        await repo.insertStep(tx, { school_id: actor.schoolId, request_id: id, step: 'applied-urgently', note: note.trim(), by_staff: actor.staffId });
        await recordAudit(tx, actor.schoolId, auditActor(actor), { action: 'filtering.applied-urgently', subjectType: 'filter-request', subjectId: id });
        const roles = await deciders(tx, actor.schoolId, 'block');
        await tell(
          tx,
          actor.schoolId,
          (await staffHoldingRoles(tx, roles, { withEmail: true })).filter((s) => s.id !== actor.staffId),
          'Act now: a website was blocked urgently and needs your confirmation',
          `The ICT lead blocked a website at once because of harmful content. Confirm the block or lift it here:\n${link(id)}\n\nYou will be asked to sign in.`,
        );
      });
      onMail();
      await syncPihole(schoolOf(actor), actor.name);
      return { status: 'applied-urgently' };
    },

    /** Classes to choose from when asking to open a site for one. */
    async classes(actor: Actor) {
      requireAccess(actor, 'filter:request');
      return inSchool(actor, (tx) => repo.activeClasses(tx));
    },

    /** FLT-3: a list in the format the filter loads, as it stands now. */
    async list(actor: Actor, format: ListFormat, list: ListName) {
      requireAccess(actor, 'filter:export');
      return inSchool(actor, (tx) => listText(tx, schoolOf(actor), format, list, new Date()));
    },

    /** For the lists page: both lists in force, with when each lapses. */
    async listsInForce(actor: Actor) {
      requireAccess(actor, 'filter:export');
      const now = new Date();
      return inSchool(actor, async (tx) => ({
        block: entriesInForce(await repo.decisionsForList(tx, 'block'), now),
        allow: entriesInForce(await repo.decisionsForList(tx, 'unblock'), now),
        pihole: config.pihole ? config.pihole.url : null,
      }));
    },

    /** The nightly and hourly job: decisions whose time has run out are marked expired, and the Pi-hole is brought in step. */
    async expireLapsed(now = new Date()): Promise<number> {
      let total = 0;
      for (const school of await listSchools(schools)) {
        const expired = await withSchool(schools, school.id, async (tx) => {
          const rows = await repo.lapsed(tx, now);
          for (const r of rows) {
            await repo.setStatus(tx, r.id, { status: 'expired' });
            await repo.insertStep(tx, { school_id: school.id, request_id: r.id, step: 'expired', note: '', by_staff: null });
            await recordAudit(
              tx,
              school.id,
              { id: null, label: 'eSafety Office' },
              { action: 'filtering.expired', subjectType: 'filter-request', subjectId: r.id },
            );
          }
          return rows.length;
        });
        total += expired;
        if (expired) await syncPihole(school);
      }
      return total;
    },
  };
}

export type FilteringService = ReturnType<typeof createFilteringService>;
