import { byName } from './names.ts';
import { sql } from 'kysely';
import type { Role } from '../../platform/auth/permissions.ts';
import type { SchoolTx } from '../../platform/db/school-scope.ts';

/** A staff row's roles as a sorted array, for selects over `staff as s`. */
export const staffRolesOf = sql<string[]>`coalesce((SELECT array_agg(r.role ORDER BY r.role) FROM staff_roles r WHERE r.staff_id = s.id), '{}')`;

export interface StaffWithRole {
  id: string;
  email: string | null;
  given_name: string;
  family_name: string;
}

/**
 * The one answer to "who in this school holds one of these roles" (routing, approvals, notices):
 * active staff only, each once, by name. `withEmail` leaves out those without an address.
 */
export function staffHoldingRoles(tx: SchoolTx, roles: readonly Role[], options: { withEmail?: boolean } = {}): Promise<StaffWithRole[]> {
  if (roles.length === 0) return Promise.resolve([]);
  let query = tx
    .selectFrom('staff as s')
    .select(['s.id', 's.email', 's.given_name', 's.family_name'])
    .where('s.active', '=', true)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('staff_roles as r')
          .select('r.staff_id')
          .whereRef('r.staff_id', '=', 's.id')
          .where('r.role', 'in', [...roles]),
      ),
    );
  if (options.withEmail) query = query.where('s.email', 'is not', null);
  return query.orderBy('s.family_name').orderBy('s.given_name').execute().then(byName);
}
