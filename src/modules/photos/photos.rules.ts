/**
 * Pure decisions about photographs (MED-3, MED-4, MED-5, MED-7), no I/O: may this photo go to this
 * channel, is this context allowed, when is a year's photos archived and deleted.
 */
import type { ConsentStatus } from '../consent/consent.rules.ts';
import { familyNameOfChild, fieldsOf, nameOfChildInPhoto, nameOfOtherPupil, withoutPermittedNames, type NameFound, type PupilNames } from './photos.names.ts';

export { mentions, type PupilNames } from './photos.names.ts';

export function prohibitedContextsIn(contexts: readonly string[], prohibited: readonly string[]): string[] {
  return contexts.filter((c) => prohibited.includes(c));
}

export interface Channel {
  key: string;
  label: string;
  purpose: string;
  headteacherApproval: boolean;
  expressPermission?: boolean;
  /** Issue 19: 'none', 'first-names', or 'full-with-permission' (absent: the last). */
  naming?: 'none' | 'first-names' | 'full-with-permission';
  /** Issue 19: false = no child is tagged in a post there. */
  tagging?: boolean;
}

export const namingOf = (channel: Pick<Channel, 'naming'>) => channel.naming ?? 'full-with-permission';

export interface TaggedPupil extends PupilNames {
  /** The consent status for the channel's purpose. */
  status: ConsentStatus;
  /** The status for the chosen express permission request, or null when none was chosen. */
  express: ConsentStatus | null;
  /** Issue 19: must never be photographed or published (overrides every consent; blurring does not let them through). */
  doNotPhotograph?: boolean;
}

export interface PublishCheck {
  channel: Channel;
  /** The consent purpose the channel is mapped to; undefined when the settings no longer have it. */
  purpose: { key: string; label: string; external: boolean } | undefined;
  tagged: readonly TaggedPupil[];
  unidentified: number;
  texts: { caption: string; altText: string; fileName: string };
  /** Everyone in the directory, for the names check (external channels). */
  directory: readonly PupilNames[];
  /**
   * Issue 14: whether faces have been looked for, how many are neither tagged nor marked, and the
   * pupils tagged on a face (whose face can be blurred). Absent: the photograph is checked on tags alone.
   */
  faces?: { checked: boolean; unaccounted: number; pupilsOnFaces: readonly string[] };
  /** Which faces the published copy blurs; a pupil without consent whose face is blurred does not block it. */
  blur?: 'none' | 'without-consent' | 'all';
  /** Issue 19: the post would tag the children in it. */
  tagChildren?: boolean;
}

export interface Refusal {
  pupilId: string | null;
  reason: string;
  /** For reasons that are not about one pupil: `untagged-faces` (with `count`), `faces-not-checked`. */
  code?: 'untagged-faces' | 'faces-not-checked';
  count?: number;
}

export const displayName = (p: PupilNames) => `${p.preferredName || p.givenName} ${p.familyName}`;

const statusWords: Record<ConsentStatus, string> = {
  may: 'has consent',
  'may-not': 'their carers have said no',
  'no-answer': 'there is no answer on record, which counts as no',
};

/**
 * MED-4: every tagged pupil has consent for the channel's purpose; nobody is unidentified; outside
 * school no name is given; a newspaper, or a name, needs express permission for each pupil (000 D).
 * Returns every reason it may not go, each naming the pupil who blocks it; empty means it may.
 */
