/**
 * The audit log in words a school reads: "Jane Smith recorded that a carer said no to the school
 * website for Ada Lovelace". Pure functions, table-tested; the raw entry stays behind "Details".
 */

export interface AuditRow {
  actor_label: string;
  action: string;
  subject_type: string;
  subject_id: string | null;
  detail: Record<string, unknown>;
  /** The record's name when it still exists: a pupil's or staff member's name, a policy's title, a class, an event. */
  subject_name: string | null;
}

export interface AuditSentence {
  who: string;
  /** Words before the record's name. */
  before: string;
  /** The record, linked when it has a page. */
  subject: { text: string; href: string | null } | null;
  /** Words after it. */
  after: string;
}

/** What each kind of record is called when it has no name, and where its page is. */
const kinds: Record<string, { called: string; href?: (id: string) => string }> = {
  pupil: { called: 'a pupil', href: (id) => `/pupils/${id}` },
  staff: { called: 'a member of staff', href: (id) => `/staff/${id}` },
  class: { called: 'a class', href: (id) => `/classes/${id}` },
  concern: { called: 'a concern', href: (id) => `/concerns/${id}` },
  policy: { called: 'a policy', href: (id) => `/policies/${id}` },
  photo: { called: 'a photograph', href: (id) => `/photos/${id}` },
  'consent-request': { called: 'a request to carers', href: (id) => `/consent/requests/${id}` },
  'consent-link': { called: 'a carer’s personal link' },
  takedown: { called: 'a takedown', href: () => '/consent/takedowns' },
  settings: { called: 'the policy settings', href: () => '/settings' },
  school: { called: 'the school', href: () => '/dashboard' },
  import: { called: 'an import', href: () => '/import' },
};

/** Kinds of record, for the "type" filter. */
export const recordKinds: { value: string; text: string }[] = [
  { value: 'pupil', text: 'Pupils' },
  { value: 'staff', text: 'Staff and sign-in' },
  { value: 'class', text: 'Classes' },
  { value: 'concern', text: 'Concerns' },
  { value: 'policy', text: 'Policies' },
  { value: 'photo', text: 'Photographs' },
  { value: 'consent-request', text: 'Requests to carers' },
  { value: 'consent-link', text: 'Carers’ answers' },
  { value: 'takedown', text: 'Takedowns' },
  { value: 'settings', text: 'Policy settings' },
  { value: 'import', text: 'Imports' },
  { value: 'school', text: 'The school' },
];

const words = (id: unknown) => (typeof id === 'string' ? id.replace(/[-_]/g, ' ') : 'a purpose');
const count = (n: unknown, one: string, many: string) => (typeof n === 'number' ? `${n} ${n === 1 ? one : many}` : many);

