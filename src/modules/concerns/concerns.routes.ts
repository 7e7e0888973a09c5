import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { ModuleRoutes } from '../../platform/modules.ts';
import type { ConcernsServices } from './services.ts';
import { may } from '../../platform/auth/access.ts';
import { acceptUploads, formFile, formValue } from '../../platform/http/form-body.ts';
import { pickerFinding, pickerFrom } from '../../platform/http/picker.ts';
import { submitForm, type FormErrors } from '../../platform/http/forms.ts';
import { formErrors, render, setFlash } from '../../platform/http/render.ts';
import { IdParams } from '../../platform/http/schemas.ts';
import { actorOf } from '../../platform/http/request-context.ts';
import { evidenceFrom, occurredAtFields, reportFromForm } from './concerns.form.ts';
import { maxEvidenceBytes } from './concerns.input.ts';
import { concernPage } from './concerns.page.ts';
import { concernTimelineRoutes } from './concerns.timeline.routes.ts';

const EvidenceParams = Type.Object({ id: Type.String({ format: 'uuid' }), evidenceId: Type.String({ format: 'uuid' }) });
const reportFields = [
  'type',
  'summary',
  'details',
  'occurredAt-day',
  'occurredAt-month',
  'occurredAt-year',
  'occurredAt-time',
  'location',
  'outOfHours',
  'platform',
  'others',
  'links',
  'involvesNudeImages',
];

/** The concern pages (INC): report, lists, one record, its evidence. Changes to a record are in concerns.timeline.routes.ts. */
export const concernRoutes: ModuleRoutes<ConcernsServices> = async (app, { services }) => {
  // Screenshots and PDFs up to 10 MB; a larger file is cut short and refused with a message, not a crash.
  await acceptUploads(app, { maxFileBytes: maxEvidenceBytes + 1, tooLarge: 'mark' });

  // The people pickers are built from what was sent (ticked ids, a name typed, a class shown): see platform/http/picker.ts.
  const reportPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, unknown>,
    errors: FormErrors = formErrors([]),
    body: unknown = {},
  ) => {
    const form = await services.concerns.reportForm(actorOf(request));
    const pupils = form.pupils.map((p) => ({ id: p.id, name: p.name, group: p.on_roll ? (p.class_title ?? 'No class') : 'Left the school' }));
    return render(
      request,
      reply,
      'concerns/views/report.njk',
      {
        title: 'Report a concern',
        backLink: '/concerns',
        values,
        typeItems: form.types.map((t) => ({ value: t.type, text: t.label, hint: { text: t.explanation }, checked: values.type === t.type })),
        pupilPicker: pickerFrom('pupilIds', pupils, body),
        staffPicker: pickerFrom(
          'staffIds',
          form.staff.map((s) => ({ ...s, group: null })),
          body,
        ),
        carerPicker: pickerFrom(
          'carerIds',
          form.carers.map((k) => ({ id: k.id, name: k.name, group: null })),
          body,
        ),
        fileDropped: pickerFinding(body) && (await formFile(body, 'evidence')) !== null,
        ...errors,
      },
      errors.errors.length ? 400 : 200,
    );
  };

  app.get('/concerns', { config: { permission: 'concern:read' }, schema: { hide: true } }, async (request, reply) => {
    const actor = actorOf(request);
    return render(request, reply, 'concerns/views/list.njk', {
      title: 'Concerns',
      ...(await services.concerns.lists(actor)),
      canSeeOverview: may(actor, 'concern:overview'),
    });
  });

  app.get('/concerns/new', { config: { permission: 'concern:report' }, schema: { hide: true } }, async (request, reply) =>
    reportPage(request, reply, { ...occurredAtFields(new Date()), location: 'in-school' }),
  );

  // No body schema: the report form is multipart (it may carry a file), so @fastify/multipart attaches its parts; form-body.ts reads them.
  app.post('/concerns', { config: { permission: 'concern:report' }, preHandler: app.csrfProtection, schema: { hide: true } }, async (request, reply) => {
    const { body } = request;
    const form = () => Object.fromEntries(reportFields.map((name) => [name, formValue(body, name)]));
    // "Search" in a people picker: the same form again with the matches; nothing is recorded.
    if (pickerFinding(body)) return reportPage(request, reply, form(), undefined, body);
    const input = reportFromForm(body);
    const file = evidenceFrom(await formFile(body, 'evidence'));
    return submitForm(
      async () => {
        const reported = await services.concerns.report(actorOf(request), input, file ? [file] : []);
        const who = reported.routedTo.length === 1 ? '1 person' : `${reported.routedTo.length} people`;
        // INC-3: anyone the policy names who may not see the record is said, not silently left out.
        const notTold = reported.notTold.map((r) => ` ${r.reason}.`).join('');
        setFlash(
          reply,
          input.involvesNudeImages
            ? `Your concern is recorded${reported.fileRefused ? ' and the file was not kept' : ''}. Go to the designated safeguarding lead now.${notTold}`
            : `Your concern is recorded and has been sent to ${who}.${notTold}`,
        );
        return reply.redirect(`/concerns/${reported.id}`, 303);
      },
      async (errors) => {
        return reportPage(request, reply, form(), errors, body);
      },
    );
  });

  app.get('/concerns/:id', { config: { permission: 'concern:read' }, schema: { hide: true, params: IdParams } }, async (request, reply) =>
    render(request, reply, 'concerns/views/concern.njk', await concernPage(services, actorOf(request), request.params.id)),
  );

  app.get(
    '/concerns/:id/evidence/:evidenceId',
    { config: { permission: 'concern:read' }, schema: { hide: true, params: EvidenceParams } },
    async (request, reply) => {
      const { id, evidenceId } = request.params;
      const file = await services.concerns.evidenceFile(actorOf(request), id, evidenceId);
      const asciiName = file.fileName.replace(/[^\w.-]+/g, '_');
      return reply
        .header('content-type', file.contentType)
        .header('cache-control', 'no-store')
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .send(file.content);
    },
  );

  // In this plugin, so that the evidence form's multipart body is parsed too.
  await concernTimelineRoutes(app, { services });
};
