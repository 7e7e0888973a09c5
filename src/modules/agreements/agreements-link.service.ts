import { tokenHash } from '../../platform/auth/secrets.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { schoolOfSecret, takeAttempt, withSchool, type SchoolDatabase } from '../../platform/db/school-database.ts';
import type { SchoolTx } from '../../platform/db/school-scope.ts';
import { NotFound, TooManyRequests, ValidationError } from '../../platform/http/errors.ts';
import * as repo from './agreements.repository.ts';
import { signatureCounts, todayIso } from './agreements.rules.ts';

const linkLimit = { max: 120, windowMinutes: 15 };

type Link = NonNullable<Awaited<ReturnType<typeof repo.linkByTokenHash>>>;

/**
 * A family's personal link to sign an agreement (AGR-2): no account, one link per family, found by
 * the hash of its token before any school is known, throttled per client address.
 */
export function createAgreementLinkService(schools: SchoolDatabase) {
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
