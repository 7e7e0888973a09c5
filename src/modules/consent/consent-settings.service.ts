import { requireAccess } from '../../platform/auth/access.ts';
import { auditActor, type Actor } from '../../platform/auth/actor.ts';
import { withSchool, type SchoolDatabase } from '../../platform/db/school-database.ts';
import { ValidationError, type FieldProblem } from '../../platform/http/errors.ts';
import { currentSettings, saveSettings } from '../settings/settings.service.ts';
import type { ConsentBasis, PolicySettings } from '../settings/settings.schema.ts';
import { basisOf, basisProblem } from '../settings/settings.rules.ts';

/** Issue 19: what each purpose rests on, in plain words (the value is `consent.purposes[].basis`). */
export const basisItems = [
  { value: 'consent', text: 'Carers are asked: no answer means no' },
  { value: 'opt-out', text: 'Used unless a carer objects: no answer means yes, any objection means no (inside school only)' },
  { value: 'public-task', text: 'No consent asked — the school’s public task (inside school only; carers are told, not asked)' },
] as const;
const isBasis = (value: string): value is ConsentBasis => basisItems.some((b) => b.value === value);

export const lapseItems = [
  { value: 'never', text: 'Never: answers stand until a carer changes them' },
  { value: 'each-september', text: 'Each September: ask again every academic year' },
  { value: 'key-stage-change', text: 'When a pupil moves key stage (into Year 1, Year 3, Year 7…)' },
  { value: 'new-form-version', text: 'When the school issues a new version of the form' },
];

/** Applies the form to the settings; returns the problems in the form's own field names. */
export function consentSettingsFrom(settings: PolicySettings, form: Record<string, unknown>): { next: PolicySettings; problems: FieldProblem[] } {
  const text = (name: string) => (typeof form[name] === 'string' ? form[name].trim() : '');
  const problems: FieldProblem[] = [];
  const purposes = settings.consent.purposes.map((p, i) => {
    const label = text(`label-${i}`) || p.label;
    const description = text(`description-${i}`) || p.description;
    const chosen = text(`basis-${i}`);
    if (chosen && !isBasis(chosen)) problems.push({ field: `basis-${i}`, message: `${label}: choose what this purpose rests on` });
    const basis = chosen && isBasis(chosen) ? chosen : basisOf(p);
    const next = { ...p, label, description, external: form[`external-${i}`] === 'yes', active: form[`active-${i}`] === 'yes', basis };
    const problem = basisProblem(next);
    if (problem) problems.push({ field: `basis-${i}`, message: problem });
    return next;
  });
  if (!purposes.some((p) => p.active)) problems.push({ field: 'active-0', message: 'Keep at least one purpose that carers are asked about' });
  const newLabel = text('newLabel');
  if (newLabel) {
    const key = newLabel
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40);
    if (!/^[a-z][a-z0-9-]{1,40}$/.test(key)) problems.push({ field: 'newLabel', message: 'Start the name of the new purpose with a letter' });
    else if (purposes.some((p) => p.key === key)) problems.push({ field: 'newLabel', message: `There is already a purpose called “${newLabel}”` });
    else if (!text('newDescription')) problems.push({ field: 'newDescription', message: 'Enter the wording carers will read for the new purpose' });
    else {
      const chosen = text('newBasis') || 'consent';
      const purpose = {
        key,
        label: newLabel,
        description: text('newDescription'),
        external: form.newExternal === 'yes',
        active: true,
        basis: 'consent' as ConsentBasis,
      };
      if (!isBasis(chosen)) problems.push({ field: 'newBasis', message: 'Choose what the new purpose rests on' });
      else purpose.basis = chosen;
      const problem = basisProblem(purpose);
      if (problem) problems.push({ field: 'newBasis', message: problem });
      purposes.push(purpose);
    }
  }
  const lapse = text('lapse');
  if (!lapseItems.some((l) => l.value === lapse)) problems.push({ field: 'lapse', message: 'Choose when answers lapse' });
  const reminderAfterDays = Number(text('reminderAfterDays'));
  if (!Number.isInteger(reminderAfterDays) || reminderAfterDays < 1 || reminderAfterDays > 60)
    problems.push({ field: 'reminderAfterDays', message: 'Enter a number of days from 1 to 60' });
  const formVersion = (settings.consent.formVersion ?? 1) + (form.newFormVersion === 'yes' ? 1 : 0);
  return {
    problems,
    next: { ...settings, consent: { ...settings.consent, purposes, lapse: lapse as PolicySettings['consent']['lapse'], reminderAfterDays, formVersion } },
  };
}

/** What carers are asked and when answers lapse (CON-1, renewal): each change is a new settings version. */
export function createConsentSettingsService(schools: SchoolDatabase) {
  return {
    async current(actor: Actor): Promise<PolicySettings> {
      requireAccess(actor, 'consent:settings');
      return withSchool(schools, actor.schoolId, async (tx) => (await currentSettings(tx, actor.schoolId)).settings);
    },

    /** Saves the form as the next settings version; a ValidationError names the form's fields at fault. */
    async change(actor: Actor, form: Record<string, unknown>): Promise<void> {
      requireAccess(actor, 'consent:settings');
      await withSchool(schools, actor.schoolId, async (tx) => {
        const { next, problems } = consentSettingsFrom((await currentSettings(tx, actor.schoolId)).settings, form);
        if (problems.length) throw new ValidationError(problems);
        await saveSettings(tx, actor.schoolId, auditActor(actor), next);
      });
    },
  };
}

export type ConsentSettingsService = ReturnType<typeof createConsentSettingsService>;
