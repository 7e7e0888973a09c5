import { isAllowed, roleLabels, type Role } from './permissions.ts';

/**
 * Roles that lead the school or open safeguarding records. Only a headteacher gives or takes
 * them away: otherwise the office could make itself a designated safeguarding lead.
 */
export const headteacherGrantedRoles: readonly Role[] = ['headteacher', 'deputy-headteacher', 'senior-leader', 'dsl'];

/** Whether the roles being changed are the actor's own or somebody else's. */
export type Whose = 'own' | 'other';

/**
 * May someone holding `actorRoles` give `role` to, or take it from, a person? Nobody changes
 * their own roles; those who manage staff change other people's, and only a headteacher the
 * leading and safeguarding roles.
 */
export function mayGrantRole(actorRoles: readonly Role[], role: Role, whose: Whose): boolean {
  if (whose === 'own') return false;
  if (!isAllowed(actorRoles, 'staff:manage')) return false;
  return !headteacherGrantedRoles.includes(role) || actorRoles.includes('headteacher');
}

const lowerLabel = (role: Role) => roleLabels[role].toLowerCase();

/** Why changing a person's roles from `before` to `after` is refused, or null when it is allowed. */
export function roleChangeRefusal(actorRoles: readonly Role[], whose: Whose, before: readonly Role[], after: readonly Role[]): string | null {
  const changed = [...after.filter((r) => !before.includes(r)), ...before.filter((r) => !after.includes(r))];
  if (changed.length === 0) return null;
  if (whose === 'own') return 'You cannot change your own roles: ask a headteacher to do it';
  for (const role of changed) {
    if (mayGrantRole(actorRoles, role, whose)) continue;
    return headteacherGrantedRoles.includes(role)
      ? `Only a headteacher can give or remove the ${lowerLabel(role)} role`
      : 'You do not have permission to change roles';
  }
  return null;
}

/** Why a new person may not be given these roles, or null. */
export function invitationRefusal(actorRoles: readonly Role[], roles: readonly Role[]): string | null {
  const refused = roles.find((role) => !mayGrantRole(actorRoles, role, 'other'));
  if (!refused) return null;
  return headteacherGrantedRoles.includes(refused) ? `Only a headteacher can give the ${lowerLabel(refused)} role` : 'You do not have permission to add staff';
}
