import type { Config } from '../../config.ts';
import { newToken, tokenHash } from '../../platform/auth/secrets.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { listSchools, schoolOfSecret, takeAttempt, withSchool, type SchoolDatabase } from '../../platform/db/school-database.ts';
import type { SchoolTx } from '../../platform/db/school-scope.ts';
import { NotFound, TooManyRequests, ValidationError, type FieldProblem } from '../../platform/http/errors.ts';
import { enqueueMail } from '../../platform/mail/outbox.ts';
import { currentSettings } from '../settings/settings.service.ts';
import * as repo from './consent-requests.repository.ts';
import { decisionsFor } from './consent.repository.ts';
import { carerFormPurposes } from './consent-requests.service.ts';
import { appendDecision } from './consent.service.ts';
import { combinedAgreementOf } from '../agreements/agreements.combined.ts';

/** Public links are throttled per client address: guessing is pointless, but hammering is refused. */
const linkLimit = { max: 120, windowMinutes: 15 };

type Link = NonNullable<Awaited<ReturnType<typeof repo.linkByTokenHash>>>;

export const answerField = (pupilId: string, purpose: string) => `answer.${pupilId}.${purpose}`;

/**
 * A carer's personal link (CON-4): no account, limited to that family and that request,
 * expiring and revocable. Looked up by the hash of its token before any school is known.
 */
export function createConsentLinkService(schools: SchoolDatabase, config: Config, onMail: () => void = () => {}) {
  /**
   * The school the link belongs to, found by its hash (throttled per client address); then, inside
   * that school, the link itself, refused once revoked or expired.
   */
  async function inLinkSchool<T>(token: string, clientAddress: string, work: (tx: SchoolTx, link: Link) => Promise<T>): Promise<T> {
    if (!(await takeAttempt(schools, `consent-link:${clientAddress}`, linkLimit)))
      throw new TooManyRequests('Too many requests from your connection. Wait 15 minutes and try again.');
    const expired = () => new NotFound('This link has expired or is no longer in use');
    const hash = /^[A-Za-z0-9_-]{20,100}$/.test(token) ? tokenHash(token) : null;
    const schoolId = hash ? await schoolOfSecret(schools, 'consent_links', hash) : undefined;
    if (!hash || !schoolId) throw expired();
    return withSchool(schools, schoolId, async (tx) => {
      const link = await repo.linkByTokenHash(tx, hash);
      if (!link || link.revoked_at || link.expires_at.getTime() < Date.now()) throw expired();
      return work(tx, link);
    });
  }

  async function family(tx: SchoolTx, link: { request_id: string; carer_id: string; school_id: string }) {
    const request = await repo.findRequest(tx, link.request_id);
    const school = await repo.currentSchool(tx);
    const carer = await repo.findCarer(tx, link.carer_id);
    if (!request || !carer) throw new Error('A consent link without its request or carer');
    const children = await repo.familyOnRoll(tx, link.request_id, link.carer_id);
    const settings = (await currentSettings(tx, link.school_id)).settings;
    const { asked: purposes, told } = carerFormPurposes(request, settings);
    // The carer's own latest answers, so the form shows what they said before.
    const previous = new Map<string, string>();
    const decisions = await decisionsFor(
      tx,
      children.map((c) => c.id),
    );
    for (const [pupilId, list] of decisions) for (const d of list) if (d.carerId === link.carer_id) previous.set(answerField(pupilId, d.purpose), d.decision);
    return { request, school, carer, children, purposes, told, previous };
  }

  return {
    /** The family's form, and the home-school agreement if the request asks them to sign it from the same link (AGR-2). */
    async open(token: string, clientAddress: string) {
      return inLinkSchool(token, clientAddress, async (tx, link) => ({ ...(await family(tx, link)), agreement: await combinedAgreementOf(tx, token) }));
    },

    /** Records every answer on the form; anything not on this family's form is refused whole. */
    async answer(token: string, clientAddress: string, form: Record<string, unknown>) {
      await inLinkSchool(token, clientAddress, async (tx, link) => {
        const view = await family(tx, link);
        const expected = new Set(view.children.flatMap((c) => view.purposes.map((p) => answerField(c.id, p.key))));
        const posted = Object.keys(form).filter((k) => k.startsWith('answer.'));
        if (posted.some((k) => !expected.has(k)))
          throw new ValidationError([{ field: 'form', message: 'This form has been changed. Open the link from your e-mail again.' }]);
        const problems: FieldProblem[] = [];
        for (const child of view.children) {
          for (const purpose of view.purposes) {
            const value = form[answerField(child.id, purpose.key)];
            if (value !== 'granted' && value !== 'refused') {
              problems.push({
                field: answerField(child.id, purpose.key),
                message: `Choose yes or no for ${child.preferred_name ?? child.given_name}: ${purpose.label}`,
              });
            }
          }
        }
        const confirmName = typeof form.confirmName === 'string' ? form.confirmName.trim() : '';
        if (confirmName.length < 2) problems.push({ field: 'confirmName', message: 'Type your full name to confirm your answers' });
        if (problems.length) throw new ValidationError(problems);
        const settings = (await currentSettings(tx, link.school_id)).settings;
        const who = { id: null, label: `${view.carer.given_name} ${view.carer.family_name} (online)` };
        for (const child of view.children) {
          for (const purpose of view.purposes) {
            const decision = form[answerField(child.id, purpose.key)] as 'granted' | 'refused';
            await appendDecision(
              tx,
              link.school_id,
              settings,
              who,
              child,
              purpose.key,
              { decision, carerId: link.carer_id, method: 'online', note: `Confirmed online by typing “${confirmName}”` },
              link.request_id,
              config.baseUrl,
            );
          }
        }
        await repo.markLinkAnswered(tx, link.id);
        await recordAudit(tx, link.school_id, who, { action: 'consent.link-answered', subjectType: 'consent-link', subjectId: link.id });
      });
      onMail();
    },

    /** Daily: a reminder to each family that has not answered after N days (a setting), once every N days. */
    async sendReminders(now = new Date()): Promise<number> {
      let sent = 0;
      for (const school of await listSchools(schools)) {
        sent += await withSchool(schools, school.id, async (tx) => {
          const days = (await currentSettings(tx, school.id)).settings.consent.reminderAfterDays;
          const cutoff = new Date(now.getTime() - days * 86400_000);
          const due = await repo.linksDueReminder(tx, now, cutoff);
          for (const link of due) {
            // Only a hash of each link is kept, so a reminder carries a fresh link that replaces the first.
            const token = newToken();
            await repo.replaceLinkToken(tx, link.id, tokenHash(token), now);
            await enqueueMail(tx, school.id, {
              to: link.email!,
              subject: `${school.name}: a reminder about photographs`,
              text: `${school.name} is still waiting for your answers about photographs of your child (${link.title}).\n\nYour personal link (it replaces the one we sent before):\n${config.baseUrl}/consent/answer/${token}\n\nIf you would rather answer on paper, ask the school office for a form.`,
            });
          }
          return due.length;
        });
      }
      if (sent) onMail();
      return sent;
    },
  };
}

export type ConsentLinkService = ReturnType<typeof createConsentLinkService>;
