import { roles } from '../../platform/auth/permissions.ts';
import type { FieldProblem } from '../../platform/http/errors.ts';
import { defaultProhibitedWording } from './settings.defaults.ts';
import { outsideRecipientLabels, recipientLabel, restrictedRouteProblem } from './settings.rules.ts';
import { outsideRecipients, type Deadline, type Naming, type OutsideRecipient, type PolicySettings } from './settings.schema.ts';

/**
 * POL-6: the school's rules as forms in plain words. Each section turns a posted form into the next
 * settings document (pure, no I/O) and names the policy clause it comes from.
 */
export type Form = Record<string, unknown>;
export interface SectionResult {
  next: PolicySettings;
  problems: FieldProblem[];
}

const text = (form: Form, name: string) => (typeof form[name] === 'string' ? form[name].trim() : '');
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
const keyFrom = (label: string) =>
  label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);

const keyPattern = /^[a-z][a-z0-9-]{1,40}$/;

/** Issue 19: who outside the staff a type of concern requires to be told, and its time to act, in plain words. */
export const tellChoices = outsideRecipients.map((r) => ({ value: r, text: outsideRecipientLabels[r] }));
const isOutside = (value: string): value is OutsideRecipient => (outsideRecipients as readonly string[]).includes(value);
export const deadlineChoices = [
  { value: '', text: 'No time set' },
  { value: 'same-day', text: 'The same day' },
  { value: 'next-school-day', text: 'By the next school day' },
  { value: '24-hours', text: 'Within 24 hours' },
] as const;
const isDeadline = (value: string): value is Deadline => value !== '' && deadlineChoices.some((d) => d.value === value);

/** Issue 19: how children may be named on a channel, in plain words (the value is `photos.channels[].naming`). */
export const namingChoices = [
  { value: 'none', text: 'No names at all' },
  { value: 'first-names', text: 'First names only, never a family name' },
  { value: 'full-with-permission', text: 'Full names only with the carers’ express permission' },
] as const;
const isNaming = (value: string): value is Naming => namingChoices.some((n) => n.value === value);
const yes = (form: Form, name: string) => form[name] === 'yes';

const recipients = [...roles, 'class-teacher', 'line-manager'] as const;
export const recipientChoices = recipients.map((r) => ({ value: r, text: recipientLabel(r) }));
type Recipient = PolicySettings['concerns']['routes'][number]['notify'][number];
const chosenRecipients = (form: Form, name: string) => list(form, name).filter((r): r is Recipient => (recipients as readonly string[]).includes(r));

/** A new key: the one typed, or one made from the label; it must be new among `taken`. */
function newKey(form: Form, keyField: string, label: string, taken: readonly string[], what: string, problems: FieldProblem[]): string | null {
  const key = text(form, keyField) || keyFrom(label);
  if (!keyPattern.test(key))
    problems.push({ field: keyField, message: `The key of the new ${what} must start with a letter and use only small letters, numbers and hyphens` });
  else if (taken.includes(key)) problems.push({ field: keyField, message: `There is already a ${what} with the key “${key}”` });
  else return key;
  return null;
}

/**
 * Who hears about each type of concern, and which types only the DSL group and head may see (INC-3,
 * PPL-5); new types; actions, new and retired (INC-4).
 */
