import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { ModuleRoutes } from '../../platform/modules.ts';
import type { TrainingServices } from './services.ts';
import { may } from '../../platform/auth/access.ts';
import { Unprocessable, ValidationError } from '../../platform/http/errors.ts';
import { acceptUploads, formFile, formValue } from '../../platform/http/form-body.ts';
import { submitForm } from '../../platform/http/forms.ts';
import { render, setFlash } from '../../platform/http/render.ts';
import { IdParams } from '../../platform/http/schemas.ts';
import { actorOf } from '../../platform/http/request-context.ts';
import { dateFromFields } from '../agreements/agreements.rules.ts';
import { certificateMaxBytes } from './training.service.ts';

const CourseBody = Type.Object({
  _csrf: Type.Optional(Type.String()),
  title: Type.String({ default: '', maxLength: 500 }),
  description: Type.String({ default: '', maxLength: 2000 }),
  dueWithinDays: Type.String({ default: '', maxLength: 10 }),
  renewalMonths: Type.String({ default: '', maxLength: 10 }),
  active: Type.String({ default: '', maxLength: 10 }),
});

const renewalText = (months: number | null) =>
  months === null ? 'Once' : months % 12 === 0 ? `Every ${months / 12 === 1 ? 'year' : `${months / 12} years`}` : `Every ${months} months`;

