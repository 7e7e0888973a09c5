import { sql } from 'kysely';
import type { SchoolTx } from '../../platform/db/school-scope.ts';

/**
 * The governors' report reads counts only: no query here returns a name, a summary or any free
 * text a person wrote, so nothing that identifies a child can reach the report by accident.
 */

const day = (date: Date) => date.toISOString().slice(0, 10);

/** The school's own term dates for the academic year starting in this period, if it entered them. */
export function termsBetween(tx: SchoolTx, from: Date, to: Date) {
  return tx
    .selectFrom('terms')
    .select(['name', 'starts_on', 'ends_on'])
    .where('starts_on', '>=', day(from))
    .where('starts_on', '<', day(to))
    .orderBy('starts_on')
    .execute();
}

/** Concerns recorded in the period: their type, when, whether out of school or hours. */
export function concernsBetween(tx: SchoolTx, from: Date, to: Date) {
  return tx
    .selectFrom('concerns as c')
    .select(['c.id', 'c.type', 'c.reported_at', 'c.location', 'c.out_of_hours'])
    .select(sql<boolean>`EXISTS (SELECT 1 FROM concern_entries e WHERE e.concern_id = c.id AND e.kind = 'closed')`.as('closed'))
    .where('c.reported_at', '>=', from)
    .where('c.reported_at', '<', to)
    .execute();
}

/** Actions recorded on the period's concerns (by the concern's date), with the concern's own date for the time taken. */
export function actionsOnConcernsBetween(tx: SchoolTx, from: Date, to: Date) {
  return tx
    .selectFrom('concern_entries as e')
    .innerJoin('concerns as c', 'c.id', 'e.concern_id')
    .select(['e.concern_id', 'e.action_key', 'e.created_at', 'c.reported_at'])
    .where('e.kind', '=', 'action')
    .where('c.reported_at', '>=', from)
    .where('c.reported_at', '<', to)
    .execute();
}

/**
 * People in more than one of the period's concerns ("repeats"), counted, never named: a person is
 * a pupil, member of staff or carer by id, or an outsider by the name as written.
 */
