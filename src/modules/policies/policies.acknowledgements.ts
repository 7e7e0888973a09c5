import { may, requireAccess } from '../../platform/auth/access.ts';
import { auditActor, type Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { SchoolTx } from '../../platform/db/school-scope.ts';
import { NotFound } from '../../platform/http/errors.ts';
import { enqueueMail } from '../../platform/mail/outbox.ts';
import { inSchool, loadPolicy, londonDay, staffName, versionNumber, type PoliciesDeps } from './policies.context.ts';
import * as repo from './policies.repository.ts';
import { isOverdue, mustAcknowledge, reviewDue } from './policies.rules.ts';
import { schoolTerms } from '../school/school.repository.ts';

/** The policies in force that this person has still to read and confirm (a new starter sees them all). */
export async function outstandingFor(tx: SchoolTx, actor: Actor) {
  const outstanding = [];
  for (const version of await repo.currentVersions(tx)) {
    if (!mustAcknowledge(actor.roles, version.applies_to)) continue;
    const done = (await repo.acknowledgementsOf(tx, version.id)).some((a) => a.staff_id === actor.staffId);
    if (!done) outstanding.push(version);
  }
  return outstanding;
}

/** What the dashboard shows about policies (RPT-1): to read, to sign and, for leaders, reviews overdue. */
export async function policyDashboard(tx: SchoolTx, actor: Actor, now = new Date()) {
  if (!may(actor, 'policy:read')) return null;
  const today = londonDay(now);
  const toRead = await outstandingFor(tx, actor);
  const toSign = [];
  for (const policy of await repo.listPolicies(tx)) {
    for (const version of (await repo.listVersions(tx, policy.id)).filter((v) => v.status === 'awaiting-approval')) {
      const signed = await repo.signaturesOf(tx, version.id);
      if (version.signatories.some((s) => s.staffId === actor.staffId && !signed.some((g) => g.staff_id === actor.staffId))) {
        toSign.push({ policyId: policy.id, title: policy.title, number: version.number });
      }
    }
  }
  let overdue: (Awaited<ReturnType<typeof repo.currentVersions>>[number] & { review: ReturnType<typeof reviewDue> })[] = [];
  if (may(actor, 'policy:manage') || actor.roles.includes('governor')) {
    const terms = await schoolTerms(tx);
    overdue = (await repo.currentVersions(tx)).map((v) => ({ ...v, review: reviewDue(v, terms) })).filter((v) => isOverdue(v.review, today));
  }
  return { toRead, toSign, overdue };
}

/** POL-5: confirming that one has read a policy, and who has not yet, for the head. */
export function acknowledgementService(deps: PoliciesDeps) {
  const completionIn = async (tx: SchoolTx, id: string) => {
    const policy = await loadPolicy(tx, id);
    const current = (await repo.currentVersions(tx)).find((v) => v.policy_id === id);
    if (!current) return { policy, current: null, people: [] };
    const done = new Map((await repo.acknowledgementsOf(tx, current.id)).map((a) => [a.staff_id, a.acknowledged_at]));
    const people = (await repo.activeStaff(tx))
      .filter((s) => mustAcknowledge(s.roles, policy.applies_to))
      .map((s) => ({ id: s.id, name: staffName(s), email: s.email, roles: s.roles, acknowledgedAt: done.get(s.id) ?? null }));
    return { policy, current, people };
  };

  return {
    async outstanding(actor: Actor) {
      requireAccess(actor, 'policy:acknowledge');
      return inSchool(deps, actor, (tx) => outstandingFor(tx, actor));
    },

    async dashboard(actor: Actor, now = new Date()) {
      return inSchool(deps, actor, (tx) => policyDashboard(tx, actor, now));
    },

    async acknowledge(actor: Actor, id: string, numberText: string) {
      requireAccess(actor, 'policy:acknowledge');
      const number = versionNumber(numberText);
      return inSchool(deps, actor, async (tx) => {
        const policy = await loadPolicy(tx, id);
        const current = (await repo.currentVersions(tx)).find((v) => v.policy_id === id);
        // Only the version in force is confirmed, by the people it applies to.
        if (!current || current.number !== number || !mustAcknowledge(actor.roles, policy.applies_to)) throw new NotFound();
        const added = await repo.insertAcknowledgement(tx, { school_id: actor.schoolId, version_id: current.id, staff_id: actor.staffId });
        if (added)
          await recordAudit(tx, actor.schoolId, auditActor(actor), {
            action: 'policy.acknowledged',
            subjectType: 'policy',
            subjectId: id,
            detail: { version: number },
          });
        return added;
      });
    },

    async hasAcknowledged(actor: Actor, versionId: string) {
      return inSchool(deps, actor, async (tx) => (await repo.acknowledgementsOf(tx, versionId)).some((a) => a.staff_id === actor.staffId));
    },

    async completion(actor: Actor, id: string) {
      requireAccess(actor, 'policy:manage');
      return inSchool(deps, actor, (tx) => completionIn(tx, id));
    },

    /** Chasing: one reminder e-mail to each person who has not confirmed yet. */
    async chase(actor: Actor, id: string) {
      requireAccess(actor, 'policy:manage');
      const count = await inSchool(deps, actor, async (tx) => {
        const { policy, current, people } = await completionIn(tx, id);
        if (!current) throw new NotFound();
        const waiting = people.filter((p) => !p.acknowledgedAt && p.email);
        for (const person of waiting) {
          await enqueueMail(tx, actor.schoolId, {
            to: person.email!,
            subject: 'Reminder: a school policy needs you to read it',
            text: `Please read this school policy and confirm that you have:\n${deps.baseUrl}/policies/${policy.id}/versions/${current.number}`,
          });
        }
        await recordAudit(tx, actor.schoolId, auditActor(actor), {
          action: 'policy.acknowledgements-chased',
          subjectType: 'policy',
          subjectId: id,
          detail: { version: current.number, people: waiting.length },
        });
        return waiting.length;
      });
      deps.onMail();
      return count;
    },
  };
}
