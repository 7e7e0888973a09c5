import { roles, type Role } from '../../platform/auth/permissions.ts';
import type { SchoolTerm } from '../school/school-calendar.ts';
import { addDays, addMonths, parsePolicyDate, periodOf, termOf } from './policies.dates.rules.ts';

/** The social media policy and the policies it links to (POL-1, 003 "Linked policies"). */
export const policyKinds = [
  { key: 'social-media', label: 'Social media', words: /social media|social networking/i },
  { key: 'acceptable-use', label: 'Acceptable use', words: /acceptable use/i },
  { key: 'mobile-phones', label: 'Mobile phones', words: /mobile phone/i },
  { key: 'staff-code-of-conduct', label: 'Staff code of conduct', words: /code of conduct/i },
  { key: 'anti-bullying', label: 'Anti-bullying', words: /bullying/i },
  { key: 'photographs', label: 'Use of photographs', words: /photograph|images/i },
  { key: 'child-protection', label: 'Child protection and safeguarding', words: /child protection|safeguarding/i },
  { key: 'complaints', label: 'Complaints', words: /complaint/i },
  { key: 'behaviour', label: 'Behaviour', words: /behaviour/i },
  { key: 'data-protection', label: 'Data protection', words: /data protection|gdpr/i },
  { key: 'other', label: 'Other', words: /$^/ },
] as const;

export type PolicyKind = (typeof policyKinds)[number]['key'];
export const isPolicyKind = (value: string): value is PolicyKind => policyKinds.some((k) => k.key === value);
export const kindLabel = (key: string) => policyKinds.find((k) => k.key === key)?.label ?? 'Other';
export const kindFromTitle = (title: string): PolicyKind => policyKinds.find((k) => k.words.test(title))?.key ?? 'other';

/** "Social Media Policy" → "social-media-policy"; a number is added when the school already has one. */
export function slugFor(title: string, taken: Set<string>): string {
  const base =
    title
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'policy';
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** By default a policy applies to everyone on the staff list: staff, governors and volunteers (001 §2). */
export const everyone: Role[] = [...roles];

export interface ReviewDue {
  /** The first day the review is due: the date, or the first day of the term. */
  due: string;
  /** After this day the review is overdue: the date, or the last day of the term. */
  overdueAfter: string;
  /** As the school says it: "Autumn 2027". */
  term: string;
}

/** POL-3: the next review after approval, by the policy's own interval. */
export function nextReviewAfter(approvedOn: string, intervalMonths: number, terms: readonly SchoolTerm[] = []): { date: string; term: string } {
  const date = addMonths(approvedOn, intervalMonths);
  return { date, term: termOf(date, terms) };
}

/** When a version's review falls due; a review "due Autumn 2027" runs to the end of the school's own autumn term. */
export function reviewDue(version: { next_review_due: string | null; next_review_term: string | null }, terms: readonly SchoolTerm[] = []): ReviewDue | null {
  if (version.next_review_due) {
    return { due: version.next_review_due, overdueAfter: version.next_review_due, term: version.next_review_term ?? termOf(version.next_review_due, terms) };
  }
  const parsed = version.next_review_term ? parsePolicyDate(version.next_review_term) : null;
  if (!parsed || parsed.kind === 'date') return null;
  const period = periodOf(parsed, terms);
  return { due: period.from, overdueAfter: period.to, term: version.next_review_term! };
}

export const isOverdue = (review: ReviewDue | null, today: string): boolean => review !== null && today > review.overdueAfter;

/** The owner hears `weeks` before the review is due (settings policyReview.reminderWeeks). */
export const reminderIsDue = (review: ReviewDue | null, today: string, weeks: number): boolean => review !== null && today >= addDays(review.due, -weeks * 7);

/** Whether someone with these roles is asked to read and confirm a policy that applies to `appliesTo` (POL-5). */
export const mustAcknowledge = (staffRoles: readonly string[], appliesTo: readonly string[]): boolean => staffRoles.some((r) => appliesTo.includes(r));

/** Each signature line needs its own name: a second "Co-Headteacher" becomes "Co-Headteacher (2)". */
export function signatoryTitles(titles: string[]): string[] {
  return titles.map((title, index) => {
    const before = titles.slice(0, index).filter((t) => t === title).length;
    return before === 0 ? title : `${title} (${before + 1})`;
  });
}

export interface RequiredSignatory {
  title: string;
  staffId: string;
  name: string;
}

/** Titles still waiting for a signature; when none are left the version is approved. */
export function unsignedTitles(required: RequiredSignatory[], signed: { role_title: string }[]): RequiredSignatory[] {
  return required.filter((r) => !signed.some((s) => s.role_title === r.title));
}

/** A typed name counts as a signature when it is the signer's recorded name (case and spacing aside). */
export const sameName = (typed: string, recorded: string): boolean =>
  typed.trim().replace(/\s+/g, ' ').toLowerCase() === recorded.trim().replace(/\s+/g, ' ').toLowerCase();
