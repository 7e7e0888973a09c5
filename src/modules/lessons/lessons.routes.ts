import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { ModuleRoutes } from '../../platform/modules.ts';
import type { LessonServices } from './services.ts';
import { Unprocessable, ValidationError } from '../../platform/http/errors.ts';
import { submitForm } from '../../platform/http/forms.ts';
import { render, setFlash } from '../../platform/http/render.ts';
import { actorOf } from '../../platform/http/request-context.ts';
import { may } from '../../platform/auth/access.ts';
import { todayIso } from '../agreements/agreements.rules.ts';
import { partsFromDay, typedDay } from '../../platform/text/dates.ts';
import { yearGroupLabel } from '../school/school-calendar.ts';
import { subjectLabels, subjects } from './lessons.rules.ts';

const LessonForm = Type.Object({
  _csrf: Type.Optional(Type.String()),
  classId: Type.String({ default: '', maxLength: 64 }),
  subject: Type.String({ default: '', maxLength: 20 }),
  topic: Type.String({ default: '', maxLength: 500 }),
  'taughtOn-day': Type.String({ default: '', maxLength: 10 }),
  'taughtOn-month': Type.String({ default: '', maxLength: 10 }),
  'taughtOn-year': Type.String({ default: '', maxLength: 10 }),
});
const PlanForm = Type.Object({ _csrf: Type.Optional(Type.String()), topics: Type.String({ default: '', maxLength: 20_000 }) });
const ClassQuery = Type.Object({ class: Type.Optional(Type.String({ maxLength: 64 })) });

/** The pages of pupils' e-safety education (AGR-5): coverage per year group, and recording a lesson. */
export const lessonRoutes: ModuleRoutes<LessonServices> = async (app, { services }) => {
  app.get('/lessons', { config: { permission: 'lesson:read' }, schema: { hide: true } }, async (request, reply) => {
    const view = await services.lessons.overview(actorOf(request));
    return render(request, reply, 'lessons/views/overview.njk', {
      title: 'E-safety lessons',
      ...view,
      coverage: view.coverage.map((y) => ({ ...y, label: yearGroupLabel(y.yearGroup) })),
      subjectLabels,
      canPlan: may(actorOf(request), 'lesson:plan'),
    });
  });

  const planTitle = 'Topics each year group is taught';
  app.get('/lessons/settings', { config: { permission: 'lesson:plan' }, schema: { hide: true } }, async (request, reply) =>
    render(request, reply, 'lessons/views/settings.njk', {
      title: planTitle,
      backLink: '/settings',
      topics: (await services.lessons.plannedTopics(actorOf(request))).join('\n'),
    }),
  );

  app.post(
    '/lessons/settings',
    { config: { permission: 'lesson:plan' }, preHandler: app.csrfProtection, schema: { hide: true, body: PlanForm } },
    async (request, reply) =>
      submitForm(
        async () => {
          const topics = await services.lessons.changePlan(actorOf(request), request.body.topics);
          setFlash(reply, `Saved: each year group is taught ${topics.length} ${topics.length === 1 ? 'topic' : 'topics'} this school year`);
          return reply.redirect('/lessons', 303);
        },
        async (errors) =>
          render(request, reply, 'lessons/views/settings.njk', { title: planTitle, backLink: '/settings', topics: request.body.topics, ...errors }, 400),
      ),
  );

  const newPage = async (request: FastifyRequest, reply: FastifyReply, values: Record<string, string>, extra: Record<string, unknown> = {}, status = 200) => {
    const classes = await services.lessons.recordableClasses(actorOf(request));
    return render(
      request,
      reply,
      'lessons/views/new.njk',
      {
        title: 'Record an e-safety lesson',
        backLink: '/lessons',
        values,
        classItems: [{ value: '', text: 'Choose a class' }, ...classes.map((c) => ({ value: c.id, text: c.title, selected: c.id === values.classId }))],
        subjectItems: subjects.map((s) => ({ value: s, text: subjectLabels[s], checked: s === values.subject })),
        planned: await services.lessons.plannedTopics(actorOf(request)),
        ...extra,
      },
      status,
    );
  };

  app.get('/lessons/new', { config: { permission: 'lesson:record' }, schema: { hide: true, querystring: ClassQuery } }, async (request, reply) => {
    const today = partsFromDay(todayIso());
    return newPage(request, reply, {
      classId: request.query.class ?? '',
      'taughtOn-day': today.day,
      'taughtOn-month': today.month,
      'taughtOn-year': today.year,
    });
  });

  app.post(
    '/lessons',
    { config: { permission: 'lesson:record' }, preHandler: app.csrfProtection, schema: { hide: true, body: LessonForm } },
    async (request, reply) => {
      const { body } = request;
      return submitForm(
        async () => {
          const taughtOn = typedDay(body, 'taughtOn');
          if (!taughtOn) throw new ValidationError([{ field: 'taughtOn', message: 'Enter the date the lesson was taught' }]);
          const saved = await services.lessons
            .record(actorOf(request), { classId: body.classId, subject: body.subject, topic: body.topic, taughtOn })
            .catch((error) => {
              if (error instanceof Unprocessable) throw new ValidationError([{ field: error.field ?? 'topic', message: error.message }]);
              throw error;
            });
          setFlash(reply, `Lesson recorded: ${saved.topic}`);
          return reply.redirect('/lessons', 303);
        },
        async (errors, _problems, status) => newPage(request, reply, body, errors, status),
      );
    },
  );
};
