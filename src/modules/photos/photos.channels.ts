import type { SchoolTx } from '../../platform/db/school-scope.ts';
import type { PolicySettings } from '../settings/settings.schema.ts';
import { accountsAsChannels } from '../registers/accounts.repository.ts';
import type { Channel } from './photos.rules.ts';

/** The channel key of a school account from the register: a key no settings channel can have (they have no uuid). */
export const accountChannelKey = (accountId: string) => `account-${accountId}`;

/**
 * An account approved in the register (REG-1) as a place to publish photographs: a social media
 * account is checked as the settings' social media channel is, an online service as the website
 * (the same mapping as the post check), with that channel's approval and express permission rules.
 */
export function accountChannel(account: { id: string; name: string; kind: string }, settings: PolicySettings): Channel {
  const like = account.kind === 'social-media-account' ? 'social-media' : 'website';
  const base = settings.photos.channels.find((c) => c.key === like) ?? settings.photos.channels.find((c) => c.purpose === like);
  return {
    key: accountChannelKey(account.id),
    label: account.name,
    purpose: base?.purpose ?? like,
    // Without a channel in the settings to follow, the headteacher decides.
    headteacherApproval: base?.headteacherApproval ?? true,
    ...(base?.expressPermission ? { expressPermission: true } : {}),
    ...(base?.naming ? { naming: base.naming } : {}),
    ...(base?.tagging !== undefined ? { tagging: base.tagging } : {}),
  };
}

/**
 * Where a photograph may be published: the settings' channels, then each account the register has
 * approved. With `everyAccount`, accounts no longer approved too — to name and find what is already
 * published there.
 */
export async function publishingChannels(tx: SchoolTx, settings: PolicySettings, everyAccount = false): Promise<Channel[]> {
  const accounts = await accountsAsChannels(tx, !everyAccount);
  return [...settings.photos.channels, ...accounts.map((a) => accountChannel(a, settings))];
}
