import { sql } from 'kysely';
import type { SchoolTx } from '../../platform/db/school-scope.ts';

/**
 * The governors' report's agreements, training and filtering figures. Like reports.repository.ts,
 * nothing here returns a name, a domain or any text a person wrote: ids, dates and counts only.
 */

const day = (date: Date) => date.toISOString().slice(0, 10);

/** Active agreements with the latest version published by that moment (0 if none yet). */
export function agreementsAsOf(tx: SchoolTx, on: Date) {
  return tx
    .selectFrom('agreements as a')
    .select(['a.id', 'a.title', 'a.audience', 'a.renewal'])
    .select(sql<number>`coalesce((SELECT max(v.version) FROM agreement_versions v WHERE v.agreement_id = a.id AND v.published_at <= ${on}), 0)`.as('version'))
    .where('a.active', '=', true)
    .where('a.created_at', '<=', on)
    .orderBy('a.created_at')
    .orderBy('a.key')
    .execute();
}

/** Signatures recorded by that moment: who signed (by id only) which version, when. */
export function signaturesAsOf(tx: SchoolTx, on: Date) {
  return tx
    .selectFrom('agreement_signatures')
    .select(['agreement_id', 'version', 'staff_id', 'carer_id', 'pupil_id', 'signed_on'])
    .where('recorded_at', '<=', on)
    .execute();
}

/** Staff active now who had joined by that moment, with their roles and the day they joined (training falls due from it). */
export function staffAsOf(tx: SchoolTx, on: Date) {
  return tx
    .selectFrom('staff as s')
    .select(['s.id'])
    .select(sql<string>`to_char(s.created_at, 'YYYY-MM-DD')`.as('started_on'))
    .select(sql<string[]>`coalesce((SELECT array_agg(r.role) FROM staff_roles r WHERE r.staff_id = s.id), '{}')`.as('roles'))
    .where('s.active', '=', true)
    .where('s.created_at', '<=', on)
    .execute();
}

/** Active training courses. */
export function activeCourses(tx: SchoolTx) {
  return tx
    .selectFrom('training_courses')
    .select(['id', 'key', 'title', 'due_within_days', 'renewal_months'])
    .where('active', '=', true)
    .orderBy('title')
    .execute();
}

/** Training completions up to that day. */
export function completionsUpTo(tx: SchoolTx, on: Date) {
  return tx.selectFrom('training_completions').select(['staff_id', 'course_id', 'completed_on']).where('completed_on', '<=', day(on)).execute();
}

/** Filter requests made in the period, by kind and where they stand now. */
export function filterRequestsBetween(tx: SchoolTx, from: Date, to: Date) {
  return tx
    .selectFrom('filter_requests')
    .select(['kind', 'status'])
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('requested_at', '>=', from)
    .where('requested_at', '<', to)
    .groupBy(['kind', 'status'])
    .execute();
}

/** The yearly filtering reviews completed by that day, latest first: dates only. */
export function filteringReviewsUpTo(tx: SchoolTx, on: Date) {
  return tx
    .selectFrom('filtering_reviews as r')
    .select(['r.id', 'r.completed_on', 'r.next_due'])
    .select(sql<string>`(SELECT count(*) FROM filtering_review_points p WHERE p.review_id = r.id AND p.met)`.as('met'))
    .select(sql<string>`(SELECT count(*) FROM filtering_review_points p WHERE p.review_id = r.id)`.as('points'))
    .where('r.completed_on', '<=', day(on))
    .orderBy('r.completed_on', 'desc')
    .execute();
}
