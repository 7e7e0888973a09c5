import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { auditActor } from '../../platform/auth/actor.ts';
import type { DB } from '../../platform/db/schema.ts';
import { withSchool } from '../../platform/db/school-scope.ts';
import { ValidationError, type FieldProblem } from '../../platform/http/errors.ts';
import { formErrors, render, setFlash } from '../../platform/http/render.ts';
import { actorOf } from '../../platform/http/request-context.ts';
import { currentSettings, saveSettings } from '../settings/settings.service.ts';
import type { PolicySettings } from '../settings/settings.schema.ts';

const lapseItems = [
  { value: 'never', text: 'Never: answers stand until a carer changes them' },
  { value: 'each-september', text: 'Each September: ask again every academic year' },
  { value: 'key-stage-change', text: 'When a pupil moves key stage (into Year 1, Year 3, Year 7…)' },
  { value: 'new-form-version', text: 'When the school issues a new version of the form' },
];

/** Applies the form to the settings; returns the problems in the form's own field names. */
export function consentSettingsFrom(settings: PolicySettings, form: Record<string, unknown>): { next: PolicySettings; problems: FieldProblem[] } {
  const text = (name: string) => (typeof form[name] === 'string' ? (form[name]).trim() : '');
  const problems: FieldProblem[] = [];
  const purposes = settings.consent.purposes.map((p, i) => {
    const label = text(`label-${i}`) || p.label;
    const description = text(`description-${i}`) || p.description;
    return { ...p, label, description, external: form[`external-${i}`] === 'yes', active: form[`active-${i}`] === 'yes' };
  });
  if (!purposes.some((p) => p.active)) problems.push({ field: 'active-0', message: 'Keep at least one purpose that carers are asked about' });
  const newLabel = text('newLabel');
  if (newLabel) {
    const key = newLabel.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40);
    if (!/^[a-z][a-z0-9-]{1,40}$/.test(key)) problems.push({ field: 'newLabel', message: 'Start the name of the new purpose with a letter' });
    else if (purposes.some((p) => p.key === key)) problems.push({ field: 'newLabel', message: `There is already a purpose called “${newLabel}”` });
    else if (!text('newDescription')) problems.push({ field: 'newDescription', message: 'Enter the wording carers will read for the new purpose' });
    else purposes.push({ key, label: newLabel, description: text('newDescription'), external: form.newExternal === 'yes', active: true });
  }
  const lapse = text('lapse');
  if (!lapseItems.some((l) => l.value === lapse)) problems.push({ field: 'lapse', message: 'Choose when answers lapse' });
  const reminderAfterDays = Number(text('reminderAfterDays'));
  if (!Number.isInteger(reminderAfterDays) || reminderAfterDays < 1 || reminderAfterDays > 60) problems.push({ field: 'reminderAfterDays', message: 'Enter a number of days from 1 to 60' });
  const formVersion = (settings.consent.formVersion ?? 1) + (form.newFormVersion === 'yes' ? 1 : 0);
  return { problems, next: { ...settings, consent: { ...settings.consent, purposes, lapse: lapse as PolicySettings['consent']['lapse'], reminderAfterDays, formVersion } } };
}

/** The headteacher edits what carers are asked and when answers lapse (CON-1, renewal); each change is a new settings version. */
export async function consentSettingsRoutes(app: FastifyInstance, { db }: { db: Kysely<DB> }) {
  const page = (settings: PolicySettings, values: Record<string, unknown> = {}) => ({
    title: 'What carers are asked', settings, lapseItems, values, backLink: '/consent',
  });

  app.get('/consent/settings', { config: { permission: 'consent:settings' }, schema: { hide: true } }, async (request, reply) => {
    const actor = actorOf(request);
    const { settings } = await withSchool(db, actor.schoolId, (tx) => currentSettings(tx, actor.schoolId));
    return render(request, reply, 'consent/views/settings.njk', page(settings));
  });

  app.post('/consent/settings', { config: { permission: 'consent:settings' }, preHandler: app.csrfProtection, schema: { hide: true } }, async (request, reply) => {
    const actor = actorOf(request);
    const form = (request.body ?? {}) as Record<string, unknown>;
    const outcome = await withSchool(db, actor.schoolId, async (tx) => {
      const { settings } = await currentSettings(tx, actor.schoolId);
      const { next, problems } = consentSettingsFrom(settings, form);
      if (problems.length) return { settings, problems };
      await saveSettings(tx, actor.schoolId, auditActor(actor), next);
      return { settings: next, problems };
    }).catch((error: unknown) => {
      if (error instanceof ValidationError) return { settings: null, problems: error.problems };
      throw error;
    });
    if (outcome.problems.length) {
      const { settings } = await withSchool(db, actor.schoolId, (tx) => currentSettings(tx, actor.schoolId));
      return render(request, reply, 'consent/views/settings.njk', { ...page(settings, form), ...formErrors(outcome.problems) }, 400);
    }
    setFlash(reply, 'Saved. Carers will be asked in these words from now on.');
    return reply.redirect('/consent/settings', 303);
  });
}
