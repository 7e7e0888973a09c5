import { randomInt } from 'node:crypto';
import type { Config } from '../../config.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { SchoolTx } from '../../platform/db/school-scope.ts';
import { enqueueMail } from '../../platform/mail/outbox.ts';
import { carerConcernRoute } from '../settings/settings.defaults.ts';
import { currentSettings } from '../settings/settings.service.ts';
import type { EvidenceFile } from './concerns.input.ts';
import { routeFor, typeLabel } from './concerns.record.ts';
import * as repo from './concerns.repository.ts';
import { isRestricted, routeConcern } from './concerns.rules.ts';

export const familyConcernType = carerConcernRoute.type;

export interface FamilyConcern {
  name: string;
  email: string;
  phone: string | null;
  relationship: string;
  about: string;
  aboutLabel: string;
  details: string;
  involvesNudeImages: boolean;
}

/** A reference a family can read out on the phone: no 0/O or 1/I. */
const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const newReference = () => `C-${Array.from({ length: 6 }, () => alphabet[randomInt(alphabet.length)]).join('')}`;

/**
 * A concern a family raised through the public contact form (003 §2.7), recorded as type
 * `raised-by-carer` and routed by the settings (default: the headteacher). Nobody on the staff
 * reported it; the family's contact details, their reference and what they were told are kept
 * beside it. A screenshot is refused, never stored, when the family says it shows nude or sexual
 * images of a child (UKCIS), as on the staff form.
 */
export async function raiseFamilyConcern(tx: SchoolTx, schoolId: string, config: Config, input: FamilyConcern, files: EvidenceFile[]) {
  const { settings } = await currentSettings(tx, schoolId);
  const route = routeFor(settings, familyConcernType) ?? carerConcernRoute;
  const staff = await repo.activeStaffWithRoles(tx);
  const { routed } = routeConcern({ route, involvesNudeImages: input.involvesNudeImages, reporterId: '', staff, classTeachers: [], lineManagerId: null });
  const fileRefused = input.involvesNudeImages && files.length > 0;
  const kept = input.involvesNudeImages ? [] : files;
  const concern = await repo.insertConcern(tx, {
    school_id: schoolId,
    type: familyConcernType,
    summary: `A ${input.relationship.toLowerCase()} raised a concern: ${input.aboutLabel.toLowerCase()}`.slice(0, 200),
    details: input.details,
    occurred_at: new Date(),
    location: 'out-of-school',
    out_of_hours: false,
    platform: null,
    involves_nude_images: input.involvesNudeImages,
    restricted: isRestricted(route, { involvesNudeImages: input.involvesNudeImages }),
    reported_by: null,
  });
  for (const f of kept)
    await repo.insertEvidence(tx, {
      school_id: schoolId,
      concern_id: concern.id,
      added_by: null,
      file_name: f.fileName,
      content_type: f.contentType,
      content: f.bytes,
    });
  await repo.insertRoutes(tx, schoolId, concern.id, routed);
  let reference = newReference();
  while (await repo.familyReferenceTaken(tx, reference)) reference = newReference();
  const school = await repo.schoolName(tx);
  const told = [
    `Thank you. ${school} has your concern, reference ${reference}.`,
    input.involvesNudeImages
      ? `Because you said it involves nude or sexual images of a child, it has gone straight to the school’s designated safeguarding lead${fileRefused ? ', and the file you attached was not kept' : ''}. Do not share the images with anyone. If a child is in danger now, call 999.`
      : `It has gone to the person the school’s policy names, who will contact you. If a child is in danger now, call 999.`,
  ].join(' ');
  await repo.insertFamilyContact(tx, {
    concern_id: concern.id,
    school_id: schoolId,
    reference,
    name: input.name,
    email: input.email,
    phone: input.phone,
    relationship: input.relationship,
    told,
  });
  await recordAudit(
    tx,
    schoolId,
    { id: null, label: 'A family, through the contact form' },
    {
      action: 'concern.raised-by-family',
      subjectType: 'concern',
      subjectId: concern.id,
      detail: { reference, routedTo: routed.map((r) => r.staffId), ...(fileRefused ? { fileRefused: true } : {}) },
    },
  );
  const label = typeLabel(settings, familyConcernType);
  for (const contact of await repo.staffContacts(
    tx,
    routed.map((r) => r.staffId),
  ))
    await enqueueMail(tx, schoolId, {
      to: contact.email!,
      subject: input.involvesNudeImages ? `Act now: a family raised a concern (${label})` : `A family raised a concern (${label})`,
      text: `A parent or carer raised a concern through the school's contact form (reference ${reference}) and the school's policy says it needs you.\n\nOpen it here (you will be asked to sign in):\n${config.baseUrl}/concerns/${concern.id}\n\nThe details are kept on eSafety Office only; do not forward this e-mail.`,
    });
  await enqueueMail(tx, schoolId, {
    to: input.email,
    subject: `${school}: your concern, reference ${reference}`,
    text: `${told}\n\nKeep this reference: quote it if you contact the school about this concern. This e-mail does not repeat what you wrote.`,
  });
  return { concernId: concern.id, reference, told, fileRefused };
}