export function publishRefusals(check: PublishCheck): Refusal[] {
  const { channel, purpose, tagged } = check;
  if (!purpose)
    return [
      { pupilId: null, reason: `${channel.label} is linked to a consent purpose the school no longer has; ask the headteacher to correct the policy settings` },
    ];
  const reasons: Refusal[] = [];
  const faces = check.faces;
  if (faces && !faces.checked) {
    reasons.push({
      pupilId: null,
      code: 'faces-not-checked',
      reason: 'The faces in this photograph have not been looked for yet, so nobody can be sure every child in it is accounted for. Try again in a minute',
    });
  } else if (faces && faces.unaccounted > 0) {
    reasons.push({
      pupilId: null,
      code: 'untagged-faces',
      count: faces.unaccounted,
      reason: `${faces.unaccounted} ${faces.unaccounted === 1 ? 'face in this photograph is' : 'faces in this photograph are'} not yet identified: tag each face, or mark it as an adult, not a pupil or not a face`,
    });
  }
  const blurred = new Set(check.blur && check.blur !== 'none' ? (faces?.pupilsOnFaces ?? []) : []);
  if (check.unidentified > 0) {
    reasons.push({
      pupilId: null,
      reason: `${check.unidentified} ${check.unidentified === 1 ? 'person in the photograph is' : 'people in the photograph are'} not identified yet: consent cannot be checked for them`,
    });
  }
  for (const pupil of tagged) {
    // Issue 19: never photographed or published, whatever was answered; a blurred face is still a publication of them.
    if (pupil.doNotPhotograph)
      reasons.push({ pupilId: pupil.id, reason: `${displayName(pupil)} may not appear in any photograph that is published: Do not photograph` });
    // A child who may not appear, whose face is known, is blurred in the copy instead (issue 14).
    else if (pupil.status !== 'may' && !blurred.has(pupil.id))
      reasons.push({ pupilId: pupil.id, reason: `${displayName(pupil)} may not appear in ${purpose.label.toLowerCase()}: ${statusWords[pupil.status]}` });
  }
  // Issue 19: a channel whose policy allows no tagging of children.
  if (check.tagChildren && channel.tagging === false)
    reasons.push({ pupilId: null, reason: `No child is tagged on ${channel.label}: the school’s policy does not allow it. Publish without tagging` });
  const namedTagged = new Map<string, NameFound>();
  let named = false;
  const naming = namingOf(channel);
  if (naming !== 'full-with-permission') {
    // Issue 19: no names at all, or first names only, whatever permission was given.
    const fields = fieldsOf(check.texts);
    const taggedIds = new Set(tagged.map((p) => p.id));
    for (const pupil of tagged) {
      const given = naming === 'none' ? nameOfChildInPhoto(pupil, fields) : familyNameOfChild(pupil, fields);
      if (given)
        reasons.push({
          pupilId: pupil.id,
          reason:
            naming === 'none'
              ? `The ${given.field} gives the name “${given.name}” (${displayName(pupil)}): ${channel.label} gives no child’s name`
              : `The ${given.field} gives the family name of ${displayName(pupil)} (“${given.name}”): ${channel.label} gives first names only`,
        });
    }
    // A name that is a tagged child's (already refused above) is not another pupil's too.
    const others = withoutPermittedNames(fields, tagged);
    for (const pupil of check.directory) {
      if (taggedIds.has(pupil.id)) continue;
      const given = nameOfOtherPupil(pupil, others);
      if (given)
        reasons.push({
          pupilId: pupil.id,
          reason: `The ${given.field} gives the name “${given.name}” (${displayName(pupil)}): ${channel.label} gives ${naming === 'none' ? 'no child’s name' : 'first names only'}`,
        });
    }
  } else if (purpose.external) {
    // The names of children in the photograph count in every form; another pupil's only in full, or
    // a family name written as one. A name a carer gave express permission for is let through.
    const fields = fieldsOf(check.texts);
    const permitted = tagged.filter((p) => p.express === 'may');
    for (const pupil of tagged) {
      const given = nameOfChildInPhoto(
        pupil,
        withoutPermittedNames(
          fields,
          permitted.filter((p) => p.id !== pupil.id),
        ),
      );
      if (given) namedTagged.set(pupil.id, given);
    }
    named = namedTagged.size > 0;
    const taggedIds = new Set(tagged.map((p) => p.id));
    const others = withoutPermittedNames(fields, permitted);
    for (const pupil of check.directory) {
      if (taggedIds.has(pupil.id)) continue;
      const given = nameOfOtherPupil(pupil, others);
      if (!given) continue;
      named = true;
      reasons.push({
        pupilId: pupil.id,
        reason: `The ${given.field} gives the name “${given.name}” (${displayName(pupil)}): outside school no child is named`,
      });
    }
  }
  if (channel.expressPermission || named) {
    for (const pupil of tagged) {
      if (pupil.express === 'may') continue;
      const given = namedTagged.get(pupil.id);
      const why = given
        ? `The ${given.field} gives the name “${given.name}”: naming a child outside school needs`
        : channel.expressPermission
          ? `${channel.label} needs`
          : 'Naming a child outside school needs';
      const detail =
        pupil.express === null ? 'choose the express permission request that covers this use' : `for the chosen request, ${statusWords[pupil.express]}`;
      reasons.push({ pupilId: pupil.id, reason: `${why} express written permission from ${displayName(pupil)}’s carers: ${detail}` });
    }
  }
  return reasons;
}

/** MED-5: whether the request waits for the headteacher. */
export const needsApproval = (channel: Channel) => channel.headteacherApproval;

/**
 * MED-5: who may decide a publication: whoever holds a role the settings name, and the
 * headteacher always (the policy gives the head this consent; a head who delegates it can still
 * act when the person named is away). Only those named are e-mailed.
 */
export const decidesPublications = (actorRoles: readonly string[], named: readonly string[]) =>
  actorRoles.includes('headteacher') || actorRoles.some((role) => named.includes(role));

export interface RetentionSettings {
  archivePhotosAtYearEnd: boolean;
  deletePhotosAfterYears: number;
  deletionNoticeDays: number;
}

const addDays = (isoDate: string, days: number) => new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86400_000);
const addYears = (isoDate: string, years: number) => `${Number(isoDate.slice(0, 4)) + years}${isoDate.slice(4)}`;

/**
 * MED-7 (000 D): archived the day after the academic year ends; deleted the following year (at the
 * end of it, `deletePhotosAfterYears` later) unless kept as evidence; notice N days before.
 */
export function retentionDates(yearEndsOn: string, settings: RetentionSettings) {
  const deleteOn = addDays(addYears(yearEndsOn, settings.deletePhotosAfterYears), 1);
  return {
    archiveOn: addDays(yearEndsOn, 1),
    deleteOn,
    noticeOn: new Date(deleteOn.getTime() - settings.deletionNoticeDays * 86400_000),
  };
}

/** What the retention job does to one photo today. Deletion wins; evidence of achievement is kept (archived). */
export function retentionDue(photo: { yearEndsOn: string; archived: boolean; evidence: boolean }, settings: RetentionSettings, now: Date) {
  const dates = retentionDates(photo.yearEndsOn, settings);
  const remove = !photo.evidence && now >= dates.deleteOn;
  return {
    delete: remove,
    archive: !remove && !photo.archived && settings.archivePhotosAtYearEnd && now >= dates.archiveOn,
    notice: !remove && !photo.evidence && now >= dates.noticeOn,
    deleteOn: dates.deleteOn,
  };
}
