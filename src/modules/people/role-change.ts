import { ValidationError } from '../../platform/http/errors.ts';
import type { SchoolTx } from '../../platform/db/school-scope.ts';
import { enqueueMail } from '../../platform/mail/outbox.ts';
import { headsAndDsls } from './people.repository.ts';

/**
 * A change of roles the person may not make: the form is shown again with the reason beside the
 * roles (submitForm re-renders it, as for any ValidationError), answered as a 403.
 */
export class RoleChangeRefused extends ValidationError {
  override readonly statusCode: number = 403;
  override readonly code: string = 'forbidden';
  constructor(message: string) {
    super([{ field: 'roles', message }], message);
  }
}

/**
 * Tells the headteachers and DSLs (as they were before the change, so a DSL who loses the role
 * hears of it) that someone's roles changed. The e-mail only links to the staff page: no names or roles.
 */
export async function tellLeadersOfRoleChange(
  tx: SchoolTx,
  school: { id: string; name: string },
  baseUrl: string,
  staffId: string,
  recipients?: string[],
): Promise<void> {
  for (const to of recipients ?? (await headsAndDsls(tx))) {
    await enqueueMail(tx, school.id, {
      to,
      subject: `Staff roles changed at ${school.name}`,
      text: `The roles of a member of staff at ${school.name} were changed on eSafety Office.\n\nSee the change on the staff page:\n${baseUrl}/staff/${staffId}\n\nIf you did not expect this, tell the headteacher.`,
    });
  }
}