/** Each action as "before {record} after". `{s}` marks where the record goes; no `{s}`: the record is not named. */
const phrases: Record<string, (d: Record<string, unknown>) => string> = {
  'school.created': () => 'set up {s} on eSafety Office',
  'sign-in': () => 'signed in',
  'sign-in.failed': () => 'tried to sign in with a wrong password',
  'password-reset.requested': () => 'asked for a link to reset their password',
  'password-reset.refused': () => 'asked to reset their password, and was told to sign in with the school’s provider instead',
  'password-reset.completed': () => 'reset their password',
  'two-factor.enabled': () => 'turned on two-factor authentication',
  'two-factor.verified': () => 'signed in with two-factor authentication',
  'two-factor.recovery-code-used': () => 'signed in with a recovery code',
  'api-token.created': () => 'made a key for the school’s API',
  'staff.added': () => 'added {s} to the staff list',
  'staff.roles-changed': () => 'changed the roles of {s}',
  'staff.email-changed': () => 'changed the e-mail address of {s}',
  'staff.invited': () => 'sent {s} an invitation to sign in',
  'class.teachers-changed': () => 'changed who teaches {s}',
  'people.imported': () => 'imported pupils, carers, staff and classes from the management information system',
  'concern.reported': () => 'reported {s}',
  'concern.viewed': () => 'looked at {s}',
  'concern.action-added': () => 'added an action to {s}',
  'concern.amended': () => 'corrected {s}',
  'concern.closed': () => 'closed {s}',
  'concern.evidence-added': () => 'added evidence to {s}',
  'concern.follow-up-done': () => 'marked a follow-up of {s} as done',
  'concern.out-of-hours-decided': () => 'recorded an out-of-hours decision on {s}',
  'consent.recorded': (d) =>
    `recorded that a carer said ${d.decision === 'granted' ? 'yes' : 'no'} to ${words(d.purpose)} for {s}${typeof d.method === 'string' ? ` (${words(d.method)})` : ''}`,
  'consent.withdrawn': (d) => `recorded that consent to ${words(d.purpose)} was withdrawn for {s}, and asked for the photographs to be taken down`,
  'consent.history-viewed': () => 'looked at the consent history of {s}',
  'consent.request-started': (d) => `asked carers about photographs (${count(d.pupils, 'pupil', 'pupils')}): {s}`,
  'consent.express-request-started': (d) => `asked carers for express permission (${count(d.pupils, 'pupil', 'pupils')}): {s}`,
  'consent.link-revoked': () => 'stopped {s}',
  'consent.link-answered': () => 'answered the photo consent form through their personal link',
  'consent.takedown-done': () => 'marked {s} as done',
  'settings.changed': () => 'changed {s}',
  'policy.created': () => 'started writing {s}',
  'policy.imported': () => 'imported {s}',
  'policy.draft-started': () => 'started a new version of {s}',
  'policy.draft-saved': () => 'saved changes to {s}',
  'policy.details-changed': () => 'changed the details of {s}',
  'policy.sent-for-approval': () => 'sent {s} for approval',
  'policy.withdrawn-from-approval': () => 'took {s} back from approval',
  'policy.signed': () => 'signed {s}',
  'policy.approved': () => 'approved {s}',
  'policy.paper-approval-recorded': () => 'recorded the paper approval of {s}',
  'policy.review-reminder-sent': () => 'reminded the owner that {s} is due for review',
  'policy.acknowledgements-chased': () => 'reminded staff to read {s}',
  'policy.acknowledged': () => 'confirmed they have read {s}',
  'photo.uploaded': () => 'uploaded {s}',
  'photo.tagged': () => 'tagged pupils in {s}',
  'photo.publication-requested': () => 'asked to publish {s}',
  'photo.publication-approved': () => 'approved publishing {s}',
  'photo.publication-refused': () => 'refused publishing {s}',
  'photo.published': () => 'published {s}',
  'photo.taken-down': () => 'took down {s}',
  'photo.archived': () => 'archived {s}',
  'photo.deleted': () => 'deleted {s}',
  'photo.kept-as-evidence': () => 'kept {s} as evidence of achievement',
  'photo.evidence-unmarked': () => 'stopped keeping {s} as evidence of achievement',
};

/** "concern.out-of-hours-decided" read aloud, for an action this list does not know yet. */
function fallback(action: string): string {
  const [, verb = action] = action.split('.');
  return `${verb.replace(/[-_]/g, ' ')} {s}`;
}

export function auditSentence(row: AuditRow): AuditSentence {
  const kind = kinds[row.subject_type];
  const phrase = (phrases[row.action] ?? (() => fallback(row.action)))(row.detail ?? {});
  const [before, after] = phrase.includes('{s}') ? (phrase.split('{s}') as [string, string]) : [phrase, ''];
  const named = row.subject_type === 'policy' && row.subject_name ? `the policy “${row.subject_name}”` : row.subject_name;
  const text = named ?? (row.subject_type === 'photo' ? 'a photograph' : (kind?.called ?? row.subject_type.replace(/[-_]/g, ' ')));
  const subject = phrase.includes('{s}')
    ? {
        text: row.subject_type === 'photo' && row.subject_name ? `a photograph from ${row.subject_name}` : text,
        href: row.subject_id && kind?.href ? kind.href(row.subject_id) : null,
      }
    : null;
  return { who: row.actor_label, before: before.trimEnd(), subject, after };
}

/** The whole sentence as plain text, for the CSV file. */
export function sentenceText(s: AuditSentence): string {
  return `${s.who} ${s.before}${s.subject ? ` ${s.subject.text}` : ''}${s.after}`.replace(/\s+/g, ' ').trim();
}
