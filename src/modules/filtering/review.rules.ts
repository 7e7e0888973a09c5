/** The DfE's filtering and monitoring standards for schools and colleges, as the points of the yearly review (pure). */
export const reviewPoints = [
  {
    key: 'roles',
    title: 'Roles and responsibilities',
    text: 'Named people are responsible for filtering and monitoring: a member of the senior leadership team, a governor, the designated safeguarding lead and the IT service provider, each knowing their part.',
  },
  {
    key: 'yearly-review',
    title: 'Filtering and monitoring reviewed at least once a year',
    text: 'The provision is reviewed at least yearly, and when something changes: a safeguarding risk, new technology, or a change in the pupils’ needs.',
  },
  {
    key: 'harmful-content',
    title: 'Harmful and inappropriate content is blocked',
    text: 'The filter blocks harmful and inappropriate content without unreasonably affecting teaching and learning, and requests to open or block sites are decided.',
  },
  {
    key: 'monitoring',
    title: 'Monitoring meets the school’s safeguarding needs',
    text: 'Monitoring strategies (on devices, in the network, by staff in the room) find what the school needs to know, and alerts reach the right people in time.',
  },
  {
    key: 'provider',
    title: 'The provider’s compliance statements',
    text: 'The filtering and monitoring providers’ statements against the UK Safer Internet Centre’s definitions have been read and meet the school’s needs.',
  },
] as const;

export type ReviewPointKey = (typeof reviewPoints)[number]['key'];

export const participantRoles = [
  { key: 'head', label: 'Headteacher (or the senior leader responsible)' },
  { key: 'dsl', label: 'Designated safeguarding lead' },
  { key: 'ict', label: 'ICT lead or IT service provider' },
  { key: 'governor', label: 'Governor' },
] as const;

/** The next review falls due a year after this one was completed (29 February moves to 28 February). */
export function nextDueAfter(completedOn: string): string {
  const [y, m, d] = completedOn.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y + 1, m - 1, d));
  if (next.getUTCMonth() !== m - 1) next.setUTCDate(0);
  return next.toISOString().slice(0, 10);
}

/** A date from the GOV.UK date input's three fields, or the reason it is not one. */
export function dateFromParts(day: string, month: string, year: string): { ok: true; date: string } | { ok: false; reason: string } {
  if (!day.trim() && !month.trim() && !year.trim()) return { ok: false, reason: 'Enter the date' };
  const [d, m, y] = [day, month, year].map((v) => Number(v.trim()));
  if (![d, m, y].every((n) => Number.isInteger(n)) || y < 2000 || y > 2100) return { ok: false, reason: 'Enter a real date, like 14 10 2026' };
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return { ok: false, reason: 'Enter a real date, like 14 10 2026' };
  return { ok: true, date: date.toISOString().slice(0, 10) };
}
