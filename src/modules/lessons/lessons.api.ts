import { Type } from 'typebox';
import type { ModuleRoutes } from '../../platform/modules.ts';
import type { LessonServices } from './services.ts';
import { apiErrors } from '../../platform/http/schemas.ts';
import { actorOf } from '../../platform/http/request-context.ts';
import type { LessonRow } from './lessons.repository.ts';

const errors = { 401: apiErrors[401], 403: apiErrors[403], 404: apiErrors[404] };
const Subject = Type.Union([Type.Literal('computing'), Type.Literal('pshe'), Type.Literal('assembly')]);
const Lesson = Type.Object({
  id: Type.String(),
  classId: Type.String(),
  classTitle: Type.String(),
  yearGroup: Type.Union([Type.Integer(), Type.Null()]),
  subject: Subject,
  topic: Type.String(),
  taughtOn: Type.String({ description: 'YYYY-MM-DD' }),
});
const LessonQuery = Type.Object({ classId: Type.Optional(Type.String({ maxLength: 64 })) });
const LessonBody = Type.Object(
  {
    classId: Type.String({ maxLength: 64 }),
    subject: Type.String({ maxLength: 20, description: 'computing, pshe or assembly' }),
    topic: Type.String({ maxLength: 500 }),
    taughtOn: Type.String({ maxLength: 10, description: 'YYYY-MM-DD' }),
  },
  { additionalProperties: false },
);
const Recorded = Type.Object({ id: Type.String(), classId: Type.String(), subject: Subject, topic: Type.String(), taughtOn: Type.String() });

const asJson = (l: LessonRow) => ({
  id: String(l.id),
  classId: l.class_id,
  classTitle: l.class_title,
  yearGroup: l.year_group,
  subject: l.subject,
  topic: l.topic,
  taughtOn: l.taught_on,
});

/** The e-safety lessons API (AGR-5). */
export const lessonApiRoutes: ModuleRoutes<LessonServices> = async (app, { services }) => {
  app.get(
    '/api/v1/lessons',
    {
      config: { permission: 'lesson:read' },
      schema: {
        summary: 'E-safety lessons taught, newest first: all, or one class’s',
        tags: ['lessons'],
        querystring: LessonQuery,
        response: { 200: Type.Array(Lesson), ...errors },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { classId } = request.query;
      return (classId ? (await services.lessons.ofClass(actor, classId)).lessons : await services.lessons.all(actor)).map(asJson);
    },
  );

  app.post(
    '/api/v1/lessons',
    {
      config: { permission: 'lesson:record' },
      schema: {
        summary: 'Record an e-safety lesson taught to a class (class teachers: their own classes)',
        tags: ['lessons'],
        body: LessonBody,
        response: { 201: Recorded, 400: apiErrors[400], 422: apiErrors[422], ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await services.lessons.record(actorOf(request), request.body)),
  );
};
