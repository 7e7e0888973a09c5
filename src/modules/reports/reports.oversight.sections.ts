import { audienceLabels, type Audience } from '../agreements/agreements.defaults.ts';
import { signatureCounts, staffAudienceOf } from '../agreements/agreements.rules.ts';
import { formatDay } from '../../platform/text/dates.ts';
import { dueTraining } from '../training/training.rules.ts';
import * as repo from './reports.oversight.repository.ts';
import { pupilsOnRollOn } from './reports.repository.ts';
import { changeSentence, countText, londonDay, percent, reviewState, shareSentence, suppress, type Count } from './reports.rules.ts';
import type { ReportSection } from './reports.sections.ts';

/**
 * The report's agreements, training and filtering sections (RPT-2, AGR-1…3, issue 12's yearly
 * review). Counts of families and pupils could point at a child and are suppressed under 5; counts
 * of staff, governors and volunteers are given exactly, as the policies section gives them.
 */

const staffGroups = ['staff', 'governors', 'volunteers'] as const;
const childGroups = ['carers', 'pupils'] as const;
type Tally = { signed: number; outstanding: number };

// ---------------------------------------------------------------- agreements

interface AgreementFigures {
  agreements: { title: string; byGroup: Partial<Record<Audience, Tally>> }[];
}

const tallyText = (t: Tally, exact: boolean) => {
  const n = (v: number) => (exact ? String(v) : countText(suppress(v)));
  return `${n(t.signed)} signed, ${n(t.outstanding)} still to sign`;
};

const signedShare = (f: AgreementFigures) => {
  const all = f.agreements.flatMap((a) => Object.values(a.byGroup));
  return percent(
    all.reduce((n, t) => n + t.signed, 0),
    all.reduce((n, t) => n + t.signed + t.outstanding, 0),
  );
};

export const agreementsSection: ReportSection<AgreementFigures> = {
  key: 'agreements',
  async collect({ tx, asOf }) {
    const today = londonDay(asOf);
    const staff = await repo.staffAsOf(tx, asOf);
    const pupils = await pupilsOnRollOn(tx, asOf);
    const onRoll = new Set(pupils.map((p) => p.id));
    const signatures = await repo.signaturesAsOf(tx, asOf);
    const agreements = [];
    for (const a of await repo.agreementsAsOf(tx, asOf)) {
      const counting = signatures.filter(
        (s) => s.agreement_id === a.id && a.version > 0 && signatureCounts(a.renewal, a.version, { version: s.version, signedOn: s.signed_on }, today),
      );
      const staffSigned = new Set(counting.filter((s) => s.staff_id).map((s) => s.staff_id));
      const familySigned = new Set(counting.filter((s) => s.carer_id && s.pupil_id).map((s) => s.pupil_id));
      const pupilSigned = new Set(counting.filter((s) => !s.carer_id && !s.staff_id && s.pupil_id).map((s) => s.pupil_id));
      const byGroup: AgreementFigures['agreements'][number]['byGroup'] = {};
      for (const group of staffGroups) {
        if (!a.audience.includes(group)) continue;
        const members = staff.filter((s) => staffAudienceOf(s.roles).includes(group));
        const signed = members.filter((s) => staffSigned.has(s.id)).length;
        byGroup[group] = { signed, outstanding: members.length - signed };
      }
      for (const group of childGroups) {
        if (!a.audience.includes(group)) continue;
        const signedSet = group === 'carers' ? familySigned : pupilSigned;
        const signed = [...onRoll].filter((id) => signedSet.has(id)).length;
        byGroup[group] = { signed, outstanding: onRoll.size - signed };
      }
      agreements.push({ title: a.title, byGroup });
    }
    return { agreements };
  },
  json: (f) =>
    f.agreements.map((a) => ({
      title: a.title,
      staff: Object.fromEntries(staffGroups.filter((g) => a.byGroup[g]).map((g) => [g, a.byGroup[g]!])),
      families: Object.fromEntries(
        childGroups.filter((g) => a.byGroup[g]).map((g) => [g, { signed: suppress(a.byGroup[g]!.signed), outstanding: suppress(a.byGroup[g]!.outstanding) }]),
      ),
    })),
  view(f, last) {
    return {
      id: 'agreements',
      title: 'Agreements signed',
      change: shareSentence('the share of agreements signed', signedShare(f), last ? signedShare(last) : null),
      blocks: [
        {
          kind: 'table',
          title: 'Agreements: signed and still to sign, by group',
          head: ['Agreement', 'Group', 'Signatures'],
          rows: f.agreements.flatMap((a) =>
            (Object.entries(a.byGroup) as [Audience, Tally][]).map(([group, t]) => [
              a.title,
              audienceLabels[group],
              tallyText(t, (staffGroups as readonly string[]).includes(group)),
            ]),
          ),
        },
      ],
    };
  },
};

// ---------------------------------------------------------------- training

interface TrainingFigures {
  completed: number;
  overdue: number;
  due: number;
  byCourse: { title: string; completed: number; overdue: number; due: number }[];
}

