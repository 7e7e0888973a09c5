import { Type } from 'typebox';
import { roleLabels, roles } from '../../platform/auth/permissions.ts';
import { NotFound } from '../../platform/http/errors.ts';
import { submitForm } from '../../platform/http/forms.ts';
import { render, setFlash } from '../../platform/http/render.ts';
import { actorOf } from '../../platform/http/request-context.ts';
import type { ModuleRoutes } from '../../platform/modules.ts';
import { deadlineChoices, namingChoices, recipientChoices, tellChoices, sections, type Form, type SectionKey } from './settings-editor.forms.ts';
import { defaultProhibitedWording } from './settings.defaults.ts';
import type { PolicySettings } from './settings.schema.ts';
import type { SettingsServices } from './services.ts';

const SectionParams = Type.Object({ section: Type.String({ maxLength: 20 }) });
/** A section's form: its fields are the section's own (a checkbox group posts a list), so they are read by settings-editor.forms.ts. */
const SectionForm = Type.Record(Type.String(), Type.Union([Type.String(), Type.Array(Type.String())]));
const roleItems = (chosen: readonly string[]) => roles.map((r) => ({ value: r, text: roleLabels[r], checked: chosen.includes(r) }));
const label = (key: string) => key.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());

function sectionOf(name: string): SectionKey {
  if (!(name in sections)) throw new NotFound();
  return name as SectionKey;
}

const picked = (values: Form, name: string) => new Set([values[name]].flat().filter((v): v is string => typeof v === 'string'));

/** What each section's template needs, from the current (or just-posted) settings. */
function view(key: SectionKey, settings: PolicySettings, values: Form = {}) {
  const base = { title: sections[key].title, clause: sections[key].clause, section: key, settings, values, backLink: '/settings' };
  switch (key) {
    case 'concerns': {
      const newTypeNotify = picked(values, 'newTypeNotify');
      return {
        ...base,
        routes: settings.concerns.routes.map((r) => ({
          ...r,
          items: recipientChoices.map((c) => ({ ...c, checked: (r.notify as string[]).includes(c.value) })),
          tellItems: tellChoices.map((c) => ({ ...c, checked: (r.tell ?? []).includes(c.value) })),
          deadlineItems: deadlineChoices.map((d) => ({ ...d, checked: d.value === (r.deadline ?? '') })),
        })),
        newTypeItems: recipientChoices.map((c) => ({ ...c, checked: newTypeNotify.has(c.value) })),
      };
    }
    case 'photos': {
      const wording = settings.photos.prohibitedWording ?? defaultProhibitedWording;
      return {
        ...base,
        contextItems: settings.photos.contexts.map((c) => ({
          value: c,
          text: label(c),
          checked: settings.photos.prohibitedContexts.includes(c),
          wording: wording[c] ?? '',
        })),
        channelRules: settings.photos.channels.map((c, i) => {
          const naming = typeof values[`naming-${i}`] === 'string' ? values[`naming-${i}`] : (c.naming ?? 'full-with-permission');
          const tagging = 'channelRules' in values ? values[`tagging-${i}`] === 'yes' : c.tagging !== false;
          return {
            index: i,
            label: c.label,
            namingItems: namingChoices.map((n) => ({ value: n.value, text: n.text, checked: n.value === naming })),
            tagging,
          };
        }),
        purposeItems: [
          { value: '', text: 'Choose the consent it needs' },
          ...settings.consent.purposes.map((p) => ({ value: p.key, text: p.label, selected: values.newChannelPurpose === p.key })),
        ],
      };
    }
    case 'rules':
      return {
        ...base,
        decisions: [
          {
            name: 'photoPublication',
            legend: 'Who approves publishing photographs where the channel needs it?',
            items: roleItems(settings.decisions.photoPublication),
          },
          {
            name: 'unblock',
            legend: 'Who decides whether a blocked website is opened for teaching?',
            items: roleItems(settings.decisions.unblock ?? settings.decisions.blockedContentRequests),
          },
          {
            name: 'blockedContentRequests',
            legend: 'Who decides whether a website is blocked, and confirms an urgent block?',
            items: roleItems(settings.decisions.blockedContentRequests),
          },
        ],
      };
  }
}

/** POL-6: the headteacher edits the rules the system obeys; each save is a new, audited settings version. */
export const settingsEditorRoutes: ModuleRoutes<SettingsServices> = async (app, { services }) => {
  app.get('/settings/edit/:section', { config: { permission: 'settings:edit' }, schema: { hide: true, params: SectionParams } }, async (request, reply) => {
    const key = sectionOf(request.params.section);
    const settings = await services.settings.forEditing(actorOf(request));
    return render(request, reply, `settings/views/edit-${key}.njk`, view(key, settings));
  });

  app.post(
    '/settings/edit/:section',
    { config: { permission: 'settings:edit' }, preHandler: app.csrfProtection, schema: { hide: true, params: SectionParams, body: SectionForm } },
    async (request, reply) => {
      const actor = actorOf(request);
      const key = sectionOf(request.params.section);
      const form: Form = request.body;
      return submitForm(
        async () => {
          await services.settings.saveSection(actor, key, form);
          setFlash(reply, `${sections[key].title}: saved as a new version of the settings`);
          return reply.redirect('/settings', 303);
        },
        async (errors) => {
          const settings = await services.settings.forEditing(actor);
          return render(request, reply, `settings/views/edit-${key}.njk`, { ...view(key, settings, form), ...errors }, 400);
        },
      );
    },
  );
};
