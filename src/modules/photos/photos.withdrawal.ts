import type { SchoolTx } from '../../platform/db/school-scope.ts';
import { currentSettings } from '../settings/settings.service.ts';
import * as pubs from './photos.publishing.repository.ts';
import { isUuid } from '../../platform/http/ids.ts';

/** CON-6 for the consent module: every live publication of the child on channels of that purpose. */
export async function findPublishedPhotos(tx: SchoolTx, schoolId: string, pupilId: string, purpose: string) {
  const settings = (await currentSettings(tx, schoolId)).settings;
  const channels = settings.photos.channels.filter((c) => c.purpose === purpose);
  const express = purpose.startsWith('express:') ? purpose.slice('express:'.length) : null;
  const labels = new Map(settings.photos.channels.map((c) => [c.key, c.label]));
  const rows = await pubs.livePublicationsOf(tx, pupilId, channels.map((c) => c.key), express && isUuid(express) ? express : null);
  return rows.map((r) => ({ label: `${r.event_name}: ${labels.get(r.channel) ?? r.channel}${r.location ? ` (${r.location})` : ''}, published ${r.published_at.toISOString().slice(0, 10)}`, href: `/photos/${r.photo_id}` }));
}
