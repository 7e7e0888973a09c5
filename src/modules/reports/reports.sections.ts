import type { SchoolTx } from '../../platform/db/school-scope.ts';
import { mustAcknowledge } from '../policies/policies.rules.ts';
import type { PolicySettings } from '../settings/settings.schema.ts';
import { consentSection, photosSection } from './reports.images.sections.ts';
import { agreementsSection, filteringSection, trainingSection } from './reports.oversight.sections.ts';
import * as repo from './reports.repository.ts';
import {
  changeSentence,
  countText,
  defaultTerms,
  londonDay,
  median,
  reviewState,
  suppress,
  termNames,
  termOf,
  type Count,
  type Period,
  type TermDates,
} from './reports.rules.ts';
import type { SectionView } from './reports.view.ts';

export interface SectionContext {
  tx: SchoolTx;
  period: Period;
  settings: PolicySettings;
  /** The day the figures stand at: the end of the year, or today for the year under way. */
  asOf: Date;
}

/**
 * One section of the governors' report. Adding a section (agreements, training, filtering) is
 * one more entry in `reportSections`: what it counts, what it gives in the JSON (small numbers
 * already suppressed) and what the page and the PDF show.
 */
export interface ReportSection<D> {
  key: string;
  collect(ctx: SectionContext): Promise<D>;
  json(data: D): unknown;
  view(data: D, lastYear: D | null, settings: PolicySettings): SectionView;
}

const suppressAll = (counts: Record<string, number>): Record<string, Count> => Object.fromEntries(Object.entries(counts).map(([k, n]) => [k, suppress(n)]));
const termTitle: Record<(typeof termNames)[number], string> = { autumn: 'Autumn term', spring: 'Spring term', summer: 'Summer term' };
const referralKeys = ['police-referral', 'outside-agency-referral'];

// ---------------------------------------------------------------- concerns

interface ConcernFigures {
  total: number;
  byType: Record<string, number>;
  byTerm: Record<string, number>;
  outOfHours: number;
  repeats: number;
  closed: number;
  actions: Record<string, number>;
  referrals: number;
  medianDaysToFirstAction: number | null;
}

const concernsSection: ReportSection<ConcernFigures> = {
  key: 'concerns',
  async collect({ tx, period, settings }) {
    const own = await repo.termsBetween(tx, period.from, period.to);
    const terms: TermDates[] = own.length ? own.map((t) => ({ name: t.name, startsOn: t.starts_on, endsOn: t.ends_on })) : defaultTerms(period.academicYear);
    const concerns = await repo.concernsBetween(tx, period.from, period.to);
    const byType: Record<string, number> = Object.fromEntries(settings.concerns.routes.map((r) => [r.type, 0]));
    const byTerm: Record<string, number> = Object.fromEntries(termNames.map((t) => [t, 0]));
    for (const c of concerns) {
      byType[c.type] = (byType[c.type] ?? 0) + 1;
      byTerm[termOf(c.reported_at, terms)] += 1;
    }
    const actions: Record<string, number> = {};
    const first = new Map<string, number>();
    for (const a of await repo.actionsOnConcernsBetween(tx, period.from, period.to)) {
      const key = a.action_key ?? 'note';
      actions[key] = (actions[key] ?? 0) + 1;
      const days = (a.created_at.getTime() - a.reported_at.getTime()) / 86_400_000;
      if (key !== 'note' && (!first.has(a.concern_id) || days < first.get(a.concern_id)!)) first.set(a.concern_id, days);
    }
    const mid = median([...first.values()]);
    return {
      total: concerns.length,
      byType,
      byTerm,
      outOfHours: concerns.filter((c) => c.location === 'out-of-school' || c.out_of_hours).length,
      repeats: await repo.repeatPeopleBetween(tx, period.from, period.to),
      closed: concerns.filter((c) => c.closed).length,
      actions,
      referrals: referralKeys.reduce((n, k) => n + (actions[k] ?? 0), 0),
      medianDaysToFirstAction: mid === null ? null : Math.round(mid * 10) / 10,
    };
  },
  json: (f) => ({
    total: suppress(f.total),
    byType: suppressAll(f.byType),
    byTerm: suppressAll(f.byTerm),
    outOfHours: suppress(f.outOfHours),
    repeats: suppress(f.repeats),
    closed: suppress(f.closed),
    actions: suppressAll(f.actions),
    referrals: suppress(f.referrals),
    medianDaysToFirstAction: f.medianDaysToFirstAction,
  }),
  view(f, last, settings) {
    const label = (type: string) => settings.concerns.routes.find((r) => r.type === type)?.label ?? type;
    const actionLabel = (key: string) => settings.concerns.actions.find((a) => a.key === key)?.label ?? key;
    return {
      id: 'concerns',
      title: 'Concerns and incidents',
      change: changeSentence({ noun: f.total === 1 ? 'concern' : 'concerns', verb: 'were recorded' }, f.total, last?.total ?? null),
      blocks: [
        {
          kind: 'chart',
          id: 'concerns-by-type',
          title: 'Concerns by type',
          series: ['Concerns'],
          rows: Object.entries(f.byType).map(([type, n]) => ({ label: label(type), values: [suppress(n)] })),
        },
        {
          kind: 'chart',
          id: 'concerns-by-term',
          title: 'Concerns by term',
          series: ['Concerns'],
          rows: termNames.map((t) => ({ label: termTitle[t], values: [suppress(f.byTerm[t])] })),
        },
        {
          kind: 'facts',
          items: [
            { label: 'Out of school or out of hours', value: countText(suppress(f.outOfHours)) },
            { label: 'People in more than one concern', value: countText(suppress(f.repeats)) },
            { label: 'Closed', value: countText(suppress(f.closed)) },
            { label: 'Referrals outside school (police or other agencies)', value: countText(suppress(f.referrals)) },
            {
              label: 'Typical time to the first action',
              value: f.medianDaysToFirstAction === null ? 'No actions recorded' : `${f.medianDaysToFirstAction} days (median)`,
            },
          ],
        },
        {
          kind: 'table',
          title: 'Actions taken',
          head: ['Action', 'Number'],
          rows: Object.entries(f.actions)
            .filter(([key]) => key !== 'note')
            .map(([key, n]) => [actionLabel(key), countText(suppress(n))]),
        },
      ],
    };
  },
};