export function concernsSection(settings: PolicySettings, form: Form): SectionResult {
  const problems: FieldProblem[] = [];
  // Issue 19: who outside the staff is told, and the time to act; only read from a form that carries them.
  const withRules = form.routeRules === 'yes';
  const routes = settings.concerns.routes.map((route, i) => {
    const notify = chosenRecipients(form, `notify-${i}`);
    let next: PolicySettings['concerns']['routes'][number] = {
      ...route,
      notify: notify.length ? notify : route.notify,
      immediate: yes(form, `immediate-${i}`),
      restricted: yes(form, `restricted-${i}`),
    };
    if (withRules) {
      const tell = list(form, `tell-${i}`);
      const deadline = text(form, `deadline-${i}`);
      if (tell.some((t) => !isOutside(t)))
        problems.push({ field: `tell-${i}`, message: `${route.label}: choose who outside the staff must be told from the list` });
      if (deadline && !isDeadline(deadline)) problems.push({ field: `deadline-${i}`, message: `${route.label}: choose the time to act from the list` });
      next = { ...next, tell: tell.filter(isOutside), deadline: isDeadline(deadline) ? deadline : undefined };
      if (!next.tell?.length) delete next.tell;
      if (!next.deadline) delete next.deadline;
    }
    if (notify.length === 0) problems.push({ field: `notify-${i}`, message: `Choose who hears about: ${route.label}` });
    else {
      const problem = restrictedRouteProblem(next);
      if (problem) problems.push({ field: `notify-${i}`, message: problem });
    }
    return next;
  });
  const typeLabel = text(form, 'newTypeLabel');
  if (typeLabel || text(form, 'newTypeExplanation') || text(form, 'newTypeKey')) {
    const explanation = text(form, 'newTypeExplanation');
    const notify = chosenRecipients(form, 'newTypeNotify');
    const type = { label: typeLabel, explanation, notify, immediate: yes(form, 'newTypeImmediate'), restricted: yes(form, 'newTypeRestricted') };
    if (!typeLabel) problems.push({ field: 'newTypeLabel', message: 'Enter the name of the new type of concern' });
    else if (typeLabel.length > 80) problems.push({ field: 'newTypeLabel', message: 'The name of the new type must be 80 characters or fewer' });
    const key = typeLabel
      ? newKey(
          form,
          'newTypeKey',
          typeLabel,
          routes.map((r) => r.type),
          'type of concern',
          problems,
        )
      : null;
    if (!explanation) problems.push({ field: 'newTypeExplanation', message: 'Explain in a sentence when staff should choose the new type' });
    else if (explanation.length > 600) problems.push({ field: 'newTypeExplanation', message: 'The explanation must be 600 characters or fewer' });
    if (notify.length === 0) problems.push({ field: 'newTypeNotify', message: 'Choose who hears about the new type of concern' });
    else {
      const problem = restrictedRouteProblem(type);
      if (problem) problems.push({ field: 'newTypeNotify', message: problem });
    }
    if (key) routes.push({ type: key, ...type });
  }
  // A retired action is no longer offered; the records that show it still read its label.
  const actions: PolicySettings['concerns']['actions'] = settings.concerns.actions.map((action, i) => ({
    key: action.key,
    label: text(form, `action-${i}`) || action.label,
    ...(yes(form, `retired-${i}`) ? { retired: true } : {}),
  }));
  const newAction = text(form, 'newAction');
  if (newAction) {
    const key = keyFrom(newAction);
    if (!keyPattern.test(key)) problems.push({ field: 'newAction', message: 'Start the new action with a letter' });
    else if (actions.some((a) => a.key === key)) problems.push({ field: 'newAction', message: `There is already an action called “${newAction}”` });
    else actions.push({ key, label: newAction });
  }
  if (actions.every((a) => a.retired)) problems.push({ field: 'retired-0', message: 'Keep at least one action that can be recorded' });
  return { problems, next: { ...settings, concerns: { ...settings.concerns, routes, actions } } };
}

/** Photographs: occasions, those never photographed with the policy's sentence, channels, sizes (000 D; MED-3, MED-5). */
export function photosSection(settings: PolicySettings, form: Form): SectionResult {
  const problems: FieldProblem[] = [];
  const contexts = [...settings.photos.contexts];
  const wording: Record<string, string> = { ...(settings.photos.prohibitedWording ?? defaultProhibitedWording) };
  const prohibitedContexts = list(form, 'prohibited').filter((c) => contexts.includes(c));
  const sentence = (field: string, context: string) => {
    const said = text(form, field);
    if (said.length > 600) problems.push({ field, message: 'The policy’s sentence must be 600 characters or fewer' });
    else if (said) wording[context] = said;
    else if (field in form) delete wording[context];
  };
  for (const c of contexts) sentence(`wording-${c}`, c);
  const newContext = text(form, 'newContext');
  if (newContext) {
    const key = keyFrom(newContext);
    if (!keyPattern.test(key)) problems.push({ field: 'newContext', message: 'Start the new occasion with a letter' });
    else if (contexts.includes(key)) problems.push({ field: 'newContext', message: `“${newContext}” is already in the list` });
    else {
      contexts.push(key);
      if (yes(form, 'newContextProhibited')) prohibitedContexts.push(key);
      sentence('newContextWording', key);
    }
  }
  // Issue 19: how children are named on each channel, and whether they may be tagged. The form marks
  // that it carries these fields (an unticked box posts nothing), so a form without them keeps them.
  const withRules = form.channelRules === 'yes';
  const channels = settings.photos.channels.map((c, i) => {
    const next = { ...c, headteacherApproval: yes(form, `approval-${i}`) };
    if (!withRules) return next;
    const naming = text(form, `naming-${i}`);
    if (naming && !isNaming(naming)) problems.push({ field: `naming-${i}`, message: `${c.label}: choose how children may be named` });
    return { ...next, ...(isNaming(naming) ? { naming } : {}), tagging: yes(form, `tagging-${i}`) };
  });
  const channelLabel = text(form, 'newChannelLabel');
  if (channelLabel || text(form, 'newChannelKey')) {
    const purpose = text(form, 'newChannelPurpose');
    if (!channelLabel) problems.push({ field: 'newChannelLabel', message: 'Enter the name of the new channel' });
    else if (channelLabel.length > 80) problems.push({ field: 'newChannelLabel', message: 'The name of the new channel must be 80 characters or fewer' });
    const key = channelLabel
      ? newKey(
          form,
          'newChannelKey',
          channelLabel,
          channels.map((c) => c.key),
          'channel',
          problems,
        )
      : null;
    if (!settings.consent.purposes.some((p) => p.key === purpose))
      problems.push({ field: 'newChannelPurpose', message: 'Choose which consent the new channel needs' });
    else if (key) {
      channels.push({
        key,
        label: channelLabel,
        purpose,
        headteacherApproval: yes(form, 'newChannelApproval'),
        ...(yes(form, 'newChannelExpress') ? { expressPermission: true } : {}),
      });
    }
  }
  const maxUploadMegabytes = integer(form, 'maxUploadMegabytes', 1, 200, 'The largest upload', problems, settings.photos.maxUploadMegabytes);
  const publishedLongestSide = integer(
    form,
    'publishedLongestSide',
    256,
    8192,
    'The longest side of a published copy',
    problems,
    settings.photos.publishedLongestSide,
  );
  return {
    problems,
    next: {
      ...settings,
      photos: { ...settings.photos, contexts, prohibitedContexts, prohibitedWording: wording, channels, maxUploadMegabytes, publishedLongestSide },
    },
  };
}

