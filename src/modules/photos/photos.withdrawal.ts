import { formatDay } from '../../platform/text/dates.ts';
import type { SchoolTx } from '../../platform/db/school-scope.ts';
import { currentSettings } from '../settings/settings.service.ts';
import * as pubs from './photos.publishing.repository.ts';
import { publishingChannels } from './photos.channels.ts';
import { isUuid } from '../../platform/http/ids.ts';

/**
 * CON-6 for the consent module: for each (child, purpose), every live publication of the child on
 * channels of that purpose (or, for express permission, made under that request). One query for all.
 */
export async function findPublishedPhotos(tx: SchoolTx, schoolId: string, wanted: readonly { pupilId: string; purpose: string }[]) {
  if (wanted.length === 0) return [];
  const settings = (await currentSettings(tx, schoolId)).settings;
  // Accounts from the register too, approved or not any more: what was published there must still be found.
  const channels = await publishingChannels(tx, settings, true);
  const labels = new Map(channels.map((c) => [c.key, c.label]));
  const express = (purpose: string) => {
    const id = purpose.startsWith('express:') ? purpose.slice('express:'.length) : null;
    return id && isUuid(id) ? id : null;
  };
  const channelsOf = (purpose: string) => channels.filter((c) => c.purpose === purpose).map((c) => c.key);
  const rows = await pubs.livePublicationsOf(
    tx,
    [...new Set(wanted.map((w) => w.pupilId))],
    [...new Set(wanted.flatMap((w) => channelsOf(w.purpose)))],
    [...new Set(wanted.map((w) => express(w.purpose)).filter((id): id is string => id !== null))],
  );
  return wanted.map(({ pupilId, purpose }) => {
    const expressId = express(purpose);
    const channels = channelsOf(purpose);
    return rows
      .filter((r) => r.pupil_id === pupilId && (expressId ? r.express_request_id === expressId : channels.includes(r.channel)))
      .map((r) => ({
        label: `${r.event_name}: ${labels.get(r.channel) ?? r.channel}${r.location ? ` (${r.location})` : ''}, published ${formatDay(r.published_at)}`,
        href: `/photos/${r.photo_id}`,
      }));
  });
}
