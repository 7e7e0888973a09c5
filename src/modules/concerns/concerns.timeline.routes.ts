import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import type { ConcernsServices } from './services.ts';
import type { Action } from '../../platform/auth/permissions.ts';
import { ValidationError } from '../../platform/http/errors.ts';
import { formErrors, render, setFlash } from '../../platform/http/render.ts';
import { actorOf } from '../../platform/http/request-context.ts';
import { dueFromForm, fileOf, value, values } from './concerns.form.ts';
import { linesOf } from './concerns.input.ts';
import { concernPage } from './concerns.page.ts';

const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
const FollowUpParams = Type.Object({ id: Type.String({ maxLength: 64 }), entryId: Type.String({ maxLength: 64 }) });
type Body = Record<string, unknown> | undefined;

/** The forms on a concern's page: each adds to the record's timeline, then returns to the page (INC-4, INC-5, INC-7). */
export async function concernTimelineRoutes(app: FastifyInstance, { services }: { services: ConcernsServices }) {
  const change = (path: string, permission: Action, work: (request: FastifyRequest, body: Body) => Promise<string>) => {
    app.post(path, { config: { permission }, preHandler: app.csrfProtection, schema: { hide: true, params: path.includes(':entryId') ? FollowUpParams : IdParams } },
      async (request: FastifyRequest, reply: FastifyReply) => {
        const { id } = request.params as Static<typeof IdParams>;
        const body = request.body as Body;
        try {
          setFlash(reply, await work(request, body));
          return reply.redirect(`/concerns/${id}`, 303);
        } catch (error) {
          if (!(error instanceof ValidationError)) throw error;
          const form = Object.fromEntries(['kind', 'note', 'dueAt', 'field', 'text', 'reason', 'acts', 'reasons', 'outcome', 'links'].map((n) => [n, value(body, n)]));
          const page = await concernPage(services, actorOf(request), id, { values: { ...form, grounds: values(body, 'grounds') } });
          return render(request, reply, 'concerns/views/concern.njk', { ...page, ...formErrors(error.problems) }, 400);
        }
      });
  };
  const idOf = (request: FastifyRequest) => (request.params as Static<typeof IdParams>).id;

  change('/concerns/:id/read', 'concern:act', async (request) => {
    await services.concerns.markRead(actorOf(request), idOf(request));
    return 'Marked as read: it is no longer on your list of concerns that need you';
  });

  change('/concerns/:id/actions', 'concern:act', async (request, body) => {
    await services.concerns.addAction(actorOf(request), idOf(request), { kind: value(body, 'kind'), note: value(body, 'note'), dueAt: dueFromForm(value(body, 'dueAt')) });
    return 'Action added to the timeline';
  });

  change('/concerns/:id/amendments', 'concern:act', async (request, body) => {
    await services.concerns.amend(actorOf(request), idOf(request), { field: value(body, 'field'), text: value(body, 'text'), reason: value(body, 'reason') });
    return 'Correction added; the original is kept in the timeline';
  });

  change('/concerns/:id/decision', 'concern:act', async (request, body) => {
    const acts = value(body, 'acts');
    await services.concerns.decideOutOfHours(actorOf(request), idOf(request), {
      acts: acts === 'yes' ? true : acts === 'no' ? false : null, grounds: values(body, 'grounds'), reasons: value(body, 'reasons'),
    });
    return 'Decision recorded';
  });

  change('/concerns/:id/follow-ups/:entryId/done', 'concern:act', async (request) => {
    await services.concerns.completeFollowUp(actorOf(request), idOf(request), (request.params as Static<typeof FollowUpParams>).entryId);
    return 'Follow-up marked as done';
  });

  change('/concerns/:id/close', 'concern:act', async (request, body) => {
    await services.concerns.close(actorOf(request), idOf(request), value(body, 'outcome'));
    return 'Concern closed with its outcome';
  });

  change('/concerns/:id/evidence', 'concern:read', async (request, body) => {
    await services.concerns.addEvidence(actorOf(request), idOf(request), { links: linesOf(value(body, 'links')), file: await fileOf(body, 'evidence') });
    return 'Evidence added';
  });
}
