import type { SchoolTx } from '../../platform/db/school-scope.ts';
import { statusesFor } from '../consent/consent.service.ts';
import type { PolicySettings } from '../settings/settings.schema.ts';
import { facesInPhoto } from './faces/faces.service.ts';
import { facesToBlur, type BlurFaces } from './faces/faces.rules.ts';
import type { BlurRequest } from './photos.images.ts';
import * as repo from './photos.repository.ts';
import { namingOf, publishRefusals, type Channel, type Refusal } from './photos.rules.ts';

const names = (p: Omit<repo.PupilRecord, 'do_not_photograph'>) => ({
  id: p.id,
  givenName: p.given_name,
  familyName: p.family_name,
  preferredName: p.preferred_name,
});

/**
 * MED-4, checked at the moment of publishing. Gathers what the pure rule needs: consent statuses,
 * express permission, the directory, the faces (issue 14). Returns the refusals and, when there
 * are none, the faces the copy blurs.
 */
export async function refusalsFor(
  tx: SchoolTx,
  settings: PolicySettings,
  photo: repo.PhotoRow,
  channel: Channel,
  texts: { caption: string; altText: string; fileName: string },
  expressRequestId: string | null,
  blurFaces: BlurFaces,
  tagChildren: boolean,
): Promise<{ refusals: Refusal[]; blur: BlurRequest | null }> {
  const purpose = settings.consent.purposes.find((p) => p.key === channel.purpose);
  const tagged = await repo.taggedPupils(tx, photo.id);
  const expressKey = expressRequestId ? `express:${expressRequestId}` : null;
  const statuses = await statusesFor(tx, settings, tagged, [channel.purpose, ...(expressKey ? [expressKey] : [])]);
  const found = await facesInPhoto(tx, photo);
  const refusals = publishRefusals({
    channel,
    purpose,
    unidentified: photo.unidentified_count,
    texts,
    tagged: tagged.map((p) => ({
      ...names(p),
      status: statuses.get(p.id)!.get(channel.purpose)!,
      express: expressKey ? statuses.get(p.id)!.get(expressKey)! : null,
      doNotPhotograph: p.do_not_photograph,
    })),
    tagChildren,
    directory: purpose?.external || namingOf(channel) !== 'full-with-permission' ? (await repo.directory(tx)).map(names) : [],
    faces: {
      checked: found.status === 'done',
      unaccounted: found.unaccounted,
      pupilsOnFaces: found.rows.flatMap((r) => (r.pupil_id ? [r.pupil_id] : [])),
    },
    blur: blurFaces,
  });
  const mayAppear = (pupilId: string) => statuses.get(pupilId)?.get(channel.purpose) === 'may';
  // (A pupil who must never be photographed refuses the publication above; their face is never the way through.)
  const indexes = facesToBlur(
    found.rows.map((r) => ({ pupilId: r.pupil_id, kind: r.kind })),
    blurFaces,
    mayAppear,
  );
  const blur =
    indexes.length && found.width && found.height
      ? { width: found.width, height: found.height, boxes: indexes.map((i) => found.rows[i]).map(({ x, y, width, height }) => ({ x, y, width, height })) }
      : null;
  return { refusals, blur };
}
