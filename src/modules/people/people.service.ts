import { activeBans, activeBansOfClassQuery } from '../filtering/oversight.repository.ts';
import { latestLessonsOfClassQuery } from '../lessons/lessons.repository.ts';
import { listEvents } from '../events/events.repository.ts';
import { londonDay } from '../filtering/filtering.rules.ts';
import { may, requireAccess } from '../../platform/auth/access.ts';
import { auditActor, type Actor } from '../../platform/auth/actor.ts';
import { isRole, type Role } from '../../platform/auth/permissions.ts';
import { roleChangeRefusal } from '../../platform/auth/role-grants.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { enqueueMail } from '../../platform/mail/outbox.ts';
import { withSchool, type SchoolDatabase } from '../../platform/db/school-database.ts';
import type { SchoolTx } from '../../platform/db/school-scope.ts';
import { NotFound, ValidationError } from '../../platform/http/errors.ts';
import * as repo from './people.repository.ts';
import { personName } from './names.ts';
import { RoleChangeRefused, tellLeadersOfRoleChange } from './role-change.ts';

import { isUuid } from '../../platform/http/ids.ts';
import { dayFromParts } from '../../platform/text/dates.ts';

/** A real YYYY-MM-DD day. */
const isCalendarDay = (day: string) => {
  const [year, month, date] = day.split('-');
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && dayFromParts({ day: date, month, year }) === day;
};
const addYear = (day: string) => `${Number(day.slice(0, 4)) + 1}${day.slice(4)}`;

