import { sql } from 'kysely';
import type { SchoolTx } from '../../platform/db/school-scope.ts';

export interface NewRequest {
  photoId: string; channel: string; caption: string; altText: string; fileName: string; location: string;
  expressRequestId: string | null; status: 'requested' | 'published'; requestedBy: string;
}

export function insertRequest(tx: SchoolTx, schoolId: string, r: NewRequest) {
  return tx.insertInto('photo_publication_requests').values({
    school_id: schoolId, photo_id: r.photoId, channel: r.channel, caption: r.caption, alt_text: r.altText, file_name: r.fileName, location: r.location,
    express_request_id: r.expressRequestId, status: r.status, requested_by: r.requestedBy,
  }).returning('id').executeTakeFirstOrThrow();
}

export function findRequest(tx: SchoolTx, photoId: string, requestId: string) {
  return tx.selectFrom('photo_publication_requests').selectAll().where('id', '=', requestId).where('photo_id', '=', photoId).executeTakeFirst();
}

export function requestsOf(tx: SchoolTx, photoId: string) {
  return tx.selectFrom('photo_publication_requests as r').innerJoin('staff as s', 's.id', 'r.requested_by')
    .leftJoin('staff as d', 'd.id', 'r.decided_by').leftJoin('photo_publications as pb', 'pb.request_id', 'r.id')
    .select(['r.id', 'r.channel', 'r.caption', 'r.alt_text', 'r.location', 'r.status', 'r.requested_at', 'r.decided_at', 'r.decision_note',
      'pb.id as publication_id', 'pb.published_at', 'pb.taken_down_at'])
    .select(sql<string>`s.given_name || ' ' || s.family_name`.as('requested_by_name'))
    .select(sql<string | null>`d.given_name || ' ' || d.family_name`.as('decided_by_name'))
    .where('r.photo_id', '=', photoId).orderBy('r.requested_at', 'desc').execute();
}

/** Requests waiting for a decision, oldest first (MED-5). */
export function awaitingDecision(tx: SchoolTx) {
  return tx.selectFrom('photo_publication_requests as r').innerJoin('photos as ph', 'ph.id', 'r.photo_id').innerJoin('staff as s', 's.id', 'r.requested_by')
    .select(['r.id', 'r.photo_id', 'r.channel', 'r.caption', 'r.alt_text', 'r.location', 'r.requested_at', 'ph.event_name', 'ph.taken_on'])
    .select(sql<string>`s.given_name || ' ' || s.family_name`.as('requested_by_name'))
    .where('r.status', '=', 'requested').where('ph.deleted_at', 'is', null).orderBy('r.requested_at').limit(200).execute();
}

export function decide(tx: SchoolTx, requestId: string, status: 'published' | 'refused', by: string, note: string | null) {
  return tx.updateTable('photo_publication_requests').set({ status, decided_by: by, decided_at: new Date(), decision_note: note })
    .where('id', '=', requestId).where('status', '=', 'requested').executeTakeFirst();
}

export function insertPublication(tx: SchoolTx, schoolId: string, p: { requestId: string; photoId: string; channel: string; location: string; copyKey: string; by: string }) {
  return tx.insertInto('photo_publications').values({
    school_id: schoolId, request_id: p.requestId, photo_id: p.photoId, channel: p.channel, location: p.location, copy_key: p.copyKey, published_by: p.by,
  }).returning(['id', 'published_at']).executeTakeFirstOrThrow();
}

export function publicationOf(tx: SchoolTx, photoId: string, requestId: string) {
  return tx.selectFrom('photo_publications').selectAll().where('request_id', '=', requestId).where('photo_id', '=', photoId).executeTakeFirst();
}

/**
 * CON-6: where these children's photographs are published, not yet taken down, on any of the given
 * channels or for any of the given express requests — one query for a whole page of takedown tasks;
 * each row says which child it is for, so the caller picks each task's own.
 */
export function livePublicationsOf(tx: SchoolTx, pupilIds: string[], channels: string[], expressRequestIds: string[]) {
  if (pupilIds.length === 0) return Promise.resolve([]);
  return tx.selectFrom('photo_publications as pb').innerJoin('photo_pupils as pp', 'pp.photo_id', 'pb.photo_id')
    .innerJoin('photos as ph', 'ph.id', 'pb.photo_id').innerJoin('photo_publication_requests as r', 'r.id', 'pb.request_id')
    .select(['pb.id', 'pb.photo_id', 'pb.channel', 'pb.location', 'pb.published_at', 'ph.event_name', 'pp.pupil_id', 'r.express_request_id'])
    .where('pp.pupil_id', 'in', pupilIds).where('pb.taken_down_at', 'is', null).where('ph.deleted_at', 'is', null)
    .where((eb) => eb.or([eb('pb.channel', 'in', channels.length ? channels : ['-']),
      eb('r.express_request_id', 'in', expressRequestIds.length ? expressRequestIds : ['00000000-0000-0000-0000-000000000000'])]))
    .orderBy('pb.published_at').execute();
}

export function expressRequest(tx: SchoolTx, id: string) {
  return tx.selectFrom('consent_requests').select(['id', 'title']).where('id', '=', id).where('kind', '=', 'express').executeTakeFirst();
}

export function expressRequests(tx: SchoolTx) {
  return tx.selectFrom('consent_requests').select(['id', 'title', 'created_at']).where('kind', '=', 'express').orderBy('created_at', 'desc').limit(100).execute();
}

export function staffWithRoles(tx: SchoolTx, roles: string[]) {
  return tx.selectFrom('staff as s').innerJoin('staff_roles as r', 'r.staff_id', 's.id').select(['s.id', 's.email'])
    .where('r.role', 'in', roles).where('s.active', '=', true).where('s.email', 'is not', null).distinct().execute();
}