// ---------------------------------------------------------------- policies

interface PolicyFigures {
  approvedThisYear: number;
  policies: { title: string; status: string; approvedOn: string | null; nextReviewDue: string | null; review: string; acknowledged: number; staff: number }[];
}

const reviewWords: Record<string, string> = { overdue: 'Review overdue', due: 'Review due soon', 'in-date': 'In date', 'no-date': 'No review date' };

const policiesSection: ReportSection<PolicyFigures> = {
  key: 'policies',
  async collect({ tx, period, settings, asOf }) {
    const staff = await repo.activeStaffRoles(tx);
    const today = londonDay(asOf);
    return {
      approvedThisYear: await repo.policiesApprovedBetween(tx, period.from, period.to),
      policies: (await repo.policiesWithReview(tx)).map((p) => ({
        title: p.title,
        status: p.status,
        approvedOn: p.approved_on,
        nextReviewDue: p.next_review_due,
        review: reviewState(p.next_review_due, today, settings.policyReview.reminderWeeks),
        acknowledged: Number(p.acknowledged),
        staff: staff.filter((s) => mustAcknowledge(s.roles, p.applies_to)).length,
      })),
    };
  },
  // Staff numbers cannot identify a child: given exactly.
  json: (f) => f.policies,
  view(f, last) {
    const overdue = f.policies.filter((p) => p.review === 'overdue').length;
    return {
      id: 'policies',
      title: 'Policies',
      change:
        changeSentence(
          { noun: f.approvedThisYear === 1 ? 'policy version' : 'policy versions', verb: 'were approved' },
          f.approvedThisYear,
          last?.approvedThisYear ?? null,
          true,
        ) + (overdue ? ` ${overdue} ${overdue === 1 ? 'review is' : 'reviews are'} overdue.` : ''),
      blocks: [
        {
          kind: 'table',
          title: 'Policies, reviews and staff confirmations',
          head: ['Policy', 'Approved', 'Next review', 'Review', 'Staff who confirmed reading it'],
          rows: f.policies.map((p) => [
            p.title,
            p.approvedOn ?? 'Not approved',
            p.nextReviewDue ?? '–',
            reviewWords[p.review],
            p.approvedOn ? `${p.acknowledged} of ${p.staff}` : '–',
          ]),
        },
      ],
    };
  },
};

/** A section ready to run: its figures for the year and for last year, as the API and the page give them. */
export interface BuiltSection {
  key: string;
  build(context: SectionContext, lastYear: SectionContext | null): Promise<{ json: unknown; view: SectionView }>;
}

function defineSection<D>(section: ReportSection<D>): BuiltSection {
  return {
    key: section.key,
    async build(context, lastYear) {
      const data = await section.collect(context);
      const last = lastYear ? await section.collect(lastYear) : null;
      return { json: section.json(data), view: section.view(data, last, context.settings) };
    },
  };
}

/** The sections in the order the report shows them. A new one is one more `defineSection(...)` here. */
export const reportSections: readonly BuiltSection[] = [
  defineSection(concernsSection),
  defineSection(consentSection),
  defineSection(photosSection),
  defineSection(policiesSection),
  defineSection(agreementsSection),
  defineSection(trainingSection),
  defineSection(filteringSection),
];
