import type { Actor } from '../../platform/auth/actor.ts';
import { trustLedBy, withSchool, type SchoolDatabase } from '../../platform/db/school-database.ts';
import { NotFound } from '../../platform/http/errors.ts';
import { schoolFigures } from './reports.service.ts';
import { academicYearOf, periodOf, type Count } from './reports.rules.ts';

/** The parts of a school's report JSON (reports.api.ts) the trust view shows: counts only, already suppressed. */
interface ReportJson {
  concerns: { total: Count; referrals: Count };
  photos: { published: Count };
  policies: { review: string }[];
  training: { overdue: number };
  filtering: { review: { state: string; nextDue: string | null } };
}

export interface TrustSchoolFigures {
  name: string;
  urn: string;
  concerns: Count;
  referrals: Count;
  photosPublished: Count;
  policyReviewsOverdue: number;
  trainingOverdue: number;
  filteringReview: string;
  filteringNextDue: string | null;
}

/**
 * The trust view (issue 13, "beyond"): the lead of a trust sees each of its schools' report side by
 * side, counts only, and which schools' reviews and training are overdue. Each school's figures are
 * read inside that school's own transaction, so row-level security still keeps every school apart;
 * nothing leaves but the suppressed counts of the report. Anyone who leads no trust gets 404.
 */
export function createTrustService(schools: SchoolDatabase) {
  return {
    async overview(actor: Actor, academicYear?: number, now = new Date()) {
      const trust = await trustLedBy(schools, actor.staffId);
      if (!trust) throw new NotFound('You do not lead a trust');
      const year = academicYear ?? academicYearOf(now);
      if (periodOf(year).from.getTime() > now.getTime()) throw new NotFound('That academic year has not started yet');
      const rows: TrustSchoolFigures[] = [];
      for (const school of trust.schools) {
        const { json } = await withSchool(schools, school.id, (tx) => schoolFigures(tx, school.id, year, now));
        const figures = json as unknown as ReportJson;
        rows.push({
          name: school.name,
          urn: school.urn,
          concerns: figures.concerns.total,
          referrals: figures.concerns.referrals,
          photosPublished: figures.photos.published,
          policyReviewsOverdue: figures.policies.filter((p) => p.review === 'overdue').length,
          trainingOverdue: figures.training.overdue,
          filteringReview: figures.filtering.review.state,
          filteringNextDue: figures.filtering.review.nextDue,
        });
      }
      return { trust: trust.name, academicYear: year, label: periodOf(year).label, schools: rows };
    },
  };
}