/**
 * Retention (MED-7, 001 §5) and who decides: publishing photographs (000 D) and blocked content
 * requests (004 §8.4–8.5). Who approves school accounts and the minimum age stay in the document for
 * the modules that will read them, but are not offered: nothing reads them yet.
 */
export function rulesSection(settings: PolicySettings, form: Form): SectionResult {
  const problems: FieldProblem[] = [];
  const chosen = (name: string, what: string, current: PolicySettings['decisions']['photoPublication']) => {
    const picked = list(form, name).filter((r) => (roles as readonly string[]).includes(r)) as PolicySettings['decisions']['photoPublication'];
    if (picked.length === 0) problems.push({ field: name, message: `Choose who decides: ${what}` });
    return picked.length ? picked : current;
  };
  const photoPublication = chosen('photoPublication', 'publishing photographs', settings.decisions.photoPublication);
  const unblock = chosen('unblock', 'opening a blocked site', settings.decisions.unblock ?? settings.decisions.blockedContentRequests);
  const blockedContentRequests = chosen('blockedContentRequests', 'blocking a site', settings.decisions.blockedContentRequests);
  const next: PolicySettings = {
    ...settings,
    retention: {
      ...settings.retention,
      archivePhotosAtYearEnd: yes(form, 'archivePhotosAtYearEnd'),
      deletePhotosAfterYears: integer(form, 'deletePhotosAfterYears', 0, 10, 'Years before deletion', problems, settings.retention.deletePhotosAfterYears),
      deletionNoticeDays: integer(form, 'deletionNoticeDays', 1, 90, 'Days of notice', problems, settings.retention.deletionNoticeDays),
      monitoringAlertMonths: integer(
        form,
        'monitoringAlertMonths',
        1,
        84,
        'Months monitoring alerts are kept',
        problems,
        settings.retention.monitoringAlertMonths ?? 12,
      ),
      consentAnswersYearsAfterLeaving: integer(
        form,
        'consentAnswersYearsAfterLeaving',
        0,
        25,
        'Years consent answers are kept after a pupil leaves',
        problems,
        settings.retention.consentAnswersYearsAfterLeaving ?? 1,
      ),
      safeguardingYearsAfterBirth: integer(
        form,
        'safeguardingYearsAfterBirth',
        25,
        100,
        'Years after birth child protection records are kept',
        problems,
        settings.retention.safeguardingYearsAfterBirth ?? 25,
      ),
    },
    decisions: { ...settings.decisions, photoPublication, unblock, blockedContentRequests },
  };
  return { problems, next };
}

export const sections = {
  concerns: {
    title: 'Concerns: who hears and what can be done',
    apply: concernsSection,
    clause: 'where each kind of concern goes, who is told at once, and what the school may do about what happens outside school.',
  },
  photos: {
    title: 'Photographs',
    apply: photosSection,
    clause: 'photographs are kept on the school’s own system, some activities are never photographed, and nothing is posted without the headteacher’s consent.',
  },
  rules: {
    title: 'Keeping photographs and who approves publishing them',
    apply: rulesSection,
    clause: 'photographs are archived at the end of the school year and deleted later, and nothing is posted without the headteacher’s consent.',
  },
} as const;
export type SectionKey = keyof typeof sections;
