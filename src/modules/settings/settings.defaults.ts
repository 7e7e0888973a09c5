import type { OutOfHours, PolicySettings, RepeatMisconduct } from './settings.schema.ts';

type ConcernRouteSetting = PolicySettings['concerns']['routes'][number];

// 001 §8: repeated online misconduct by a carer may be passed to the police; 003 §2.6: one asked to
// remove a post who did not, while it continues, is harassment.
export const defaultRepeatMisconduct: RepeatMisconduct = {
  actionKey: 'police-referral',
  text: 'Repeated online misconduct: the school may pass the details to the police.',
  askedKeys: ['removal-requested', 'carer-contacted'],
  resolvedKey: 'removal-confirmed',
  ignoredText: 'They were asked before and it has continued: it can be referred to the police as harassment.',
};

export const defaultOutOfHours: OutOfHours = {
  // 001 §9: the school acts on what happens outside school or school hours only on these grounds.
  grounds: [
    { key: 'disrupts-school', label: 'It could disrupt the orderly running of the school' },
    { key: 'threatens-community', label: 'It threatens a member of the school community' },
    { key: 'harms-reputation', label: 'It could harm the reputation of the school or its staff' },
  ],
  // 003 §2.5's cases, shown beside the decision as guidance.
  cases: [
    'Someone is receiving messages from an ex-pupil who moved three months ago: not the school’s responsibility, though the school might contact the new school to broker a resolution.',
    'Messages are posted on a site out of school time and the pupils are at this school: the school has a duty of care to investigate and work with the families, and may warn all the parents that the site is being used outside its terms.',
  ],
};

// 000 D, the policy's own sentence.
export const defaultProhibitedWording: Record<string, string> = {
  swimming: 'Photographs will not be taken of children when wearing swimming costumes or taking part in swimming lessons.',
};

/** What an upload refusal quotes for a prohibited occasion the school gave no sentence for. */
export const prohibitedWordingFallback = (occasion: string) => `No photographs are taken during ${occasion.toLowerCase()}.`;

/**
 * The school's plan for pupils' e-safety lessons (AGR-5): each year group is taught these this
 * school year. 004 §10 "Be SMART Online" (the five SMART rules) and §9.3 (cyber bullying, in
 * computing and PSHE). The head edits the list.
 */
export const defaultPlannedTopics: string[] = [
  'Safe: keeping personal information and photographs private',
  'Meeting: never meeting someone known only online',
  'Accepting: messages only from people you know',
  'Reliable: not believing everything you see online',
  'Tell: telling an adult when something online upsets you',
  'Cyber bullying',
];

/** The post check's word list (REG-5), from the policies' own wording; the head edits it. Whole words or phrases, any case. */
export const defaultNegativeWords: string[] = [
  'useless',
  'incompetent',
  'lazy',
  'rubbish',
  'awful',
  'terrible',
  'disgrace',
  'disgraceful',
  'pathetic',
  'hopeless',
  'stupid',
  'idiot',
  'idiots',
  'hate',
  'worst',
  'nightmare',
  'shambles',
  'sick of',
  'fed up with',
  'can’t stand',
  "can't stand",
  'moan',
  'moaning',
  'brat',
  'brats',
  'feral',
  'vile',
  'disrepute',
  'ofsted',
  'league table',
  'sats results',
];

/**
 * Defaults taken from the seed policies in shared/seeds (clause in each comment). A school changes
 * them in its settings; no module hard-codes them.
 */
/** A concern a family raised through the school's public contact form (003 §2.7); a school that has not yet got it in its settings routes it this way. */
export const carerConcernRoute = {
  type: 'raised-by-carer',
  label: 'Raised by a parent or carer',
  explanation: 'A parent or carer told the school about a post, a message, something a child saw or said, or made a complaint.',
  notify: ['headteacher'],
  immediate: false,
  restricted: false,
} satisfies ConcernRouteSetting;

