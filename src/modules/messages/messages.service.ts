import type { Config } from '../../config.ts';
import { requireAccess } from '../../platform/auth/access.ts';
import { auditActor, type Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { listSchools, withSchool, type SchoolDatabase } from '../../platform/db/school-database.ts';
import type { SchoolTx } from '../../platform/db/school-scope.ts';
import { NotFound, Unprocessable } from '../../platform/http/errors.ts';
import { enqueueMail } from '../../platform/mail/outbox.ts';
import { createAgreementLinkService } from '../agreements/agreements-link.service.ts';
import { createAgreementService } from '../agreements/agreements.service.ts';
import { findAgreement } from '../agreements/agreements.repository.ts';
import { signedOnProblem } from '../agreements/agreements.rules.ts';
import { openConcern } from '../concerns/concerns.record.ts';
import { insertEntry } from '../concerns/concerns.repository.ts';
import { currentSettings } from '../settings/settings.service.ts';
import * as repo from './messages.repository.ts';
import { deliveryPlan, type Channel } from './messages.rules.ts';
import { notifyError, notifyTextSender, textsReady, type TextSender } from './messages.sms.ts';
import { messageTemplates, platforms } from './messages.templates.ts';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const channelsKnown: readonly Channel[] = ['email', 'sms', 'letter'];
/** A text is tried this many times before it is marked failed. */
const textAttempts = 5;

export interface AudienceInput {
  classIds?: string[];
  yearGroups?: number[];
  everyone?: boolean;
  newAdmissionsSince?: string;
  /** The carers of the pupils in a concern (cyber bullying, 001 §9). */
  concernId?: string;
}

export interface MessageInput {
  audience: AudienceInput;
  template?: string | null;
  subject: string;
  body: string;
  channels: string[];
  /** A home-school (or other carers') agreement to ask for in the same e-mail, with each family's personal link. */
  agreementId?: string | null;
}

const yearLabel = (y: number) => (y === 0 ? 'Reception' : y < 0 ? 'Nursery' : `Year ${y}`);

/** Messages to carers (AGR-4): who, by which channel, what happened to each. */
export function createMessageService(
  schools: SchoolDatabase,
  config: Config,
  onMail: () => void = () => {},
  texts: TextSender | null = notifyTextSender(config),
) {
  const inSchool = <T>(actor: Actor, work: (tx: SchoolTx) => Promise<T>) => withSchool(schools, actor.schoolId, work);
  const agreements = createAgreementService(schools, config, onMail);
  const agreementLinks = createAgreementLinkService(schools, config, onMail);
  const smsReady = textsReady(config) && texts !== null;

  /** Checks the request and works out who gets what, inside the school's transaction; nothing is written. */
  async function plan(tx: SchoolTx, actor: Actor, input: MessageInput) {
    const a = input.audience ?? {};
    const classIds = [...new Set(a.classIds ?? [])];
    const yearGroups = [...new Set(a.yearGroups ?? [])];
    if (!a.everyone && !classIds.length && !yearGroups.length && !a.newAdmissionsSince && !a.concernId)
      throw new Unprocessable('Choose who the message is for: classes, year groups, new admissions or everyone', 'audience');
    if (classIds.some((id) => !uuid.test(id))) throw new Unprocessable('A class in the audience does not exist', 'audience.classIds');
    const found = await repo.existingClassIds(tx, classIds);
    if (classIds.some((id) => !found.has(id))) throw new Unprocessable('A class in the audience does not exist', 'audience.classIds');
    if (yearGroups.some((y) => !Number.isInteger(y) || y < -1 || y > 13))
      throw new Unprocessable('Year groups are numbers from -1 (nursery) to 13', 'audience.yearGroups');
    if (a.newAdmissionsSince) {
      const problem = signedOnProblem(a.newAdmissionsSince, '9999-12-31');
      if (problem) throw new Unprocessable('Give the first admission date as a real date, YYYY-MM-DD', 'audience.newAdmissionsSince');
    }
    const subject = input.subject.trim();
    const body = input.body.trim();
    if (!subject) throw new Unprocessable('Enter a subject', 'subject');
    if (subject.length > 150) throw new Unprocessable('The subject must be 150 characters or fewer', 'subject');
    if (!body) throw new Unprocessable('Enter the message', 'body');
    if (body.length > 10_000) throw new Unprocessable('The message must be 10,000 characters or fewer', 'body');
    const channels = [...new Set(input.channels)];
    if (!channels.length) throw new Unprocessable('Choose how to send it: e-mail, text message or letter', 'channels');
    if (channels.some((c) => !channelsKnown.includes(c as Channel))) throw new Unprocessable('Channels are email, sms and letter', 'channels');
    const template = input.template ?? null;
    if (template && !messageTemplates({ schoolName: '', policiesUrl: '', minimumAge: 0 }).some((t) => t.key === template))
      throw new Unprocessable('There is no such template', 'template');

    let concernPupils: string[] = [];
    if (a.concernId) {
      if (!uuid.test(a.concernId)) throw new NotFound('No such concern');
      const { settings } = await currentSettings(tx, actor.schoolId);
      const concern = await openConcern(tx, actor, settings, a.concernId, 'message');
      if (concern.access !== 'full') throw new NotFound('No such concern');
      concernPupils = await repo.pupilsOfConcern(tx, a.concernId);
      if (!concernPupils.length) throw new Unprocessable('No pupil is named in this concern', 'audience.concernId');
    }
    let agreement = null;
    if (input.agreementId) {
      agreement = uuid.test(input.agreementId) ? await findAgreement(tx, input.agreementId) : undefined;
      if (!agreement || !agreement.audience.includes('carers') || agreement.version === 0)
        throw new Unprocessable('Choose an agreement that families sign', 'agreementId');
    }
    const pupils = await repo.pupilsIn(tx, {
      everyone: a.everyone,
      classIds,
      yearGroups,
      newAdmissionsSince: a.newAdmissionsSince,
      pupilIds: concernPupils.length ? concernPupils : undefined,
    });
    const carers = await repo.carersOf(tx, pupils);
    const delivery = deliveryPlan(carers, channels as Channel[], smsReady);
    const classes = classIds.length ? (await repo.activeClasses(tx)).filter((c) => classIds.includes(c.id)).map((c) => c.title) : [];
    const label = a.everyone
      ? 'Every family'
      : [
          ...classes,
          ...yearGroups.map(yearLabel),
          ...(a.newAdmissionsSince ? [`Admitted since ${a.newAdmissionsSince}`] : []),
          ...(a.concernId ? ['The carers of the pupils in a concern'] : []),
        ].join(', ');
    const counts = {
      recipients: delivery.recipients,
      email: delivery.plan.filter((p) => p.channel === 'email').length,
      sms: delivery.plan.filter((p) => p.channel === 'sms').length,
      letters: delivery.plan.filter((p) => p.channel === 'letter').length,
      notReached: delivery.notReached,
    };
    return {
      subject,
      body,
      channels: channels as Channel[],
      template,
      agreement,
      carers,
      delivery,
      label,
      counts,
      concernId: a.concernId ?? null,
      classIds,
      yearGroups,
    };
  }

  return {
    smsReady,

    /** The templates, filled in with the school's name, its policies' address and the minimum age from its settings. */
    async templates(actor: Actor, platform = 'other') {
      requireAccess(actor, 'message:send');
      return inSchool(actor, async (tx) => {
        const school = await repo.currentSchool(tx);
        const { settings } = await currentSettings(tx, actor.schoolId);
        return messageTemplates(
          { schoolName: school.name, policiesUrl: `${config.baseUrl}/schools/${school.urn}/policies`, minimumAge: settings.ageLimits.socialMediaMinimumAge },
          platform,
        );
      });
    },

    platforms,

    async formOptions(actor: Actor) {
      requireAccess(actor, 'message:send');
      const classes = await inSchool(actor, (tx) => repo.activeClasses(tx));
      const years = [...new Set(classes.map((c) => c.year_group).filter((y): y is number => y !== null))].sort((x, y) => x - y);
      // Its own transaction, after the first: one connection at a time (PGlite has only one).
      const list = await agreements.list(actor);
      return { classes, years, yearLabel, agreements: list.filter((x) => x.audience.includes('carers') && x.version > 0) };
    },

    /** Counts only: for the check-your-answers page. */
    async preview(actor: Actor, input: MessageInput) {
      requireAccess(actor, 'message:send');
      return inSchool(actor, async (tx) => {
        const p = await plan(tx, actor, input);
        return { ...p.counts, label: p.label, subject: p.subject, body: p.body, channels: p.channels, agreement: p.agreement };
      });
    },

    /** Sends: e-mail through the outbox, texts queued for Notify, letters waiting to be printed; all kept with the message. */
    async send(actor: Actor, input: MessageInput) {
      requireAccess(actor, 'message:send');
      const result = await inSchool(actor, async (tx) => {
        const p = await plan(tx, actor, input);
        const school = await repo.currentSchool(tx);
        const id = await repo.insertMessage(tx, {
          schoolId: actor.schoolId,
          template: p.template,
          subject: p.subject,
          body: p.body,
          audience: { ...input.audience },
          audienceLabel: p.label,
          channels: p.channels,
          agreementId: p.agreement?.id ?? null,
          concernId: p.concernId,
          createdBy: actor.staffId,
          createdByLabel: actor.name,
        });
        for (const item of p.delivery.plan) {
          let outboxId: string | null = null;
          if (item.channel === 'email') {
            let text = `${p.body}\n\n${school.name}`;
            if (p.agreement) {
              const link = await agreementLinks.issueLink(tx, actor.schoolId, p.agreement.id, item.carerId);
              text += `\n\nPlease also read and sign the ${p.agreement.title.toLowerCase()}. Your personal link (for your family only):\n${link}`;
            }
            outboxId = await enqueueMail(tx, actor.schoolId, { to: item.address!, subject: p.subject, text });
          }
          await repo.insertRecipient(tx, {
            schoolId: actor.schoolId,
            messageId: id,
            carerId: item.carerId,
            channel: item.channel,
            address: item.address,
            outboxId,
          });
        }
        if (p.concernId) {
          // 001 §9: the concern's "carers informed" action, in its timeline, in the same transaction.
          await insertEntry(tx, {
            school_id: actor.schoolId,
            concern_id: p.concernId,
            kind: 'action',
            action_key: 'carers-informed',
            field: null,
            note: `Message “${p.subject}” sent to ${p.counts.recipients} ${p.counts.recipients === 1 ? 'carer' : 'carers'} (${p.counts.email} by e-mail, ${p.counts.sms} by text, ${p.counts.letters} by letter).`,
            reason: null,
            due_at: null,
            refers_to: null,
            acts: null,
            created_by: actor.staffId,
          });
        }
        await recordAudit(tx, actor.schoolId, auditActor(actor), {
          action: 'message.sent',
          subjectType: 'message',
          subjectId: id,
          detail: { template: p.template, audience: p.label, ...p.counts, concernId: p.concernId, agreementId: p.agreement?.id ?? null },
        });
        return { id, ...p.counts };
      });
      if (result.email) onMail();
      return result;
    },

    async list(actor: Actor) {
      requireAccess(actor, 'message:read');
      return inSchool(actor, (tx) => repo.listMessages(tx));
    },

    /** A message with its recipients and what happened to each. */
    async get(actor: Actor, id: string) {
      requireAccess(actor, 'message:read');
      return inSchool(actor, async (tx) => {
        const message = await repo.findMessage(tx, id);
        if (!message) throw new NotFound('No such message');
        const recipients = await repo.recipientsOf(tx, id);
        const of = (channel: Channel) => recipients.filter((r) => r.channel === channel);
        const states = (channel: Channel) => {
          const counts: Record<string, number> = {};
          for (const r of of(channel)) counts[r.state] = (counts[r.state] ?? 0) + 1;
          return counts;
        };
        const school = await repo.currentSchool(tx);
        return {
          message,
          school,
          recipients,
          counts: {
            recipients: new Set(recipients.map((r) => r.carer_id)).size,
            email: of('email').length,
            sms: of('sms').length,
            letters: of('letter').length,
          },
          delivery: {
            email: { queued: states('email').queued ?? 0, sent: states('email').sent ?? 0, failed: states('email').failed ?? 0 },
            sms: { queued: states('sms').queued ?? 0, sent: states('sms').sent ?? 0, failed: states('sms').failed ?? 0 },
            letters: { toPrint: states('letter')['to-print'] ?? 0, printed: states('letter').printed ?? 0 },
          },
        };
      });
    },

    async lettersPrinted(actor: Actor, id: string) {
      requireAccess(actor, 'message:send');
      return inSchool(actor, async (tx) => {
        if (!(await repo.findMessage(tx, id))) throw new NotFound('No such message');
        const n = await repo.markLettersPrinted(tx, id);
        await recordAudit(tx, actor.schoolId, auditActor(actor), {
          action: 'message.letters-printed',
          subjectType: 'message',
          subjectId: id,
          detail: { letters: n },
        });
        return n;
      });
    },

    /**
     * Sends the waiting texts through Notify, outside any transaction (a slow answer holds no
     * lock); each result is written back on its own. Without Notify set up, nothing is queued.
     */
    async sendTexts(): Promise<number> {
      if (!texts) return 0;
      let sent = 0;
      for (const school of await listSchools(schools)) {
        const waiting = await withSchool(schools, school.id, (tx) => repo.textsToSend(tx, 200));
        for (const text of waiting) {
          const words = `${school.name}: ${text.subject}\n\n${text.body}`.slice(0, 900);
          try {
            await texts.send(text.address!, words, text.id);
            await withSchool(schools, school.id, (tx) => repo.textSent(tx, text.id));
            sent++;
          } catch (error) {
            await withSchool(schools, school.id, (tx) => repo.textFailed(tx, text.id, notifyError(error), text.attempts + 1 >= textAttempts));
          }
        }
      }
      return sent;
    },
  };
}

export type MessageService = ReturnType<typeof createMessageService>;
