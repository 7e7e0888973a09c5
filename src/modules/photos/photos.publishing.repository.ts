import { sql } from 'kysely';
import type { SchoolTx } from '../../platform/db/school-scope.ts';

export interface NewRequest {
  photoId: string;
  channel: string;
  caption: string;
  altText: string;
  fileName: string;
  location: string;
  expressRequestId: string | null;
  status: 'requested' | 'published';
  requestedBy: string;
  /** Which faces the copy blurs (issue 14). */
  blurFaces: 'none' | 'without-consent' | 'all';
  /** Issue 19: the post tags the children in it. */
  tagChildren: boolean;
}

export function insertRequest(tx: SchoolTx, schoolId: string, r: NewRequest) {
  return tx
    .insertInto('photo_publication_requests')
    .values({
      school_id: schoolId,
      photo_id: r.photoId,
      channel: r.channel,
      caption: r.caption,
      alt_text: r.altText,
      file_name: r.fileName,
      location: r.location,
      express_request_id: r.expressRequestId,
      status: r.status,
      requested_by: r.requestedBy,
      blur_faces: r.blurFaces,
      tag_children: r.tagChildren,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** A request and whether it has been decided (`decision` is null while it waits). */
export function findRequest(tx: SchoolTx, photoId: string, requestId: string) {
  return tx
    .selectFrom('photo_publication_requests as r')
    .leftJoin('photo_publication_decisions as d', 'd.request_id', 'r.id')
    .selectAll('r')
    .select('d.decision')
    .where('r.id', '=', requestId)
    .where('r.photo_id', '=', photoId)
    .executeTakeFirst();
}

export function requestsOf(tx: SchoolTx, photoId: string) {
  return tx
    .selectFrom('photo_publication_requests as r')
    .innerJoin('staff as s', 's.id', 'r.requested_by')
    .leftJoin('photo_publication_decisions as dc', 'dc.request_id', 'r.id')
    .leftJoin('staff as d', 'd.id', 'dc.decided_by')
    .leftJoin('photo_publications as pb', 'pb.request_id', 'r.id')
    .leftJoin('photo_publication_takedowns as td', 'td.publication_id', 'pb.id')
    .select([
      'r.id',
      'r.channel',
      'r.caption',
      'r.alt_text',
      'r.location',
      'r.requested_at',
      'dc.decided_at',
      'dc.note as decision_note',
      'pb.id as publication_id',
      'pb.published_at',
      'td.taken_down_at',
    ])
    .select(
      sql<
        'requested' | 'published' | 'refused'
      >`CASE WHEN dc.decision = 'refused' THEN 'refused' WHEN dc.decision = 'approved' THEN 'published' ELSE r.status END`.as('status'),
    )
    .select(sql<string>`s.given_name || ' ' || s.family_name`.as('requested_by_name'))
    .select(sql<string | null>`d.given_name || ' ' || d.family_name`.as('decided_by_name'))
    .where('r.photo_id', '=', photoId)
    .orderBy('r.requested_at', 'desc')
    .execute();
}

const waiting = (tx: SchoolTx) =>
  tx
    .selectFrom('photo_publication_requests as r')
    .innerJoin('photos as ph', 'ph.id', 'r.photo_id')
    .where('r.status', '=', 'requested')
    .where('ph.deleted_at', 'is', null)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('photo_publication_decisions as d').select('d.id').whereRef('d.request_id', '=', 'r.id'))));

/** Requests waiting for a decision, oldest first (MED-5). */
export function awaitingDecision(tx: SchoolTx) {
  return waiting(tx)
    .innerJoin('staff as s', 's.id', 'r.requested_by')
    .select(['r.id', 'r.photo_id', 'r.channel', 'r.caption', 'r.alt_text', 'r.location', 'r.requested_at', 'ph.event_name', 'ph.taken_on'])
    .select(sql<string>`s.given_name || ' ' || s.family_name`.as('requested_by_name'))
    .orderBy('r.requested_at')
    .limit(200)
    .execute();
}

