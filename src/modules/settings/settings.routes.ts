import { Type } from 'typebox';
import { may } from '../../platform/auth/access.ts';
import { roleLabels } from '../../platform/auth/permissions.ts';
import { render, setFlash } from '../../platform/http/render.ts';
import { actorOf } from '../../platform/http/request-context.ts';
import type { ModuleRoutes } from '../../platform/modules.ts';
import type { SettingsServices } from './services.ts';
import { deadlineChoices, namingChoices } from './settings-editor.forms.ts';
import { basisOf, outsideRecipientLabels } from './settings.rules.ts';

/** Issue 19: what a consent purpose rests on, as the overview says it. */
const basisWords = {
  consent: 'Consent: no answer means no',
  'opt-out': 'Used unless a carer objects',
  'public-task': 'No consent asked — the school’s public task',
} as const;

const TwoFactorBody = Type.Object({ requireAll: Type.String({ default: '' }) });

const sectionNames: Record<string, string> = {
  all: 'everything (the first version)',
  consent: 'photo consent',
  concerns: 'concerns',
  photos: 'photographs',
  retention: 'retention',
  policyReview: 'policy review',
  ageLimits: 'age limits',
  decisions: 'who decides',
  security: 'two-factor authentication',
};

const recipientLabel = (r: string) =>
  r === 'class-teacher' ? 'Class teacher' : r === 'line-manager' ? 'The reporter’s line manager' : (roleLabels[r as keyof typeof roleLabels] ?? r);

/** A version accepted from a policy's proposals (issue 19) says which policy, version and lines it came from. */
function fromPolicy(detail: unknown): string {
  const because = (detail as { because?: { policyTitle?: string; policyVersion?: number; accepted?: { line: number }[] } }).because;
  if (!because?.policyTitle) return '';
  const lines = [...new Set((because.accepted ?? []).map((a) => a.line))].sort((a, b) => a - b);
  return ` — accepted from “${because.policyTitle}”, version ${because.policyVersion ?? 1}${lines.length ? `, line${lines.length > 1 ? 's' : ''} ${lines.join(', ')}` : ''}`;
}

/** The policy settings every module obeys, their history, and links to edit each part (POL-6). */
export const settingsRoutes: ModuleRoutes<SettingsServices> = async (app, { services }) => {
  app.get('/settings', { config: { permission: 'settings:read' }, schema: { hide: true } }, async (request, reply) => {
    const actor = actorOf(request);
    const { current, years, history } = await services.settings.overview(actor);
    return render(request, reply, 'settings/views/settings.njk', {
      sections: app.settingsSections,
      title: 'Policy settings',
      version: current.version,
      since: current.createdAt,
      settings: current.settings,
      years,
      canManageSecurity: may(actor, 'security:manage'),
      canEdit: may(actor, 'settings:edit'),
      history: history.map((h) => ({
        at: h.at,
        who: h.actor_label,
        version: (h.detail as { version?: number }).version,
        changed: ((h.detail as { changed?: string[] }).changed ?? []).map((c) => sectionNames[c] ?? c).join(', ') + fromPolicy(h.detail),
      })),
      routes: current.settings.concerns.routes.map((r) => ({
        ...r,
        recipients: r.notify.map(recipientLabel).join(', '),
        // Issue 19: who outside the staff is told, and the time to act.
        alsoTold: (r.tell ?? []).map((t) => outsideRecipientLabels[t]).join(', ') || 'Nobody',
        timeToAct: deadlineChoices.find((d) => d.value === (r.deadline ?? ''))?.text ?? 'No time set',
      })),
      // Issue 19: what each purpose rests on, and how children are named and tagged on each channel.
      purposes: current.settings.consent.purposes.map((p) => ({ ...p, basisText: basisWords[basisOf(p)] })),
      channels: current.settings.photos.channels.map((c) => ({
        label: c.label,
        naming: namingChoices.find((n) => n.value === (c.naming ?? 'full-with-permission'))?.text ?? '',
        tagging: c.tagging === false ? 'No' : 'Yes',
      })),
    });
  });

  // DfE's cyber security standards ask for multi-factor authentication on accounts that reach personal data.
  app.post(
    '/settings/two-factor',
    { config: { permission: 'security:manage' }, preHandler: app.csrfProtection, schema: { hide: true, body: TwoFactorBody } },
    async (request, reply) => {
      const actor = actorOf(request);
      const requireAll = request.body.requireAll === 'yes';
      await services.settings.requireTwoFactorForAll(actor, requireAll);
      setFlash(
        reply,
        requireAll
          ? 'Every member of staff now needs two-factor authentication to sign in'
          : 'Two-factor authentication is required for headteachers and designated safeguarding leads only',
      );
      return reply.redirect('/settings', 303);
    },
  );
};
