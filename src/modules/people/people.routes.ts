import { Type } from 'typebox';
import type { ModuleRoutes } from '../../platform/modules.ts';
import type { PeopleServices } from './services.ts';
import { may } from '../../platform/auth/access.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { roleLabels, roles } from '../../platform/auth/permissions.ts';
import { submitForm } from '../../platform/http/forms.ts';
import { render, setFlash } from '../../platform/http/render.ts';
import { actorOf } from '../../platform/http/request-context.ts';
import { IdParams } from '../../platform/http/schemas.ts';
import { yearGroupLabel } from '../school/school-calendar.ts';
import { splitName } from '../school/school.service.ts';
import { personName, pupilDisplayName as displayName } from './names.ts';
import { partsFromDay, typedDay } from '../../platform/text/dates.ts';

/** A list of checkboxes: repeated fields, or one value when a single box is ticked. */
const checkboxes = () => Type.Union([Type.Array(Type.String()), Type.String()], { default: [] });
const RolesBody = Type.Object({ roles: checkboxes(), lineManager: Type.String({ default: '' }) });
const TeachersBody = Type.Object({ teachers: checkboxes() });
const InviteBody = Type.Object({ name: Type.String({ default: '' }), email: Type.String({ default: '' }), roles: checkboxes() });
/** The body of a form that is only a button: its CSRF token, nothing else. */
const ButtonBody = Type.Object({ _csrf: Type.Optional(Type.String()) });
/** A GOV.UK date input: the start date's day, month and year boxes. */
const StartDateBody = Type.Object({
  _csrf: Type.Optional(Type.String()),
  'startDate-day': Type.String({ default: '', maxLength: 10 }),
  'startDate-month': Type.String({ default: '', maxLength: 10 }),
  'startDate-year': Type.String({ default: '', maxLength: 10 }),
});
/** Issue 19: mark or clear a pupil who must never be photographed, with the reason. */
const DoNotPhotographBody = Type.Object({
  _csrf: Type.Optional(Type.String()),
  doNotPhotograph: Type.String({ default: '', maxLength: 10 }),
  reason: Type.String({ default: '', maxLength: 4000 }),
});
/** A held e-mail change of a member of staff: both ids are UUIDs (anything else is a 404). */
const ChangeParams = Type.Object({ id: Type.String({ format: 'uuid' }), changeId: Type.String({ format: 'uuid' }) });

const ticked = (value: string | string[]) => [value].flat().filter(Boolean);