export const defaultSettings: PolicySettings = {
  consent: {
    // 000 D: "photographs … for classroom displays, the class photograph, school publications,
    // other publications such as local newspapers, the school website".
    purposes: [
      {
        key: 'displays',
        label: 'Displays in school',
        description: 'Photographs of your child on classroom and corridor displays and in celebrations inside school.',
        external: false,
        active: true,
      },
      {
        key: 'class-photo',
        label: 'Class photograph',
        description: 'The yearly class photograph taken by the school photographer.',
        external: false,
        active: true,
      },
      {
        key: 'publications',
        label: 'School publications',
        description: 'Photographs in the prospectus and other printed school publications, without your child’s name.',
        external: true,
        active: true,
      },
      {
        key: 'website',
        label: 'School website',
        description: 'Photographs on the school website, never with your child’s name.',
        external: true,
        active: true,
      },
      {
        key: 'social-media',
        label: 'School social media',
        description: 'Photographs on the school’s own social media accounts, never with your child’s name.',
        external: true,
        active: true,
      },
      {
        key: 'press',
        label: 'Newspapers and other media',
        description: 'Photographs in local newspapers and other media. We will also ask you in advance about each particular article.',
        external: true,
        active: true,
      },
    ],
    lapse: 'never',
    reminderAfterDays: 7,
    formVersion: 1,
    linkValidDays: 28,
  },
  concerns: {
    routes: [
      // 001 §10, 004 §6: safeguarding concerns go to the named persons immediately.
      {
        type: 'safeguarding',
        label: 'Safeguarding concern',
        explanation: 'A child may be at risk of harm: something seen or said online, grooming, sharing of images.',
        notify: ['dsl', 'headteacher'],
        immediate: true,
        restricted: true,
      },
      // 001 §1: staff misuse is reported to the headteacher.
      {
        type: 'staff-misuse',
        label: 'Staff misuse',
        explanation: 'A member of staff may have used social media or technology against the policy.',
        notify: ['headteacher'],
        immediate: true,
        restricted: true,
      },
      // 004 §6.17, §8.3: class teacher, then ICT lead to block, then the head.
      {
        type: 'inappropriate-content',
        label: 'Inappropriate content',
        explanation: 'A pupil saw or reached content that should have been blocked.',
        notify: ['class-teacher', 'ict-lead', 'headteacher'],
        immediate: false,
        restricted: false,
      },
      // 004 §6.7, §7.3, §7.5: friend requests are made known to the head.
      {
        type: 'contact-attempt',
        label: 'Contact between staff and pupils or carers',
        explanation: 'A "friend" request or other contact online between staff and pupils or their carers.',
        notify: ['headteacher'],
        immediate: false,
        restricted: false,
        misconduct: true,
      },
      // 001 §6: disparaging content goes to the line manager.
      {
        type: 'disparaging-content',
        label: 'Disparaging content about the school',
        explanation: 'Something posted online that runs down the school, its staff or pupils.',
        notify: ['line-manager'],
        immediate: false,
        restricted: false,
        misconduct: true,
      },
      {
        type: 'media-enquiry',
        label: 'Press or media enquiry',
        explanation: 'A journalist or other media asked about the school: the headteacher answers.',
        notify: ['headteacher'],
        immediate: false,
        restricted: false,
      },
      // 001 §9: the anti-bullying route.
      {
        type: 'cyber-bullying',
        label: 'Cyber bullying',
        explanation: 'Bullying by text, messaging, games or social media, in or out of school.',
        notify: ['class-teacher', 'dsl'],
        immediate: false,
        restricted: false,
        misconduct: true,
        suggestedAction: { key: 'carers-informed', text: 'For cyber bullying the policy says the carers are told, with advice on closing accounts.' },
      },
      // 001 §8: parents' posts.
      {
        type: 'community-post',
        label: 'A parent’s or community member’s post',
        explanation: 'Photos of other children, malicious or made-up comments, or a complaint posted instead of raised with the school.',
        notify: ['headteacher'],
        immediate: false,
        restricted: false,
        misconduct: true,
      },
      // 003 §2.7: families raise concerns with the school, not on social media (the public contact form).
      carerConcernRoute,
      // 004 §8.2
      {
        type: 'filter-circumvention',
        label: 'Getting round the filter',
        explanation: 'An attempt to get round the school’s web filter.',
        notify: ['ict-lead', 'headteacher'],
        immediate: false,
        restricted: false,
      },
    ],
    // Keys are part of the API contract (POST /api/v1/concerns/{id}/actions).
    actions: [
      { key: 'carer-contacted', label: 'Carer contacted' },
      { key: 'removal-requested', label: 'Removal requested' },
      { key: 'removal-confirmed', label: 'Removal confirmed' },
      { key: 'carers-informed', label: 'Carers of the pupils involved told, with advice on closing accounts' },
      { key: 'police-referral', label: 'Police referral' },
      { key: 'outside-agency-referral', label: 'Outside agency referral' },
      { key: 'new-school-contacted', label: 'The new school contacted' },
      { key: 'legal-advice', label: 'Legal advice sought by governors' },
      { key: 'disciplinary-referral', label: 'Disciplinary referral' },
      { key: 'site-blocked', label: 'Site blocked' },
      { key: 'computer-ban', label: 'Ban from school computers except under supervision' },
      { key: 'staff-asked-to-remove', label: 'Member of staff asked to remove a post' },
      { key: 'no-action', label: 'Decided not to act' },
      { key: 'note', label: 'Note' },
    ],
    repeatMisconduct: defaultRepeatMisconduct,
    outOfHours: defaultOutOfHours,
  },
  photos: {
    contexts: ['lesson', 'trip', 'sports-day', 'assembly', 'performance', 'celebration', 'swimming'],
    // 000 D: "no photographs … in swimming lessons".
    prohibitedContexts: ['swimming'],
    prohibitedWording: defaultProhibitedWording,
    channels: [
      { key: 'display', label: 'Display in school', purpose: 'displays', headteacherApproval: false },
      { key: 'website', label: 'School website', purpose: 'website', headteacherApproval: true },
      { key: 'prospectus', label: 'Prospectus', purpose: 'publications', headteacherApproval: false },
      { key: 'newsletter', label: 'Newsletter', purpose: 'publications', headteacherApproval: false },
      { key: 'social-media', label: 'School social media', purpose: 'social-media', headteacherApproval: true },
      { key: 'press', label: 'Newspaper or other media', purpose: 'press', headteacherApproval: true, expressPermission: true },
    ],
    maxUploadMegabytes: 25,
    publishedLongestSide: 2048,
  },
  // 000 D: archived at the end of the academic year, deleted the following year.
  retention: {
    archivePhotosAtYearEnd: true,
    deletePhotosAfterYears: 1,
    deletionNoticeDays: 14,
    // 001 §5: the school keeps copies of what its monitoring finds; a year, then an alert that opened no concern is deleted.
    monitoringAlertMonths: 12,
    // The IRMS Information Management Toolkit for Schools: consent answers a year after the pupil
    // leaves (unless a publication still relies on them); child protection records until the
    // pupil's date of birth plus 25 years.
    consentAnswersYearsAfterLeaving: 1,
    safeguardingYearsAfterBirth: 25,
  },
  // 001 §11: reviewed annually by the governing body.
  policyReview: { intervalMonths: 12, reminderWeeks: 6, approvingBody: 'Governing body', signatories: ['Headteacher', 'Chair of governors'] },
  // Most social networks' terms (and 004) set 13 as the minimum age.
  ageLimits: { socialMediaMinimumAge: 13 },
  decisions: {
    // 001 §6: school accounts approved in advance by the headteacher or deputy.
    schoolSocialMediaAccounts: ['headteacher', 'deputy-headteacher'],
    // 004 §8.4–8.5: the head makes the final decision on blocked content requests.
    blockedContentRequests: ['headteacher'],
    // 004 appendix 1, §8.5: the head decides whether a blocked site is opened for teaching.
    unblock: ['headteacher'],
    photoPublication: ['headteacher'],
    // 001 §6: "All social media accounts created on behalf of the school must be approved by the
    // Head teacher or Deputy Headteacher in advance"; 004 §6.1 for the passwords.
    accounts: ['headteacher', 'deputy-headteacher'],
  },
  // 001 §6, §7, 004 §6.11: no negative comments about the school, colleagues, pupils, parents or
  // governors; nothing offensive; no comment on sensitive topics such as the school's performance.
  postCheck: { negativeWords: defaultNegativeWords },
  // 004 §9.3 (regular e-safety education in computing and PSHE) and §10 (the SMART rules).
  lessons: { plannedTopics: defaultPlannedTopics },
  security: { requireTwoFactorForAllStaff: false, mailRetentionDays: 30 },
};
