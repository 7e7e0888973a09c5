import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import type { PeopleServices } from './services.ts';
import { may } from '../../platform/auth/access.ts';
import { roleLabels, roles } from '../../platform/auth/permissions.ts';
import { ValidationError } from '../../platform/http/errors.ts';
import { formErrors, render, setFlash } from '../../platform/http/render.ts';
import { actorOf } from '../../platform/http/request-context.ts';
import { yearGroupLabel } from '../school/school-calendar.ts';
import { splitName } from '../school/school.service.ts';
import { pupilDisplayName as displayName } from './names.ts';
import { RoleChangeRefused } from './role-change.ts';

const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
const RolesBody = Type.Object({
  roles: Type.Union([Type.Array(Type.String()), Type.String()], { default: [] }),
  lineManager: Type.String({ default: '' }),
});


export async function peopleRoutes(app: FastifyInstance, { services }: { services: PeopleServices }) {
  app.get('/classes', { config: { permission: 'people:read' }, schema: { hide: true } }, async (request, reply) => {
    const classes = await services.people.classes(actorOf(request));
    return render(request, reply, 'people/views/classes.njk', {
      title: 'Classes',
      classes: classes.map((c) => ({ ...c, yearGroupLabel: yearGroupLabel(c.year_group) })),
      canImport: may(actorOf(request), 'import:run'),
    });
  });

  app.get('/classes/:id', { config: { permission: 'people:read' }, schema: { hide: true, params: IdParams } }, async (request, reply) => {
    const { id } = request.params as Static<typeof IdParams>;
    const { class: found, pupils, teachers, staff } = await services.people.classWithPupils(actorOf(request), id);
    return render(request, reply, 'people/views/class.njk', {
      title: found.title, class: { ...found, yearGroupLabel: yearGroupLabel(found.year_group) }, backLink: '/classes',
      pupils: pupils.map((p) => ({ ...p, displayName: displayName(p) })), teachers,
      teacherItems: staff.map((s) => ({ value: s.id, text: `${s.given_name} ${s.family_name}`, checked: teachers.some((t) => t.id === s.id) })),
    });
  });

  const TeachersBody = Type.Object({ teachers: Type.Union([Type.Array(Type.String()), Type.String()], { default: [] }) });
  app.post('/classes/:id/teachers', { config: { permission: 'staff:manage' }, preHandler: app.csrfProtection, schema: { hide: true, params: IdParams, body: TeachersBody } }, async (request, reply) => {
    const { id } = request.params as Static<typeof IdParams>;
    await services.people.setClassTeachers(actorOf(request), id, [(request.body as Static<typeof TeachersBody>).teachers].flat().filter(Boolean));
    setFlash(reply, 'Class teachers saved');
    return reply.redirect(`/classes/${id}`, 303);
  });

  app.get('/pupils/:id', { config: { permission: 'pupil:read' }, schema: { hide: true, params: IdParams } }, async (request, reply) => {
    const { id } = request.params as Static<typeof IdParams>;
    const actor = actorOf(request);
    const { pupil, carers, siblings } = await services.people.pupil(actor, id);
    return render(request, reply, 'people/views/pupil.njk', {
      title: displayName(pupil), pupil, carers, showCarerContacts: may(actor, 'carer:read'), showConsent: may(actor, 'consent:history'),
      siblings: siblings.map((s) => ({ ...s, displayName: displayName(s) })),
      backLink: pupil.class_id ? `/classes/${pupil.class_id}` : '/classes',
    });
  });

  app.get('/staff', { config: { permission: 'staff:read' }, schema: { hide: true } }, async (request, reply) => {
    const actor = actorOf(request);
    const staff = await services.people.staff(actor);
    return render(request, reply, 'people/views/staff.njk', {
      title: 'Staff', canManage: may(actor, 'staff:manage'),
      staff: staff.map((s) => ({ ...s, roleNames: s.roles.map((r) => roleLabels[r as keyof typeof roleLabels] ?? r) })),
    });
  });

  const InviteBody = Type.Object({ name: Type.String({ default: '' }), email: Type.String({ default: '' }),
    roles: Type.Union([Type.Array(Type.String()), Type.String()], { default: [] }) });
  const invitePage = (values: Record<string, unknown>, chosen: string[] = []) => ({ title: 'Add a member of staff', backLink: '/staff', values,
    roleItems: roles.map((r) => ({ value: r, text: roleLabels[r], checked: chosen.includes(r) })) });

  app.get('/staff/new', { config: { permission: 'staff:manage' }, schema: { hide: true } }, async (request, reply) =>
    render(request, reply, 'people/views/staff-new.njk', invitePage({})));

  app.post('/staff', { config: { permission: 'staff:manage' }, preHandler: app.csrfProtection, schema: { hide: true, body: InviteBody } }, async (request, reply) => {
    const body = request.body as Static<typeof InviteBody>;
    const chosen = [body.roles].flat().filter(Boolean);
    const { givenName, familyName } = splitName(body.name);
    try {
      const staff = await services.staffInvitations.invite(actorOf(request), { givenName, familyName, email: body.email, roles: chosen });
      setFlash(reply, `${staff.given_name} ${staff.family_name} has been e-mailed a link to choose a password`);
      return reply.redirect(`/staff/${staff.id}`, 303);
    } catch (error) {
      if (!(error instanceof ValidationError || error instanceof RoleChangeRefused)) throw error;
      return render(request, reply, 'people/views/staff-new.njk', { ...invitePage(body, chosen), ...formErrors(error.problems) }, error.statusCode);
    }
  });

  const staffPage = async (actorId: Parameters<typeof actorOf>[0], id: string) => {
    const { member, colleagues, emailChangesHeld } = await services.people.staffMember(actorOf(actorId), id);
    return {
      title: `${member.given_name} ${member.family_name}`, member, backLink: '/staff', canManage: may(actorOf(actorId), 'staff:manage'),
      emailChangesHeld, canConfirmEmail: may(actorOf(actorId), 'staff:confirm-email'),
      roleItems: roles.map((r) => ({ value: r, text: roleLabels[r], checked: member.roles.includes(r) })),
      managerItems: [{ value: '', text: 'No line manager' }, ...colleagues.map((c) => ({ value: c.id, text: `${c.given_name} ${c.family_name}`, selected: c.id === member.line_manager_id }))],
    };
  };

  app.get('/staff/:id', { config: { permission: 'staff:read' }, schema: { hide: true, params: IdParams } }, async (request, reply) => {
    const { id } = request.params as Static<typeof IdParams>;
    return render(request, reply, 'people/views/staff-member.njk', await staffPage(request, id));
  });

  app.post('/staff/:id', { config: { permission: 'staff:manage' }, preHandler: app.csrfProtection, schema: { hide: true, params: IdParams, body: RolesBody } }, async (request, reply) => {
    const { id } = request.params as Static<typeof IdParams>;
    const body = request.body as Static<typeof RolesBody>;
    const chosen = [body.roles].flat().filter(Boolean);
    try {
      await services.people.updateStaffRoles(actorOf(request), id, { roles: chosen, lineManagerId: body.lineManager || null });
    } catch (error) {
      if (!(error instanceof ValidationError || error instanceof RoleChangeRefused)) throw error;
      const page = await staffPage(request, id);
      page.roleItems = page.roleItems.map((item) => ({ ...item, checked: chosen.includes(item.value) }));
      return render(request, reply, 'people/views/staff-member.njk', { ...page, ...formErrors(error.problems) }, error.statusCode);
    }
    setFlash(reply, 'Roles and line manager saved');
    return reply.redirect(`/staff/${id}`, 303);
  });

  const ChangeParams = Type.Object({ id: Type.String({ maxLength: 64 }), changeId: Type.String({ maxLength: 64 }) });
  app.post('/staff/:id/email-changes/:changeId', { config: { permission: 'staff:confirm-email' }, preHandler: app.csrfProtection, schema: { hide: true, params: ChangeParams } }, async (request, reply) => {
    const { id, changeId } = request.params as Static<typeof ChangeParams>;
    try {
      const email = await services.people.applyHeldEmailChange(actorOf(request), id, changeId);
      setFlash(reply, `E-mail address changed to ${email}`);
      return reply.redirect(`/staff/${id}`, 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return render(request, reply, 'people/views/staff-member.njk', { ...(await staffPage(request, id)), ...formErrors(error.problems) }, 400);
    }
  });
}
