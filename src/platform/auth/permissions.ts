/** Staff roles (PPL-3). A person may hold several. */
export const roles = [
  'headteacher',
  'deputy-headteacher',
  'senior-leader',
  'dsl',
  'ict-lead',
  'teacher',
  'support-staff',
  'office',
  'governor',
  'volunteer',
] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  headteacher: 'Headteacher',
  'deputy-headteacher': 'Deputy headteacher',
  'senior-leader': 'Senior leader',
  dsl: 'Designated safeguarding lead',
  'ict-lead': 'ICT lead',
  teacher: 'Teacher',
  'support-staff': 'Support staff',
  office: 'Office',
  governor: 'Governor',
  volunteer: 'Volunteer',
};

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

/** Roles that can see safeguarding records, and so must use two-factor authentication. */
export const safeguardingRoles: readonly Role[] = ['headteacher', 'dsl'];

const leaders: Role[] = ['headteacher', 'deputy-headteacher', 'senior-leader'];
const allStaff: Role[] = [...roles];
const schoolStaff: Role[] = roles.filter((r) => r !== 'governor' && r !== 'volunteer');

/**
 * The one table of who may do what. Every route names one of these actions (or `public`, or
 * `signed-in` for a person's own account); a route without one fails at start-up.
 */
export const permissions = {
  'dashboard:view': allStaff,
  'people:read': [...schoolStaff],
  'pupil:read': [...schoolStaff],
  'carer:read': [...leaders, 'dsl', 'office', 'teacher'],
  // Issue 19: a pupil who must never be photographed or published (a court order, a safeguarding
  // reason) is marked by the DSL or the office (and the headteacher); everyone sees the marker, only
  // the DSL and the headteacher read the reason.
  'pupil:do-not-photograph': ['headteacher', 'dsl', 'office'],
  'pupil:do-not-photograph-reason': ['headteacher', 'dsl'],
  'staff:read': [...leaders, 'dsl', 'office'],
  'staff:manage': ['headteacher', 'office'],
  // A new e-mail address receives the password resets: only the headteacher applies one from the MIS.
  'staff:confirm-email': ['headteacher'],
  'import:run': ['headteacher', 'office'],
  'audit:read': ['headteacher'],
  'mail:read': ['headteacher'],
  'settings:read': [...leaders, 'dsl', 'governor'],
  'security:manage': ['headteacher'],
  'settings:edit': ['headteacher'],
  // Policies (POL): everyone reads and confirms them; leaders keep the register; the
  // signatories the policy names (head, deputy, governors) sign.
  'policy:read': allStaff,
  'policy:acknowledge': allStaff,
  'policy:manage': [...leaders],
  'policy:sign': ['headteacher', 'deputy-headteacher', 'governor'],
  'policy:settings': ['headteacher'],
  // Concerns (INC): anyone may report and open what they may see; each record's own rules
  // (concerns.rules.ts, PPL-5) decide who sees it, and everyone else gets 404.
  'concern:report': allStaff,
  'concern:read': allStaff,
  'concern:act': [...schoolStaff],
  'concern:chronology': [...schoolStaff],
  'concern:overview': ['headteacher', 'dsl'],
  // Consent (CON): everyone who may take photographs consults; the office and leaders record.
  'consent:consult': [...schoolStaff, 'volunteer'],
  'consent:history': [...leaders, 'dsl', 'office', 'teacher'],
  'consent:record': ['headteacher', 'deputy-headteacher', 'office'],
  'consent:request': ['headteacher', 'deputy-headteacher', 'office'],
  'consent:takedown': ['headteacher', 'deputy-headteacher'],
  'consent:settings': ['headteacher'],
  // Photographs (MED): staff keep, tag and ask to publish. Who decides a publication is the
  // school's settings (decisions.photoPublication, any role; default the headteacher, MED-5):
  // the routes let in anyone who could be named and the service refuses whoever is not.

  'media:view': [...schoolStaff],
  'media:upload': [...schoolStaff],
  'media:publish': [...schoolStaff],
  'media:decide': allStaff,
  'media:keep': [...leaders],

  // Mail delivery (issue 17): the headteacher, who reads the outbox, sends a failed e-mail again.
  'mail:resend': ['headteacher'],
  // Backups (platform/backup): the headteacher sees on the home page when the last backup was made.
  'backup:status': ['headteacher'],
  // Registers (REG-1…5) and the post check. Who approves an account is the school's settings
  // (decisions.accounts, default head or deputy): the route lets in anyone who could be named and
  // the service refuses whoever is not. Line managers answer questions about posts (any role).
  'registers:view': [...schoolStaff],
  'accounts:read': [...schoolStaff, 'governor'],
  'accounts:request': [...schoolStaff],
  'accounts:decide': allStaff,
  'accounts:manage': [...leaders, 'ict-lead'],
  'phones:record': [...leaders, 'office', 'teacher', 'support-staff'],
  'phones:exempt': [...leaders, 'office'],
  'press:report': [...schoolStaff],
  'press:read': ['headteacher', 'deputy-headteacher'],
  'press:reply': ['headteacher'],
  'declarations:make': allStaff,
  'declarations:review': ['headteacher'],
  'postcheck:use': [...schoolStaff, 'volunteer'],
  'postcheck:answer': allStaff,
  'postcheck:report': [...leaders, 'governor'],
  'postcheck:settings': ['headteacher'],
  // Oversight (RPT): the governors' yearly report for the head, deputy and governors (counts only,
  // no names); list exports for those who keep the lists; a pupil's subject access export and the
  // concerns overview export only for the headteacher and the DSLs.
  'report:governors': ['headteacher', 'deputy-headteacher', 'governor'],
  'export:lists': ['headteacher', 'deputy-headteacher', 'office'],
  'export:concerns': ['headteacher', 'dsl'],
  'export:pupil': ['headteacher', 'dsl'],
  // Agreements, training, messages to carers, events and e-safety lessons (AGR-1…5): everyone
  // reads and signs what is for them; the office and leaders record paper and ask families; class
  // teachers record their own classes' pupils and lessons (the service checks the class); only the
  // headteacher changes agreement texts and courses; the office, deputy and head send messages.
  'agreement:read': allStaff,
  'agreement:sign': allStaff,
  'agreement:record': ['headteacher', 'deputy-headteacher', 'office'],
  'agreement:record-pupils': ['headteacher', 'deputy-headteacher', 'office', 'teacher'],
  'agreement:manage': ['headteacher'],
  'training:courses': allStaff,
  'training:read': [...leaders, 'dsl', 'office'],
  'training:record': ['headteacher', 'deputy-headteacher', 'dsl', 'office'],
  'training:manage': ['headteacher'],
  'message:read': ['headteacher', 'deputy-headteacher', 'office'],
  'message:send': ['headteacher', 'deputy-headteacher', 'office'],
  'event:manage': ['headteacher', 'deputy-headteacher', 'office'],
  'lesson:read': [...schoolStaff],
  'lesson:record': ['headteacher', 'deputy-headteacher', 'ict-lead', 'teacher'],
  'lesson:plan': ['headteacher'],
  // Web filtering and monitoring (FLT-1…4, 001 §5): any member of staff asks for a site to be
  // blocked or opened; the ICT lead recommends; who decides is the school's settings
  // (decisions.unblock / decisions.blockedContentRequests, any role; default the headteacher), so
  // the routes let in anyone who could be named and the service refuses whoever is not. The lists
  // are read by the network's filter with a token of the ICT lead or a leader. Bans are set by
  // leaders, the DSL and the ICT lead; alerts are triaged by the DSL and the ICT lead; the yearly
  // review is recorded by those the DfE standards name (and governors read it).
  'filter:request': [...schoolStaff],
  'filter:queue': [...leaders, 'dsl', 'ict-lead'],
  'filter:recommend': ['ict-lead'],
  'filter:decide': allStaff,
  'filter:export': [...leaders, 'ict-lead'],
  'ban:read': [...schoolStaff],
  'ban:manage': [...leaders, 'dsl', 'ict-lead'],
  'monitoring:triage': ['headteacher', 'dsl', 'ict-lead'],
  'monitoring:receive': ['headteacher', 'dsl', 'ict-lead'],
  'filtering-review:read': [...leaders, 'dsl', 'ict-lead', 'governor'],
  'filtering-review:record': ['headteacher', 'dsl', 'ict-lead'],
  // Scoped API tokens (issue 12): whoever may use a scope (filter:export, monitoring:receive) makes
  // tokens for it, held by and acting as themselves; the headteacher sees and revokes every token.
  'token:manage': [...leaders, 'dsl', 'ict-lead'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof permissions;
/** What a route requires: an action from the table, any signed-in person, or nobody at all. */
export type RoutePermission = Action | 'signed-in' | 'public';

export function isAllowed(actorRoles: readonly string[], action: Action): boolean {
  const allowed: readonly string[] = permissions[action];
  return actorRoles.some((role) => allowed.includes(role));
}

export function isRoutePermission(value: unknown): value is RoutePermission {
  return value === 'public' || value === 'signed-in' || (typeof value === 'string' && value in permissions);
}