export async function repeatPeopleBetween(tx: SchoolTx, from: Date, to: Date): Promise<number> {
  const row = await tx
    .selectFrom(
      tx
        .selectFrom('concern_people as p')
        .innerJoin('concerns as c', 'c.id', 'p.concern_id')
        .select(sql<string>`p.kind || ':' || coalesce(p.pupil_id::text, p.staff_id::text, p.carer_id::text, lower(trim(p.name)))`.as('who'))
        .where('c.reported_at', '>=', from)
        .where('c.reported_at', '<', to)
        .groupBy('who')
        .having(sql<number>`count(DISTINCT p.concern_id)`, '>', 1)
        .as('repeats'),
    )
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Pupils on roll on a day: admitted by then (or with no date) and not yet left (by date, or by flag when no date is known). */
export function pupilsOnRollOn(tx: SchoolTx, on: Date) {
  const d = day(on);
  return tx
    .selectFrom('pupils as p')
    .leftJoin('classes as c', 'c.id', 'p.class_id')
    .select(['p.id', 'p.class_id', 'c.title as class_title', 'c.year_group'])
    .where((eb) => eb.or([eb('p.admission_date', 'is', null), eb('p.admission_date', '<=', d)]))
    .where((eb) =>
      eb.or([eb('p.leaving_date', '>', d), eb.and([eb('p.leaving_date', 'is', null), eb.or([eb('p.on_roll', '=', true), eb('p.created_at', '>', on)])])]),
    )
    .where('p.created_at', '<=', on)
    .execute();
}

/** Each carer's latest answer per pupil and purpose as it stood on a day. */
export function decisionsAsOf(tx: SchoolTx, pupilIds: string[], on: Date) {
  if (pupilIds.length === 0) return Promise.resolve([]);
  return tx
    .selectFrom('consent_decisions')
    .distinctOn(['pupil_id', 'purpose', 'carer_id'])
    .select(['pupil_id', 'purpose', 'decision', 'carer_id', 'recorded_at', 'form_version', 'year_group'])
    .where('pupil_id', 'in', pupilIds)
    .where('recorded_at', '<=', on)
    .orderBy('pupil_id')
    .orderBy('purpose')
    .orderBy('carer_id')
    .orderBy('recorded_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export function carerLinksOf(tx: SchoolTx, pupilIds: string[]) {
  if (pupilIds.length === 0) return Promise.resolve([]);
  return tx
    .selectFrom('pupil_carers as pc')
    .innerJoin('carers as k', 'k.id', 'pc.carer_id')
    .select(['pc.pupil_id', 'pc.carer_id', 'pc.parental_responsibility'])
    .where('pc.pupil_id', 'in', pupilIds)
    .execute();
}

/** Takedowns raised by a withdrawal in the period, and how many are done. */
export async function takedownsBetween(tx: SchoolTx, from: Date, to: Date) {
  const row = await tx
    .selectFrom('takedown_tasks')
    .select((eb) => [eb.fn.countAll<string>().as('raised'), eb.fn.count<string>('done_at').as('done')])
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .executeTakeFirstOrThrow();
  return { raised: Number(row.raised), done: Number(row.done) };
}

/** Publications in the period by channel, and how many have since been taken down. */
export function publicationsBetween(tx: SchoolTx, from: Date, to: Date) {
  return tx
    .selectFrom('photo_publications as p')
    .select(['p.channel'])
    .select((eb) => [
      eb.fn.countAll<string>().as('published'),
      sql<string>`count(*) FILTER (WHERE EXISTS (SELECT 1 FROM photo_publication_takedowns t WHERE t.publication_id = p.id))`.as('taken_down'),
    ])
    .where('p.published_at', '>=', from)
    .where('p.published_at', '<', to)
    .groupBy('p.channel')
    .execute();
}

/** Publication requests the decider refused in the period, by channel. The decider's note is free text and stays on the record. */
export function refusalsBetween(tx: SchoolTx, from: Date, to: Date) {
  return tx
    .selectFrom('photo_publication_decisions as d')
    .innerJoin('photo_publication_requests as r', 'r.id', 'd.request_id')
    .select(['r.channel'])
    .select((eb) => eb.fn.countAll<string>().as('refused'))
    .where('d.decision', '=', 'refused')
    .where('d.decided_at', '>=', from)
    .where('d.decided_at', '<', to)
    .groupBy('r.channel')
    .execute();
}

/** Every policy with its current approved version's dates and how many staff have confirmed reading that version. */
export function policiesWithReview(tx: SchoolTx) {
  return tx
    .selectFrom('policies as p')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('policy_versions')
          .distinctOn('policy_id')
          .select(['id', 'policy_id', 'approved_on', 'next_review_due'])
          .where('status', '=', 'approved')
          .orderBy('policy_id')
          .orderBy('number', 'desc')
          .as('v'),
      (join) => join.onRef('v.policy_id', '=', 'p.id'),
    )
    .select(['p.id', 'p.title', 'p.status', 'p.applies_to', 'v.approved_on', 'v.next_review_due'])
    .select(sql<string>`(SELECT count(*) FROM policy_acknowledgements a WHERE a.version_id = v.id)`.as('acknowledged'))
    .where('p.status', '!=', 'withdrawn')
    .orderBy('p.title')
    .execute();
}

/** Policy versions approved in the period. */
export async function policiesApprovedBetween(tx: SchoolTx, from: Date, to: Date): Promise<number> {
  const row = await tx
    .selectFrom('policy_versions')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('approved_on', '>=', day(from))
    .where('approved_on', '<', day(to))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Active staff and their roles, to know who each policy asks to confirm they have read it. */
export function activeStaffRoles(tx: SchoolTx) {
  return tx
    .selectFrom('staff as s')
    .select(['s.id'])
    .select(sql<string[]>`coalesce((SELECT array_agg(r.role) FROM staff_roles r WHERE r.staff_id = s.id), '{}')`.as('roles'))
    .where('s.active', '=', true)
    .execute();
}

/** When the school started on eSafety Office. */
export async function schoolCreatedAt(tx: SchoolTx): Promise<Date> {
  const row = await tx.selectFrom('schools').select('created_at').executeTakeFirstOrThrow();
  return row.created_at;
}
