import { formatDay } from '../../platform/text/dates.ts';
import type { Signatory } from './policies.import.rules.ts';
import type { ReviewDue } from './policies.rules.ts';

export const ukDay = (iso: string | null) => (iso ? formatDay(iso) : null);

/** Status in words (never colour alone): the tag's text says it. */
export function statusTag(status: string): { text: string; classes: string } {
  switch (status) {
    case 'approved':
      return { text: 'Approved', classes: 'govuk-tag--green' };
    case 'awaiting-approval':
      return { text: 'Waiting for signatures', classes: 'govuk-tag--yellow' };
    case 'withdrawn':
      return { text: 'Withdrawn', classes: 'govuk-tag--grey' };
    default:
      return { text: 'Draft', classes: 'govuk-tag--grey' };
  }
}

/** "14 October 2027 (Autumn 2027)", or the term alone when the policy named only a term. */
export function describeReview(review: ReviewDue | null, overdue: boolean): { text: string; overdue: boolean } | null {
  if (!review) return null;
  const exact = review.due === review.overdueAfter;
  return { text: exact ? `${ukDay(review.due)} (${review.term})` : review.term, overdue };
}

export const staffItems = (staff: { id: string; given_name: string; family_name: string }[], selected: string | null) =>
  staff.map((s) => ({ value: s.id, text: `${s.given_name} ${s.family_name}`, selected: s.id === selected }));

/** "Louise Yarwood, Headteacher, May 2017" for each signature an imported file showed. */
export const importedSignatories = (imported: Record<string, unknown> | null) =>
  ((imported?.signatories ?? []) as Signatory[]).map((s) => [s.name ?? 'Name not given', s.role, s.date].filter(Boolean).join(', '));
