import { createHmac } from 'node:crypto';
import { tokenHash } from '../../platform/auth/secrets.ts';
import type { SchoolTx } from '../../platform/db/school-scope.ts';
import * as repo from './agreements.repository.ts';
import { signatureCounts, todayIso } from './agreements.rules.ts';

/**
 * The home-school agreement asked together with the photo consent request (AGR-2: "can be combined
 * with the consent request so a family answers both at once"). The family's consent link is the
 * only link they get: their agreement link's token is derived from it, so the consent page can
 * send them on to sign without the school keeping either token.
 */
export const homeSchoolKey = 'home-school';

/** The agreement link's token for a consent link's token: unguessable without the consent token. */
export const combinedAgreementToken = (consentToken: string): string => createHmac('sha256', consentToken).update('home-school-agreement').digest('base64url');

/** The home-school agreement if the school has it active and published; the consent request offers it only then. */
export async function homeSchoolAgreement(tx: SchoolTx) {
  const agreement = (await repo.listAgreements(tx)).find((a) => a.key === homeSchoolKey);
  return agreement && agreement.active && agreement.version > 0 && agreement.audience.includes('carers') ? agreement : undefined;
}

/** Gives a carer of the consent request a link to the agreement, reached from their consent link (replacing any earlier one). */
export async function offerWithConsent(
  tx: SchoolTx,
  values: { schoolId: string; agreementId: string; carerId: string; consentToken: string; expiresAt: Date },
) {
  await repo.putLink(tx, {
    schoolId: values.schoolId,
    agreementId: values.agreementId,
    carerId: values.carerId,
    tokenHash: tokenHash(combinedAgreementToken(values.consentToken)),
    expiresAt: values.expiresAt,
  });
}

/**
 * For the consent pages: the agreement this family is also asked to sign from the same link, with
 * how many of their children are still to be signed for; null when the request did not include it.
 */
export async function combinedAgreementOf(tx: SchoolTx, consentToken: string) {
  const token = combinedAgreementToken(consentToken);
  const link = await repo.linkByTokenHash(tx, tokenHash(token));
  if (!link || link.revoked_at || link.expires_at.getTime() < Date.now()) return null;
  const agreement = await repo.findAgreement(tx, link.agreement_id);
  if (!agreement || !agreement.active || agreement.version === 0) return null;
  const today = todayIso();
  const signed = new Set(
    (await repo.signaturesOf(tx, agreement.id))
      .filter((s) => s.carer_id && s.pupil_id && signatureCounts(agreement.renewal, agreement.version, { version: s.version, signedOn: s.signed_on }, today))
      .map((s) => s.pupil_id),
  );
  const waiting = (await repo.childrenOfCarer(tx, link.carer_id)).filter((c) => !signed.has(c.id)).length;
  return { token, title: agreement.title, waiting };
}
