import { sql } from 'kysely';
import type { SchoolTx } from '../../platform/db/school-scope.ts';

/** Everything the school holds about one pupil, for a subject access request. */

export function pupil(tx: SchoolTx, pupilId: string) {
  return tx
    .selectFrom('pupils as p')
    .leftJoin('classes as c', 'c.id', 'p.class_id')
    .select(['p.id', 'p.given_name', 'p.family_name', 'p.preferred_name', 'p.date_of_birth', 'p.admission_date', 'p.leaving_date', 'p.on_roll'])
    .select(['c.title as class_title', 'c.year_group', 'p.sourced_id', 'p.created_at'])
    .where('p.id', '=', pupilId)
    .executeTakeFirst();
}

export function carers(tx: SchoolTx, pupilId: string) {
  return tx
    .selectFrom('pupil_carers as pc')
    .innerJoin('carers as k', 'k.id', 'pc.carer_id')
    .select(['k.id', 'k.given_name', 'k.family_name', 'k.email', 'k.phone', 'pc.relationship', 'pc.parental_responsibility'])
    .where('pc.pupil_id', '=', pupilId)
    .orderBy('k.family_name')
    .execute();
}

export function consentHistory(tx: SchoolTx, pupilId: string) {
  return tx
    .selectFrom('consent_decisions as d')
    .innerJoin('carers as k', 'k.id', 'd.carer_id')
    .select(['d.purpose', 'd.decision', 'd.method', 'd.recorded_at', 'd.recorded_by_label', 'd.note'])
    .select(sql<string>`k.given_name || ' ' || k.family_name`.as('carer_name'))
    .where('d.pupil_id', '=', pupilId)
    .orderBy('d.recorded_at')
    .execute();
}

export function concernsAbout(tx: SchoolTx, pupilId: string) {
  return tx
    .selectFrom('concerns as c')
    .select(['c.id', 'c.type', 'c.summary', 'c.details', 'c.occurred_at', 'c.reported_at', 'c.location', 'c.out_of_hours', 'c.platform'])
    .where(({ exists, selectFrom }) =>
      exists(selectFrom('concern_people as p').select('p.id').whereRef('p.concern_id', '=', 'c.id').where('p.pupil_id', '=', pupilId)),
    )
    .orderBy('c.reported_at')
    .execute();
}

/** The other people named on these concerns: their names are redacted from what the pupil's record shows. */
export async function otherPeopleOn(tx: SchoolTx, concernIds: string[], pupilId: string): Promise<string[]> {
  if (concernIds.length === 0) return [];
  const rows = await tx
    .selectFrom('concern_people as p')
    .leftJoin('pupils as pu', 'pu.id', 'p.pupil_id')
    .leftJoin('staff as s', 's.id', 'p.staff_id')
    .leftJoin('carers as k', 'k.id', 'p.carer_id')
    .select(['p.name', 'pu.given_name as pupil_given', 'pu.family_name as pupil_family', 'pu.preferred_name as pupil_preferred'])
    .select(['s.given_name as staff_given', 's.family_name as staff_family', 'k.given_name as carer_given', 'k.family_name as carer_family'])
    .where('p.concern_id', 'in', concernIds)
    .where((eb) => eb.or([eb('p.pupil_id', 'is', null), eb('p.pupil_id', '!=', pupilId)]))
    .execute();
  return rows.flatMap((r) =>
    [r.name, r.pupil_given, r.pupil_family, r.pupil_preferred, r.staff_given, r.staff_family, r.carer_given, r.carer_family].filter(
      (v): v is string => typeof v === 'string' && v.trim().length > 1,
    ),
  );
}

export function actionsOn(tx: SchoolTx, concernIds: string[]) {
  if (concernIds.length === 0) return Promise.resolve([]);
  return tx
    .selectFrom('concern_entries')
    .select(['concern_id', 'kind', 'action_key', 'note', 'field', 'created_at'])
    .where('concern_id', 'in', concernIds)
    .orderBy('created_at')
    .execute();
}

export function photographs(tx: SchoolTx, pupilId: string) {
  return tx
    .selectFrom('photo_pupils as pp')
    .innerJoin('photos as ph', 'ph.id', 'pp.photo_id')
    .select(['ph.id', 'ph.event_name', 'ph.taken_on', 'ph.deleted_at', 'ph.archived_at'])
    .where('pp.pupil_id', '=', pupilId)
    .orderBy('ph.taken_on')
    .execute();
}

export function publications(tx: SchoolTx, pupilId: string) {
  return tx
    .selectFrom('photo_publication_pupils as pp')
    .innerJoin('photo_publications as pb', 'pb.id', 'pp.publication_id')
    .innerJoin('photos as ph', 'ph.id', 'pb.photo_id')
    .leftJoin('photo_publication_takedowns as t', 't.publication_id', 'pb.id')
    .select(['pb.channel', 'pb.location', 'pb.published_at', 'ph.event_name', 't.taken_down_at'])
    .where('pp.pupil_id', '=', pupilId)
    .orderBy('pb.published_at')
    .execute();
}
