import { parse } from 'csv-parse/sync';
import type { Config } from '../../config.ts';
import { may, requireAccess } from '../../platform/auth/access.ts';
import { auditActor, type Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { listSchools, withSchool, type SchoolDatabase } from '../../platform/db/school-database.ts';
import type { SchoolTx } from '../../platform/db/school-scope.ts';
import type { AlertSeverity } from '../../platform/db/schema.ts';
import { Conflict, NotFound, ValidationError, type FieldProblem } from '../../platform/http/errors.ts';
import { createConcernsService } from '../concerns/concerns.service.ts';
import { currentSettings } from '../settings/settings.service.ts';
import { londonDay } from './filtering.rules.ts';
import * as repo from './oversight.repository.ts';
import { dateFromParts, nextDueAfter, participantRoles, reviewPoints } from './review.rules.ts';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const severities: readonly AlertSeverity[] = ['low', 'medium', 'high', 'critical'];

export interface ReviewInput {
  completedOn: { day: string; month: string; year: string };
  participants: Record<string, string>;
  points: Record<string, { met: string; evidence: string; actions: string }>;
}

export interface BanInput {
  pupilId: string;
  concernId: string;
  reason: string;
  startsOn: { day: string; month: string; year: string };
  endsOn: { day: string; month: string; year: string };
  supervisedUse: boolean;
}

export interface AlertInput {
  source: string;
  externalId?: string | null;
  occurredAt: string;
  username?: string;
  device?: string;
  pupilId?: string | null;
  pupilRef?: string | null;
  category: string;
  severity: string;
  detail?: string;
}

/** FLT-4 bans, 001 §5 monitoring alerts and the DfE standards' yearly review. */
export function createOversightService(schools: SchoolDatabase, config: Config, onMail: () => void = () => {}) {
  const inSchool = <T>(actor: Actor, work: (tx: SchoolTx) => Promise<T>) => withSchool(schools, actor.schoolId, work);
  const concerns = createConcernsService(schools, config, onMail);

  function alertProblems(input: AlertInput, row: string): { problems: FieldProblem[]; occurredAt: Date | null; severity: AlertSeverity | null } {
    const problems: FieldProblem[] = [];
    const at = new Date(input.occurredAt);
    if (!input.occurredAt || Number.isNaN(at.getTime()))
      problems.push({ field: 'occurredAt', message: `${row}when it happened is not a date and time, like 2026-11-30T10:15:00Z` });
    const severity = severities.find((s) => s === input.severity.trim().toLowerCase()) ?? null;
    if (!severity) problems.push({ field: 'severity', message: `${row}severity must be low, medium, high or critical` });
    if (!input.category.trim()) problems.push({ field: 'category', message: `${row}say what kind of alert it is (the category)` });
    if (!input.source.trim()) problems.push({ field: 'source', message: `${row}name the monitoring product it came from` });
    if (input.pupilId && !uuid.test(input.pupilId)) problems.push({ field: 'pupilId', message: `${row}the pupil was not found` });
    return { problems, occurredAt: problems.length ? null : at, severity };
  }

  async function storeAlerts(actor: Actor, inputs: AlertInput[], via: 'upload' | 'api') {
    const checked = inputs.map((input, i) => ({ input, ...alertProblems(input, via === 'upload' ? `Row ${i + 2}: ` : '') }));
    const problems = checked.flatMap((c) => c.problems);
    if (problems.length) throw new ValidationError(problems.slice(0, 20));
    return inSchool(actor, async (tx) => {
      const byRef = await repo.pupilIdsBySourcedId(tx, inputs.map((i) => i.pupilRef?.trim() ?? '').filter(Boolean));
      const stored: { id: string; duplicate: boolean }[] = [];
      for (const c of checked) {
        const pupilId = c.input.pupilId || (c.input.pupilRef ? (byRef.get(c.input.pupilRef.trim()) ?? null) : null);
        if (c.input.pupilId && !(await repo.pupilExists(tx, c.input.pupilId)))
          throw new ValidationError([{ field: 'pupilId', message: 'The pupil was not found' }]);
        stored.push(
          await repo.insertAlert(tx, {
            school_id: actor.schoolId,
            source: c.input.source.trim().slice(0, 100),
            external_id: c.input.externalId?.trim() || null,
            occurred_at: c.occurredAt!,
            username: (c.input.username ?? '').trim().slice(0, 200),
            device: (c.input.device ?? '').trim().slice(0, 200),
            pupil_id: pupilId,
            category: c.input.category.trim().slice(0, 200),
            severity: c.severity!,
            detail: (c.input.detail ?? '').trim().slice(0, 4000),
            received_via: via,
          }),
        );
      }
      const added = stored.filter((s) => !s.duplicate).length;
      await recordAudit(tx, actor.schoolId, auditActor(actor), {
        action: 'monitoring.alerts-received',
        subjectType: 'monitoring-alerts',
        subjectId: via,
        detail: { added, alreadyHeld: stored.length - added },
      });
      return stored;
    });
  }

  return {
    // --- the yearly review ---

    async reviews(actor: Actor) {
      requireAccess(actor, 'filtering-review:read');
      return inSchool(actor, (tx) => repo.reviews(tx));
    },

    /** The whole review at once: every point with its evidence and actions, who took part, when. */
    async recordReview(actor: Actor, input: ReviewInput): Promise<string> {
      requireAccess(actor, 'filtering-review:record');
      const problems: FieldProblem[] = [];
      const date = dateFromParts(input.completedOn.day, input.completedOn.month, input.completedOn.year);
      if (!date.ok) problems.push({ field: 'completedOn', message: `Date of the review: ${date.reason.toLowerCase()}` });
      else if (date.date > londonDay(new Date())) problems.push({ field: 'completedOn', message: 'Date of the review: it cannot be in the future' });
      const participants = participantRoles.map((r) => ({ role: r.key, name: (input.participants[r.key] ?? '').trim() }));
      for (const p of participants)
        if (!p.name)
          problems.push({
            field: `participant-${p.role}`,
            message: `Name the ${participantRoles.find((r) => r.key === p.role)!.label.toLowerCase()} who took part`,
          });
      const points = reviewPoints.map((point) => {
        const given = input.points[point.key] ?? { met: '', evidence: '', actions: '' };
        if (given.met !== 'yes' && given.met !== 'no') problems.push({ field: `met-${point.key}`, message: `${point.title}: say whether the school meets it` });
        if (!given.evidence.trim()) problems.push({ field: `evidence-${point.key}`, message: `${point.title}: record the evidence you looked at` });
        if (given.met === 'no' && !given.actions.trim())
          problems.push({ field: `actions-${point.key}`, message: `${point.title}: record the actions agreed, as it is not met` });
        return { key: point.key, met: given.met === 'yes', evidence: given.evidence.trim(), actions: given.actions.trim() };
      });
      if (problems.length || !date.ok) throw new ValidationError(problems);
      return inSchool(actor, async (tx) => {
        const id = await repo.insertReview(
          tx,
          { school_id: actor.schoolId, completed_on: date.date, next_due: nextDueAfter(date.date), participants, recorded_by: actor.staffId },
          points,
        );
        await recordAudit(tx, actor.schoolId, auditActor(actor), {
          action: 'filtering.review-recorded',
          subjectType: 'filtering-review',
          subjectId: id,
          detail: { completedOn: date.date, notMet: points.filter((p) => !p.met).map((p) => p.key) },
        });
        return id;
      });
    },

    // --- computer bans (FLT-4) ---

    async bans(actor: Actor) {
      requireAccess(actor, 'ban:read');
      return inSchool(actor, (tx) => repo.upcomingAndActiveBans(tx, londonDay(new Date())));
    },

    async pupilsForBan(actor: Actor) {
      requireAccess(actor, 'ban:manage');
      return inSchool(actor, (tx) => repo.pupilsOnRoll(tx));
    },

    async addBan(actor: Actor, input: BanInput): Promise<string> {
      requireAccess(actor, 'ban:manage');
      const problems: FieldProblem[] = [];
      if (!uuid.test(input.pupilId)) problems.push({ field: 'pupilId', message: 'Choose the pupil' });
      const concernId = input.concernId.trim() || null;
      if (concernId && !uuid.test(concernId)) problems.push({ field: 'concernId', message: 'The concern was not found' });
      if (!input.reason.trim()) problems.push({ field: 'reason', message: 'Say what happened (how the filter was got round)' });
      const starts = dateFromParts(input.startsOn.day, input.startsOn.month, input.startsOn.year);
      const ends = dateFromParts(input.endsOn.day, input.endsOn.month, input.endsOn.year);
      if (!starts.ok) problems.push({ field: 'startsOn', message: `Starts: ${starts.reason.toLowerCase()}` });
      if (!ends.ok) problems.push({ field: 'endsOn', message: `Ends: ${ends.reason.toLowerCase()}` });
      if (starts.ok && ends.ok && ends.date < starts.date) problems.push({ field: 'endsOn', message: 'Ends: the end date must be on or after the start' });
      if (problems.length || !starts.ok || !ends.ok) throw new ValidationError(problems);
      return inSchool(actor, async (tx) => {
        if (!(await repo.pupilExists(tx, input.pupilId))) throw new ValidationError([{ field: 'pupilId', message: 'Choose the pupil' }]);
        const { id } = await repo.insertBan(tx, {
          school_id: actor.schoolId,
          pupil_id: input.pupilId,
          concern_id: concernId,
          reason: input.reason.trim(),
          starts_on: starts.date,
          ends_on: ends.date,
          supervised_use: input.supervisedUse,
          created_by: actor.staffId,
        });
        await recordAudit(tx, actor.schoolId, auditActor(actor), {
          action: 'filtering.ban-added',
          subjectType: 'pupil',
          subjectId: input.pupilId,
          detail: { banId: id, startsOn: starts.date, endsOn: ends.date, supervisedUse: input.supervisedUse, ...(concernId ? { concernId } : {}) },
        });
        return id;
      });
    },

    async liftBan(actor: Actor, id: string, note: string): Promise<void> {
      requireAccess(actor, 'ban:manage');
      if (!note.trim()) throw new ValidationError([{ field: 'note', message: 'Say why the ban is lifted early' }]);
      await inSchool(actor, async (tx) => {
        if (!(await repo.liftBan(tx, id, actor.staffId, note.trim()))) throw new NotFound();
        await recordAudit(tx, actor.schoolId, auditActor(actor), { action: 'filtering.ban-lifted', subjectType: 'computer-ban', subjectId: id });
      });
    },

    /** Active bans for the class and pupil pages (class teachers see them), or none for who may not. */
    async activeBansFor(tx: SchoolTx, actor: Actor, filter: { pupilId?: string; classId?: string }) {
      return may(actor, 'ban:read') ? repo.activeBans(tx, londonDay(new Date()), filter) : [];
    },

    // --- monitoring alerts (001 §5) ---

    receiveAlert: (actor: Actor, input: AlertInput) => {
      requireAccess(actor, 'monitoring:receive');
      return storeAlerts(actor, [input], 'api').then((s) => s[0]);
    },

    /** A CSV export from the monitoring product: columns occurred_at, category, severity, and optionally source, id, user, device, pupil (MIS id), detail. */
    async uploadAlerts(actor: Actor, csv: string, source: string) {
      requireAccess(actor, 'monitoring:triage');
      let records: Record<string, string>[];
      try {
        records = parse(csv, {
          columns: (header: string[]) =>
            header.map((h) =>
              h
                .trim()
                .toLowerCase()
                .replace(/[\s-]+/g, '_'),
            ),
          skip_empty_lines: true,
          trim: true,
          bom: true,
        });
      } catch (error) {
        throw new ValidationError([{ field: 'file', message: `The file could not be read as CSV: ${(error as Error).message}` }]);
      }
      if (records.length === 0) throw new ValidationError([{ field: 'file', message: 'The file has no alerts in it' }]);
      if (records.length > 5000) throw new ValidationError([{ field: 'file', message: 'Upload at most 5,000 alerts at a time' }]);
      const missing = ['occurred_at', 'category', 'severity'].filter((c) => !(c in records[0]));
      if (missing.length) throw new ValidationError([{ field: 'file', message: `The file needs the columns ${missing.join(', ')}` }]);
      const stored = await storeAlerts(
        actor,
        records.map((r) => ({
          source: r.source || source || 'Uploaded file',
          externalId: r.id || r.alert_id || null,
          occurredAt: r.occurred_at ?? '',
          username: r.user ?? r.username ?? '',
          device: r.device ?? '',
          pupilRef: r.pupil ?? null,
          category: r.category ?? '',
          severity: r.severity ?? '',
          detail: r.detail ?? '',
        })),
        'upload',
      );
      return { added: stored.filter((s) => !s.duplicate).length, alreadyHeld: stored.filter((s) => s.duplicate).length };
    },

    async alerts(actor: Actor) {
      requireAccess(actor, 'monitoring:triage');
      return inSchool(actor, async (tx) => ({
        waiting: await repo.alerts(tx, ['new'], 200),
        done: await repo.alerts(tx, ['false-positive', 'noted', 'concern-opened'], 50),
      }));
    },

    /** The DSL or ICT lead: a false positive, a note, or a concern opened with one click (the alert's details go into it). */
    async triage(actor: Actor, id: string, action: string, note: string): Promise<{ concernId?: string }> {
      requireAccess(actor, 'monitoring:triage');
      if (action !== 'false-positive' && action !== 'noted' && action !== 'concern')
        throw new ValidationError([{ field: 'action', message: 'Choose what to do with the alert' }]);
      if (action === 'noted' && !note.trim()) throw new ValidationError([{ field: 'note', message: 'Write the note' }]);
      const alert = await inSchool(actor, async (tx) => {
        const found = await repo.findAlert(tx, id);
        if (!found) throw new NotFound();
        if (found.triage !== 'new') throw new Conflict('already_triaged', 'Someone has already dealt with this alert');
        if (action !== 'concern') {
          await repo.triageAlert(tx, id, { triage: action, triage_note: note.trim(), triaged_by: actor.staffId });
          await recordAudit(tx, actor.schoolId, auditActor(actor), { action: `monitoring.${action}`, subjectType: 'monitoring-alert', subjectId: id });
        }
        const { settings } = await currentSettings(tx, actor.schoolId);
        const type = settings.concerns.routes.find((r) => r.type === 'inappropriate-content')?.type ?? settings.concerns.routes[0].type;
        return { ...found, concernType: type };
      });
      if (action !== 'concern') return {};
      const reported = await concerns.report(actor, {
        type: alert.concernType,
        summary: `Monitoring alert: ${alert.category} (${alert.severity})`,
        details: [
          `From ${alert.source}${alert.external_id ? ` (alert ${alert.external_id})` : ''}.`,
          alert.username ? `User: ${alert.username}.` : '',
          alert.device ? `Device: ${alert.device}.` : '',
          alert.detail,
          note.trim() ? `Triage note: ${note.trim()}` : '',
        ]
          .filter(Boolean)
          .join('\n'),
        occurredAt: alert.occurred_at,
        location: 'in-school',
        outOfHours: false,
        platform: null,
        pupilIds: alert.pupil_id ? [alert.pupil_id] : [],
        staffIds: [],
        carerIds: [],
        others: [],
        links: [],
        involvesNudeImages: false,
      });
      await inSchool(actor, async (tx) => {
        const again = await repo.findAlert(tx, id);
        if (again?.triage !== 'new') throw new Conflict('already_triaged', 'Someone has already dealt with this alert');
        await repo.triageAlert(tx, id, { triage: 'concern-opened', triage_note: note.trim(), triaged_by: actor.staffId, concern_id: reported.id });
        await recordAudit(tx, actor.schoolId, auditActor(actor), {
          action: 'monitoring.concern-opened',
          subjectType: 'monitoring-alert',
          subjectId: id,
          detail: { concernId: reported.id },
        });
      });
      return { concernId: reported.id };
    },

    /** Nightly: copies older than the settings' retention go, except those that opened a concern. */
    async purgeAlerts(now = new Date()): Promise<number> {
      let total = 0;
      for (const school of await listSchools(schools)) {
        total += await withSchool(schools, school.id, async (tx) => {
          const months = (await currentSettings(tx, school.id)).settings.retention.monitoringAlertMonths ?? 12;
          const before = new Date(now);
          before.setUTCMonth(before.getUTCMonth() - months);
          const deleted = await repo.deleteAlertsBefore(tx, before);
          if (deleted)
            await recordAudit(
              tx,
              school.id,
              { id: null, label: 'eSafety Office' },
              { action: 'monitoring.alerts-deleted', subjectType: 'monitoring-alerts', subjectId: 'retention', detail: { deleted, months } },
            );
          return deleted;
        });
      }
      return total;
    },
  };
}

export type OversightService = ReturnType<typeof createOversightService>;
