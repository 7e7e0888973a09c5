import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import { recentAttempts, recordAttempt } from '../../platform/auth/auth.repository.ts';
import { newToken, tokenHash } from '../../platform/auth/secrets.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { DB } from '../../platform/db/schema.ts';
import { withSchool, type SchoolTx } from '../../platform/db/school-scope.ts';
import { NotFound, TooManyRequests, ValidationError, type FieldProblem } from '../../platform/http/errors.ts';
import { enqueueMail } from '../../platform/mail/outbox.ts';
import { currentSettings } from '../settings/settings.service.ts';
import * as repo from './consent.repository.ts';
import { requestPurposes } from './consent-requests.service.ts';
import { appendDecision } from './consent.service.ts';

/** Public links are throttled per client address: guessing is pointless, but hammering is refused. */
const linkLimit = { perAddress: 120, windowMinutes: 15 };

export const answerField = (pupilId: string, purpose: string) => `answer.${pupilId}.${purpose}`;

/**
 * A carer's personal link (CON-4): no account, limited to that family and that request,
 * expiring and revocable. Looked up by the hash of its token before any school is known.
 */
export function createConsentLinkService(db: Kysely<DB>, config: Config, onMail: () => void = () => {}) {
  async function resolve(token: string, clientAddress: string) {
    const key = `consent-link:${clientAddress}`;
    if ((await recentAttempts(db, key, linkLimit.windowMinutes)) >= linkLimit.perAddress) throw new TooManyRequests('Too many requests from your connection. Wait 15 minutes and try again.');
    await recordAttempt(db, [key]);
    const link = /^[A-Za-z0-9_-]{20,100}$/.test(token)
      ? await db.selectFrom('consent_links').select(['id', 'school_id', 'request_id', 'carer_id', 'expires_at', 'revoked_at']).where('token_hash', '=', tokenHash(token)).executeTakeFirst()
      : undefined;
    if (!link || link.revoked_at || link.expires_at.getTime() < Date.now()) throw new NotFound('This link has expired or is no longer in use');
    return link;
  }

  async function family(tx: SchoolTx, link: { request_id: string; carer_id: string; school_id: string }) {
    const request = await tx.selectFrom('consent_requests').selectAll().where('id', '=', link.request_id).executeTakeFirstOrThrow();
    const school = await tx.selectFrom('schools').select(['name']).executeTakeFirstOrThrow();
    const carer = await tx.selectFrom('carers').select(['id', 'given_name', 'family_name']).where('id', '=', link.carer_id).executeTakeFirstOrThrow();
    const children = await tx.selectFrom('consent_request_pupils as rp').innerJoin('pupil_carers as pc', 'pc.pupil_id', 'rp.pupil_id')
      .innerJoin('pupils as p', 'p.id', 'rp.pupil_id').leftJoin('classes as c', 'c.id', 'p.class_id')
      .select(['p.id', 'p.given_name', 'p.family_name', 'p.preferred_name', 'p.class_id', 'c.year_group'])
      .where('rp.request_id', '=', link.request_id).where('pc.carer_id', '=', link.carer_id).where('pc.parental_responsibility', '=', true).where('p.on_roll', '=', true)
      .orderBy('p.given_name').execute();
    const settings = (await currentSettings(tx, link.school_id)).settings;
    const purposes = requestPurposes(request, settings);
    // The carer's own latest answers, so the form shows what they said before.
    const previous = new Map<string, string>();
    const decisions = await repo.decisionsFor(tx, children.map((c) => c.id));
    for (const [pupilId, list] of decisions) for (const d of list) if (d.carerId === link.carer_id) previous.set(answerField(pupilId, d.purpose), d.decision);
    return { request, school, carer, children, purposes, previous };
  }

  return {
    async open(token: string, clientAddress: string) {
      const link = await resolve(token, clientAddress);
      return withSchool(db, link.school_id, (tx) => family(tx, link));
    },

    /** Records every answer on the form; anything not on this family's form is refused whole. */
    async answer(token: string, clientAddress: string, form: Record<string, unknown>) {
      const link = await resolve(token, clientAddress);
      await withSchool(db, link.school_id, async (tx) => {
        const view = await family(tx, link);
        const expected = new Set(view.children.flatMap((c) => view.purposes.map((p) => answerField(c.id, p.key))));
        const posted = Object.keys(form).filter((k) => k.startsWith('answer.'));
        if (posted.some((k) => !expected.has(k))) throw new ValidationError([{ field: 'form', message: 'This form has been changed. Open the link from your e-mail again.' }]);
        const problems: FieldProblem[] = [];
        for (const child of view.children) {
          for (const purpose of view.purposes) {
            const value = form[answerField(child.id, purpose.key)];
            if (value !== 'granted' && value !== 'refused') {
              problems.push({ field: answerField(child.id, purpose.key), message: `Choose yes or no for ${child.preferred_name ?? child.given_name}: ${purpose.label}` });
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
            await appendDecision(tx, link.school_id, settings, who, { ...child, class_id: child.class_id }, purpose.key,
              { decision, carerId: link.carer_id, method: 'online', note: `Confirmed online by typing “${confirmName}”` }, link.request_id, config.baseUrl);
          }
        }
        await tx.updateTable('consent_links').set({ answered_at: new Date() }).where('id', '=', link.id).execute();
        await recordAudit(tx, link.school_id, who, { action: 'consent.link-answered', subjectType: 'consent-link', subjectId: link.id });
      });
      onMail();
    },

    /** Daily: a reminder to each family that has not answered after N days (a setting), once every N days. */
    async sendReminders(now = new Date()): Promise<number> {
      const schools = await db.selectFrom('schools').select(['id', 'name']).execute();
      let sent = 0;
      for (const school of schools) {
        sent += await withSchool(db, school.id, async (tx) => {
          const days = (await currentSettings(tx, school.id)).settings.consent.reminderAfterDays;
          const cutoff = new Date(now.getTime() - days * 86400_000);
          const due = await tx.selectFrom('consent_links as l').innerJoin('carers as k', 'k.id', 'l.carer_id').innerJoin('consent_requests as r', 'r.id', 'l.request_id')
            .select(['l.id', 'k.email', 'r.title']).where('l.answered_at', 'is', null).where('l.revoked_at', 'is', null).where('l.expires_at', '>', now)
            .where('l.emailed_at', '<=', cutoff).where((eb) => eb.or([eb('l.reminded_at', 'is', null), eb('l.reminded_at', '<=', cutoff)]))
            .where('k.email', 'is not', null).execute();
          for (const link of due) {
            // Only a hash of each link is kept, so a reminder carries a fresh link that replaces the first.
            const token = newToken();
            await tx.updateTable('consent_links').set({ reminded_at: now, token_hash: tokenHash(token) }).where('id', '=', link.id).execute();
            await enqueueMail(tx, school.id, { to: link.email!, subject: `${school.name}: a reminder about photographs`,
              text: `${school.name} is still waiting for your answers about photographs of your child (${link.title}).\n\nYour personal link (it replaces the one we sent before):\n${config.baseUrl}/consent/answer/${token}\n\nIf you would rather answer on paper, ask the school office for a form.` });
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
