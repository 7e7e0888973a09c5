import { requireAccess } from '../../platform/auth/access.ts';
import { auditActor, type Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { withSchool, type SchoolDatabase } from '../../platform/db/school-database.ts';
import type { SchoolTx } from '../../platform/db/school-scope.ts';
import { Conflict, Forbidden, NotFound, ValidationError } from '../../platform/http/errors.ts';
import { enqueueMail } from '../../platform/mail/outbox.ts';
import { staffHoldingRoles } from '../people/staff-roles.repository.ts';
import { currentSettings } from '../settings/settings.service.ts';
import type { PolicySettings } from '../settings/settings.schema.ts';
import type { FaceService } from './faces/faces.service.ts';
import { blurChoices, type BlurFaces } from './faces/faces.rules.ts';
import * as repo from './photos.repository.ts';
import * as pubs from './photos.publishing.repository.ts';
import { decidesPublications, needsApproval, type Refusal } from './photos.rules.ts';
import { refusalsFor } from './photos.publish-check.ts';
import { mayDecidePublications } from './photos.deciders.ts';
import { publishingChannels } from './photos.channels.ts';
import { isUuid } from '../../platform/http/ids.ts';
import type { PhotoStorage } from './photos.storage.ts';
import { copyNeeded, publishWithCopy, readyCopy, type PreparedCopy } from './photos.published-copy.ts';

/** MED-4: the check failed; `reasons` name each pupil who blocks it and why (the API's 409). */
export class NotAllowed extends Conflict {
  constructor(readonly reasons: Refusal[]) {
    super('not-allowed', `This photograph may not be published there: ${reasons.map((r) => r.reason).join('; ')}`);
  }
}

export interface PublicationInput {
  channel: string;
  caption?: string;
  altText?: string;
  fileName?: string;
  where?: string;
  expressRequestId?: string;
  /** Issue 14: which faces the published copy blurs; the faces of children who may not appear, unless said otherwise. */
  blurFaces?: string;
  /** Issue 19: the post tags the children in it (refused where the channel allows no tagging). A form's checkbox posts 'yes'. */
  tagChildren?: boolean | string;
}

export type PublicationOutcome = { id: string; status: 'published' | 'awaiting-approval' | 'refused'; url?: string };

export interface PublishingDeps {
  schools: SchoolDatabase;
  storage: PhotoStorage;
  faces: FaceService;
  baseUrl: string;
  onMail?: () => void;
}

export function createPublishingService({ schools, storage, faces, baseUrl, onMail = () => {} }: PublishingDeps) {
  const inSchool = <T>(actor: Actor, work: (tx: SchoolTx) => Promise<T>) => withSchool(schools, actor.schoolId, work);
  const fileUrl = (photoId: string, requestId: string) => `${baseUrl}/api/v1/media/${photoId}/publications/${requestId}/file`;

  async function editablePhoto(tx: SchoolTx, photoId: string) {
    const photo = isUuid(photoId) ? await repo.findPhoto(tx, photoId) : undefined;
    if (!photo) throw new NotFound('There is no such photograph');
    if (photo.archived_at) throw new Conflict('archived', 'This photograph is archived and cannot be published.');
    return photo;
  }

  /** Records where the copy went and who was in the photograph at that moment (MED-6, MED-8). */
  async function recordPublication(
    tx: SchoolTx,
    actor: Actor,
    photo: repo.PhotoRow,
    request: { id: string; channel: string; location: string },
    copy: PreparedCopy,
  ) {
    const pupilIds = (await repo.taggedPupils(tx, photo.id)).map((p) => p.id);
    const publication = await pubs.insertPublication(tx, actor.schoolId, {
      requestId: request.id,
      photoId: photo.id,
      channel: request.channel,
      location: request.location,
      copyKey: copy.key,
      by: actor.staffId,
      pupilIds,
    });
    await recordAudit(tx, actor.schoolId, auditActor(actor), {
      action: 'photo.published',
      subjectType: 'photo',
      subjectId: photo.id,
      detail: { publication: publication.id, request: request.id, channel: request.channel, location: request.location },
    });
  }

  function requireDecider(actor: Actor, settings: PolicySettings) {
    if (!decidesPublications(actor.roles, settings.decisions.photoPublication))
      throw new Forbidden('The school’s policy gives this decision to someone else (see Policy settings)');
  }

  return {
    async options(actor: Actor, photoId: string) {
      requireAccess(actor, 'media:publish');
      return inSchool(actor, async (tx) => {
        const photo = await editablePhoto(tx, photoId);
        const settings = (await currentSettings(tx, actor.schoolId)).settings;
        return { photo, channels: await publishingChannels(tx, settings), expressRequests: await pubs.expressRequests(tx) };
      });
    },

    /** MED-4, MED-5: checked now; published at once, or waits for the headteacher where the policy says. */
    async request(actor: Actor, photoId: string, input: PublicationInput): Promise<PublicationOutcome> {
      requireAccess(actor, 'media:publish');
      const blurFaces = (input.blurFaces?.trim() || 'without-consent') as BlurFaces;
      if (!blurChoices.includes(blurFaces)) throw new ValidationError([{ field: 'blurFaces', message: 'Choose which faces to blur' }]);
      // Faces not yet looked for are looked for now, outside any transaction (issue 14).
      await faces.beforeChecking(actor.schoolId, photoId);
      const outcome = await publishWithCopy(schools, storage, actor, async (tx, copy) => {
        const photo = await editablePhoto(tx, photoId);
        const settings = (await currentSettings(tx, actor.schoolId)).settings;
        const channel = (await publishingChannels(tx, settings)).find((c) => c.key === input.channel);
        if (!channel) throw new ValidationError([{ field: 'channel', message: 'Choose where the photograph will be published' }]);
        const express = input.expressRequestId?.trim() || null;
        if (express && !(isUuid(express) && (await pubs.expressRequest(tx, express))))
          throw new ValidationError([{ field: 'expressRequestId', message: 'Choose an express permission request from the list' }]);
        const texts = { caption: input.caption?.trim() ?? '', altText: input.altText?.trim() ?? '', fileName: input.fileName?.trim() ?? '' };
        const tagChildren = input.tagChildren === true || input.tagChildren === 'yes';
        const { refusals, blur } = await refusalsFor(tx, settings, photo, channel, texts, express, blurFaces, tagChildren);
        if (refusals.length) throw new NotAllowed(refusals);
        const waits = needsApproval(channel);
        const ready = readyCopy(photo, settings, blur, copy);
        if (!waits && !ready) return copyNeeded(photo, settings, blur);
        const location = input.where?.trim() ?? '';
        const row = await pubs.insertRequest(tx, actor.schoolId, {
          photoId,
          channel: channel.key,
          ...texts,
          location,
          expressRequestId: express,
          status: waits ? 'requested' : 'published',
          requestedBy: actor.staffId,
          blurFaces,
          tagChildren,
        });
        await recordAudit(tx, actor.schoolId, auditActor(actor), {
          action: 'photo.publication-requested',
          subjectType: 'photo',
          subjectId: photoId,
          detail: { request: row.id, channel: channel.key, waits, blurFaces, facesBlurred: blur?.boxes.length ?? 0 },
        });
        if (!waits && ready) {
          await recordPublication(tx, actor, photo, { id: row.id, channel: channel.key, location }, ready);
          return { id: row.id, status: 'published' as const, url: fileUrl(photoId, row.id) };
        }
        for (const person of await staffHoldingRoles(tx, settings.decisions.photoPublication, { withEmail: true })) {
          await enqueueMail(tx, actor.schoolId, {
            to: person.email!,
            subject: 'A photograph is waiting for your decision',
            text: `${actor.name} asks to publish a photograph (${channel.label}). Decide here:\n${baseUrl}/photos/approvals`,
          });
        }
        return { id: row.id, status: 'awaiting-approval' as const };
      });
      if (outcome.status === 'awaiting-approval') onMail();
      return outcome;
    },

    /** The decider's queue (MED-5), for whoever the settings name (and the head); 403 for anyone else. */
    async awaiting(actor: Actor) {
      requireAccess(actor, 'media:decide');
      return inSchool(actor, async (tx) => {
        const settings = (await currentSettings(tx, actor.schoolId)).settings;
        requireDecider(actor, settings);
        const labels = new Map((await publishingChannels(tx, settings, true)).map((c) => [c.key, c.label]));
        const requests = (await pubs.awaitingDecision(tx)).map((r) => ({ ...r, channelLabel: labels.get(r.channel) ?? r.channel }));
        return { requests, deciders: settings.decisions.photoPublication };
      });
    },

    /** Whether to offer the queue at all (the photographs list links to it). */
    mayDecide(actor: Actor) {
      return inSchool(actor, (tx) => mayDecidePublications(tx, actor));
    },

    async decide(actor: Actor, photoId: string, requestId: string, input: { decision: string; note?: string }): Promise<PublicationOutcome> {
      requireAccess(actor, 'media:decide');
      if (!isUuid(photoId) || !isUuid(requestId)) throw new NotFound('There is no such request');
      if (input.decision === 'approved') await faces.beforeChecking(actor.schoolId, photoId);
      return publishWithCopy(schools, storage, actor, async (tx, copy) => {
        // Whoever the settings do not name is refused before anything about the request is looked up.
        const settings = (await currentSettings(tx, actor.schoolId)).settings;
        requireDecider(actor, settings);
        const request = await pubs.findRequest(tx, photoId, requestId);
        if (!request) throw new NotFound('There is no such request');
        if (request.status !== 'requested' || request.decision) throw new Conflict('already-decided', 'This request has already been decided');
        const note = input.note?.trim() || null;
        if (input.decision !== 'approved' && input.decision !== 'refused')
          throw new ValidationError([{ field: 'decision', message: 'Choose whether to approve or refuse' }]);
        if (input.decision === 'refused' && !note)
          throw new ValidationError([{ field: 'note', message: 'Say why it is refused, so the member of staff knows' }]);
        const photo = await editablePhoto(tx, photoId);
        let ready: PreparedCopy | null = null;
        if (input.decision === 'approved') {
          // Consent may have changed since the request: check again at the moment of publishing.
          // An account the register no longer approves is no longer a channel.
          const channel = (await publishingChannels(tx, settings)).find((c) => c.key === request.channel);
          if (!channel) throw new Conflict('channel-retired', 'This channel is no longer in the school’s settings or approved in the accounts register');
          const { refusals, blur } = await refusalsFor(
            tx,
            settings,
            photo,
            channel,
            { caption: request.caption, altText: request.alt_text, fileName: request.file_name },
            request.express_request_id,
            request.blur_faces,
            request.tag_children,
          );
          if (refusals.length) throw new NotAllowed(refusals);
          ready = readyCopy(photo, settings, blur, copy);
          if (!ready) return copyNeeded(photo, settings, blur);
        }
        // Appended, never written over: a decision made a moment earlier by someone else wins.
        if (!(await pubs.appendDecision(tx, actor.schoolId, requestId, input.decision, actor.staffId, note)))
          throw new Conflict('already-decided', 'This request has already been decided');
        await recordAudit(tx, actor.schoolId, auditActor(actor), {
          action: `photo.publication-${input.decision}`,
          subjectType: 'photo',
          subjectId: photoId,
          detail: { request: requestId, note },
        });
        if (!ready) return { id: requestId, status: 'refused' as const };
        await recordPublication(tx, actor, photo, { id: requestId, channel: request.channel, location: request.location }, ready);
        return { id: requestId, status: 'published' as const, url: fileUrl(photoId, requestId) };
      });
    },

    /** The published copy: no metadata, a name that says nothing. 404 until it is published. */
    async copy(actor: Actor, photoId: string, requestId: string) {
      requireAccess(actor, 'media:view');
      if (!isUuid(photoId) || !isUuid(requestId)) throw new NotFound();
      const publication = await inSchool(actor, (tx) => pubs.publicationOf(tx, photoId, requestId));
      const bytes = publication?.copy_key ? await storage.get(publication.copy_key) : null;
      if (!publication || !bytes) throw new NotFound('This photograph has not been published');
      return { bytes, fileName: publication.copy_key!.split('/').pop()! };
    },

    async history(actor: Actor, photoId: string) {
      requireAccess(actor, 'media:view');
      if (!isUuid(photoId)) throw new NotFound('There is no such photograph');
      return inSchool(actor, async (tx) => {
        const settings = (await currentSettings(tx, actor.schoolId)).settings;
        const labels = new Map((await publishingChannels(tx, settings, true)).map((c) => [c.key, c.label]));
        return (await pubs.requestsOf(tx, photoId)).map((r) => ({ ...r, channelLabel: labels.get(r.channel) ?? r.channel }));
      });
    },

    /** CON-6: the head records that a publication has come down. */
    async takeDown(actor: Actor, photoId: string, requestId: string) {
      requireAccess(actor, 'consent:takedown');
      if (!isUuid(photoId) || !isUuid(requestId)) throw new NotFound();
      await inSchool(actor, async (tx) => {
        const done = await pubs.recordTakedown(tx, actor.schoolId, photoId, requestId, actor.staffId);
        if (!done) throw new NotFound('There is no such publication, or it is already taken down');
        await recordAudit(tx, actor.schoolId, auditActor(actor), {
          action: 'photo.taken-down',
          subjectType: 'photo',
          subjectId: photoId,
          detail: { publication: done.id },
        });
      });
    },
  };
}

export type PublishingService = ReturnType<typeof createPublishingService>;
