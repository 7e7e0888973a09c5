import { requireAccess } from '../../platform/auth/access.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { findSchoolByUrn, withSchool } from '../../platform/db/school-database.ts';
import { NotFound } from '../../platform/http/errors.ts';
import { inSchool, type PoliciesDeps } from './policies.context.ts';
import { renderPolicyMarkdown } from './policies.markdown.ts';
import * as repo from './policies.repository.ts';
import { reviewDue } from './policies.rules.ts';
import { schoolTerms } from '../school/school.repository.ts';

/** Review due as the API and public pages give it: the policy's term when it named one, else the date. */
const nextReviewText = (v: { next_review_due: string | null; next_review_term: string | null }) =>
  v.next_review_term && !v.next_review_due ? v.next_review_term : v.next_review_due;

/** POL-4: approved policies, readable by anyone at the school's public address. */
export function publicService(deps: PoliciesDeps) {
  const school = async (urn: string) => {
    if (!/^\d{5,8}$/.test(urn)) throw new NotFound();
    const found = await findSchoolByUrn(deps.schools, urn);
    if (!found) throw new NotFound(`No school has the URN ${urn}`);
    return found;
  };
  const publicUrl = (urn: string, slug: string) => `${deps.baseUrl}/schools/${urn}/policies/${slug}`;

  return {
    async publishedPolicies(urn: string) {
      const found = await school(urn);
      const { policies, terms } = await withSchool(deps.schools, found.id, async (tx) => ({
        policies: await repo.currentVersions(tx),
        terms: await schoolTerms(tx),
      }));
      return { school: found, policies: policies.map((p) => ({ ...p, review: reviewDue(p, terms) })) };
    },

    async publishedPolicy(urn: string, slug: string) {
      const found = await school(urn);
      return withSchool(deps.schools, found.id, async (tx) => {
        const version = (await repo.currentVersions(tx)).find((v) => v.slug === slug);
        if (!version) throw new NotFound();
        const body = await repo.publishedBody(tx, version.id);
        if (!body) throw new NotFound();
        return {
          school: found,
          version: { ...version, review: reviewDue(version, await schoolTerms(tx)) },
          html: renderPolicyMarkdown(body.body_markdown ?? ''),
        };
      });
    },

    /** GET /api/v1/policies (the contract). */
    async apiList(actor: Actor) {
      requireAccess(actor, 'policy:read');
      return inSchool(deps, actor, async (tx) => {
        const current = new Map((await repo.currentVersions(tx)).map((v) => [v.policy_id, v]));
        return (await repo.listPolicies(tx)).map((p) => {
          const v = current.get(p.id);
          return {
            id: p.id,
            title: p.title,
            status: p.status,
            currentVersion: v ? { number: v.number, approvedOn: v.approved_on, nextReviewDue: nextReviewText(v) } : null,
            publicUrl: v ? publicUrl(actor.schoolUrn, p.slug) : null,
          };
        });
      });
    },
  };
}