export function createPeopleService(schools: SchoolDatabase, mail: { baseUrl: string; onMail?: () => void } = { baseUrl: '' }) {
  const inSchool = <T>(actor: Actor, work: (tx: SchoolTx) => Promise<T>) => withSchool(schools, actor.schoolId, work);

  return {
    async classes(actor: Actor) {
      requireAccess(actor, 'people:read');
      return inSchool(actor, (tx) => repo.listClasses(tx));
    },

    async classWithPupils(actor: Actor, classId: string) {
      requireAccess(actor, 'people:read');
      if (!isUuid(classId)) throw new NotFound();
      const found = await repo.classWithPupilsAndTeachers(schools, actor.schoolId, classId, {
        // FLT-4: class teachers see who is banned from school computers.
        bans: may(actor, 'ban:read') ? { day: londonDay(new Date()), of: (q, ofClass, day) => activeBansOfClassQuery(q, day, ofClass) } : undefined,
        // AGR-5: the class's latest e-safety lessons.
        lessons: may(actor, 'lesson:read') ? (q, ofClass) => latestLessonsOfClassQuery(q, ofClass, 10) : undefined,
      });
      if (!found) throw new NotFound();
      const mayManageStaff = may(actor, 'staff:manage');
      const mayManageEvents = may(actor, 'event:manage');
      // Those who manage staff or events also get the staff to choose teachers from and the class's events (AGR-4).
      const more =
        mayManageStaff || mayManageEvents
          ? await inSchool(actor, async (tx) => ({
              staff: mayManageStaff ? await repo.listStaff(tx) : [],
              events: mayManageEvents ? (await listEvents(tx, { classId })).slice(0, 10) : [],
            }))
          : { staff: [], events: [] };
      return { ...found, ...more };
    },

    /** Issue 19: the reason a pupil is never photographed is read only by the DSL and the headteacher; everyone else gets null. */
    async pupils(actor: Actor, status: repo.PupilStatus) {
      requireAccess(actor, 'pupil:read');
      const reasons = may(actor, 'pupil:do-not-photograph-reason');
      const rows = await inSchool(actor, (tx) => repo.listPupils(tx, status));
      return rows.map((p) => ({ ...p, do_not_photograph_reason: reasons ? p.do_not_photograph_reason : null }));
    },

    /**
     * Issue 19: marks a pupil who must never be photographed or published (a court order, a
     * safeguarding reason), overriding every consent; or clears the mark. The reason is required to
     * set it; the audit entry records who and when, never the reason.
     */
    async setDoNotPhotograph(actor: Actor, pupilId: string, input: { on: boolean; reason: string }) {
      requireAccess(actor, 'pupil:do-not-photograph');
      if (!isUuid(pupilId)) throw new NotFound();
      const reason = input.reason.trim();
      if (input.on && !reason)
        throw new ValidationError([
          { field: 'reason', message: 'Give the reason (for example a court order), which only the DSL and the headteacher will see' },
        ]);
      if (reason.length > 2000) throw new ValidationError([{ field: 'reason', message: 'The reason must be 2,000 characters or fewer' }]);
      await inSchool(actor, async (tx) => {
        if (!(await repo.setDoNotPhotograph(tx, pupilId, { on: input.on, reason: input.on ? reason : null, by: actor.staffId }))) throw new NotFound();
        await recordAudit(tx, actor.schoolId, auditActor(actor), {
          action: input.on ? 'pupil.do-not-photograph-set' : 'pupil.do-not-photograph-cleared',
          subjectType: 'pupil',
          subjectId: pupilId,
        });
      });
    },

    async pupil(actor: Actor, pupilId: string) {
      requireAccess(actor, 'pupil:read');
      if (!isUuid(pupilId)) throw new NotFound();
      return inSchool(actor, async (tx) => {
        const pupil = await repo.findPupil(tx, pupilId);
        if (!pupil) throw new NotFound();
        const [carers, siblings] = await Promise.all([repo.carersOfPupil(tx, pupilId), repo.siblingsOf(tx, pupilId)]);
        const bans = may(actor, 'ban:read') ? await activeBans(tx, londonDay(new Date()), { pupilId }) : [];
        const shown = { ...pupil, do_not_photograph_reason: may(actor, 'pupil:do-not-photograph-reason') ? pupil.do_not_photograph_reason : null };
        return { pupil: shown, carers, siblings, bans };
      });
    },

    async carers(actor: Actor) {
      requireAccess(actor, 'carer:read');
      return inSchool(actor, (tx) => repo.listCarers(tx));
    },

    async staff(actor: Actor) {
      requireAccess(actor, 'staff:read');
      return inSchool(actor, (tx) => repo.listStaff(tx));
    },

    async staffMember(actor: Actor, staffId: string) {
      requireAccess(actor, 'staff:read');
      if (!isUuid(staffId)) throw new NotFound();
      return inSchool(actor, async (tx) => {
        const member = await repo.findStaff(tx, staffId);
        if (!member || !member.active) throw new NotFound();
        return { member, colleagues: (await repo.listStaff(tx)).filter((s) => s.id !== staffId), emailChangesHeld: await repo.heldEmailChanges(tx, staffId) };
      });
    },

    /**
     * The headteacher applies an e-mail address change the MIS import held back (the import never
     * changes one: the new address would receive the password resets). The old address is told.
     */
    async applyHeldEmailChange(actor: Actor, staffId: string, changeId: string) {
      requireAccess(actor, 'staff:confirm-email');
      if (!isUuid(staffId) || !isUuid(changeId)) throw new NotFound();
      const to = await inSchool(actor, async (tx) => {
        const member = await repo.findStaff(tx, staffId);
        const change = await repo.findHeldEmailChange(tx, staffId, changeId);
        if (!member || !member.active || !change) throw new NotFound('This e-mail address change was already applied, or a later import replaced it');
        if ((member.email ?? '').toLowerCase() !== (change.from_email ?? '').toLowerCase()) {
          throw new ValidationError([
            { field: 'emailChange', message: 'The e-mail address has changed since the import. Import again to see what the MIS says now' },
          ]);
        }
        const clash = await repo.staffWithEmail(tx, change.to_email, staffId);
        if (clash) throw new ValidationError([{ field: 'emailChange', message: `${personName(clash)} already has the e-mail address ${change.to_email}` }]);
        await repo.applyHeldEmailChange(tx, { id: change.id, staffId, email: change.to_email, appliedBy: actor.staffId });
        await recordAudit(tx, actor.schoolId, auditActor(actor), {
          action: 'staff.email-changed',
          subjectType: 'staff',
          subjectId: staffId,
          detail: { from: change.from_email, to: change.to_email, source: 'import', sourcedId: change.sourced_id, heldChangeId: change.id },
        });
        if (change.from_email) {
          await enqueueMail(tx, actor.schoolId, {
            to: change.from_email,
            subject: `Your eSafety Office e-mail address at ${actor.schoolName} changed`,
            text: `The headteacher changed the e-mail address of your eSafety Office account at ${actor.schoolName}, as the school's records now give it. You will sign in with the new address.\n\nIf you did not expect this, tell the school straight away.`,
          });
        }
        return change.to_email;
      });
      mail.onMail?.();
      return to;
    },

    /**
     * The day a member of staff started, typed on their page (the MIS import gives it where it can):
     * training falls due from it (AGR-3). Empty goes back to the day their record was made.
     */
    async setStartDate(actor: Actor, staffId: string, startDate: string) {
      requireAccess(actor, 'staff:manage');
      if (!isUuid(staffId)) throw new NotFound();
      const day = startDate.trim() || null;
      if (day !== null && !isCalendarDay(day))
        throw new ValidationError([{ field: 'startDate', message: 'Enter the start date as a real date, for example 1 9 2026' }]);
      if (day !== null && day > addYear(londonDay(new Date())))
        throw new ValidationError([{ field: 'startDate', message: 'The start date must be within the next year' }]);
      await inSchool(actor, async (tx) => {
        const member = await repo.findStaff(tx, staffId);
        if (!member || !member.active) throw new NotFound();
        await repo.setStartDate(tx, staffId, day);
        await recordAudit(tx, actor.schoolId, auditActor(actor), {
          action: 'staff.start-date-changed',
          subjectType: 'staff',
          subjectId: staffId,
          detail: { before: member.start_date, after: day },
        });
      });
    },

    /** Who teaches a class, so that concerns about its pupils reach them (INC-3); the import sets it too. */
    async setClassTeachers(actor: Actor, classId: string, staffIds: string[]) {
      requireAccess(actor, 'staff:manage');
      if (!isUuid(classId) || staffIds.some((id) => !isUuid(id))) throw new NotFound();
      await inSchool(actor, async (tx) => {
        const found = await repo.findClass(tx, classId);
        if (!found) throw new NotFound();
        const staff = new Set((await repo.listStaff(tx)).map((s) => s.id));
        const chosen = [...new Set(staffIds)];
        if (chosen.some((id) => !staff.has(id))) throw new ValidationError([{ field: 'teachers', message: 'Choose teachers from the list' }]);
        await repo.replaceClassTeachers(tx, actor.schoolId, classId, chosen);
        await recordAudit(tx, actor.schoolId, auditActor(actor), {
          action: 'class.teachers-changed',
          subjectType: 'class',
          subjectId: classId,
          detail: { teachers: chosen },
        });
      });
    },

    /**
     * The headteacher or office sets a person's roles and line manager (PPL-3). Nobody changes their
     * own roles, and only a headteacher gives or removes the leading and safeguarding roles
     * (role-grants.ts); every change of roles is audited and e-mailed to the head and the DSLs.
     */
    async updateStaffRoles(actor: Actor, staffId: string, input: { roles: string[]; lineManagerId: string | null }) {
      requireAccess(actor, 'staff:manage');
      if (!isUuid(staffId)) throw new NotFound();
      const roles = [...new Set(input.roles)];
      const problems = [];
      if (roles.length === 0) problems.push({ field: 'roles', message: 'Choose at least one role' });
      if (roles.some((r) => !isRole(r))) problems.push({ field: 'roles', message: 'Choose roles from the list' });
      const managerId = input.lineManagerId || null;
      if (managerId !== null && (!isUuid(managerId) || managerId === staffId))
        problems.push({ field: 'lineManager', message: 'Choose a line manager from the list, other than the person themselves' });
      if (problems.length) throw new ValidationError(problems);
      const rolesChanged = await inSchool(actor, async (tx) => {
        const member = await repo.findStaff(tx, staffId);
        if (!member || !member.active) throw new NotFound();
        const before = member.roles as Role[];
        const refusal = roleChangeRefusal(actor.roles, staffId === actor.staffId ? 'own' : 'other', before, roles as Role[]);
        if (refusal) throw new RoleChangeRefused(refusal);
        if (member.roles.includes('headteacher') && !roles.includes('headteacher')) {
          const heads = (await repo.listStaff(tx)).filter((s) => s.roles.includes('headteacher'));
          if (heads.length <= 1) throw new ValidationError([{ field: 'roles', message: 'The school must keep at least one headteacher' }]);
        }
        if (managerId) {
          const manager = await repo.findStaff(tx, managerId);
          if (!manager || !manager.active) throw new ValidationError([{ field: 'lineManager', message: 'Choose a line manager from the list' }]);
          if (await repo.wouldCreateCycle(tx, staffId, managerId)) {
            throw new ValidationError([{ field: 'lineManager', message: `${personName(manager)} is already managed, directly or not, by this person` }]);
          }
        }
        const changed = before.length !== roles.length || roles.some((r) => !member.roles.includes(r));
        // Those told are the head and DSLs before the change, so a DSL who loses the role hears of it.
        const recipients = changed ? await repo.headsAndDsls(tx) : [];
        await repo.replaceRoles(tx, actor.schoolId, staffId, roles);
        await repo.setLineManager(tx, staffId, managerId);
        await recordAudit(tx, actor.schoolId, auditActor(actor), {
          action: 'staff.roles-changed',
          subjectType: 'staff',
          subjectId: staffId,
          detail: { before: member.roles, after: roles, lineManagerBefore: member.line_manager_id, lineManagerAfter: managerId },
        });
        if (changed) await tellLeadersOfRoleChange(tx, { id: actor.schoolId, name: actor.schoolName }, mail.baseUrl, staffId, recipients);
        return changed;
      });
      if (rolesChanged) mail.onMail?.();
    },
  };
}

export type PeopleService = ReturnType<typeof createPeopleService>;
