import { Type } from 'typebox';
import type { ModuleRoutes } from '../../platform/modules.ts';
import type { TrainingServices } from './services.ts';
import { apiErrors, IdParams } from '../../platform/http/schemas.ts';
import { actorOf } from '../../platform/http/request-context.ts';

const errors = { 401: apiErrors[401], 403: apiErrors[403], 404: apiErrors[404] };
const Course = Type.Object({
  id: Type.String(),
  key: Type.String(),
  title: Type.String(),
  description: Type.String(),
  dueWithinDays: Type.Integer({ description: 'Due this many days after joining, the first time' }),
  renewalMonths: Type.Union([Type.Integer(), Type.Null()], { description: 'Due again this many months after the last completion; null: once is enough' }),
  active: Type.Boolean(),
});
const CompletionBody = Type.Object(
  {
    course: Type.String({ maxLength: 80, description: 'The course’s key (induction, at-risk-pupils, annual-update…) or id' }),
    completedOn: Type.String({ maxLength: 10, description: 'YYYY-MM-DD' }),
    provider: Type.Optional(Type.String({ maxLength: 300 })),
  },
  { additionalProperties: false },
);
const Completion = Type.Object({
  id: Type.String(),
  staffId: Type.String(),
  course: Type.String(),
  completedOn: Type.String(),
  provider: Type.Union([Type.String(), Type.Null()]),
});
const Due = Type.Object({
  staffId: Type.String(),
  name: Type.String(),
  course: Type.String(),
  dueOn: Type.String(),
  status: Type.Union([Type.Literal('due'), Type.Literal('overdue')]),
});

/** The training API (AGR-3): the response schemas are the contract. */
export const trainingApiRoutes: ModuleRoutes<TrainingServices> = async (app, { services }) => {
  app.get(
    '/api/v1/training/courses',
    {
      config: { permission: 'training:courses' },
      schema: { summary: 'The school’s training courses', tags: ['training'], response: { 200: Type.Array(Course), ...errors } },
    },
    async (request) =>
      (await services.training.courses(actorOf(request))).map((c) => ({
        id: c.id,
        key: c.key,
        title: c.title,
        description: c.description,
        dueWithinDays: c.due_within_days,
        renewalMonths: c.renewal_months,
        active: c.active,
      })),
  );

  app.post(
    '/api/v1/staff/:id/training',
    {
      config: { permission: 'training:courses' },
      schema: {
        summary: 'Record that a member of staff completed a course (their own, or anyone’s for those who keep the records)',
        tags: ['training'],
        params: IdParams,
        body: CompletionBody,
        response: { 201: Completion, 400: apiErrors[400], 422: apiErrors[422], ...errors },
      },
    },
    async (request, reply) => {
      const { body } = request;
      const saved = await services.training.recordCompletion(actorOf(request), request.params.id, {
        course: body.course,
        completedOn: body.completedOn,
        provider: body.provider ?? null,
      });
      return reply.code(201).send(saved);
    },
  );

  app.get(
    '/api/v1/training/due',
    {
      config: { permission: 'training:read' },
      schema: { summary: 'Training due and overdue, earliest first', tags: ['training'], response: { 200: Type.Array(Due), ...errors } },
    },
    async (request) =>
      (await services.training.due(actorOf(request))).map((d) => ({ staffId: d.staffId, name: d.name, course: d.course, dueOn: d.dueOn, status: d.status })),
  );
};
