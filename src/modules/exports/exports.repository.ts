import { sql } from 'kysely';
import type { SchoolTx } from '../../platform/db/school-scope.ts';

/** The lists a school keeps, as rows for a spreadsheet. The concerns list carries no summary, description or name. */

export function pupils(tx: SchoolTx) {
  return tx
    .selectFrom('pupils as p')
    .leftJoin('classes as c', 'c.id', 'p.class_id')
    .select(['p.id', 'p.family_name', 'p.given_name', 'p.preferred_name', 'p.date_of_birth', 'c.title as class_title', 'c.year_group'])
    .select(['p.admission_date', 'p.leaving_date', 'p.on_roll'])
    .orderBy(sql`p.on_roll DESC`)
    .orderBy('c.title')
    .orderBy('p.family_name')
    .orderBy('p.given_name')
    .execute();
}

export function concernsOverview(tx: SchoolTx) {
  return tx
    .selectFrom('concerns as c')
    .select(['c.id', 'c.type', 'c.reported_at', 'c.location', 'c.out_of_hours', 'c.restricted', 'c.involves_nude_images'])
    .select(sql<string>`(SELECT count(*) FROM concern_entries e WHERE e.concern_id = c.id AND e.kind = 'action')`.as('actions'))
    .select(sql<boolean>`EXISTS (SELECT 1 FROM concern_entries e WHERE e.concern_id = c.id AND e.kind = 'closed')`.as('closed'))
    .orderBy('c.reported_at', 'desc')
    .execute();
}

export function publications(tx: SchoolTx) {
  return tx
    .selectFrom('photo_publications as pb')
    .innerJoin('photos as ph', 'ph.id', 'pb.photo_id')
    .leftJoin('photo_publication_takedowns as t', 't.publication_id', 'pb.id')
    .select(['pb.published_at', 'pb.channel', 'pb.location', 'ph.event_name', 'ph.taken_on', 't.taken_down_at'])
    .orderBy('pb.published_at', 'desc')
    .execute();
}
