/** A proposal's setting and values in plain words for the policy page (issue 19). Pure. */
import { recipientLabel } from '../../settings/settings.rules.ts';
import type { PolicySettings } from '../../settings/settings.schema.ts';
import { settingValue } from './apply.ts';

const occasionLabels: Record<string, string> = {
  lesson: 'lessons',
  trip: 'trips',
  'sports-day': 'sports day',
  assembly: 'assemblies',
  performance: 'performances',
  celebration: 'celebrations',
  swimming: 'swimming',
};

/** An occasion's words; a key added from a policy ("changing-rooms") reads as its words. */
const occasionLabel = (key: string) => occasionLabels[key] ?? key.replace(/-/g, ' ');

const lapseLabels: Record<string, string> = {
  never: 'Answers stand until the carer changes them',
  'each-september': 'Asked again each September',
  'key-stage-change': 'Asked again at each new key stage',
  'new-form-version': 'Asked again when the form changes',
};

/** "Who is told about staff misuse", "Consent asked for: School website"… falling back to the path itself. */
export function settingInWords(setting: string, settings: PolicySettings): string {
  const parts = setting.split('.');
  const route = (type: string) => settings.concerns.routes.find((r) => r.type === type)?.label ?? type;
  const purpose = (key: string) => settings.consent.purposes.find((p) => p.key === key)?.label ?? key;
  const channel = (key: string) => settings.photos.channels.find((c) => c.key === key)?.label ?? key;
  if (parts[0] === 'concerns' && parts[1] === 'routes' && parts[3] === 'notify') return `Who is told about: ${route(parts[2])}`;
  if (parts[0] === 'concerns' && parts[1] === 'routes' && parts[3] === 'immediate') return `Told at once: ${route(parts[2])}`;
  if (parts[0] === 'concerns' && parts[1] === 'routes' && parts[3] === 'tell') return `Told outside the staff: ${route(parts[2])}`;
  if (parts[0] === 'concerns' && parts[1] === 'routes' && parts[3] === 'deadline') return `Time to act: ${route(parts[2])}`;
  if (parts[0] === 'consent' && parts[1] === 'purposes' && parts[3] === 'active') return `Carers are asked about: ${purpose(parts[2])}`;
  if (parts[0] === 'consent' && parts[1] === 'purposes' && parts[3] === 'basis') return `Consent basis: ${purpose(parts[2])}`;
  if (parts[0] === 'photos' && parts[1] === 'channels' && parts[3] === 'naming') return `How pupils are named on: ${channel(parts[2])}`;
  if (parts[0] === 'photos' && parts[1] === 'channels' && parts[3] === 'tagging') return `Pupils may be tagged on: ${channel(parts[2])}`;
  if (parts[0] === 'photos' && parts[1] === 'channels' && parts[3] === 'headteacherApproval')
    return `The headteacher approves each photograph for: ${channel(parts[2])}`;
  const fixed: Record<string, string> = {
    'consent.lapse': 'When carers’ answers lapse',
    'photos.prohibitedContexts': 'Occasions never photographed',
    'photos.contexts+': 'A new occasion or place in the list',
    'retention.deletePhotosAfterYears': 'Years before photographs are deleted',
    'policyReview.intervalMonths': 'Months between policy reviews',
    'policyReview.approvingBody': 'Who approves policies',
    'policyReview.signatories': 'Who signs policies',
    'ageLimits.socialMediaMinimumAge': 'Minimum age for social media',
    'decisions.photoPublication': 'Who approves publishing photographs',
    'decisions.accounts': 'Who approves the school’s accounts',
    'decisions.unblock': 'Who decides to unblock a site',
    'decisions.blockedContentRequests': 'Who decides to block a site',
  };
  return fixed[setting] ?? setting;
}

const words: Record<string, string> = {
  none: 'No names',
  'first-names': 'First names only',
  'full-with-permission': 'Full names with express permission',
  carers: 'The pupil’s carers',
  police: 'The police',
  lado: 'The local authority designated officer (LADO)',
  'social-care': 'Children’s social care',
  'same-day': 'The same day',
  'next-school-day': 'By the next school day',
  '24-hours': 'Within 24 hours',
  consent: 'Carers’ consent',
  'opt-out': 'Used unless a carer objects',
  'public-task': 'No consent asked: the school’s public task',
};

const plain = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v));

export function valueInWords(setting: string, value: unknown): string {
  if (value === undefined) return 'Not set';
  if (setting === 'photos.prohibitedContexts' && Array.isArray(value)) return value.length ? value.map((v) => occasionLabel(plain(v))).join(', ') : 'None';
  if (setting === 'photos.contexts+') return (Array.isArray(value) ? value.map(plain) : [plain(value)]).map(occasionLabel).join(', ');
  if (setting === 'consent.lapse') return lapseLabels[plain(value)] ?? plain(value);
  if (setting.endsWith('.active')) return value ? 'Yes' : 'No, not used';
  if (typeof value === 'string' && words[value]) return words[value];
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? (words[v] ?? recipientLabel(v)) : JSON.stringify(v))).join(', ');
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (setting === 'retention.deletePhotosAfterYears') return `${plain(value)} ${value === 1 ? 'year' : 'years'}`;
  if (setting === 'policyReview.intervalMonths') return `${plain(value)} months`;
  if (setting === 'ageLimits.socialMediaMinimumAge') return `${plain(value)} years`;
  return plain(value);
}

export const todayInWords = (setting: string, settings: PolicySettings) => valueInWords(setting, settingValue(settings, setting));