export const trainingRoutes: ModuleRoutes<TrainingServices> = async (app, { services }) => {
  // The completion form may carry a certificate: parsed before the CSRF check, which reads its _csrf field.
  await acceptUploads(app, { maxFileBytes: certificateMaxBytes + 1, tooLarge: 'mark', fields: 20 });

  app.get('/training', { config: { permission: 'training:read' }, schema: { hide: true } }, async (request, reply) => {
    const actor = actorOf(request);
    const [due, courses] = await Promise.all([services.training.due(actor), services.training.courses(actor)]);
    return render(request, reply, 'training/views/overview.njk', {
      title: 'Training',
      overdue: due.filter((d) => d.status === 'overdue'),
      dueSoon: due.filter((d) => d.status === 'due'),
      courses: courses.map((c) => ({ ...c, renewal: renewalText(c.renewal_months) })),
      canManage: may(actor, 'training:manage'),
    });
  });

  const coursePage = (request: FastifyRequest, reply: FastifyReply, data: Record<string, unknown>, status = 200) =>
    render(request, reply, 'training/views/course.njk', { backLink: '/training', ...data }, status);

  app.get('/training/courses/new', { config: { permission: 'training:manage' }, schema: { hide: true } }, async (request, reply) =>
    coursePage(request, reply, { title: 'Add a course', action: '/training/courses', values: { dueWithinDays: '90', renewalMonths: '' }, isNew: true }),
  );

  app.post(
    '/training/courses',
    { config: { permission: 'training:manage' }, preHandler: app.csrfProtection, schema: { hide: true, body: CourseBody } },
    async (request, reply) =>
      submitForm(
        async () => {
          const { title, description, dueWithinDays, renewalMonths } = request.body;
          await services.training.addCourse(actorOf(request), { title, description, dueWithinDays, renewalMonths });
          setFlash(reply, 'Course added');
          return reply.redirect('/training', 303);
        },
        async (errors, _p, status) =>
          coursePage(request, reply, { title: 'Add a course', action: '/training/courses', values: request.body, isNew: true, ...errors }, status),
      ),
  );

  app.get('/training/courses/:id', { config: { permission: 'training:manage' }, schema: { hide: true, params: IdParams } }, async (request, reply) => {
    const course = await services.training.course(actorOf(request), request.params.id);
    return coursePage(request, reply, {
      title: `Change the course: ${course.title}`,
      action: `/training/courses/${course.id}`,
      values: {
        title: course.title,
        description: course.description,
        dueWithinDays: String(course.due_within_days),
        renewalMonths: course.renewal_months === null ? '' : String(course.renewal_months),
        active: course.active ? 'yes' : 'no',
      },
    });
  });

  app.post(
    '/training/courses/:id',
    { config: { permission: 'training:manage' }, preHandler: app.csrfProtection, schema: { hide: true, params: IdParams, body: CourseBody } },
    async (request, reply) => {
      const { id } = request.params;
      return submitForm(
        async () => {
          const { title, description, dueWithinDays, renewalMonths, active } = request.body;
          await services.training.changeCourse(actorOf(request), id, { title, description, dueWithinDays, renewalMonths, active: active !== 'no' });
          setFlash(reply, 'Course changed');
          return reply.redirect('/training', 303);
        },
        async (errors, _p, status) =>
          coursePage(request, reply, { title: 'Change the course', action: `/training/courses/${id}`, values: request.body, ...errors }, status),
      );
    },
  );

  const staffPage = async (request: FastifyRequest, reply: FastifyReply, staffId: string, extra: Record<string, unknown> = {}, status = 200) => {
    const actor = actorOf(request);
    const view = await services.training.staffRecord(actor, staffId);
    return render(
      request,
      reply,
      'training/views/staff.njk',
      {
        title: staffId === actor.staffId ? 'Your training' : `Training: ${view.staff.name}`,
        view,
        courseItems: [{ value: '', text: 'Choose a course' }, ...view.courses.map((c) => ({ value: c.key, text: c.title }))],
        values: {},
        backLink: may(actor, 'training:read') ? '/training' : '/',
        ...extra,
      },
      status,
    );
  };

  app.get('/training/staff/:id', { config: { permission: 'training:courses' }, schema: { hide: true, params: IdParams } }, async (request, reply) =>
    staffPage(request, reply, request.params.id),
  );

  // No body schema: @fastify/multipart attaches the parts (the certificate, the fields, _csrf) to the body; form-body.ts reads them.
  app.post(
    '/training/staff/:id',
    { config: { permission: 'training:courses' }, preHandler: app.csrfProtection, schema: { hide: true, params: IdParams } },
    async (request, reply) => {
      const { id } = request.params;
      const body = request.body;
      const values = {
        course: formValue(body, 'course'),
        provider: formValue(body, 'provider'),
        'completedOn-day': formValue(body, 'completedOn-day'),
        'completedOn-month': formValue(body, 'completedOn-month'),
        'completedOn-year': formValue(body, 'completedOn-year'),
      };
      const file = await formFile(body, 'certificate');
      return submitForm(
        async () => {
          if (!values.course) throw new ValidationError([{ field: 'course', message: 'Choose the course' }]);
          const found = dateFromFields(values['completedOn-day'], values['completedOn-month'], values['completedOn-year']);
          if ('problem' in found)
            throw new ValidationError([{ field: 'completedOn', message: found.problem.replace('the date', 'the date the course was completed') }]);
          if (file?.truncated) throw new ValidationError([{ field: 'certificate', message: 'The certificate must be smaller than 5 MB' }]);
          try {
            await services.training.recordCompletion(actorOf(request), id, {
              course: values.course,
              completedOn: found.date,
              provider: values.provider,
              certificate: file ? { name: file.fileName.slice(0, 200), type: file.contentType, bytes: file.bytes } : null,
            });
          } catch (error) {
            if (error instanceof Unprocessable) throw new ValidationError([{ field: error.field ?? 'course', message: error.message }]);
            throw error;
          }
          setFlash(reply, 'Training recorded');
          return reply.redirect(`/training/staff/${id}`, 303);
        },
        async (errors, _p, status) => staffPage(request, reply, id, { values, ...errors }, status),
      );
    },
  );

  app.get('/training/certificates/:id', { config: { permission: 'training:courses' }, schema: { hide: true, params: IdParams } }, async (request, reply) => {
    const file = await services.training.certificate(actorOf(request), request.params.id);
    const safeName = file.name.replace(/[^A-Za-z0-9._ -]/g, '_');
    return reply
      .header('content-type', file.type)
      .header('content-disposition', `attachment; filename="${safeName}"`)
      .header('cache-control', 'no-store')
      .header('x-content-type-options', 'nosniff')
      .send(file.bytes);
  });
};
