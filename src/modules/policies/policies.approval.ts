import { requireAccess } from '../../platform/auth/access.ts';
import { auditActor, type Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { SchoolTx } from '../../platform/db/school-scope.ts';
import { NotFound, ValidationError, type FieldProblem } from '../../platform/http/errors.ts';
import { enqueueMail } from '../../platform/mail/outbox.ts';
import { currentSettings } from '../settings/settings.service.ts';
import { inSchool, loadPolicy, loadVersion, londonDay, required, staffName, versionNumber, type PoliciesDeps } from './policies.context.ts';
import * as repo from './policies.repository.ts';
import { mustAcknowledge, nextReviewAfter, sameName, signatoryTitles, unsignedTitles, type RequiredSignatory } from './policies.rules.ts';
import { schoolTerms } from '../school/school.repository.ts';

export interface ApprovalRequest {
  approvingBody: string;
  meetingDate: { day: string; month: string; year: string };
  minuteRef: string;
  /** Staff ids in the order of the settings' signatory titles. */
  signatories: string[];
}

function meetingDateProblem(date: ApprovalRequest['meetingDate']): string | null | { iso: string } {
  const [d, m, y] = [date.day, date.month, date.year].map((v) => v.trim());
  if (!d && !m && !y) return 'Enter the date of the meeting';
  const iso = `${y.padStart(4, '0')}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const parsed = new Date(`${iso}T00:00:00Z`);
  if (!/^\d{4}$/.test(y) || !/^\d{1,2}$/.test(m) || !/^\d{1,2}$/.test(d) || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== iso) {
    return 'The date of the meeting must be a real date, like 14 10 2026';
  }
  return { iso };
}

/** Everyone a policy applies to is asked to read the new version and confirm (POL-5). */
export async function askToAcknowledge(deps: PoliciesDeps, tx: SchoolTx, schoolId: string, policy: repo.PolicyRow, number: number) {
  for (const person of await repo.activeStaff(tx)) {
    if (!person.email || !mustAcknowledge(person.roles, policy.applies_to)) continue;
    await enqueueMail(tx, schoolId, {
      to: person.email,
      subject: 'A school policy needs you to read it',
      text: `A new version of a school policy has been approved. Please read it and confirm that you have:\n${deps.baseUrl}/policies/${policy.id}/versions/${number}`,
    });
  }
}

async function choices(tx: SchoolTx, schoolId: string, id: string) {
  const policy = await loadPolicy(tx, id);
  const draft = (await repo.listVersions(tx, id)).find((v) => v.status === 'draft');
  if (!draft) throw new NotFound('This policy has no draft to send for approval');
  const { settings } = await currentSettings(tx, schoolId);
  const signers = await repo.policySigners(tx);
  const signatories = signatoryTitles(settings.policyReview.signatories);
  // A signatory the school does not have yet (no governor on eSafety Office): the page says so and links to adding one.
  const missingGovernor = signatories.some((title) => /governor/i.test(title)) && (await repo.governors(tx)).length === 0;
  return { policy, draft, review: { ...settings.policyReview, signatories }, signers, missingGovernor };
}

/** POL-2: a draft goes to the approving body; the named signatories sign; then it is locked. */
export function approvalService(deps: PoliciesDeps) {
  return {
    async approvalChoices(actor: Actor, id: string) {
      requireAccess(actor, 'policy:manage');
      return inSchool(deps, actor, (tx) => choices(tx, actor.schoolId, id));
    },

    async sendForApproval(actor: Actor, id: string, input: ApprovalRequest) {
      requireAccess(actor, 'policy:manage');
      const problems: FieldProblem[] = [];
      const approvingBody = required(
        problems,
        'approvingBody',
        input.approvingBody,
        'Enter who approves the policy, such as the governing body or a committee',
      );
      const date = meetingDateProblem(input.meetingDate);
      if (typeof date === 'string') problems.push({ field: 'meetingDate', message: date });
      const minuteRef = input.minuteRef.trim().slice(0, 100);
      const number = await inSchool(deps, actor, async (tx) => {
        const { policy, draft, review, signers } = await choices(tx, actor.schoolId, id);
        const chosen: RequiredSignatory[] = [];
        review.signatories.forEach((title, index) => {
          const signer = signers.find((s) => s.id === input.signatories[index]);
          if (!signer) problems.push({ field: `signatory${index}`, message: `Choose who signs as ${title}` });
          else if (chosen.some((c) => c.staffId === signer.id))
            problems.push({ field: `signatory${index}`, message: `${staffName(signer)} cannot sign twice: choose someone else as ${title}` });
          else chosen.push({ title, staffId: signer.id, name: staffName(signer) });
        });
        const full = await loadVersion(tx, id, draft.number);
        if (!full.body_markdown?.trim() && !full.original_name)
          problems.push({ field: 'approvingBody', message: 'The draft has no text yet: write it before sending it for approval' });
        if (problems.length) throw new ValidationError(problems);
        await repo.updateVersion(tx, draft.id, {
          status: 'awaiting-approval',
          approving_body: approvingBody,
          meeting_date: (date as { iso: string }).iso,
          minute_ref: minuteRef,
          signatories: JSON.stringify(chosen),
        });
        if (policy.status === 'draft') await repo.updatePolicy(tx, id, { status: 'awaiting-approval' });
        const staff = await repo.activeStaff(tx);
        for (const signer of chosen) {
          const email = staff.find((s) => s.id === signer.staffId)?.email;
          if (email)
            await enqueueMail(tx, actor.schoolId, {
              to: email,
              subject: 'A school policy is waiting for your signature',
              text: `A policy has been sent for approval and you are named as a signatory. Read it and sign it here:\n${deps.baseUrl}/policies/${id}/versions/${draft.number}`,
            });
        }
        await recordAudit(tx, actor.schoolId, auditActor(actor), {
          action: 'policy.sent-for-approval',
          subjectType: 'policy',
          subjectId: id,
          detail: { version: draft.number, approvingBody, meetingDate: (date as { iso: string }).iso, minuteRef, signatories: chosen },
        });
        return draft.number;
      });
      deps.onMail();
      return number;
    },

    /**
     * Taking a version back from approval (the governors asked for changes): it keeps its
     * signatures and is locked as withdrawn; its text carries on in a new draft.
     */
    async withdraw(actor: Actor, id: string, numberText: string) {
      requireAccess(actor, 'policy:manage');
      const number = versionNumber(numberText);
      return inSchool(deps, actor, async (tx) => {
        const policy = await loadPolicy(tx, id);
        const version = await loadVersion(tx, id, number);
        if (version.status !== 'awaiting-approval') throw new NotFound();
        await repo.updateVersion(tx, version.id, { status: 'withdrawn' });
        const next = (await repo.listVersions(tx, id))[0].number + 1;
        await repo.insertVersion(tx, {
          school_id: actor.schoolId,
          policy_id: id,
          number: next,
          body_markdown: version.body_markdown ?? '',
          change_summary: version.change_summary,
          created_by: actor.staffId,
        });
        if (policy.status === 'awaiting-approval') await repo.updatePolicy(tx, id, { status: 'draft' });
        await recordAudit(tx, actor.schoolId, auditActor(actor), {
          action: 'policy.withdrawn-from-approval',
          subjectType: 'policy',
          subjectId: id,
          detail: { version: number, newDraft: next },
        });
        return next;
      });
    },

    /** A signatory signs with their typed name; the last signature approves and locks the version. */
    async sign(actor: Actor, id: string, numberText: string, typedName: string, now = new Date()) {
      requireAccess(actor, 'policy:sign');
      const number = versionNumber(numberText);
      const approved = await inSchool(deps, actor, async (tx) => {
        const policy = await loadPolicy(tx, id);
        const version = await loadVersion(tx, id, number);
        const mine = version.signatories.filter((s) => s.staffId === actor.staffId);
        if (version.status !== 'awaiting-approval' || mine.length === 0) throw new NotFound();
        const signed = await repo.signaturesOf(tx, version.id);
        const slot = unsignedTitles(mine, signed)[0];
        if (!slot) throw new ValidationError([{ field: 'typedName', message: 'You have already signed this version' }]);
        if (!sameName(typedName, actor.name)) {
          throw new ValidationError([{ field: 'typedName', message: `Type your name as it is recorded, ${actor.name}, to sign` }]);
        }
        await repo.insertSignature(tx, {
          school_id: actor.schoolId,
          version_id: version.id,
          staff_id: actor.staffId,
          role_title: slot.title,
          typed_name: typedName.trim(),
        });
        await recordAudit(tx, actor.schoolId, auditActor(actor), {
          action: 'policy.signed',
          subjectType: 'policy',
          subjectId: id,
          detail: { version: number, as: slot.title },
        });
        if (unsignedTitles(version.signatories, [...signed, { role_title: slot.title }]).length > 0) return false;
        const today = londonDay(now);
        const next = nextReviewAfter(today, policy.review_interval_months, await schoolTerms(tx));
        await repo.updateVersion(tx, version.id, {
          status: 'approved',
          approved_on: today,
          last_reviewed: today,
          next_review_due: next.date,
          next_review_term: next.term,
        });
        await repo.updatePolicy(tx, id, { status: 'approved' });
        await recordAudit(tx, actor.schoolId, auditActor(actor), {
          action: 'policy.approved',
          subjectType: 'policy',
          subjectId: id,
          detail: { version: number, approvedOn: today, nextReviewDue: next.date, approvingBody: version.approving_body },
        });
        await askToAcknowledge(deps, tx, actor.schoolId, policy, number);
        return true;
      });
      if (approved) deps.onMail();
      return { approved };
    },
  };
}
