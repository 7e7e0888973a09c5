import { requireAccess } from '../../platform/auth/access.ts';
import { auditActor, type Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { NotFound, ValidationError, type FieldProblem } from '../../platform/http/errors.ts';
import { askToAcknowledge } from './policies.approval.ts';
import { inSchool, loadPolicy, loadVersion, londonDay, required, versionNumber, type PoliciesDeps } from './policies.context.ts';
import { parsePolicyDate } from './policies.dates.rules.ts';
import * as repo from './policies.repository.ts';
import { nextReviewAfter } from './policies.rules.ts';
import { schoolTerms } from '../school/school.repository.ts';

export interface PaperApproval {
  approvingBody: string;
  approvedOn: { day: string; month: string; year: string };
  nextReview: string;
  minuteRef: string;
}

function dayFrom(parts: PaperApproval['approvedOn']): string | null {
  const [d, m, y] = [parts.day, parts.month, parts.year].map((v) => v.trim());
  if (!/^\d{1,2}$/.test(d) || !/^\d{1,2}$/.test(m) || !/^\d{4}$/.test(y)) return null;
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return new Date(`${iso}T00:00:00Z`).toISOString().slice(0, 10) === iso ? iso : null;
}

/**
 * POL-2/3 for policies approved before the school used eSafety Office: the approval recorded
 * from the paper copy (an imported policy's own dates), so its review cycle starts from there.
 */
export function paperApprovalService(deps: PoliciesDeps) {
  return {
    async recordPaperApproval(actor: Actor, id: string, numberText: string, input: PaperApproval, now = new Date()) {
      requireAccess(actor, 'policy:manage');
      const number = versionNumber(numberText);
      const problems: FieldProblem[] = [];
      const approvingBody = required(problems, 'approvingBody', input.approvingBody, 'Enter who approved the policy, as the paper copy says');
      const approvedOn = dayFrom(input.approvedOn);
      if (!approvedOn) problems.push({ field: 'approvedOn', message: 'Enter the date it was approved, like 20 10 2021' });
      else if (approvedOn > londonDay(now)) problems.push({ field: 'approvedOn', message: 'The date it was approved must be today or in the past' });
      const nextText = input.nextReview.trim();
      const next = nextText ? parsePolicyDate(nextText) : null;
      if (nextText && !next) problems.push({ field: 'nextReview', message: 'Enter the next review as a date, like 14.10.2027, or a term, like Autumn 2027' });
      return inSchool(deps, actor, async (tx) => {
        const policy = await loadPolicy(tx, id);
        const version = await loadVersion(tx, id, number);
        if (version.status !== 'draft') throw new NotFound();
        if (problems.length) throw new ValidationError(problems);
        const review = next === null ? nextReviewAfter(approvedOn!, policy.review_interval_months, await schoolTerms(tx)) : null;
        await repo.updateVersion(tx, version.id, {
          status: 'approved',
          approving_body: approvingBody,
          minute_ref: input.minuteRef.trim().slice(0, 100),
          approved_on: approvedOn!,
          last_reviewed: approvedOn!,
          next_review_due: review?.date ?? (next?.kind === 'date' ? next.iso : null),
          next_review_term: review?.term ?? (next && next.kind !== 'date' ? next.text : null),
        });
        await repo.updatePolicy(tx, id, { status: 'approved' });
        await recordAudit(tx, actor.schoolId, auditActor(actor), {
          action: 'policy.paper-approval-recorded',
          subjectType: 'policy',
          subjectId: id,
          detail: { version: number, approvingBody, approvedOn, nextReview: nextText || review?.date },
        });
        await askToAcknowledge(deps, tx, actor.schoolId, policy, number);
      }).then(() => deps.onMail());
    },
  };
}
