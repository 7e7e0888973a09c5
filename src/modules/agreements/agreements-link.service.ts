import type { Config } from '../../config.ts';
import { requireAccess } from '../../platform/auth/access.ts';
import { auditActor, type Actor } from '../../platform/auth/actor.ts';
import { newToken, tokenHash } from '../../platform/auth/secrets.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { schoolOfSecret, takeAttempt, withSchool, type SchoolDatabase } from '../../platform/db/school-database.ts';
import type { SchoolTx } from '../../platform/db/school-scope.ts';
import { NotFound, TooManyRequests, ValidationError } from '../../platform/http/errors.ts';
import { enqueueMail } from '../../platform/mail/outbox.ts';
import { agreementOr404 } from './agreements.service.ts';
import { progressOf } from './agreements.progress.ts';
import * as repo from './agreements.repository.ts';
import { signatureCounts, todayIso } from './agreements.rules.ts';

const linkLimit = { max: 120, windowMinutes: 15 };
/** How long a family's personal link works. */
export const linkLifetimeDays = 60;

type Link = NonNullable<Awaited<ReturnType<typeof repo.linkByTokenHash>>>;

/**
 * A family's personal link to sign an agreement (AGR-2): issued by the school (e-mailed by the
 * office, or with a message), then opened by the family with no account. One link per family,
 * found by the hash of its token before any school is known, throttled per client address.
 */
