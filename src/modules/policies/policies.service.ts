import { may, requireAccess } from '../../platform/auth/access.ts';
import { auditActor, type Actor } from '../../platform/auth/actor.ts';
import { isRole } from '../../platform/auth/permissions.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { NotFound, ValidationError, type FieldProblem } from '../../platform/http/errors.ts';
import { currentSettings } from '../settings/settings.service.ts';
import { isUuid } from '../../platform/http/ids.ts';
import { inSchool, loadPolicy, loadVersion, londonDay, required, versionNumber, type PoliciesDeps } from './policies.context.ts';
import { compareTexts, diffSummary, whyNotCompared, withContext } from './policies.diff.rules.ts';
import { importPolicyFile } from './policies.import.service.ts';
import { renderPolicyMarkdown } from './policies.markdown.ts';
import * as repo from './policies.repository.ts';
import { isOverdue, isPolicyKind, reviewDue, slugFor } from './policies.rules.ts';
import { schoolTerms } from '../school/school.repository.ts';

export interface PolicyDetails {
  title: string;
  kind: string;
  ownerId: string;
  intervalMonths: string;
  appliesTo: string[];
  links: string;
}

function checkDetails(input: PolicyDetails, problems: FieldProblem[]) {
  const title = required(problems, 'title', input.title, 'Enter the policy’s title');
  if (title.length > 150) problems.push({ field: 'title', message: 'The title must be 150 characters or fewer' });
  if (!isPolicyKind(input.kind)) problems.push({ field: 'kind', message: 'Choose what kind of policy this is' });
  const interval = Number(input.intervalMonths);
  if (!Number.isInteger(interval) || interval < 1 || interval > 60)
    problems.push({ field: 'intervalMonths', message: 'Enter how often it is reviewed, in months, from 1 to 60' });
  const appliesTo = [...new Set(input.appliesTo)];
  if (appliesTo.length === 0 || appliesTo.some((r) => !isRole(r)))
    problems.push({ field: 'appliesTo', message: 'Choose who must read and confirm the policy' });
  const ownerId = input.ownerId.trim() || null;
  if (ownerId && !isUuid(ownerId)) problems.push({ field: 'ownerId', message: 'Choose the owner from the list' });
  const links = input.links
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(0, 30);
  return { title, kind: input.kind, interval, appliesTo, ownerId, links };
}

const lockedMessage = {
  approved: 'This version is approved and locked. Start a new version to make changes.',
  'awaiting-approval': 'This version is waiting for signatures and cannot be changed. Withdraw it from approval first.',
  withdrawn: 'This version was withdrawn from approval and cannot be changed. Edit the new draft instead.',
};