export const trainingSection: ReportSection<TrainingFigures> = {
  key: 'training',
  async collect({ tx, period, asOf }) {
    const today = londonDay(asOf);
    const courses = await repo.activeCourses(tx);
    const staff = await repo.staffAsOf(tx, asOf);
    const completions = await repo.completionsUpTo(tx, asOf);
    const owed = dueTraining(
      staff.map((s) => ({ id: s.id, name: '', startedOn: s.started_on })),
      courses.map((c) => ({ id: c.id, key: c.key, title: c.title, dueWithinDays: c.due_within_days, renewalMonths: c.renewal_months })),
      completions.map((c) => ({ staffId: c.staff_id, courseId: c.course_id, completedOn: c.completed_on })),
      today,
    );
    const from = period.from.toISOString().slice(0, 10);
    const thisYear = completions.filter((c) => c.completed_on >= from);
    const byCourse = courses.map((c) => ({
      title: c.title,
      completed: thisYear.filter((d) => d.course_id === c.id).length,
      overdue: owed.filter((d) => d.courseId === c.id && d.status === 'overdue').length,
      due: owed.filter((d) => d.courseId === c.id && d.status === 'due').length,
    }));
    return {
      completed: thisYear.length,
      overdue: owed.filter((d) => d.status === 'overdue').length,
      due: owed.filter((d) => d.status === 'due').length,
      byCourse,
    };
  },
  // Staff numbers cannot identify a child: given exactly.
  json: (f) => f,
  view(f, last) {
    return {
      id: 'training',
      title: 'Staff training',
      change:
        changeSentence({ noun: f.completed === 1 ? 'course' : 'courses', verb: 'were completed by staff' }, f.completed, last?.completed ?? null, true) +
        (f.overdue ? ` ${f.overdue} ${f.overdue === 1 ? 'course is' : 'courses are'} overdue.` : ' None is overdue.'),
      blocks: [
        {
          kind: 'table',
          title: 'Training by course',
          head: ['Course', 'Completed this year', 'Overdue', 'Due soon'],
          rows: f.byCourse.map((c) => [c.title, String(c.completed), String(c.overdue), String(c.due)]),
        },
      ],
    };
  },
};

// ---------------------------------------------------------------- filtering

const decidedStatuses = new Set(['approved', 'refused', 'expired']);
const reviewWords: Record<string, string> = {
  overdue: 'Overdue',
  due: 'Due soon',
  'in-date': 'In date',
  'no-date': 'Never recorded',
};

interface FilteringFigures {
  review: { lastCompletedOn: string | null; nextDue: string | null; state: string; pointsMet: number; points: number };
  requests: Record<'block' | 'unblock', { decided: number; pending: number; approved: number; refused: number }>;
}

const requestTotal = (f: FilteringFigures) => f.requests.block.decided + f.requests.block.pending + f.requests.unblock.decided + f.requests.unblock.pending;

export const filteringSection: ReportSection<FilteringFigures> = {
  key: 'filtering',
  async collect({ tx, period, settings, asOf }) {
    const requests: FilteringFigures['requests'] = {
      block: { decided: 0, pending: 0, approved: 0, refused: 0 },
      unblock: { decided: 0, pending: 0, approved: 0, refused: 0 },
    };
    for (const row of await repo.filterRequestsBetween(tx, period.from, period.to)) {
      const n = Number(row.n);
      const tally = requests[row.kind];
      if (decidedStatuses.has(row.status)) tally.decided += n;
      else tally.pending += n;
      if (row.status === 'approved' || row.status === 'expired') tally.approved += n;
      if (row.status === 'refused') tally.refused += n;
    }
    const [latest] = await repo.filteringReviewsUpTo(tx, asOf);
    return {
      review: {
        lastCompletedOn: latest?.completed_on ?? null,
        nextDue: latest?.next_due ?? null,
        state: reviewState(latest?.next_due ?? null, londonDay(asOf), settings.policyReview.reminderWeeks),
        pointsMet: Number(latest?.met ?? 0),
        points: Number(latest?.points ?? 0),
      },
      requests,
    };
  },
  json: (f) => ({
    review: f.review,
    requests: Object.fromEntries(
      (['block', 'unblock'] as const).map((k) => {
        const t = f.requests[k];
        return [k, { decided: suppress(t.decided), pending: suppress(t.pending), approved: suppress(t.approved), refused: suppress(t.refused) }];
      }),
    ),
  }),
  view(f, last) {
    const requestRow = (label: string, t: FilteringFigures['requests']['block']) => ({
      label,
      values: [suppress(t.approved), suppress(t.refused), suppress(t.pending)] as Count[],
    });
    return {
      id: 'filtering',
      title: 'Web filtering and monitoring',
      change:
        changeSentence(
          { noun: requestTotal(f) === 1 ? 'filter request' : 'filter requests', verb: 'were made' },
          requestTotal(f),
          last ? requestTotal(last) : null,
        ) +
        (f.review.state === 'overdue'
          ? ' The yearly filtering review is overdue.'
          : f.review.state === 'no-date'
            ? ' No yearly filtering review is recorded.'
            : ''),
      blocks: [
        {
          kind: 'chart',
          id: 'filter-requests',
          title: 'Requests to block or open a site',
          series: ['Approved', 'Refused', 'Waiting for a decision'],
          rows: [requestRow('Please block', f.requests.block), requestRow('Please unblock', f.requests.unblock)],
        },
        {
          kind: 'facts',
          items: [
            { label: 'Yearly filtering and monitoring review', value: reviewWords[f.review.state] },
            { label: 'Last review completed', value: f.review.lastCompletedOn ? formatDay(f.review.lastCompletedOn) : 'None recorded' },
            { label: 'Next review due', value: f.review.nextDue ? formatDay(f.review.nextDue) : '–' },
            { label: 'Standards met at the last review', value: f.review.points ? `${f.review.pointsMet} of ${f.review.points}` : '–' },
          ],
        },
      ],
    };
  },
};
