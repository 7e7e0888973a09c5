import { sql } from 'kysely';
import type { SchoolTx } from '../../platform/db/school-scope.ts';

/** The SQL of the press enquiries register (REG-3). */
const by = (alias: string) => sql<string | null>`(SELECT ${sql.ref(`${alias}.given_name`)} || ' ' || ${sql.ref(`${alias}.family_name`)})`;

export function insertEnquiry(tx: SchoolTx, schoolId: string, e: { outlet: string; contact: string; summary: string; receivedAt: Date; by: string }) {
  return tx
    .insertInto('press_enquiries')
    .values({ school_id: schoolId, outlet: e.outlet, contact: e.contact, summary: e.summary, received_at: e.receivedAt, received_by: e.by })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export function listEnquiries(tx: SchoolTx, onlyBy: string | null) {
  let query = tx
    .selectFrom('press_enquiries as e')
    .innerJoin('staff as r', 'r.id', 'e.received_by')
    .select(['e.id', 'e.outlet', 'e.contact', 'e.summary', 'e.received_at', 'e.replied_at'])
    .select(by('r').as('received_by_name'))
    .orderBy('e.received_at', 'desc');
  if (onlyBy) query = query.where('e.received_by', '=', onlyBy);
  return query.execute();
}

export function findEnquiry(tx: SchoolTx, id: string) {
  return tx
    .selectFrom('press_enquiries as e')
    .innerJoin('staff as r', 'r.id', 'e.received_by')
    .leftJoin('staff as h', 'h.id', 'e.replied_by')
    .leftJoin('photos as ph', 'ph.id', 'e.photo_id')
    .leftJoin('consent_requests as cr', 'cr.id', 'e.consent_request_id')
    .selectAll('e')
    .select(['ph.event_name as photo_event', 'cr.title as consent_request_title'])
    .select([by('r').as('received_by_name'), by('h').as('replied_by_name')])
    .where('e.id', '=', id)
    .executeTakeFirst();
}

export async function recordReply(tx: SchoolTx, id: string, reply: string, replier: string) {
  await tx.updateTable('press_enquiries').set({ reply, replied_by: replier, replied_at: new Date() }).where('id', '=', id).execute();
}

export async function linkTo(tx: SchoolTx, id: string, links: { photoId: string | null; consentRequestId: string | null }) {
  await tx.updateTable('press_enquiries').set({ photo_id: links.photoId, consent_request_id: links.consentRequestId }).where('id', '=', id).execute();
}

export async function countUnanswered(tx: SchoolTx): Promise<number> {
  const row = await tx
    .selectFrom('press_enquiries')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('replied_at', 'is', null)
    .executeTakeFirstOrThrow();
  return row.n;
}

/** What an enquiry may be linked to: recent photographs and express permission requests. */
export function linkablePhotos(tx: SchoolTx) {
  return tx
    .selectFrom('photos')
    .select(['id', 'event_name', 'taken_on'])
    .where('deleted_at', 'is', null)
    .where('archived_at', 'is', null)
    .orderBy('taken_on', 'desc')
    .limit(100)
    .execute();
}

export function photoExists(tx: SchoolTx, id: string) {
  return tx.selectFrom('photos').select('id').where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
}
