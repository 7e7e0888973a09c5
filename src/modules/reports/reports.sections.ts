import type { SchoolTx } from '../../platform/db/school-scope.ts';
import { consentStatus, type Decision } from '../consent/consent.rules.ts';
import { basisFor, lapseContext } from '../consent/consent.service.ts';
import { mustAcknowledge } from '../policies/policies.rules.ts';
import type { PolicySettings } from '../settings/settings.schema.ts';
import { agreementsSection, filteringSection, trainingSection } from './reports.oversight.sections.ts';
import * as repo from './reports.repository.ts';
import {
  changeSentence,
  countText,
  defaultTerms,
  londonDay,
  median,
  percent,
  reviewState,
  shareSentence,
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

// ---------------------------------------------------------------- photo consent

interface ConsentFigures {
  pupils: number;
  byPurpose: Record<string, { may: number; mayNot: number; noAnswer: number }>;
  byClass: { title: string; byPurpose: Record<string, { may: number; mayNot: number; noAnswer: number }> }[];
  takedowns: { raised: number; done: number };
}

const consentSection: ReportSection<ConsentFigures> = {
  key: 'consent',
  async collect({ tx, period, settings, asOf }) {
    const purposes = settings.consent.purposes.filter((p) => p.active).map((p) => p.key);
    const pupils = await repo.pupilsOnRollOn(tx, asOf);
    const ids = pupils.map((p) => p.id);
    const decisions = new Map<string, Decision[]>(ids.map((id) => [id, []]));
    for (const d of await repo.decisionsAsOf(tx, ids, asOf))
      decisions.get(d.pupil_id)?.push({
        purpose: d.purpose,
        decision: d.decision,
        carerId: d.carer_id,
        recordedAt: d.recorded_at,
        formVersion: d.form_version,
        yearGroup: d.year_group,
      });
    const carers = new Map<string, { carerId: string; parentalResponsibility: boolean }[]>(ids.map((id) => [id, []]));
    for (const c of await repo.carerLinksOf(tx, ids)) carers.get(c.pupil_id)?.push({ carerId: c.carer_id, parentalResponsibility: c.parental_responsibility });
    const empty = () => Object.fromEntries(purposes.map((p) => [p, { may: 0, mayNot: 0, noAnswer: 0 }]));
    const byPurpose = empty();
    const classes = new Map<string, ConsentFigures['byClass'][number]>();
    for (const pupil of pupils) {
      const title = pupil.class_title ?? 'No class';
      const cls = classes.get(title) ?? { title, byPurpose: empty() };
      classes.set(title, cls);
      for (const purpose of purposes) {
        const status = consentStatus(
          purpose,
          decisions.get(pupil.id) ?? [],
          carers.get(pupil.id) ?? [],
          lapseContext(settings, pupil.year_group, asOf),
          basisFor(settings, purpose),
        );
        const key = status === 'may' ? 'may' : status === 'may-not' ? 'mayNot' : 'noAnswer';
        byPurpose[purpose][key] += 1;
        cls.byPurpose[purpose][key] += 1;
      }
    }
    return {
      pupils: pupils.length,
      byPurpose,
      byClass: [...classes.values()].sort((a, b) => a.title.localeCompare(b.title)),
      takedowns: await repo.takedownsBetween(tx, period.from, period.to),
    };
  },
  json: (f) => ({
    byPurpose: Object.fromEntries(
      Object.entries(f.byPurpose).map(([p, c]) => [p, { may: suppress(c.may), mayNot: suppress(c.mayNot), noAnswer: suppress(c.noAnswer) }]),
    ),
    takedowns: { raised: suppress(f.takedowns.raised), done: suppress(f.takedowns.done) },
  }),
  view(f, last, settings) {
    const label = (key: string) => settings.consent.purposes.find((p) => p.key === key)?.label ?? key;
    const answered = (x: ConsentFigures) => {
      const all = Object.values(x.byPurpose);
      return percent(
        all.reduce((n, c) => n + c.may + c.mayNot, 0),
        all.reduce((n, c) => n + c.may + c.mayNot + c.noAnswer, 0),
      );
    };
    const cell = (c: { may: number; mayNot: number; noAnswer: number }) =>
      `${countText(suppress(c.may))} may, ${countText(suppress(c.mayNot))} may not, ${countText(suppress(c.noAnswer))} no answer`;
    const purposes = Object.keys(f.byPurpose);
    return {
      id: 'consent',
      title: 'Photo consent',
      change: shareSentence('The share of answers in from families', answered(f), last ? answered(last) : null),
      blocks: [
        {
          kind: 'chart',
          id: 'consent-by-purpose',
          title: 'Photo consent by purpose, pupils on roll',
          series: ['May', 'May not', 'No answer'],
          rows: Object.entries(f.byPurpose).map(([p, c]) => ({ label: label(p), values: [suppress(c.may), suppress(c.mayNot), suppress(c.noAnswer)] })),
        },
        {
          kind: 'table',
          title: 'Photo consent by class',
          head: ['Class', ...purposes.map(label)],
          rows: f.byClass.map((cls) => [cls.title, ...purposes.map((p) => cell(cls.byPurpose[p]))]),
        },
        {
          kind: 'facts',
          items: [
            { label: 'Pupils on roll', value: String(f.pupils) },
            { label: 'Takedowns after consent was withdrawn', value: countText(suppress(f.takedowns.raised)) },
            { label: 'Takedowns done', value: countText(suppress(f.takedowns.done)) },
          ],
        },
      ],
    };
  },
};

// ---------------------------------------------------------------- photographs

interface PhotoFigures {
  published: number;
  takenDown: number;
  refused: number;
  byChannel: Record<string, { published: number; refused: number }>;
}

const photosSection: ReportSection<PhotoFigures> = {
  key: 'photos',
  async collect({ tx, period }) {
    const byChannel: PhotoFigures['byChannel'] = {};
    let published = 0;
    let takenDown = 0;
    let refused = 0;
    for (const row of await repo.publicationsBetween(tx, period.from, period.to)) {
      byChannel[row.channel] = { published: Number(row.published), refused: 0 };
      published += Number(row.published);
      takenDown += Number(row.taken_down);
    }
    for (const row of await repo.refusalsBetween(tx, period.from, period.to)) {
      byChannel[row.channel] = { published: byChannel[row.channel]?.published ?? 0, refused: Number(row.refused) };
      refused += Number(row.refused);
    }
    return { published, takenDown, refused, byChannel };
  },
  json: (f) => ({ published: suppress(f.published), refused: suppress(f.refused), takenDown: suppress(f.takenDown) }),
  view(f, last, settings) {
    const label = (key: string) => settings.photos.channels.find((c) => c.key === key)?.label ?? key;
    return {
      id: 'photos',
      title: 'Photographs published',
      change: changeSentence({ noun: f.published === 1 ? 'photograph' : 'photographs', verb: 'were published' }, f.published, last?.published ?? null),
      blocks: [
        {
          kind: 'chart',
          id: 'photos-by-channel',
          title: 'Photographs published and refused, by where they were to go',
          series: ['Published', 'Refused by the person deciding'],
          rows: Object.entries(f.byChannel).map(([channel, c]) => ({ label: label(channel), values: [suppress(c.published), suppress(c.refused)] })),
        },
        {
          kind: 'facts',
          items: [
            { label: 'Published', value: countText(suppress(f.published)) },
            { label: 'Taken down since', value: countText(suppress(f.takenDown)) },
            {
              label: 'Refused',
              value: `${countText(suppress(f.refused))}. Each refusal’s reason is on the photograph’s record; reasons are not copied here because they may name a child.`,
            },
          ],
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