export const peopleRoutes: ModuleRoutes<PeopleServices> = async (app, { services }) => {
  app.get('/classes', { config: { permission: 'people:read' }, schema: { hide: true } }, async (request, reply) => {
    const classes = await services.people.classes(actorOf(request));
    return render(request, reply, 'people/views/classes.njk', {
      title: 'Classes',
      classes: classes.map((c) => ({ ...c, yearGroupLabel: yearGroupLabel(c.year_group) })),
      canImport: may(actorOf(request), 'import:run'),
    });
  });

  app.get('/classes/:id', { config: { permission: 'people:read' }, schema: { hide: true, params: IdParams } }, async (request, reply) => {
    const { id } = request.params;
    const { class: found, pupils, teachers, staff, bans, lessons, events } = await services.people.classWithPupils(actorOf(request), id);
    // Field by field: spreading a row parsed from the statement's JSON cost twenty times as much (issue 17, point 10).
    const shown = pupils.map((p) => ({
      id: p.id,
      given_name: p.given_name,
      family_name: p.family_name,
      preferred_name: p.preferred_name,
      date_of_birth: p.date_of_birth,
      do_not_photograph: p.do_not_photograph,
      displayName: displayName(p),
      legalName: personName(p),
    }));
    return render(request, reply, 'people/views/class.njk', {
      title: found.title,
      class: { ...found, yearGroupLabel: yearGroupLabel(found.year_group) },
      backLink: '/classes',
      pupils: shown,
      // The legal name is a column of its own only when some pupil is known by another name.
      showLegalName: shown.some((p) => p.displayName !== p.legalName),
      teachers,
      bans,
      lessons,
      events,
      canRecordLesson: may(actorOf(request), 'lesson:record'),
      teacherItems: staff.map((s) => ({ value: s.id, text: personName(s), checked: teachers.some((t) => t.id === s.id) })),
    });
  });

  app.post(
    '/classes/:id/teachers',
    { config: { permission: 'staff:manage' }, preHandler: app.csrfProtection, schema: { hide: true, params: IdParams, body: TeachersBody } },
    async (request, reply) => {
      const {
        params: { id },
        body,
      } = request;
      await services.people.setClassTeachers(actorOf(request), id, ticked(body.teachers));
      setFlash(reply, 'Class teachers saved');
      return reply.redirect(`/classes/${id}`, 303);
    },
  );

  app.get('/pupils/:id', { config: { permission: 'pupil:read' }, schema: { hide: true, params: IdParams } }, async (request, reply) => {
    const { id } = request.params;
    const actor = actorOf(request);
    const { pupil, carers, siblings, bans } = await services.people.pupil(actor, id);
    return render(request, reply, 'people/views/pupil.njk', {
      title: displayName(pupil),
      pupil,
      carers,
      bans,
      showCarerContacts: may(actor, 'carer:read'),
      showConsent: may(actor, 'consent:history'),
      showSubjectAccess: may(actor, 'export:pupil'),
      canMarkDoNotPhotograph: may(actor, 'pupil:do-not-photograph'),
      siblings: siblings.map((s) => ({ ...s, displayName: displayName(s) })),
      backLink: pupil.class_id ? `/classes/${pupil.class_id}` : '/classes',
    });
  });

  const doNotPhotographPage = async (actor: Actor, id: string, values: Record<string, unknown> = {}) => {
    const { pupil } = await services.people.pupil(actor, id);
    return {
      title: `Never photograph ${displayName(pupil)}?`,
      pupil,
      values,
      showReason: may(actor, 'pupil:do-not-photograph-reason'),
      backLink: `/pupils/${pupil.id}`,
    };
  };

  app.get(
    '/pupils/:id/do-not-photograph',
    { config: { permission: 'pupil:do-not-photograph' }, schema: { hide: true, params: IdParams } },
    async (request, reply) => render(request, reply, 'people/views/do-not-photograph.njk', await doNotPhotographPage(actorOf(request), request.params.id)),
  );

  app.post(
    '/pupils/:id/do-not-photograph',
    { config: { permission: 'pupil:do-not-photograph' }, preHandler: app.csrfProtection, schema: { hide: true, params: IdParams, body: DoNotPhotographBody } },
    async (request, reply) => {
      const actor = actorOf(request);
      const { id } = request.params;
      const on = request.body.doNotPhotograph === 'yes';
      return submitForm(
        async () => {
          await services.people.setDoNotPhotograph(actor, id, { on, reason: request.body.reason });
          setFlash(reply, on ? 'Saved: this pupil is never photographed or published' : 'Saved: this pupil’s photographs follow their carers’ consent again');
          return reply.redirect(`/pupils/${id}`, 303);
        },
        async (errors, _problems, status) =>
          render(request, reply, 'people/views/do-not-photograph.njk', { ...(await doNotPhotographPage(actor, id, request.body)), ...errors }, status),
      );
    },
  );

  app.get('/staff', { config: { permission: 'staff:read' }, schema: { hide: true } }, async (request, reply) => {
    const actor = actorOf(request);
    const staff = await services.people.staff(actor);
    return render(request, reply, 'people/views/staff.njk', {
      title: 'Staff',
      canManage: may(actor, 'staff:manage'),
      staff: staff.map((s) => ({ ...s, roleNames: s.roles.map((r) => roleLabels[r as keyof typeof roleLabels] ?? r) })),
    });
  });

  const invitePage = (values: Record<string, unknown>, chosen: string[] = []) => ({
    title: 'Add a member of staff',
    backLink: '/staff',
    values,
    roleItems: roles.map((r) => ({ value: r, text: roleLabels[r], checked: chosen.includes(r) })),
  });

  app.get('/staff/new', { config: { permission: 'staff:manage' }, schema: { hide: true } }, async (request, reply) =>
    render(request, reply, 'people/views/staff-new.njk', invitePage({})),
  );

  app.post(
    '/staff',
    { config: { permission: 'staff:manage' }, preHandler: app.csrfProtection, schema: { hide: true, body: InviteBody } },
    async (request, reply) => {
      const { body } = request;
      const chosen = ticked(body.roles);
      const { givenName, familyName } = splitName(body.name);
      return submitForm(
        async () => {
          const staff = await services.staffInvitations.invite(actorOf(request), { givenName, familyName, email: body.email, roles: chosen });
          setFlash(reply, `${personName(staff)} has been e-mailed a link to choose a password`);
          return reply.redirect(`/staff/${staff.id}`, 303);
        },
        async (errors, _problems, status) => render(request, reply, 'people/views/staff-new.njk', { ...invitePage(body, chosen), ...errors }, status),
      );
    },
  );

  const staffPage = async (actor: Actor, id: string) => {
    const { member, colleagues, emailChangesHeld } = await services.people.staffMember(actor, id);
    return {
      title: personName(member),
      member,
      // The start date's boxes, filled in with what is recorded.
      values: Object.fromEntries(Object.entries(partsFromDay(member.start_date)).map(([part, value]) => [`startDate-${part}`, value])) as Record<
        string,
        string
      >,
      backLink: '/staff',
      canManage: may(actor, 'staff:manage'),
      emailChangesHeld,
      canConfirmEmail: may(actor, 'staff:confirm-email'),
      roleItems: roles.map((r) => ({ value: r, text: roleLabels[r], checked: member.roles.includes(r) })),
      managerItems: [
        { value: '', text: 'No line manager' },
        ...colleagues.map((c) => ({ value: c.id, text: personName(c), selected: c.id === member.line_manager_id })),
      ],
    };
  };

  app.get('/staff/:id', { config: { permission: 'staff:read' }, schema: { hide: true, params: IdParams } }, async (request, reply) =>
    render(request, reply, 'people/views/staff-member.njk', await staffPage(actorOf(request), request.params.id)),
  );

  app.post(
    '/staff/:id',
    { config: { permission: 'staff:manage' }, preHandler: app.csrfProtection, schema: { hide: true, params: IdParams, body: RolesBody } },
    async (request, reply) => {
      const {
        params: { id },
        body,
      } = request;
      const chosen = ticked(body.roles);
      return submitForm(
        async () => {
          await services.people.updateStaffRoles(actorOf(request), id, { roles: chosen, lineManagerId: body.lineManager || null });
          setFlash(reply, 'Roles and line manager saved');
          return reply.redirect(`/staff/${id}`, 303);
        },
        async (errors, _problems, status) => {
          const page = await staffPage(actorOf(request), id);
          page.roleItems = page.roleItems.map((item) => ({ ...item, checked: chosen.includes(item.value) }));
          return render(request, reply, 'people/views/staff-member.njk', { ...page, ...errors }, status);
        },
      );
    },
  );

  /** The day they started, for training due dates (AGR-3); the MIS import fills it in where it can. */
  app.post(
    '/staff/:id/start-date',
    { config: { permission: 'staff:manage' }, preHandler: app.csrfProtection, schema: { hide: true, params: IdParams, body: StartDateBody } },
    async (request, reply) => {
      const {
        params: { id },
        body,
      } = request;
      return submitForm(
        async () => {
          await services.people.setStartDate(actorOf(request), id, typedDay(body, 'startDate'));
          setFlash(reply, 'Start date saved');
          return reply.redirect(`/staff/${id}`, 303);
        },
        async (errors, _problems, status) =>
          render(request, reply, 'people/views/staff-member.njk', { ...(await staffPage(actorOf(request), id)), values: body, ...errors }, status),
      );
    },
  );

  /** The head or office sends (again) a link to choose a password and sign in: imported staff, or a link that ran out. */
  app.post(
    '/staff/:id/invitation',
    { config: { permission: 'staff:manage' }, preHandler: app.csrfProtection, schema: { hide: true, params: IdParams, body: ButtonBody } },
    async (request, reply) => {
      const { id } = request.params;
      return submitForm(
        async () => {
          const member = await services.staffInvitations.sendSignInLink(actorOf(request), id);
          setFlash(reply, `${personName(member)} has been e-mailed a link to choose a password and sign in`);
          return reply.redirect(`/staff/${id}`, 303);
        },
        async (errors, _problems, status) =>
          render(request, reply, 'people/views/staff-member.njk', { ...(await staffPage(actorOf(request), id)), ...errors }, status),
      );
    },
  );

  app.post(
    '/staff/:id/email-changes/:changeId',
    { config: { permission: 'staff:confirm-email' }, preHandler: app.csrfProtection, schema: { hide: true, params: ChangeParams, body: ButtonBody } },
    async (request, reply) => {
      const { id, changeId } = request.params;
      return submitForm(
        async () => {
          const email = await services.people.applyHeldEmailChange(actorOf(request), id, changeId);
          setFlash(reply, `E-mail address changed to ${email}`);
          return reply.redirect(`/staff/${id}`, 303);
        },
        async (errors) => render(request, reply, 'people/views/staff-member.njk', { ...(await staffPage(actorOf(request), id)), ...errors }, 400),
      );
    },
  );
};
