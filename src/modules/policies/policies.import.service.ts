import { basename, extname } from 'node:path';
import { recordAudit, type Actor as AuditActor } from '../../platform/audit/audit.ts';
import { withSchool } from '../../platform/db/school-database.ts';
import { currentSettings } from '../settings/settings.service.ts';
import type { PoliciesDeps } from './policies.context.ts';
import { policyFileText } from './policies.files.ts';
import { parsePolicyText, type ImportedPolicy } from './policies.import.rules.ts';
import * as repo from './policies.repository.ts';
import { everyone, kindFromTitle, slugFor } from './policies.rules.ts';

export interface ImportOutcome {
  id: string;
  slug: string;
  found: ImportedPolicy;
}

/**
 * POL-1 / issue 6 point 8: an existing policy becomes a policy in the register with one draft
 * version — its text, the original file, and what its paperwork says, kept to show and confirm.
 */
export async function importPolicyFile(deps: PoliciesDeps, schoolId: string, actor: AuditActor, fileName: string, bytes: Uint8Array): Promise<ImportOutcome> {
  const name = basename(fileName);
  const { text, mime } = await policyFileText(name, bytes);
  const found = parsePolicyText(text);
  const isMarkdown = mime === 'text/markdown';
  return withSchool(deps.schools, schoolId, async (tx) => {
    const { settings } = await currentSettings(tx, schoolId);
    const title = found.title ?? basename(name, extname(name));
    // The address leaves out the school's name ("… — Low Ash Primary School"): it is already in /schools/{urn}/policies/.
    const slugTitle = title.split(' — ')[0];
    const created = await repo.insertPolicy(tx, {
      school_id: schoolId,
      slug: slugFor(slugTitle, await repo.slugsLike(tx, slugFor(slugTitle, new Set()))),
      title,
      kind: kindFromTitle(title),
      owner_id: actor.id,
      review_interval_months: settings.policyReview.intervalMonths,
      applies_to: everyone,
    });
    const existing = await repo.listPolicies(tx);
    await repo.replaceLinks(
      tx,
      schoolId,
      created.id,
      found.links.map((linked) => ({
        title: linked,
        policyId: existing.find((p) => p.id !== created.id && p.title.toLowerCase().includes(linked.toLowerCase()))?.id ?? null,
      })),
    );
    const { markdown, ...paperwork } = found;
    await repo.insertVersion(tx, {
      school_id: schoolId,
      policy_id: created.id,
      number: 1,
      body_markdown: isMarkdown ? text : markdown,
      change_summary: `Imported from ${name}`,
      created_by: actor.id,
      original_file: bytes,
      original_mime: mime,
      original_name: name,
      imported: JSON.stringify(paperwork),
    });
    await recordAudit(tx, schoolId, actor, {
      action: 'policy.imported',
      subjectType: 'policy',
      subjectId: created.id,
      detail: { file: name, title, found: { ...paperwork, headings: paperwork.headings.length } },
    });
    return { id: created.id, slug: created.slug, found };
  });
}

/** The CLI's --json answer (the contract): dates as YYYY-MM-DD or the policy's term, null when not found. */
export const importJson = (outcome: ImportOutcome) => ({
  id: outcome.id,
  title: outcome.found.title,
  approvedOn: outcome.found.approvedOn,
  lastReviewed: outcome.found.lastReviewed,
  nextReviewDue: outcome.found.nextReviewDue,
  signatories: outcome.found.signatories,
  sections: outcome.found.headings.length,
});
