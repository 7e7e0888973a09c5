import { requireAccess } from '../../platform/auth/access.ts';
import { auditActor, type Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { withSchool, type SchoolDatabase } from '../../platform/db/school-database.ts';
import type { SchoolTx } from '../../platform/db/school-scope.ts';
import { Conflict, NotFound, ValidationError, type FieldProblem } from '../../platform/http/errors.ts';
import type { PolicySettings } from '../settings/settings.schema.ts';
import { currentSettings } from '../settings/settings.service.ts';
import { outsideRecipients } from '../settings/settings.schema.ts';
import { evidenceFileProblem, type EvidenceFile } from './concerns.input.ts';
import { isUuid } from '../../platform/http/ids.ts';
import { offeredActions, openConcern, outOfHoursOf } from './concerns.record.ts';
import * as repo from './concerns.repository.ts';
import { needsOutOfHoursDecision, outOfHoursDecisionProblems, pendingFollowUps, statusOf } from './concerns.rules.ts';

export interface NewAction {
  kind: string;
  note: string;
  dueAt: Date | null;
}

const maxNote = 10_000;

/**
 * Changing a concern means adding to its timeline (INC-4, INC-7): actions, corrections, the
 * out-of-hours decision, follow-ups done and the outcome. Nothing already written is changed.
 */
export function createConcernActions(schools: SchoolDatabase) {
  /** Opens the concern for someone who may act on it; the rest get 404 (or 409 once it is closed). */
  const forChange = async <T>(
    actor: Actor,
    id: string,
    work: (tx: SchoolTx, settings: PolicySettings, row: repo.ConcernRow) => Promise<T>,
    options: { whenClosed?: boolean } = {},
  ) => {
    requireAccess(actor, 'concern:act');
    return withSchool(schools, actor.schoolId, async (tx) => {
      const { settings } = await currentSettings(tx, actor.schoolId);
      const { row, access } = await openConcern(tx, actor, settings, id, 'change');
      if (access !== 'full') throw new NotFound();
      if (row.closed && !options.whenClosed) throw new Conflict('closed', 'This concern is closed; nothing more can be added to it');
      return work(tx, settings, row);
    });
  };
  const audit = (tx: SchoolTx, actor: Actor, action: string, id: string, detail: Record<string, unknown> = {}) =>
    recordAudit(tx, actor.schoolId, auditActor(actor), { action, subjectType: 'concern', subjectId: id, detail });
  const required = (text: string, field: string, message: string): FieldProblem[] =>
    !text.trim() ? [{ field, message }] : text.length > maxNote ? [{ field, message: 'This must be 10,000 characters or fewer' }] : [];

  return {
    /** Takes a concern off "needs my attention" for the person it was routed to. */
    async markRead(actor: Actor, id: string): Promise<void> {
      await forChange(
        actor,
        id,
        async (tx, _settings, row) => {
          if (!row.routed_to.includes(actor.staffId)) return;
          await repo.markRead(tx, actor.schoolId, id, actor.staffId);
        },
        { whenClosed: true },
      );
    },

    /** INC-4: an action from the school's settings, with a note and, for a follow-up, a due date. */
    async addAction(actor: Actor, id: string, input: NewAction) {
      return forChange(actor, id, async (tx, settings) => {
        const problems: FieldProblem[] = [];
        if (!offeredActions(settings).some((a) => a.key === input.kind)) problems.push({ field: 'kind', message: 'Choose an action from the list' });
        problems.push(...required(input.note, 'note', input.kind === 'no-action' ? 'Give the reason for not acting' : 'Write a note about what was done'));
        if (input.dueAt && Number.isNaN(input.dueAt.getTime())) problems.push({ field: 'dueAt', message: 'Enter the follow-up date as a real date' });
        if (problems.length) throw new ValidationError(problems);
        const entry = await repo.insertEntry(tx, {
          school_id: actor.schoolId,
          concern_id: id,
          kind: 'action',
          action_key: input.kind,
          field: null,
          note: input.note.trim(),
          reason: null,
          due_at: input.dueAt,
          refers_to: null,
          acts: null,
          created_by: actor.staffId,
        });
        await audit(tx, actor, 'concern.action-added', id, { kind: input.kind });
        return entry;
      });
    },

    /**
     * Issue 19: records that someone outside the staff was told (the pupil's carers, the police,
     * the LADO, children's social care): who was spoken to, when and how. It closes the required
     * "tell …" action of the concern's type, and counts as acting on the concern.
     */
    async recordTelling(actor: Actor, id: string, input: { recipient: string; who: string; when: Date | null; how: string }) {
      return forChange(actor, id, async (tx) => {
        const problems: FieldProblem[] = [];
        const recipient = outsideRecipients.find((r) => r === input.recipient);
        if (!recipient) problems.push({ field: 'recipient', message: 'Choose who was told' });
        if (!input.who.trim())
          problems.push({ field: 'toldWho', message: 'Say who was told: their name and role, for example PC Jones, or the duty social worker' });
        else if (input.who.length > 400) problems.push({ field: 'toldWho', message: 'Who was told must be 400 characters or fewer' });
        if (!input.when) problems.push({ field: 'toldAt', message: 'Enter the date they were told' });
        else if (Number.isNaN(input.when.getTime()))
          problems.push({ field: 'toldAt', message: 'Enter the date they were told as a real date, with the time as 14:30' });
        else if (input.when.getTime() > Date.now() + 5 * 60_000)
          problems.push({ field: 'toldAt', message: 'The date they were told must be today or in the past' });
        problems.push(...required(input.how, 'toldHow', 'Say how they were told, for example by phone, with the reference number'));
        if (problems.length || !recipient) throw new ValidationError(problems);
        await repo.insertEntry(tx, {
          school_id: actor.schoolId,
          concern_id: id,
          kind: 'told',
          action_key: null,
          field: null,
          note: '',
          reason: null,
          due_at: null,
          refers_to: null,
          acts: null,
          told: recipient,
          told_who: input.who.trim(),
          told_at: input.when,
          told_how: input.how.trim(),
          created_by: actor.staffId,
        });
        await audit(tx, actor, 'concern.told', id, { recipient });
      });
    },

    /** INC-7: a correction is added with its reason; the original stays as written. */
    async amend(actor: Actor, id: string, input: { field: string; text: string; reason: string }) {
      return forChange(actor, id, async (tx) => {
        const problems: FieldProblem[] = [];
        if (input.field !== 'summary' && input.field !== 'details') problems.push({ field: 'field', message: 'Choose what you are correcting' });
        problems.push(...required(input.text, 'text', 'Write the corrected text'));
        problems.push(...required(input.reason, 'reason', 'Say why it needs correcting'));
        if (input.field === 'summary' && input.text.length > 200) problems.push({ field: 'text', message: 'The summary must be 200 characters or fewer' });
        if (problems.length) throw new ValidationError(problems);
        await repo.insertEntry(tx, {
          school_id: actor.schoolId,
          concern_id: id,
          kind: 'amendment',
          action_key: null,
          field: input.field as 'summary' | 'details',
          note: input.text.trim(),
          reason: input.reason.trim(),
          due_at: null,
          refers_to: null,
          acts: null,
          created_by: actor.staffId,
        });
        await audit(tx, actor, 'concern.amended', id, { field: input.field });
      });
    },

    /** INC-5: whether the school acts on something outside school or school hours, on which grounds, and why. */
    async decideOutOfHours(actor: Actor, id: string, input: { acts: boolean | null; grounds: string[]; reasons: string }) {
      return forChange(actor, id, async (tx, settings, row) => {
        if (!needsOutOfHoursDecision({ location: row.location, outOfHours: row.out_of_hours })) throw new NotFound();
        const problems = outOfHoursDecisionProblems(input, outOfHoursOf(settings));
        if (problems.length) throw new ValidationError(problems);
        await repo.insertEntry(tx, {
          school_id: actor.schoolId,
          concern_id: id,
          kind: 'out-of-hours-decision',
          action_key: null,
          field: null,
          note: input.reasons.trim(),
          reason: null,
          due_at: null,
          refers_to: null,
          grounds: input.acts ? input.grounds : [],
          acts: input.acts,
          created_by: actor.staffId,
        });
        await audit(tx, actor, 'concern.out-of-hours-decided', id, { acts: input.acts, grounds: input.grounds });
      });
    },

    async completeFollowUp(actor: Actor, id: string, entryId: string) {
      return forChange(actor, id, async (tx) => {
        const entries = await repo.entriesOf(tx, [id]);
        const pending = pendingFollowUps(entries.map((e) => ({ id: e.id, kind: e.kind, dueAt: e.due_at, refersTo: e.refers_to })));
        if (!isUuid(entryId) || !pending.some((p) => p.id === entryId)) throw new NotFound();
        await repo.insertEntry(tx, {
          school_id: actor.schoolId,
          concern_id: id,
          kind: 'follow-up-done',
          action_key: null,
          field: null,
          note: '',
          reason: null,
          due_at: null,
          refers_to: entryId,
          acts: null,
          created_by: actor.staffId,
        });
        await audit(tx, actor, 'concern.follow-up-done', id, { entryId });
      });
    },

    /** Closes with an outcome: what was decided, why, and what was done. */
    async close(actor: Actor, id: string, outcome: string) {
      return forChange(actor, id, async (tx) => {
        const problems = required(outcome, 'outcome', 'Write the outcome: what was decided, why, and what was done');
        if (problems.length) throw new ValidationError(problems);
        const entries = await repo.entriesOf(tx, [id]);
        if (statusOf(entries.map((e) => ({ id: e.id, kind: e.kind, dueAt: e.due_at, refersTo: e.refers_to }))) === 'closed')
          throw new Conflict('closed', 'This concern is already closed');
        await repo.insertEntry(tx, {
          school_id: actor.schoolId,
          concern_id: id,
          kind: 'closed',
          action_key: null,
          field: null,
          note: outcome.trim(),
          reason: null,
          due_at: null,
          refers_to: null,
          acts: null,
          created_by: actor.staffId,
        });
        await audit(tx, actor, 'concern.closed', id);
      });
    },

    /** More evidence: links, or a picture or PDF — never for a concern about nude images of a child. */
    async addEvidence(actor: Actor, id: string, input: { links: string[]; file: EvidenceFile | null }) {
      requireAccess(actor, 'concern:read');
      return withSchool(schools, actor.schoolId, async (tx) => {
        const { settings } = await currentSettings(tx, actor.schoolId);
        const { row } = await openConcern(tx, actor, settings, id, 'add evidence');
        const problems: FieldProblem[] = [];
        if (input.file && row.involves_nude_images)
          problems.push({
            field: 'evidence',
            message: 'Do not upload anything for a concern about nude or sexual images of a child. Go to the designated safeguarding lead now.',
          });
        else if (input.file) {
          const p = evidenceFileProblem(input.file);
          if (p) problems.push({ field: 'evidence', message: p });
        }
        if (input.links.some((l) => !/^https?:\/\/\S+$/i.test(l) || l.length > 2000))
          problems.push({ field: 'links', message: 'Enter each link as a web address starting with http:// or https://, one on each line' });
        if (!input.file && input.links.length === 0 && problems.length === 0) problems.push({ field: 'links', message: 'Add a link or choose a file' });
        if (problems.length) throw new ValidationError(problems);
        for (const url of input.links) await repo.insertEvidence(tx, { school_id: actor.schoolId, concern_id: id, added_by: actor.staffId, url });
        if (input.file)
          await repo.insertEvidence(tx, {
            school_id: actor.schoolId,
            concern_id: id,
            added_by: actor.staffId,
            file_name: input.file.fileName,
            content_type: input.file.contentType,
            content: input.file.bytes,
          });
        await audit(tx, actor, 'concern.evidence-added', id, { links: input.links.length, files: input.file ? 1 : 0 });
      });
    },
  };
}
