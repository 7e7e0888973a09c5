export interface DefaultCourse {
  key: string;
  title: string;
  description: string;
  /** First time: due this many days after the person joined the school. */
  dueWithinDays: number;
  /** Again this many months after the last completion; null when once is enough. */
  renewalMonths: number | null;
}

/** The courses every school starts with (AGR-3; 004 §4). The headteacher adds others, such as the local authority's course. */
export const defaultCourses: readonly DefaultCourse[] = [
  {
    key: 'induction',
    title: 'E-safety induction',
    description: 'The e-safety policies, the code of conduct and how to report a concern, for everyone who joins the school.',
    dueWithinDays: 30,
    renewalMonths: null,
  },
  {
    key: 'at-risk-pupils',
    title: 'Identifying pupils at risk online',
    description: 'How to recognise a pupil who may be at risk of harm online, and what to do.',
    dueWithinDays: 90,
    renewalMonths: 36,
  },
  {
    key: 'annual-update',
    title: 'Annual e-safety update',
    description: 'What has changed this year: new apps, new risks, changes to the policies.',
    dueWithinDays: 180,
    renewalMonths: 12,
  },
];
