import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import { requireAccess } from '../../platform/auth/access.ts';
import { auditActor, type Actor } from '../../platform/auth/actor.ts';
import { newToken, tokenHash } from '../../platform/auth/secrets.ts';
import type { DB } from '../../platform/db/schema.ts';
import { withSchool } from '../../platform/db/school-scope.ts';
import { ValidationError } from '../../platform/http/errors.ts';
import { enqueueMail } from '../../platform/mail/outbox.ts';
import { addStaff } from '../school/school.service.ts';

const invitationDays = 7;

/**
 * The headteacher or office adds a member of staff, governor or volunteer; they choose their own
 * password from an e-mailed link (the password-reset page), so nobody else ever knows it.
 */
export function createStaffInvitations(db: Kysely<DB>, config: Config, onMail: () => void = () => {}) {
  return {
    async invite(actor: Actor, input: { givenName: string; familyName: string; email: string; roles: string[] }) {
      requireAccess(actor, 'staff:manage');
      if (input.roles.includes('headteacher') && !actor.roles.includes('headteacher')) {
        throw new ValidationError([{ field: 'roles', message: 'Only a headteacher can give the headteacher role' }]);
      }
      const staff = await withSchool(db, actor.schoolId, async (tx) => {
        const created = await addStaff(tx, actor.schoolId, auditActor(actor), { ...input, password: null });
        const token = newToken();
        await tx.insertInto('password_resets').values({ token_hash: tokenHash(token), school_id: actor.schoolId, staff_id: created.id,
          expires_at: new Date(Date.now() + invitationDays * 86400_000) }).execute();
        await enqueueMail(tx, actor.schoolId, { to: created.email!, subject: `Your eSafety Office account at ${actor.schoolName}`,
          text: `${actor.name} has given you an account on eSafety Office for ${actor.schoolName}.\n\nChoose your password within ${invitationDays} days:\n${config.baseUrl}/reset-password/${token}\n\nThen sign in at ${config.baseUrl}/sign-in with this e-mail address.` });
        return created;
      });
      onMail();
      return staff;
    },
  };
}
