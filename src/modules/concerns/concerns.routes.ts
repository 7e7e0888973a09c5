import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import type { ConcernsServices } from './services.ts';
import { may } from '../../platform/auth/access.ts';
import { ValidationError } from '../../platform/http/errors.ts';
import { formErrors, render, setFlash } from '../../platform/http/render.ts';
import { actorOf } from '../../platform/http/request-context.ts';
import { fileOf, reportFromForm, value, values } from './concerns.form.ts';
import { maxEvidenceBytes, toLondonLocal } from './concerns.input.ts';
import { concernPage } from './concerns.page.ts';
import { concernTimelineRoutes } from './concerns.timeline.routes.ts';

const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
const EvidenceParams = Type.Object({ id: Type.String({ maxLength: 64 }), evidenceId: Type.String({ maxLength: 64 }) });

/** The concern pages (INC): report, lists, one record, its evidence. Changes to a record are in concerns.timeline.routes.ts. */
export async function concernRoutes(app: FastifyInstance, { services }: { services: ConcernsServices }) {
  // Screenshots and PDFs up to 10 MB; a larger file is cut short and refused with a message, not a crash.
  await app.register(fastifyMultipart, { attachFieldsToBody: true, throwFileSizeLimit: false, limits: { fileSize: maxEvidenceBytes + 1, files: 1, fields: 200 } });

  const reportPage = async (request: FastifyRequest, reply: FastifyReply, values: Record<string, unknown>, problems: { field: string; message: string }[] = []) => {
    const form = await services.concerns.reportForm(actorOf(request));
    const chosen = (name: string) => new Set([values[name]].flat() as string[]);
    const [pupils, staff, carers] = [chosen('pupilIds'), chosen('staffIds'), chosen('carerIds')];
    const groups = new Map<string, { label: string; pupils: { id: string; name: string; selected: boolean }[] }>();
    for (const p of form.pupils) {
      const label = p.on_roll ? p.class_title ?? 'No class' : 'Left the school';
      const group = groups.get(label) ?? { label, pupils: [] };
      group.pupils.push({ id: p.id, name: p.name, selected: pupils.has(p.id) });
      groups.set(label, group);
    }
    return render(request, reply, 'concerns/views/report.njk', {
      title: 'Report a concern', backLink: '/concerns', values,
      typeItems: form.types.map((t) => ({ value: t.type, text: t.label, hint: { text: t.explanation }, checked: values.type === t.type })),
      pupilGroups: [...groups.values()],
      staffOptions: form.staff.map((s) => ({ id: s.id, name: s.name, selected: staff.has(s.id) })),
      carerOptions: form.carers.map((k) => ({ id: k.id, name: k.name, selected: carers.has(k.id) })),
      ...formErrors(problems),
    }, problems.length ? 400 : 200);
  };

  app.get('/concerns', { config: { permission: 'concern:read' }, schema: { hide: true } }, async (request, reply) => {
    const actor = actorOf(request);
    return render(request, reply, 'concerns/views/list.njk', { title: 'Concerns', ...(await services.concerns.lists(actor)), canSeeOverview: may(actor, 'concern:overview') });
  });

  app.get('/concerns/new', { config: { permission: 'concern:report' }, schema: { hide: true } }, async (request, reply) =>
    reportPage(request, reply, { occurredAt: toLondonLocal(new Date()), location: 'in-school' }));

  app.post('/concerns', { config: { permission: 'concern:report' }, preHandler: app.csrfProtection, schema: { hide: true } }, async (request, reply) => {
    const body = request.body as Record<string, unknown> | undefined;
    const input = reportFromForm(body);
    const file = await fileOf(body, 'evidence');
    try {
      const reported = await services.concerns.report(actorOf(request), input, file ? [file] : []);
      const who = reported.routedTo.length === 1 ? '1 person' : `${reported.routedTo.length} people`;
      // INC-3: anyone the policy names who may not see the record is said, not silently left out.
      const notTold = reported.notTold.map((r) => ` ${r.reason}.`).join('');
      setFlash(reply, input.involvesNudeImages
        ? `Your concern is recorded${reported.fileRefused ? ' and the file was not kept' : ''}. Go to the designated safeguarding lead now.${notTold}`
        : `Your concern is recorded and has been sent to ${who}.${notTold}`);
      return reply.redirect(`/concerns/${reported.id}`, 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const form = Object.fromEntries(['type', 'summary', 'details', 'occurredAt', 'location', 'outOfHours', 'platform', 'others', 'links', 'involvesNudeImages']
        .map((name) => [name, value(body, name)]));
      return reportPage(request, reply, { ...form, pupilIds: values(body, 'pupilIds'), staffIds: values(body, 'staffIds'), carerIds: values(body, 'carerIds') }, error.problems);
    }
  });

  app.get('/concerns/:id', { config: { permission: 'concern:read' }, schema: { hide: true, params: IdParams } }, async (request, reply) => {
    const { id } = request.params as Static<typeof IdParams>;
    return render(request, reply, 'concerns/views/concern.njk', await concernPage(services, actorOf(request), id));
  });

  app.get('/concerns/:id/evidence/:evidenceId', { config: { permission: 'concern:read' }, schema: { hide: true, params: EvidenceParams } }, async (request, reply) => {
    const { id, evidenceId } = request.params as Static<typeof EvidenceParams>;
    const file = await services.concerns.evidenceFile(actorOf(request), id, evidenceId);
    const asciiName = file.fileName.replace(/[^\w.-]+/g, '_');
    return reply.header('content-type', file.contentType).header('cache-control', 'no-store').header('x-content-type-options', 'nosniff')
      .header('content-disposition', `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`).send(file.content);
  });

  // In this plugin, so that the evidence form's multipart body is parsed too.
  await concernTimelineRoutes(app, { services });
}
