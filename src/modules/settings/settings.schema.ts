import { Type, type Static } from 'typebox';
import { roles, type Role } from '../../platform/auth/permissions.ts';

const Key = Type.String({ pattern: '^[a-z][a-z0-9-]{1,40}$' });
const RoleName = Type.Unsafe<Role>(Type.String({ enum: [...roles] }));
/** Who hears about a concern: a role, or someone defined by the concern itself. */
const Recipient = Type.Unsafe<Role | 'class-teacher' | 'line-manager'>(Type.String({ enum: [...roles, 'class-teacher', 'line-manager'] }));

export const ConsentPurpose = Type.Object({
  key: Key,
  label: Type.String({ minLength: 1, maxLength: 80 }),
  description: Type.String({ minLength: 1, maxLength: 600 }),
  external: Type.Boolean(),
  active: Type.Boolean(),
  /**
   * Issue 19: on what the school relies. 'consent' (the default): carers are asked and no answer
   * means no. 'opt-out': used unless a carer objects (inside school only). 'public-task': no
   * consent asked — the school's public task (inside school only). Added later: optional.
   */
  basis: Type.Optional(Type.Union([Type.Literal('consent'), Type.Literal('opt-out'), Type.Literal('public-task')])),
});

/** Issue 19: who outside the staff a concern's type requires to be told. */
export const outsideRecipients = ['carers', 'police', 'lado', 'social-care'] as const;
export type OutsideRecipient = (typeof outsideRecipients)[number];
const OutsideRecipient = Type.Unsafe<OutsideRecipient>(Type.String({ enum: [...outsideRecipients] }));

export const ConcernRoute = Type.Object({
  type: Key,
  label: Type.String({ minLength: 1 }),
  explanation: Type.String({ minLength: 1 }),
  notify: Type.Array(Recipient, { minItems: 1 }),
  immediate: Type.Boolean(),
  /** Only the DSL group and the headteacher may see these records, so only they may be told (settings.service checks). */
  restricted: Type.Boolean(),
  /** Online misconduct by a carer or someone outside the school: repeats lead to `repeatMisconduct` (001 §8). Added later: optional. */
  misconduct: Type.Optional(Type.Boolean()),
  /** The action the policy names for this type, suggested on the record until it is done (001 §9). Added later: optional. */
  suggestedAction: Type.Optional(Type.Object({ key: Key, text: Type.String({ minLength: 1, maxLength: 400 }) })),
  /** Issue 19: people outside the staff who must be told; each is a required action on the concern until recorded. Added later: optional. */
  tell: Type.Optional(Type.Array(OutsideRecipient)),
  /** Issue 19: the time to act; a concern not acted on by then is overdue. Added later: optional. */
  deadline: Type.Optional(Type.Union([Type.Literal('same-day'), Type.Literal('next-school-day'), Type.Literal('24-hours')])),
});

export const ConcernAction = Type.Object({
  key: Key,
  label: Type.String({ minLength: 1 }),
  /** No longer offered; records that show it still read its label. */
  retired: Type.Optional(Type.Boolean()),
});

/** A carer's or outsider's repeated online misconduct: what the policy says comes next (001 §8, 003 §2.6). */
export const RepeatMisconduct = Type.Object({
  actionKey: Key,
  text: Type.String({ minLength: 1, maxLength: 400 }),
  /** Actions that asked them to stop or take it down… */
  askedKeys: Type.Array(Key),
  /** …and the action recording that they did. */
  resolvedKey: Key,
  /** What to say when they were asked and it has continued. */
  ignoredText: Type.String({ minLength: 1, maxLength: 400 }),
});

/** INC-5: the grounds on which the school acts outside school or school hours, and the policy's cases as guidance. */
export const OutOfHours = Type.Object({
  grounds: Type.Array(Type.Object({ key: Key, label: Type.String({ minLength: 1, maxLength: 200 }) }), { minItems: 1 }),
  cases: Type.Array(Type.String({ minLength: 1, maxLength: 1000 })),
});

export const PhotoChannel = Type.Object({
  key: Key,
  label: Type.String({ minLength: 1 }),
  purpose: Key,
  headteacherApproval: Type.Boolean(),
  /** Every pupil also needs express permission for the particular use (000 D: newspapers). */
  expressPermission: Type.Optional(Type.Boolean()),
  /**
   * Issue 19: how children may be named there: 'none' (no name at all), 'first-names' (never a
   * family name), 'full-with-permission' (a name needs express permission, the default). Added later: optional.
   */
  naming: Type.Optional(Type.Union([Type.Literal('none'), Type.Literal('first-names'), Type.Literal('full-with-permission')])),
  /** Issue 19: false = children are never tagged in a post there. Added later: optional (absent: tagging is allowed). */
  tagging: Type.Optional(Type.Boolean()),
});

