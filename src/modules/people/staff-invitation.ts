import type { Config } from '../../config.ts';
import { requireAccess } from '../../platform/auth/access.ts';
import { auditActor, type Actor } from '../../platform/auth/actor.ts';
import { isRole } from '../../platform/auth/permissions.ts';
import { headteacherGrantedRoles, invitationRefusal } from '../../platform/auth/role-grants.ts';
import { newToken, tokenHash } from '../../platform/auth/secrets.ts';
import { withSchool, type SchoolDatabase } from '../../platform/db/school-database.ts';
import { enqueueMail } from '../../platform/mail/outbox.ts';
import { addStaff } from '../school/school.service.ts';
import { headsAndDsls, insertPasswordLink } from './people.repository.ts';
import { RoleChangeRefused, tellLeadersOfRoleChange } from './role-change.ts';

const invitationDays = 7;

/**
 * The headteacher or office adds a member of staff, governor or volunteer; they choose their own
 * password from an e-mailed link (the password-reset page), so nobody else ever knows it.
 */
export function createStaffInvitations(schools: SchoolDatabase, config: Config, onMail: () => void = () => {}) {
  return {
    async invite(actor: Actor, input: { givenName: string; familyName: string; email: string; roles: string[] }) {
      requireAccess(actor, 'staff:manage');
      // Unknown roles are named by addStaff's own checks; here only who may give which role.
      const refusal = invitationRefusal(actor.roles, input.roles.filter(isRole));
      if (refusal) throw new RoleChangeRefused(refusal);
      const staff = await withSchool(schools, actor.schoolId, async (tx) => {
        // A new leader or DSL changes who sees safeguarding records: the head and DSLs (before the change) hear of it.
        const privileged = input.roles.some((r) => isRole(r) && headteacherGrantedRoles.includes(r));
        const recipients = privileged ? await headsAndDsls(tx) : [];
        const created = await addStaff(tx, actor.schoolId, auditActor(actor), { ...input, password: null });
        if (privileged) await tellLeadersOfRoleChange(tx, { id: actor.schoolId, name: actor.schoolName }, config.baseUrl, created.id, recipients);
        const token = newToken();
        await insertPasswordLink(tx, {
          schoolId: actor.schoolId,
          staffId: created.id,
          tokenHash: tokenHash(token),
          expiresAt: new Date(Date.now() + invitationDays * 86400_000),
        });
        await enqueueMail(tx, actor.schoolId, {
          to: created.email!,
          subject: `Your eSafety Office account at ${actor.schoolName}`,
          text: `${actor.name} has given you an account on eSafety Office for ${actor.schoolName}.\n\nChoose your password within ${invitationDays} days:\n${config.baseUrl}/reset-password/${token}\n\nThen sign in at ${config.baseUrl}/sign-in with this e-mail address.`,
        });
        return created;
      });
      onMail();
      return staff;
    },
  };
}
