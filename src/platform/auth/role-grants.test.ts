import { describe, expect, it } from 'vitest';
import { roles, type Role } from './permissions.ts';
import { invitationRefusal, mayGrantRole, roleChangeRefusal, type Whose } from './role-grants.ts';

/** Written out by hand, not derived from the code: who may give (or take away) which role to someone else. */
const grantableToOthers: Record<Role, readonly Role[]> = {
  headteacher: roles,
  office: ['ict-lead', 'teacher', 'support-staff', 'office', 'governor', 'volunteer'],
  'deputy-headteacher': [],
  'senior-leader': [],
  dsl: [],
  'ict-lead': [],
  teacher: [],
  'support-staff': [],
  governor: [],
  volunteer: [],
};

const matrix = roles.flatMap((actor) =>
  roles.flatMap((granted) =>
    (['own', 'other'] as Whose[]).map((whose) => ({
      actor,
      granted,
      whose,
      allowed: whose === 'other' && grantableToOthers[actor].includes(granted),
    })),
  ),
);

describe('who may grant which role to whom', () => {
  it.each(matrix)('$actor → $granted ($whose): $allowed', ({ actor, granted, whose, allowed }) => {
    expect(mayGrantRole([actor], granted, whose)).toBe(allowed);
  });

  it('covers every actor role × granted role × own/other', () => {
    expect(matrix).toHaveLength(roles.length * roles.length * 2);
  });

  it('a person holding several roles gets the widest of them, but still never their own', () => {
    expect(mayGrantRole(['teacher', 'headteacher'], 'dsl', 'other')).toBe(true);
    expect(mayGrantRole(['office', 'governor'], 'dsl', 'other')).toBe(false);
    expect(mayGrantRole(['headteacher', 'dsl'], 'dsl', 'own')).toBe(false);
  });
});

describe('refusing a change of roles with a reason', () => {
  it('the office cannot make itself a designated safeguarding lead', () => {
    expect(roleChangeRefusal(['office'], 'own', ['office'], ['office', 'dsl'])).toBe('You cannot change your own roles: ask a headteacher to do it');
    expect(roleChangeRefusal(['office'], 'other', ['teacher'], ['teacher', 'dsl'])).toBe(
      'Only a headteacher can give or remove the designated safeguarding lead role',
    );
  });

  it('the office cannot take the DSL role away from a DSL', () => {
    expect(roleChangeRefusal(['office'], 'other', ['teacher', 'dsl'], ['teacher'])).toBe(
      'Only a headteacher can give or remove the designated safeguarding lead role',
    );
  });

  it('saving a person’s unchanged roles (with a new line manager) is not a change of roles', () => {
    expect(roleChangeRefusal(['headteacher'], 'own', ['headteacher'], ['headteacher'])).toBeNull();
    expect(roleChangeRefusal(['office'], 'other', ['dsl'], ['dsl'])).toBeNull();
  });

  it('the office gives ordinary roles; the headteacher gives any role to someone else', () => {
    expect(roleChangeRefusal(['office'], 'other', ['teacher'], ['teacher', 'ict-lead'])).toBeNull();
    expect(roleChangeRefusal(['headteacher'], 'other', ['teacher'], ['dsl', 'senior-leader'])).toBeNull();
  });

  it('inviting someone new with a leading or safeguarding role needs a headteacher', () => {
    expect(invitationRefusal(['office'], ['teacher', 'dsl'])).toBe('Only a headteacher can give the designated safeguarding lead role');
    expect(invitationRefusal(['office'], ['deputy-headteacher'])).toBe('Only a headteacher can give the deputy headteacher role');
    expect(invitationRefusal(['office'], ['volunteer'])).toBeNull();
    expect(invitationRefusal(['headteacher'], ['dsl'])).toBeNull();
  });
});
