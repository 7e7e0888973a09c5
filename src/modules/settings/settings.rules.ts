import { roleLabels, safeguardingRoles, type Role } from '../../platform/auth/permissions.ts';
import type { FieldProblem } from '../../platform/http/errors.ts';
import { defaultSettings } from './settings.defaults.ts';
import type { ConsentBasis, OutsideRecipient, PolicySettings } from './settings.schema.ts';

/** Pure checks on a settings document beyond its shape (no I/O), shared by the editor and saveSettings. */

type Route = PolicySettings['concerns']['routes'][number];

export const recipientLabel = (r: string) =>
  r === 'class-teacher' ? 'Class teacher of the pupils involved' : r === 'line-manager' ? 'The reporter’s line manager' : (roleLabels[r as Role] ?? r);

/**
 * PPL-5: a restricted record may be seen only by the DSL group and the headteacher, so the policy
 * may not promise it to anyone else — they would be named and never told.
 */
export function restrictedRouteProblem(route: Pick<Route, 'label' | 'notify' | 'restricted'>): string | null {
  if (!route.restricted) return null;
  const others = route.notify.filter((r) => !(safeguardingRoles as readonly string[]).includes(r));
  if (others.length === 0) return null;
  return (
    `${route.label}: only the designated safeguarding leads and the headteacher may see these records, so only they can be told. ` +
    `Remove ${others.map(recipientLabel).join(', ')} or untick “Only the designated safeguarding leads and the headteacher may see these records”`
  );
}

/** Issue 19: who outside the staff may have to be told about a concern, in plain words. */
export const outsideRecipientLabels: Record<OutsideRecipient, string> = {
  carers: 'The pupil’s carers',
  police: 'The police',
  lado: 'The local authority designated officer (LADO)',
  'social-care': 'Children’s social care',
};

/** Issue 19: what a purpose rests on; a document from before the field existed asks for consent. */
export const basisOf = (purpose: { basis?: ConsentBasis }): ConsentBasis => purpose.basis ?? 'consent';

/**
 * Issue 19: opt-out and the school's public task hold only inside school. Anything published
 * outside needs consent given, so the product refuses either there and says why.
 */
export function basisProblem(purpose: { label: string; external: boolean; basis?: ConsentBasis }): string | null {
  const basis = basisOf(purpose);
  if (!purpose.external || basis === 'consent') return null;
  return basis === 'opt-out'
    ? `${purpose.label}: used outside school, so it cannot be opt-out — consent for publication must be given`
    : `${purpose.label}: used outside school, so it cannot be the school’s public task — consent for publication must be given`;
}

/** Everything wrong with a (shape-valid) document, with the document's own paths as fields. */
export function settingsProblems(settings: PolicySettings): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const { routes, actions } = settings.concerns;
  routes.forEach((route, i) => {
    const problem = restrictedRouteProblem(route);
    if (problem) problems.push({ field: `/concerns/routes/${i}/notify`, message: problem });
    if (routes.findIndex((r) => r.type === route.type) !== i)
      problems.push({ field: `/concerns/routes/${i}/type`, message: `There are two types of concern with the key “${route.type}”` });
  });
  actions.forEach((action, i) => {
    if (actions.findIndex((a) => a.key === action.key) !== i)
      problems.push({ field: `/concerns/actions/${i}/key`, message: `There are two actions with the key “${action.key}”` });
  });
  if (actions.every((a) => a.retired)) problems.push({ field: '/concerns/actions', message: 'Keep at least one action that can be recorded' });
  settings.consent.purposes.forEach((purpose, i) => {
    const problem = basisProblem(purpose);
    if (problem) problems.push({ field: `/consent/purposes/${i}/basis`, message: problem });
  });
  const channels = settings.photos.channels;
  channels.forEach((channel, i) => {
    if (channels.findIndex((c) => c.key === channel.key) !== i)
      problems.push({ field: `/photos/channels/${i}/key`, message: `There are two channels with the key “${channel.key}”` });
    if (!settings.consent.purposes.some((p) => p.key === channel.purpose))
      problems.push({ field: `/photos/channels/${i}/purpose`, message: `${channel.label}: choose a consent purpose the school asks carers about` });
  });
  return problems;
}

/**
 * Settings stored before a field existed read its default: for a type of concern, the default of
 * the same type (a school's own types have none); for a whole part, the default part.
 */
export function withDefaults(settings: PolicySettings): PolicySettings {
  const defaultRoute = (type: string) => defaultSettings.concerns.routes.find((r) => r.type === type);
  const routes = settings.concerns.routes.map((route) => {
    const fallback = defaultRoute(route.type);
    return {
      ...route,
      ...(route.misconduct === undefined && fallback?.misconduct !== undefined ? { misconduct: fallback.misconduct } : {}),
      ...(route.suggestedAction === undefined && fallback?.suggestedAction ? { suggestedAction: fallback.suggestedAction } : {}),
    };
  });
  return {
    ...settings,
    concerns: {
      ...settings.concerns,
      routes,
      repeatMisconduct: settings.concerns.repeatMisconduct ?? defaultSettings.concerns.repeatMisconduct,
      outOfHours: settings.concerns.outOfHours ?? defaultSettings.concerns.outOfHours,
    },
    photos: { ...settings.photos, prohibitedWording: settings.photos.prohibitedWording ?? defaultSettings.photos.prohibitedWording },
  };
}
