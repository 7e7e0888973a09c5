import { Type } from 'typebox';
import type { ModuleRoutes } from '../../platform/modules.ts';
import type { PeopleServices } from './services.ts';
import { actorOf } from '../../platform/http/request-context.ts';
import { apiErrors } from '../../platform/http/schemas.ts';
import { may } from '../../platform/auth/access.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const ClassSummary = Type.Object({ id: Type.String(), name: Type.String(), yearGroup: Nullable(Type.Integer()), pupilCount: Type.Integer() });
export const PupilSummary = Type.Object({
  id: Type.String(),
  sourcedId: Nullable(Type.String()),
  givenName: Type.String(),
  familyName: Type.String(),
  preferredName: Nullable(Type.String()),
  dateOfBirth: Nullable(Type.String({ format: 'date' })),
  classId: Nullable(Type.String()),
  onRoll: Type.Boolean(),
  /** Issue 19: never photographed or published (a court order, a safeguarding reason), whatever carers answered. */
  doNotPhotograph: Type.Boolean(),
  /** Issue 19: why; given only to the DSL and the headteacher (absent for everyone else). */
  doNotPhotographReason: Type.Optional(Nullable(Type.String())),
  /** In the MIS's contact order. A carer without parental responsibility, or with a court order, is never sent consent requests. */
  carers: Type.Array(
    Type.Object({
      id: Type.String(),
      relationship: Type.String(),
      parentalResponsibility: Type.Boolean(),
      priority: Nullable(Type.Integer()),
      courtOrder: Type.Boolean(),
    }),
  ),
});
export const CarerSummary = Type.Object({
  id: Type.String(),
  sourcedId: Nullable(Type.String()),
  givenName: Type.String(),
  familyName: Type.String(),
  email: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  pupilIds: Type.Array(Type.String()),
});
export const StaffSummary = Type.Object({
  id: Type.String(),
  sourcedId: Nullable(Type.String()),
  givenName: Type.String(),
  familyName: Type.String(),
  email: Nullable(Type.String()),
  roles: Type.Array(Type.String()),
});
const PupilQuery = Type.Object({ status: Type.Union([Type.Literal('on-roll'), Type.Literal('left'), Type.Literal('all')], { default: 'on-roll' }) });

/** The people API (PPL): scoped to the token's school by row-level security; response schemas are the contract. */
export const peopleApiRoutes: ModuleRoutes<PeopleServices> = async (app, { services }) => {
  app.get(
    '/api/v1/classes',
    {
      config: { permission: 'people:read' },
      schema: { summary: 'Classes with the number of pupils on roll', tags: ['people'], response: { ...apiErrors, 200: Type.Array(ClassSummary) } },
    },
    async (request) =>
      (await services.people.classes(actorOf(request))).map((c) => ({
        id: c.id,
        name: c.title,
        yearGroup: c.year_group,
        pupilCount: c.pupil_count,
      })),
  );

  app.get(
    '/api/v1/pupils',
    {
      config: { permission: 'pupil:read' },
      schema: { summary: 'Pupils, with their carers', tags: ['people'], querystring: PupilQuery, response: { ...apiErrors, 200: Type.Array(PupilSummary) } },
    },
    async (request) => {
      const actor = actorOf(request);
      const mayReadReasons = may(actor, 'pupil:do-not-photograph-reason');
      return (await services.people.pupils(actor, request.query.status)).map((p) => ({
        id: p.id,
        sourcedId: p.sourced_id,
        givenName: p.given_name,
        familyName: p.family_name,
        preferredName: p.preferred_name,
        dateOfBirth: p.date_of_birth,
        classId: p.class_id,
        onRoll: p.on_roll,
        doNotPhotograph: p.do_not_photograph,
        ...(mayReadReasons ? { doNotPhotographReason: p.do_not_photograph_reason } : {}),
        carers: p.carers,
      }));
    },
  );

  app.get(
    '/api/v1/carers',
    {
      config: { permission: 'carer:read' },
      schema: { summary: 'Carers, with the pupils they care for', tags: ['people'], response: { ...apiErrors, 200: Type.Array(CarerSummary) } },
    },
    async (request) =>
      (await services.people.carers(actorOf(request))).map((k) => ({
        id: k.id,
        sourcedId: k.sourced_id,
        givenName: k.given_name,
        familyName: k.family_name,
        email: k.email,
        phone: k.phone,
        pupilIds: k.pupil_ids,
      })),
  );

  app.get(
    '/api/v1/staff',
    {
      config: { permission: 'staff:read' },
      schema: { summary: 'Staff, governors and volunteers with their roles', tags: ['people'], response: { ...apiErrors, 200: Type.Array(StaffSummary) } },
    },
    async (request) =>
      (await services.people.staff(actorOf(request))).map((s) => ({
        id: s.id,
        sourcedId: s.sourced_id,
        givenName: s.given_name,
        familyName: s.family_name,
        email: s.email,
        roles: s.roles,
      })),
  );
};