export function createAgreementLinkService(schools: SchoolDatabase, config: Config, onMail: () => void = () => {}) {
  const inSchool = <T>(actor: Actor, work: (tx: SchoolTx) => Promise<T>) => withSchool(schools, actor.schoolId, work);

  /** Creates or replaces a family's personal link for this agreement; returns the address to e-mail. */
  async function issueLink(tx: SchoolTx, schoolId: string, agreementId: string, carerId: string, now = new Date()): Promise<string> {
    const token = newToken();
    await repo.putLink(tx, { schoolId, agreementId, carerId, tokenHash: tokenHash(token), expiresAt: new Date(now.getTime() + linkLifetimeDays * 86400_000) });
    return `${config.baseUrl}/agreements/sign/${token}`;
  }

  async function inLinkSchool<T>(token: string, clientAddress: string, work: (tx: SchoolTx, link: Link) => Promise<T>): Promise<T> {
    if (!(await takeAttempt(schools, `agreement-link:${clientAddress}`, linkLimit)))
      throw new TooManyRequests('Too many requests from your connection. Wait 15 minutes and try again.');
    const expired = () => new NotFound('This link has expired or is no longer in use');
    const hash = /^[A-Za-z0-9_-]{20,100}$/.test(token) ? tokenHash(token) : null;
    const schoolId = hash ? await schoolOfSecret(schools, 'agreement_links', hash) : undefined;
    if (!hash || !schoolId) throw expired();
    return withSchool(schools, schoolId, async (tx) => {
      const link = await repo.linkByTokenHash(tx, hash);
      if (!link || link.revoked_at || link.expires_at.getTime() < Date.now()) throw expired();
      return work(tx, link);
    });
  }

  async function family(tx: SchoolTx, link: Link) {
    const agreement = await repo.findAgreement(tx, link.agreement_id);
    const carer = await repo.findCarer(tx, link.carer_id);
    if (!agreement || !carer) throw new NotFound('This link has expired or is no longer in use');
    const version = (await repo.versionsOf(tx, agreement.id)).find((v) => v.published_at && v.version === agreement.version);
    if (!version) throw new NotFound('This link has expired or is no longer in use');
    const school = await repo.currentSchool(tx);
    const today = todayIso();
    const signatures = (await repo.signaturesOf(tx, agreement.id)).filter(
      (s) => s.carer_id && s.pupil_id && signatureCounts(agreement.renewal, agreement.version, { version: s.version, signedOn: s.signed_on }, today),
    );
    const signedFor = new Set(signatures.map((s) => s.pupil_id));
    const children = (await repo.childrenOfCarer(tx, carer.id)).map((c) => ({ ...c, signed: signedFor.has(c.id) }));
    return { agreement, version, carer, school, children };
  }

  return {
    issueLink,

    /** Families who have not signed (all, or one class): counted first, e-mailed a personal link when confirmed. */
    async familyLinks(actor: Actor, id: string, classId: string | null, send: boolean) {
      requireAccess(actor, 'agreement:record');
      const result = await inSchool(actor, async (tx) => {
        const agreement = await agreementOr404(tx, id);
        if (!agreement.audience.includes('carers')) throw new NotFound('This agreement is not signed by families');
        if (agreement.version === 0) throw new ValidationError([{ field: 'scope', message: 'Publish the agreement before asking families to sign it' }]);
        const klass = classId ? await repo.findClass(tx, classId) : null;
        if (classId && !klass) throw new ValidationError([{ field: 'classId', message: 'Choose a class' }]);
        const progress = await progressOf(tx, agreement, todayIso());
        const waiting = progress.pupils.filter((p) => !p.family && (!classId || p.class_id === classId));
        const carers = await repo.carersOfPupils(
          tx,
          waiting.map((p) => p.id),
        );
        const byCarer = new Map(carers.map((c) => [c.id, c]));
        const withEmail = [...byCarer.values()].filter((c) => c.email);
        const school = await repo.currentSchool(tx);
        if (send) {
          for (const carer of withEmail) {
            const link = await issueLink(tx, actor.schoolId, agreement.id, carer.id);
            await enqueueMail(tx, actor.schoolId, {
              to: carer.email!,
              subject: `${school.name}: please sign the ${agreement.title.toLowerCase()}`,
              text: `${school.name} asks you to read and sign the ${agreement.title.toLowerCase()}.\n\nYour personal link (for your family only, it works for ${linkLifetimeDays} days):\n${link}\n\nIf you would rather sign on paper, ask the school office for a copy.`,
            });
          }
          await recordAudit(tx, actor.schoolId, auditActor(actor), {
            action: 'agreement.links-sent',
            subjectType: 'agreement',
            subjectId: agreement.id,
            detail: { classId, families: withEmail.length },
          });
        }
        return { agreement, klass, pupils: waiting.length, families: byCarer.size, emailed: withEmail.length, withoutEmail: byCarer.size - withEmail.length };
      });
      if (send && result.emailed) onMail();
      return result;
    },

    open(token: string, clientAddress: string) {
      return inLinkSchool(token, clientAddress, family);
    },

    /** The carer types their name: one signature per child still to sign, method online. */
    async sign(token: string, clientAddress: string, typedName: string) {
      return inLinkSchool(token, clientAddress, async (tx, link) => {
        const view = await family(tx, link);
        const name = typedName.trim();
        if (name.length < 2) throw new ValidationError([{ field: 'typedName', message: 'Type your full name to sign' }]);
        if (name.length > 120) throw new ValidationError([{ field: 'typedName', message: 'Your name must be 120 characters or fewer' }]);
        const waiting = view.children.filter((c) => !c.signed);
        const label = `${view.carer.name} (online)`;
        for (const child of waiting) {
          await repo.insertSignature(tx, {
            schoolId: link.school_id,
            agreementId: view.agreement.id,
            version: view.agreement.version,
            carerId: view.carer.id,
            pupilId: child.id,
            method: 'online',
            signedOn: todayIso(),
            typedName: name,
            recordedBy: null,
            recordedByLabel: label,
          });
        }
        await repo.markLinkAnswered(tx, link.id);
        await recordAudit(
          tx,
          link.school_id,
          { id: null, label },
          {
            action: 'agreement.signed',
            subjectType: 'agreement',
            subjectId: view.agreement.id,
            detail: { version: view.agreement.version, method: 'online', carerId: view.carer.id, pupils: waiting.map((c) => c.id) },
          },
        );
        return { ...view, children: view.children.map((c) => ({ ...c, signed: true })) };
      });
    },
  };
}

export type AgreementLinkService = ReturnType<typeof createAgreementLinkService>;
