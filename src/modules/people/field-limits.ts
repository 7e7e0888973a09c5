/**
 * The longest values the app keeps for people, in one place: the import refuses longer ones line by
 * line, and the staff forms name the field. Generous for real names and addresses (RFC 5321 allows
 * 254 characters in an e-mail address), small enough that a crafted export can't fill pages or mail.
 */
export const fieldLimits = {
  /** A given, family or preferred name. */
  name: 100,
  email: 254,
  /** An MIS identifier (sourcedId) of a person, class or enrolment. */
  sourcedId: 255,
  classTitle: 200,
  phone: 50,
} as const;