/** POL-1: the register, its policies and their versions. */
export function registerService(deps: PoliciesDeps) {
  return {
    async list(actor: Actor, now = new Date()) {
      requireAccess(actor, 'policy:read');
      const today = londonDay(now);
      return inSchool(deps, actor, async (tx) => {
        const current = new Map((await repo.currentVersions(tx)).map((v) => [v.policy_id, v]));
        const terms = await schoolTerms(tx);
        return (await repo.listPolicies(tx)).map((p) => {
          const version = current.get(p.id) ?? null;
          const review = version ? reviewDue(version, terms) : null;
          return { ...p, current: version, review, overdue: isOverdue(review, today) };
        });
      });
    },

    async staffChoices(actor: Actor) {
      requireAccess(actor, 'policy:read');
      return inSchool(deps, actor, (tx) => repo.activeStaff(tx));
    },

    async create(actor: Actor, input: PolicyDetails & { body: string }) {
      requireAccess(actor, 'policy:manage');
      const problems: FieldProblem[] = [];
      const details = checkDetails(input, problems);
      if (problems.length) throw new ValidationError(problems);
      return inSchool(deps, actor, async (tx) => {
        const base = slugFor(details.title, new Set());
        const created = await repo.insertPolicy(tx, {
          school_id: actor.schoolId,
          slug: slugFor(details.title, await repo.slugsLike(tx, base)),
          title: details.title,
          kind: details.kind,
          owner_id: details.ownerId,
          review_interval_months: details.interval,
          applies_to: details.appliesTo,
        });
        await repo.replaceLinks(
          tx,
          actor.schoolId,
          created.id,
          details.links.map((title) => ({ title, policyId: null })),
        );
        await repo.insertVersion(tx, {
          school_id: actor.schoolId,
          policy_id: created.id,
          number: 1,
          body_markdown: input.body,
          change_summary: 'First version',
          created_by: actor.staffId,
        });
        await recordAudit(tx, actor.schoolId, auditActor(actor), {
          action: 'policy.created',
          subjectType: 'policy',
          subjectId: created.id,
          detail: { title: details.title },
        });
        return created;
      });
    },

    async importFile(actor: Actor, fileName: string, bytes: Uint8Array) {
      requireAccess(actor, 'policy:manage');
      return importPolicyFile(deps, actor.schoolId, auditActor(actor), fileName, bytes);
    },

    async updateDetails(actor: Actor, id: string, input: PolicyDetails) {
      requireAccess(actor, 'policy:manage');
      const problems: FieldProblem[] = [];
      const details = checkDetails(input, problems);
      if (problems.length) throw new ValidationError(problems);
      await inSchool(deps, actor, async (tx) => {
        const policy = await loadPolicy(tx, id);
        const others = (await repo.listPolicies(tx)).filter((p) => p.id !== id);
        await repo.updatePolicy(tx, id, {
          title: details.title,
          kind: details.kind,
          owner_id: details.ownerId,
          review_interval_months: details.interval,
          applies_to: details.appliesTo,
        });
        await repo.replaceLinks(
          tx,
          actor.schoolId,
          id,
          details.links.map((title) => ({
            title,
            policyId: others.find((p) => p.title.toLowerCase().includes(title.toLowerCase()))?.id ?? null,
          })),
        );
        await recordAudit(tx, actor.schoolId, auditActor(actor), {
          action: 'policy.details-changed',
          subjectType: 'policy',
          subjectId: id,
          detail: { before: { title: policy.title, interval: policy.review_interval_months, appliesTo: policy.applies_to }, after: details },
        });
      });
    },

    /** A policy with its versions; people who do not keep the register see approved versions only. */
    async policy(actor: Actor, id: string, now = new Date()) {
      requireAccess(actor, 'policy:read');
      return inSchool(deps, actor, async (tx) => {
        const policy = await loadPolicy(tx, id);
        const manager = may(actor, 'policy:manage');
        const versions = (await repo.listVersions(tx, id)).filter(
          (v) => manager || v.status === 'approved' || (v.status === 'awaiting-approval' && v.signatories.some((s) => s.staffId === actor.staffId)),
        );
        const current = versions.find((v) => v.status === 'approved') ?? null;
        const review = current ? reviewDue(current, await schoolTerms(tx)) : null;
        const { settings } = await currentSettings(tx, actor.schoolId);
        return {
          policy,
          versions,
          current,
          review,
          overdue: isOverdue(review, londonDay(now)),
          links: await repo.listLinks(tx, id),
          open: versions.find((v) => v.status === 'draft' || v.status === 'awaiting-approval') ?? null,
          approvingBody: settings.policyReview.approvingBody,
        };
      });
    },

    async version(actor: Actor, id: string, numberText: string) {
      requireAccess(actor, 'policy:read');
      const number = versionNumber(numberText);
      return inSchool(deps, actor, async (tx) => {
        const policy = await loadPolicy(tx, id);
        const version = await loadVersion(tx, id, number);
        const isSignatory = version.signatories.some((s) => s.staffId === actor.staffId);
        if (version.status !== 'approved' && !may(actor, 'policy:manage') && !(version.status === 'awaiting-approval' && isSignatory)) throw new NotFound();
        const signatures = await repo.signaturesOf(tx, version.id);
        const review = reviewDue(version, await schoolTerms(tx));
        return { policy, version, signatures, review, html: renderPolicyMarkdown(version.body_markdown ?? '') };
      });
    },

    async originalFile(actor: Actor, id: string, numberText: string) {
      const { version } = await this.version(actor, id, numberText);
      const file = await inSchool(deps, actor, (tx) => repo.originalFile(tx, id, version.number));
      if (!file?.original_file) throw new NotFound();
      return file;
    },

    /** A new draft starts from the latest text; there is only ever one open version. */
    async startNewVersion(actor: Actor, id: string) {
      requireAccess(actor, 'policy:manage');
      return inSchool(deps, actor, async (tx) => {
        await loadPolicy(tx, id);
        const versions = await repo.listVersions(tx, id);
        const open = versions.find((v) => v.status === 'draft' || v.status === 'awaiting-approval');
        if (open) return open.number;
        const latest = versions[0] ? await loadVersion(tx, id, versions[0].number) : null;
        const number = (latest?.number ?? 0) + 1;
        await repo.insertVersion(tx, {
          school_id: actor.schoolId,
          policy_id: id,
          number,
          body_markdown: latest?.body_markdown ?? '',
          change_summary: '',
          created_by: actor.staffId,
        });
        await recordAudit(tx, actor.schoolId, auditActor(actor), {
          action: 'policy.draft-started',
          subjectType: 'policy',
          subjectId: id,
          detail: { version: number },
        });
        return number;
      });
    },

    async saveDraft(actor: Actor, id: string, numberText: string, input: { body: string; changeSummary: string }) {
      requireAccess(actor, 'policy:manage');
      const number = versionNumber(numberText);
      const problems: FieldProblem[] = [];
      const body = required(problems, 'body', input.body, 'Enter the text of the policy');
      const changeSummary = required(problems, 'changeSummary', input.changeSummary, 'Say briefly what changed in this version');
      if (changeSummary.length > 500) problems.push({ field: 'changeSummary', message: 'The summary must be 500 characters or fewer' });
      if (problems.length) throw new ValidationError(problems);
      await inSchool(deps, actor, async (tx) => {
        await loadPolicy(tx, id);
        const version = await loadVersion(tx, id, number);
        if (version.status !== 'draft') throw new ValidationError([{ field: 'body', message: lockedMessage[version.status] }]);
        await repo.updateVersion(tx, version.id, { body_markdown: body.replace(/\r\n?/g, '\n'), change_summary: changeSummary });
        await recordAudit(tx, actor.schoolId, auditActor(actor), {
          action: 'policy.draft-saved',
          subjectType: 'policy',
          subjectId: id,
          detail: { version: number },
        });
      });
    },

    async compare(actor: Actor, id: string, fromText: string, toText: string) {
      const from = await this.version(actor, id, fromText);
      const to = await this.version(actor, id, toText);
      const { lines, tooLarge } = compareTexts(from.version.body_markdown ?? '', to.version.body_markdown ?? '');
      return {
        policy: from.policy,
        from: from.version,
        to: to.version,
        notCompared: tooLarge ? whyNotCompared(tooLarge) : null,
        rows: lines ? withContext(lines, 2) : [],
        summary: lines ? diffSummary(lines) : null,
      };
    },
  };
}
