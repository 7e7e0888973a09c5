import { typedDay } from '../../platform/text/dates.ts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { ModuleRoutes } from '../../platform/modules.ts';
import type { ConcernsServices } from './services.ts';
import { formFile, formValue, formValues } from '../../platform/http/form-body.ts';
import { submitForm } from '../../platform/http/forms.ts';
import { render, setFlash } from '../../platform/http/render.ts';
import { IdParams } from '../../platform/http/schemas.ts';
import { actorOf } from '../../platform/http/request-context.ts';
import { dueFromForm, evidenceFrom } from './concerns.form.ts';
import { fromLondonLocal, linesOf } from './concerns.input.ts';
import { concernPage } from './concerns.page.ts';

const FollowUpParams = Type.Object({ id: Type.String({ format: 'uuid' }), entryId: Type.String({ format: 'uuid' }) });
// Lengths are the service's to check, so its message appears beside the field.
const text = () => Type.String({ default: '' });
const csrf = { _csrf: Type.Optional(Type.String()) };
const NoFields = Type.Object(csrf);
const ActionForm = Type.Object({ kind: text(), note: text(), 'dueAt-day': text(), 'dueAt-month': text(), 'dueAt-year': text(), ...csrf });
const AmendmentForm = Type.Object({ field: text(), text: text(), reason: text(), ...csrf });
const DecisionForm = Type.Object({ acts: text(), grounds: Type.Union([Type.Array(Type.String()), Type.String()], { default: [] }), reasons: text(), ...csrf });
const CloseForm = Type.Object({ outcome: text(), ...csrf });
const ToldForm = Type.Object({
  recipient: text(),
  toldWho: text(),
  'toldAt-day': text(),
  'toldAt-month': text(),
  'toldAt-year': text(),
  toldTime: text(),
  toldHow: text(),
  ...csrf,
});
/** What the concern page's forms put back after a mistake. */
const formFields = [
  'kind',
  'note',
  'dueAt-day',
  'dueAt-month',
  'dueAt-year',
  'field',
  'text',
  'reason',
  'acts',
  'reasons',
  'outcome',
  'links',
  'recipient',
  'toldWho',
  'toldAt-day',
  'toldAt-month',
  'toldAt-year',
  'toldTime',
  'toldHow',
];

/** Issue 19: when someone was told, from the date boxes and an optional "14:30" (London time); null when no date was given. */
function toldAtFrom(day: string, time: string): Date | null {
  if (!day) return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return new Date(NaN);
  const clock = time.trim() || '00:00';
  const m = /^(\d{1,2})[:.](\d{2})$/.exec(clock);
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return new Date(NaN);
  return fromLondonLocal(`${day}T${m[1].padStart(2, '0')}:${m[2]}`) ?? new Date(NaN);
}

/** The forms on a concern's page: each adds to the record's timeline, then returns to the page (INC-4, INC-5, INC-7). */
export const concernTimelineRoutes: ModuleRoutes<ConcernsServices> = async (app, { services }) => {
  /** Runs the change and returns to the page with `flash`; when refused, the page again (400) with the form as sent. */
  const change = (request: FastifyRequest, reply: FastifyReply, id: string, work: () => Promise<string>) =>
    submitForm(
      async () => {
        setFlash(reply, await work());
        return reply.redirect(`/concerns/${id}`, 303);
      },
      async (errors) => {
        const { body } = request;
        const form = Object.fromEntries(formFields.map((n) => [n, formValue(body, n)]));
        const page = await concernPage(services, actorOf(request), id, { values: { ...form, grounds: formValues(body, 'grounds') } });
        return render(request, reply, 'concerns/views/concern.njk', { ...page, ...errors }, 400);
      },
    );
  const route = <P, B>(params: P, body: B) => ({
    config: { permission: 'concern:act' as const },
    preHandler: app.csrfProtection,
    schema: { hide: true, params, body },
  });

  app.post('/concerns/:id/read', route(IdParams, NoFields), async (request, reply) => {
    const { id } = request.params;
    return change(request, reply, id, async () => {
      await services.concerns.markRead(actorOf(request), id);
      return 'Marked as read: it is no longer on your list of concerns that need you';
    });
  });

  app.post('/concerns/:id/actions', route(IdParams, ActionForm), async (request, reply) => {
    const {
      params: { id },
      body,
    } = request;
    return change(request, reply, id, async () => {
      await services.concerns.addAction(actorOf(request), id, { kind: body.kind, note: body.note, dueAt: dueFromForm(typedDay(body, 'dueAt')) });
      return 'Action added to the timeline';
    });
  });

  app.post('/concerns/:id/amendments', route(IdParams, AmendmentForm), async (request, reply) => {
    const {
      params: { id },
      body,
    } = request;
    return change(request, reply, id, async () => {
      await services.concerns.amend(actorOf(request), id, { field: body.field, text: body.text, reason: body.reason });
      return 'Correction added; the original is kept in the timeline';
    });
  });

  app.post('/concerns/:id/decision', route(IdParams, DecisionForm), async (request, reply) => {
    const {
      params: { id },
      body,
    } = request;
    return change(request, reply, id, async () => {
      await services.concerns.decideOutOfHours(actorOf(request), id, {
        acts: body.acts === 'yes' ? true : body.acts === 'no' ? false : null,
        grounds: [body.grounds].flat(),
        reasons: body.reasons,
      });
      return 'Decision recorded';
    });
  });

  app.post('/concerns/:id/told', route(IdParams, ToldForm), async (request, reply) => {
    const {
      params: { id },
      body,
    } = request;
    return change(request, reply, id, async () => {
      await services.concerns.recordTelling(actorOf(request), id, {
        recipient: body.recipient,
        who: body.toldWho,
        when: toldAtFrom(typedDay(body, 'toldAt'), body.toldTime),
        how: body.toldHow,
      });
      return 'Recorded: the required action is done';
    });
  });

  app.post('/concerns/:id/follow-ups/:entryId/done', route(FollowUpParams, NoFields), async (request, reply) => {
    const { id, entryId } = request.params;
    return change(request, reply, id, async () => {
      await services.concerns.completeFollowUp(actorOf(request), id, entryId);
      return 'Follow-up marked as done';
    });
  });

  app.post('/concerns/:id/close', route(IdParams, CloseForm), async (request, reply) => {
    const {
      params: { id },
      body,
    } = request;
    return change(request, reply, id, async () => {
      await services.concerns.close(actorOf(request), id, body.outcome);
      return 'Concern closed with its outcome';
    });
  });

  // No body schema: the evidence form is multipart (it may carry a file), so @fastify/multipart attaches its parts; form-body.ts reads them.
  app.post(
    '/concerns/:id/evidence',
    { config: { permission: 'concern:read' }, preHandler: app.csrfProtection, schema: { hide: true, params: IdParams } },
    async (request, reply) => {
      const {
        params: { id },
        body,
      } = request;
      return change(request, reply, id, async () => {
        await services.concerns.addEvidence(actorOf(request), id, {
          links: linesOf(formValue(body, 'links')),
          file: evidenceFrom(await formFile(body, 'evidence')),
        });
        return 'Evidence added';
      });
    },
  );
};
