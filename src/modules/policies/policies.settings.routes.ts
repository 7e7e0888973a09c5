import { Type } from 'typebox';
import type { ModuleRoutes } from '../../platform/modules.ts';
import type { PoliciesServices } from './services.ts';
import { submitForm } from '../../platform/http/forms.ts';
import { render, setFlash } from '../../platform/http/render.ts';
import { actorOf } from '../../platform/http/request-context.ts';

const text = (max: number) => Type.String({ default: '', maxLength: max });
const SettingsBody = Type.Object({
  approvingBody: text(200),
  intervalMonths: text(4),
  reminderWeeks: text(4),
  signatories: text(1000),
  _csrf: Type.Optional(Type.String()),
});

const labels: Record<string, string> = {
  approvingBody: 'who approves',
  intervalMonths: 'how often they are reviewed',
  reminderWeeks: 'when owners are reminded',
  signatories: 'who signs',
};

/** POL-6: the headteacher sets how the school's policies are approved and reviewed. */
export const policySettingsRoutes: ModuleRoutes<PoliciesServices> = async (app, { services }) => {
  const page = { title: 'How policies are approved and reviewed', backLink: '/policies' };

  app.get('/policies/settings', { config: { permission: 'policy:settings' }, schema: { hide: true } }, async (request, reply) => {
    const { review, version } = await services.policies.reviewSettings(actorOf(request));
    return render(request, reply, 'policies/views/settings.njk', {
      ...page,
      version,
      values: {
        approvingBody: review.approvingBody,
        intervalMonths: String(review.intervalMonths),
        reminderWeeks: String(review.reminderWeeks),
        signatories: review.signatories.join('\n'),
      },
    });
  });

  app.post(
    '/policies/settings',
    { config: { permission: 'policy:settings' }, preHandler: app.csrfProtection, schema: { hide: true, body: SettingsBody } },
    async (request, reply) => {
      const { body } = request;
      return submitForm(
        async () => {
          const { version, changed } = await services.policies.saveReviewSettings(actorOf(request), body);
          setFlash(
            reply,
            version === null
              ? 'Nothing was changed'
              : `Saved as version ${version} of the policy settings. Changed: ${changed.map((c) => labels[c]).join(', ')}.`,
          );
          return reply.redirect('/policies/settings', 303);
        },
        async (errors) => {
          const { version } = await services.policies.reviewSettings(actorOf(request));
          return render(request, reply, 'policies/views/settings.njk', { ...page, version, values: body, ...errors }, 400);
        },
      );
    },
  );
};
