import { may, requireAccess } from '../../platform/auth/access.ts';
import { auditActor, type Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { withSchool, type SchoolDatabase } from '../../platform/db/school-database.ts';
import type { SchoolTx } from '../../platform/db/school-scope.ts';
import { NotFound, ValidationError, type FieldProblem } from '../../platform/http/errors.ts';
import { isUuid } from '../../platform/http/ids.ts';
import { enqueueMail } from '../../platform/mail/outbox.ts';
import { personName } from '../people/names.ts';
import { staffHoldingRoles } from '../people/staff-roles.repository.ts';
import { expressRequest, expressRequests } from '../photos/photos.publishing.repository.ts';
import * as repo from './press.repository.ts';

export interface EnquiryInput {
  outlet: string;
  contact: string;
  summary: string;
  receivedAt?: Date | null;
}

/** Press enquiries go to the headteacher at once, who records the reply (REG-3; 001 §6). */
export function createPressService({ schools, baseUrl, onMail }: { schools: SchoolDatabase; baseUrl: string; onMail: () => void }) {
  const inSchool = <T>(actor: Actor, work: (tx: SchoolTx) => Promise<T>) => withSchool(schools, actor.schoolId, work);

  /** The head sees every enquiry; whoever took one sees their own; anyone else gets 404. */
  async function enquiry(tx: SchoolTx, actor: Actor, id: string) {
    const found = isUuid(id) ? await repo.findEnquiry(tx, id) : undefined;
    if (!found || !(may(actor, 'press:read') || found.received_by === actor.staffId)) throw new NotFound('There is no such enquiry');
    return found;
  }

  return {
    async report(actor: Actor, input: EnquiryInput): Promise<{ id: string; routedTo: { id: string; name: string }[] }> {
      requireAccess(actor, 'press:report');
      const problems: FieldProblem[] = [];
      const outlet = input.outlet.trim();
      const contact = input.contact.trim();
      const summary = input.summary.trim();
      if (!outlet) problems.push({ field: 'outlet', message: 'Enter the newspaper, programme or website' });
      if (!contact) problems.push({ field: 'contact', message: 'Enter who asked and how to reach them' });
      if (!summary) problems.push({ field: 'summary', message: 'Say what they asked' });
      const receivedAt = input.receivedAt ?? new Date();
      if (receivedAt.getTime() > Date.now() + 60_000) problems.push({ field: 'receivedAt', message: 'When they asked must be today or earlier' });
      if (problems.length) throw new ValidationError(problems);
      const result = await inSchool(actor, async (tx) => {
        const row = await repo.insertEnquiry(tx, actor.schoolId, { outlet, contact, summary, receivedAt, by: actor.staffId });
        const heads = await staffHoldingRoles(tx, ['headteacher']);
        for (const head of heads)
          if (head.email)
            await enqueueMail(tx, actor.schoolId, {
              to: head.email,
              subject: 'A press enquiry needs your answer',
              text: `A press enquiry has come in. Nobody answers it without your approval. See it here:\n${baseUrl}/press/${row.id}`,
            });
        await recordAudit(tx, actor.schoolId, auditActor(actor), {
          action: 'press.enquiry',
          subjectType: 'press-enquiry',
          subjectId: row.id,
          detail: { outlet, routedTo: heads.map((h) => h.id) },
        });
        return { id: row.id, routedTo: heads.map((h) => ({ id: h.id, name: personName(h) })) };
      });
      onMail();
      return result;
    },

    async list(actor: Actor) {
      requireAccess(actor, 'press:report');
      return inSchool(actor, (tx) => repo.listEnquiries(tx, may(actor, 'press:read') ? null : actor.staffId));
    },

    async view(actor: Actor, id: string) {
      requireAccess(actor, 'press:report');
      return inSchool(actor, async (tx) => {
        const found = await enquiry(tx, actor, id);
        const linkable = may(actor, 'press:read') ? { photos: await repo.linkablePhotos(tx), requests: await expressRequests(tx) } : null;
        return { enquiry: found, linkable, canReply: may(actor, 'press:reply') };
      });
    },

    async reply(actor: Actor, id: string, reply: string) {
      requireAccess(actor, 'press:reply');
      const text = reply.trim();
      if (!text) throw new ValidationError([{ field: 'reply', message: 'Enter the reply you gave, or that none will be given' }]);
      await inSchool(actor, async (tx) => {
        const found = await enquiry(tx, actor, id);
        await repo.recordReply(tx, found.id, text, actor.staffId);
        await recordAudit(tx, actor.schoolId, auditActor(actor), { action: 'press.replied', subjectType: 'press-enquiry', subjectId: found.id });
      });
    },

    /** The photograph or express permission request an enquiry led to. */
    async link(actor: Actor, id: string, input: { photoId: string; consentRequestId: string }) {
      requireAccess(actor, 'press:read');
      await inSchool(actor, async (tx) => {
        const found = await enquiry(tx, actor, id);
        const problems: FieldProblem[] = [];
        const photoId = input.photoId.trim() || null;
        const consentRequestId = input.consentRequestId.trim() || null;
        if (photoId && !(isUuid(photoId) && (await repo.photoExists(tx, photoId))))
          problems.push({ field: 'photoId', message: 'Choose a photograph from the list' });
        if (consentRequestId && !(isUuid(consentRequestId) && (await expressRequest(tx, consentRequestId))))
          problems.push({ field: 'consentRequestId', message: 'Choose an express permission request from the list' });
        if (problems.length) throw new ValidationError(problems);
        await repo.linkTo(tx, found.id, { photoId, consentRequestId });
        await recordAudit(tx, actor.schoolId, auditActor(actor), {
          action: 'press.linked',
          subjectType: 'press-enquiry',
          subjectId: found.id,
          detail: { photoId, consentRequestId },
        });
      });
    },
  };
}

export type PressService = ReturnType<typeof createPressService>;
