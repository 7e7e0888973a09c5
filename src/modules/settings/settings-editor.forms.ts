import { roleLabels, roles } from '../../platform/auth/permissions.ts';
import type { FieldProblem } from '../../platform/http/errors.ts';
import type { PolicySettings } from './settings.schema.ts';

/**
 * POL-6: the school's rules as forms in plain words. Each section turns a posted form into the next
 * settings document (pure, no I/O) and names the policy clause it comes from.
 */
export type Form = Record<string, unknown>;
export interface SectionResult { next: PolicySettings; problems: FieldProblem[] }

const text = (form: Form, name: string) => (typeof form[name] === 'string' ? (form[name]).trim() : '');
const list = (form: Form, name: string) => [form[name]].flat().filter((v): v is string => typeof v === 'string' && v !== '');
const integer = (form: Form, name: string, min: number, max: number, label: string, problems: FieldProblem[], fallback: number) => {
  const raw = text(form, name);
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    problems.push({ field: name, message: `${label} must be a whole number from ${min} to ${max}` });
    return fallback;
  }
  return value;
};
const keyFrom = (label: string) => label.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40);

export const recipientChoices = [...roles.map((r) => ({ value: r, text: roleLabels[r] })),
  { value: 'class-teacher', text: 'Class teacher of the pupils involved' }, { value: 'line-manager', text: 'The reporter’s line manager' }];

/** Who hears about each type of concern, and which types only the DSL group and head may see (INC-3, PPL-5). */
export function concernsSection(settings: PolicySettings, form: Form): SectionResult {
  const problems: FieldProblem[] = [];
  const allowed = new Set(recipientChoices.map((c) => c.value));
  const routes = settings.concerns.routes.map((route, i) => {
    const notify = list(form, `notify-${i}`).filter((r) => allowed.has(r)) as typeof route.notify;
    if (notify.length === 0) problems.push({ field: `notify-${i}`, message: `Choose who hears about: ${route.label}` });
    return { ...route, notify: notify.length ? notify : route.notify, immediate: form[`immediate-${i}`] === 'yes', restricted: form[`restricted-${i}`] === 'yes' };
  });
  const actions = settings.concerns.actions.map((action, i) => ({ ...action, label: text(form, `action-${i}`) || action.label }));
  const newAction = text(form, 'newAction');
  if (newAction) {
    const key = keyFrom(newAction);
    if (!/^[a-z][a-z0-9-]{1,40}$/.test(key)) problems.push({ field: 'newAction', message: 'Start the new action with a letter' });
    else if (actions.some((a) => a.key === key)) problems.push({ field: 'newAction', message: `There is already an action called “${newAction}”` });
    else actions.push({ key, label: newAction });
  }
  return { problems, next: { ...settings, concerns: { routes, actions } } };
}

/** Photographs: contexts, those never photographed, channels that need the head, sizes (000 D; MED-3, MED-5). */
export function photosSection(settings: PolicySettings, form: Form): SectionResult {
  const problems: FieldProblem[] = [];
  const contexts = [...settings.photos.contexts];
  const newContext = text(form, 'newContext');
  if (newContext) {
    const key = keyFrom(newContext);
    if (!/^[a-z][a-z0-9-]{1,40}$/.test(key)) problems.push({ field: 'newContext', message: 'Start the new occasion with a letter' });
    else if (contexts.includes(key)) problems.push({ field: 'newContext', message: `“${newContext}” is already in the list` });
    else contexts.push(key);
  }
  const prohibitedContexts = list(form, 'prohibited').filter((c) => contexts.includes(c));
  const channels = settings.photos.channels.map((c, i) => ({ ...c, headteacherApproval: form[`approval-${i}`] === 'yes' }));
  const maxUploadMegabytes = integer(form, 'maxUploadMegabytes', 1, 200, 'The largest upload', problems, settings.photos.maxUploadMegabytes);
  const publishedLongestSide = integer(form, 'publishedLongestSide', 256, 8192, 'The longest side of a published copy', problems, settings.photos.publishedLongestSide);
  return { problems, next: { ...settings, photos: { ...settings.photos, contexts, prohibitedContexts, channels, maxUploadMegabytes, publishedLongestSide } } };
}

/** Retention (MED-7), age limits, and who decides what (001 §6, 004 §8.4–8.5). */
export function rulesSection(settings: PolicySettings, form: Form): SectionResult {
  const problems: FieldProblem[] = [];
  const roleList = (name: string, label: string, fallback: PolicySettings['decisions']['photoPublication']) => {
    const chosen = list(form, name).filter((r) => (roles as readonly string[]).includes(r)) as typeof fallback;
    if (chosen.length === 0) problems.push({ field: name, message: `Choose who decides: ${label}` });
    return chosen.length ? chosen : fallback;
  };
  const next: PolicySettings = {
    ...settings,
    retention: {
      archivePhotosAtYearEnd: form.archivePhotosAtYearEnd === 'yes',
      deletePhotosAfterYears: integer(form, 'deletePhotosAfterYears', 0, 10, 'Years before deletion', problems, settings.retention.deletePhotosAfterYears),
      deletionNoticeDays: integer(form, 'deletionNoticeDays', 1, 90, 'Days of notice', problems, settings.retention.deletionNoticeDays),
    },
    ageLimits: { socialMediaMinimumAge: integer(form, 'socialMediaMinimumAge', 0, 18, 'The minimum age', problems, settings.ageLimits.socialMediaMinimumAge) },
    decisions: {
      schoolSocialMediaAccounts: roleList('schoolSocialMediaAccounts', 'school social media accounts', settings.decisions.schoolSocialMediaAccounts),
      blockedContentRequests: roleList('blockedContentRequests', 'requests to unblock websites', settings.decisions.blockedContentRequests),
      photoPublication: roleList('photoPublication', 'publishing photographs', settings.decisions.photoPublication),
    },
  };
  return { problems, next };
}

export const sections = {
  concerns: { title: 'Concerns: who hears and what can be done', apply: concernsSection,
    clause: 'Low Ash Primary §1, §6, §9, §10; Trent CE Primary §6.7, §6.17, §8.3 — where each kind of concern goes.' },
  photos: { title: 'Photographs', apply: photosSection,
    clause: 'John Clifford Primary, section D: photographs kept on the school’s system, none in swimming lessons, the headteacher’s consent before posting.' },
  rules: { title: 'Retention, age limits and who decides', apply: rulesSection,
    clause: 'John Clifford Primary D (archive and delete); Low Ash §6 (school accounts approved by the head or deputy); Trent §8.4–8.5 (the head decides on blocked content).' },
} as const;
export type SectionKey = keyof typeof sections;