export async function countAwaitingDecision(tx: SchoolTx): Promise<number> {
  return Number(
    (
      await waiting(tx)
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
}

/** Appends the decision; undefined when the request already has one (decided at the same moment by someone else). */
export function appendDecision(tx: SchoolTx, schoolId: string, requestId: string, decision: 'approved' | 'refused', by: string, note: string | null) {
  return tx
    .insertInto('photo_publication_decisions')
    .values({ school_id: schoolId, request_id: requestId, decision, note, decided_by: by })
    .onConflict((oc) => oc.column('request_id').doNothing())
    .returning('id')
    .executeTakeFirst();
}

/** Records where the copy went and who was in the photograph at that moment (kept whatever the tags say later). */
export async function insertPublication(
  tx: SchoolTx,
  schoolId: string,
  p: { requestId: string; photoId: string; channel: string; location: string; copyKey: string; by: string; pupilIds: string[] },
) {
  const publication = await tx
    .insertInto('photo_publications')
    .values({
      school_id: schoolId,
      request_id: p.requestId,
      photo_id: p.photoId,
      channel: p.channel,
      location: p.location,
      copy_key: p.copyKey,
      published_by: p.by,
    })
    .returning(['id', 'published_at'])
    .executeTakeFirstOrThrow();
  if (p.pupilIds.length) {
    await tx
      .insertInto('photo_publication_pupils')
      .values(p.pupilIds.map((pupilId) => ({ school_id: schoolId, publication_id: publication.id, pupil_id: pupilId })))
      .execute();
  }
  return publication;
}

/** A publication whose copy still exists: the copy goes when retention deletes the photograph. */
export function publicationOf(tx: SchoolTx, photoId: string, requestId: string) {
  return tx
    .selectFrom('photo_publications as pb')
    .innerJoin('photos as ph', 'ph.id', 'pb.photo_id')
    .select(['pb.id', 'pb.copy_key'])
    .where('pb.request_id', '=', requestId)
    .where('pb.photo_id', '=', photoId)
    .where('ph.deleted_at', 'is', null)
    .executeTakeFirst();
}

/** CON-6: records that a publication came down; undefined when there is none or it is already down. */
export async function recordTakedown(tx: SchoolTx, schoolId: string, photoId: string, requestId: string, by: string) {
  const publication = await tx
    .selectFrom('photo_publications')
    .select('id')
    .where('request_id', '=', requestId)
    .where('photo_id', '=', photoId)
    .executeTakeFirst();
  if (!publication) return undefined;
  return tx
    .insertInto('photo_publication_takedowns')
    .values({ school_id: schoolId, publication_id: publication.id, taken_down_by: by })
    .onConflict((oc) => oc.column('publication_id').doNothing())
    .returning('publication_id as id')
    .executeTakeFirst();
}

/**
 * CON-6: where these children's photographs are published, not yet taken down, on any of the given
 * channels or for any of the given express requests — one query for a whole page of takedown tasks.
 * The children are found by who was tagged when each was published, not by today's tags; each row
 * says which child it is for, so the caller picks each task's own.
 */
export function livePublicationsOf(tx: SchoolTx, pupilIds: string[], channels: string[], expressRequestIds: string[]) {
  if (pupilIds.length === 0) return Promise.resolve([]);
  return tx
    .selectFrom('photo_publications as pb')
    .innerJoin('photo_publication_pupils as pp', 'pp.publication_id', 'pb.id')
    .innerJoin('photos as ph', 'ph.id', 'pb.photo_id')
    .innerJoin('photo_publication_requests as r', 'r.id', 'pb.request_id')
    .leftJoin('photo_publication_takedowns as td', 'td.publication_id', 'pb.id')
    .select(['pb.id', 'pb.photo_id', 'pb.channel', 'pb.location', 'pb.published_at', 'ph.event_name', 'pp.pupil_id', 'r.express_request_id'])
    .where('pp.pupil_id', 'in', pupilIds)
    .where('td.publication_id', 'is', null)
    .where('ph.deleted_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb('pb.channel', 'in', channels.length ? channels : ['-']),
        eb('r.express_request_id', 'in', expressRequestIds.length ? expressRequestIds : ['00000000-0000-0000-0000-000000000000']),
      ]),
    )
    .orderBy('pb.published_at')
    .execute();
}

export function expressRequest(tx: SchoolTx, id: string) {
  return tx.selectFrom('consent_requests').select(['id', 'title']).where('id', '=', id).where('kind', '=', 'express').executeTakeFirst();
}

export function expressRequests(tx: SchoolTx) {
  return tx
    .selectFrom('consent_requests')
    .select(['id', 'title', 'created_at'])
    .where('kind', '=', 'express')
    .orderBy('created_at', 'desc')
    .limit(100)
    .execute();
}
