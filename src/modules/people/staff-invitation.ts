import type { Config } from '../../config.ts';
import { may, requireAccess } from '../../platform/auth/access.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { SchoolTx } from '../../platform/db/school-scope.ts';
import { NotFound, ValidationError } from '../../platform/http/errors.ts';
import { auditActor, type Actor } from '../../platform/auth/actor.ts';
import { isRole } from '../../platform/auth/permissions.ts';
import { headteacherGrantedRoles, invitationRefusal } from '../../platform/auth/role-grants.ts';
import { newToken, tokenHash } from '../../platform/auth/secrets.ts';
import { withSchool, type SchoolDatabase } from '../../platform/db/school-database.ts';
import { personName } from './names.ts';
import { enqueueMail } from '../../platform/mail/outbox.ts';
import { addStaff } from '../school/school.service.ts';
import { findStaff, headsAndDsls, insertPasswordLink, staffNeverInvited } from './people.repository.ts';
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

    /**
     * Sends (or sends again) one member of staff a link to choose their password and sign in: for
     * staff who came from the MIS import, and for anyone whose first link ran out. Only someone with
     * an e-mail address, still on the staff list, and whose roles the sender may give.
     */
    async sendSignInLink(actor: Actor, staffId: string) {
      requireAccess(actor, 'staff:manage');
      const sent = await withSchool(schools, actor.schoolId, async (tx) => {
        const member = await findStaff(tx, staffId);
        if (!member || !member.active) throw new NotFound();
        if (!member.email)
          throw new ValidationError([{ field: 'invitation', message: `${personName(member)} has no e-mail address to send a sign-in link to` }]);
        const refusal = invitationRefusal(actor.roles, member.roles.filter(isRole));
        if (refusal) throw new ValidationError([{ field: 'invitation', message: refusal }]);
        await sendLink(tx, actor, { id: member.id, email: member.email, hasPassword: member.has_password });
        return member;
      });
      onMail();
      return sent;
    },

    /** After an import: a sign-in link for every member of staff with an e-mail address who has never had one. */
    async inviteUninvited(actor: Actor): Promise<number> {
      requireAccess(actor, 'staff:manage');
      const count = await withSchool(schools, actor.schoolId, async (tx) => {
        const waiting = (await staffNeverInvited(tx)).filter((s) => !invitationRefusal(actor.roles, s.roles.filter(isRole)));
        for (const member of waiting) await sendLink(tx, actor, { id: member.id, email: member.email!, hasPassword: false });
        return waiting.length;
      });
      if (count) onMail();
      return count;
    },

    /** How many could be invited now (the import preview offers to). */
    async countUninvited(actor: Actor): Promise<number> {
      if (!may(actor, 'staff:manage')) return 0;
      return withSchool(
        schools,
        actor.schoolId,
        async (tx) => (await staffNeverInvited(tx)).filter((s) => !invitationRefusal(actor.roles, s.roles.filter(isRole))).length,
      );
    },
  };

  async function sendLink(tx: SchoolTx, actor: Actor, member: { id: string; email: string; hasPassword: boolean }) {
    const token = newToken();
    await insertPasswordLink(tx, {
      schoolId: actor.schoolId,
      staffId: member.id,
      tokenHash: tokenHash(token),
      expiresAt: new Date(Date.now() + invitationDays * 86400_000),
    });
    await enqueueMail(tx, actor.schoolId, {
      to: member.email,
      subject: `Your eSafety Office account at ${actor.schoolName}`,
      text: member.hasPassword
        ? `${actor.name} has sent you a new link for your eSafety Office account at ${actor.schoolName}.\n\nChoose a new password within ${invitationDays} days:\n${config.baseUrl}/reset-password/${token}\n\nThen sign in at ${config.baseUrl}/sign-in with this e-mail address.`
        : `${actor.name} has given you an account on eSafety Office for ${actor.schoolName}.\n\nChoose your password within ${invitationDays} days:\n${config.baseUrl}/reset-password/${token}\n\nThen sign in at ${config.baseUrl}/sign-in with this e-mail address.`,
    });
    await recordAudit(tx, actor.schoolId, auditActor(actor), { action: 'staff.invited', subjectType: 'staff', subjectId: member.id });
  }
}
