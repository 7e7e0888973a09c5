import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import type { ModuleRoutes } from '../../platform/modules.ts';
import type { PoliciesServices } from './services.ts';
import { NotFound } from '../../platform/http/errors.ts';
import { submitForm } from '../../platform/http/forms.ts';
import { formErrors, render, setFlash } from '../../platform/http/render.ts';
import { actorOf } from '../../platform/http/request-context.ts';
import { VersionParams } from './policies.schemas.ts';
import { importedSignatories } from './policies.view-model.ts';

const text = (max: number) => Type.String({ default: '', maxLength: max });
const PaperBody = Type.Object({
  approvingBody: text(200),
  'approvedOn-day': text(4),
  'approvedOn-month': text(4),
  'approvedOn-year': text(6),
  nextReview: text(60),
  minuteRef: text(200),
  _csrf: Type.Optional(Type.String()),
});
type PaperForm = Static<typeof PaperBody>;

/** The form's first values: what the imported paper copy said, where it said it. */
function fromImport(imported: Record<string, unknown> | null, fallbackBody: string): PaperForm {
  const approvedOn =
    typeof imported?.approvedOn === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(imported.approvedOn) ? imported.approvedOn.split('-') : ['', '', ''];
  return {
    approvingBody: typeof imported?.approvingBody === 'string' ? imported.approvingBody : fallbackBody,
    'approvedOn-year': approvedOn[0],
    'approvedOn-month': approvedOn[1].replace(/^0/, ''),
    'approvedOn-day': approvedOn[2].replace(/^0/, ''),
    nextReview: typeof imported?.nextReviewDue === 'string' ? imported.nextReviewDue : '',
    minuteRef: '',
  };
}

/** Recording an approval made on paper before the school used eSafety Office. */
export const policyPaperRoutes: ModuleRoutes<PoliciesServices> = async (app, { services }) => {
  const formPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    { id, number }: VersionParams,
    values: PaperForm | null,
    errors: object,
    status: number,
  ) => {
    const actor = actorOf(request);
    const { policy, version } = await services.policies.version(actor, id, number);
    if (version.status !== 'draft') throw new NotFound();
    const { approvingBody } = await services.policies.policy(actor, id);
    return render(
      request,
      reply,
      'policies/views/paper-approval.njk',
      {
        title: `Record the approval of ${policy.title}`,
        backLink: `/policies/${id}`,
        policy,
        version,
        importedSignatories: importedSignatories(version.imported),
        values: values ?? fromImport(version.imported, approvingBody),
        ...errors,
      },
      status,
    );
  };

  app.get(
    '/policies/:id/versions/:number/paper-approval',
    { config: { permission: 'policy:manage' }, schema: { hide: true, params: VersionParams } },
    async (request, reply) => formPage(request, reply, request.params, null, {}, 200),
  );

  app.post(
    '/policies/:id/versions/:number/paper-approval',
    { config: { permission: 'policy:manage' }, preHandler: app.csrfProtection, schema: { hide: true, params: VersionParams, body: PaperBody } },
    async (request, reply) => {
      const {
        params: { id, number },
        body,
      } = request;
      return submitForm(
        async () => {
          await services.policies.recordPaperApproval(actorOf(request), id, number, {
            approvingBody: body.approvingBody,
            nextReview: body.nextReview,
            minuteRef: body.minuteRef,
            approvedOn: { day: body['approvedOn-day'], month: body['approvedOn-month'], year: body['approvedOn-year'] },
          });
          setFlash(reply, 'Approval recorded. The policy is in force and published, and staff have been asked to read it.');
          return reply.redirect(`/policies/${id}`, 303);
        },
        async (_errors, problems) => {
          // The date input's error belongs to its first box, and the fieldset shows the message.
          const moved = problems.map((p) => (p.field === 'approvedOn' ? { ...p, field: 'approvedOn-day' } : p));
          return formPage(request, reply, request.params, body, { ...formErrors(moved), approvedOnError: problems.find((p) => p.field === 'approvedOn') }, 400);
        },
      );
    },
  );
};