export const PolicySettings = Type.Object({
  consent: Type.Object({
    purposes: Type.Array(ConsentPurpose, { minItems: 1 }),
    lapse: Type.Union([Type.Literal('never'), Type.Literal('each-september'), Type.Literal('key-stage-change'), Type.Literal('new-form-version')]),
    reminderAfterDays: Type.Integer({ minimum: 1, maximum: 60 }),
    /** The version of the consent form; raising it lapses older answers when lapse is 'new-form-version'. */
    formVersion: Type.Optional(Type.Integer({ minimum: 1 })),
    /** Days a carer's personal link stays open. */
    linkValidDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 120 })),
  }),
  concerns: Type.Object({
    routes: Type.Array(ConcernRoute, { minItems: 1 }),
    actions: Type.Array(ConcernAction, { minItems: 1 }),
    // Added after the first release: a stored document without them reads the defaults.
    repeatMisconduct: Type.Optional(RepeatMisconduct),
    outOfHours: Type.Optional(OutOfHours),
  }),
  photos: Type.Object({
    contexts: Type.Array(Key, { minItems: 1 }),
    prohibitedContexts: Type.Array(Key),
    /** The policy's own sentence for each prohibited occasion, quoted when an upload is refused. Added later: optional. */
    prohibitedWording: Type.Optional(Type.Record(Type.String({ pattern: '^[a-z][a-z0-9-]{1,40}$' }), Type.String({ minLength: 1, maxLength: 600 }))),
    channels: Type.Array(PhotoChannel),
    maxUploadMegabytes: Type.Integer({ minimum: 1, maximum: 200 }),
    publishedLongestSide: Type.Integer({ minimum: 256, maximum: 8192 }),
  }),
  retention: Type.Object({
    archivePhotosAtYearEnd: Type.Boolean(),
    deletePhotosAfterYears: Type.Integer({ minimum: 0, maximum: 10 }),
    deletionNoticeDays: Type.Integer({ minimum: 1, maximum: 90 }),
    /** Months a copy of a monitoring alert is kept (001 §5); one that opened a concern lives on in the concern. Added later: optional. */
    monitoringAlertMonths: Type.Optional(Type.Integer({ minimum: 1, maximum: 84 })),
    /** Years after a pupil leaves that their carers' consent answers are kept, unless a publication still relies on them. Added later: optional. */
    consentAnswersYearsAfterLeaving: Type.Optional(Type.Integer({ minimum: 0, maximum: 25 })),
    /** Child protection records are kept until the pupil's date of birth plus this many years; never fewer than 25 (IRMS). Added later: optional. */
    safeguardingYearsAfterBirth: Type.Optional(Type.Integer({ minimum: 25, maximum: 100 })),
  }),
  policyReview: Type.Object({
    intervalMonths: Type.Integer({ minimum: 1, maximum: 60 }),
    reminderWeeks: Type.Integer({ minimum: 1, maximum: 26 }),
    approvingBody: Type.String({ minLength: 1 }),
    signatories: Type.Array(Type.String({ minLength: 1 }), { minItems: 1 }),
  }),
  ageLimits: Type.Object({ socialMediaMinimumAge: Type.Integer({ minimum: 0, maximum: 18 }) }),
  decisions: Type.Object({
    schoolSocialMediaAccounts: Type.Array(RoleName, { minItems: 1 }),
    /** Who decides a "please block" request and confirms an urgent block (004 §8.4–8.5). */
    blockedContentRequests: Type.Array(RoleName, { minItems: 1 }),
    /** Who decides a "please unblock" request (004 appendix 1); a document without it reads blockedContentRequests. Added later: optional. */
    unblock: Type.Optional(Type.Array(RoleName, { minItems: 1 })),
    photoPublication: Type.Array(RoleName, { minItems: 1 }),
    /** Who approves a school social media account or online service before it is used (REG-1). Added later: optional. */
    accounts: Type.Optional(Type.Array(RoleName, { minItems: 1 })),
  }),
  /** The staff post check (REG-5): the words it treats as negative comment, which the head edits. Added later: optional. */
  postCheck: Type.Optional(Type.Object({ negativeWords: Type.Array(Type.String({ minLength: 2, maxLength: 60 }), { maxItems: 300 }) })),
  /** Pupils' e-safety lessons (AGR-5): the topics each year group is taught this school year, which the head edits. Added later: optional. */
  lessons: Type.Optional(Type.Object({ plannedTopics: Type.Array(Type.String({ minLength: 2, maxLength: 200 }), { maxItems: 60 }) })),
  security: Type.Object({
    requireTwoFactorForAllStaff: Type.Boolean(),
    /** Days the text of a sent e-mail is kept in the outbox before it is deleted (default 30). */
    mailRetentionDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })),
  }),
});

export type PolicySettings = Static<typeof PolicySettings>;
export type ConsentPurpose = Static<typeof ConsentPurpose>;
export type ConsentBasis = NonNullable<ConsentPurpose['basis']>;
export type Naming = NonNullable<Static<typeof PhotoChannel>['naming']>;
export type Deadline = NonNullable<Static<typeof ConcernRoute>['deadline']>;
export type RepeatMisconduct = Static<typeof RepeatMisconduct>;
export type OutOfHours = Static<typeof OutOfHours>;
