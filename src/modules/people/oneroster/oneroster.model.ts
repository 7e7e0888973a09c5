/**
 * The typed model of a OneRoster 1.1 package: what the parser produces and the import applies.
 * Kept apart from the parser so the per-file readers (oneroster.records.ts) and the parser both
 * depend on it, and not on each other.
 */
export type RosterRole = 'pupil' | 'carer' | 'staff';

export interface RosterClass {
  sourcedId: string;
  title: string;
  yearGroup: number | null;
  toBeDeleted: boolean;
  line: number;
}

export interface RosterUser {
  sourcedId: string;
  kind: RosterRole;
  /** The original role text, lower-cased: student, parent, guardian, relative, teacher, aide or administrator. */
  oneRosterRole: string;
  givenName: string;
  familyName: string;
  preferredName: string | null;
  email: string | null;
  phone: string | null;
  /** For staff: the day they started (YYYY-MM-DD), when the export says (an extension column; OneRoster 1.1 has none). */
  startDate: string | null;
  /** For pupils: their carers; for carers: their pupils. Either side may list the link; both sides get it. */
  agentSourcedIds: string[];
  toBeDeleted: boolean;
  line: number;
}

export interface RosterEnrollment {
  sourcedId: string;
  classSourcedId: string;
  userSourcedId: string;
  role: string;
  /** When the person joined the class (YYYY-MM-DD), if the export says. */
  beginDate: string | null;
  toBeDeleted: boolean;
  line: number;
}

export interface RosterPackage {
  /** From manifest.csv; 'delta' if any of users, classes or enrollments is a delta, 'bulk' when there is no manifest. */
  mode: 'bulk' | 'delta';
  classes: RosterClass[];
  users: RosterUser[];
  enrollments: RosterEnrollment[];
  /** User sourcedId → 'YYYY-MM-DD', from demographics.csv. */
  birthDates: Map<string, string>;
  /** Carer sourcedId → 'parent' | 'guardian' | 'relative'. */
  relationships: Map<string, string>;
  /**
   * From a plain CSV export, which says per pupil–contact link what OneRoster cannot: keyed
   * `pupilSourcedId:carerSourcedId`. When present it replaces the agents and relationships above.
   */
  contactLinks?: Map<string, ContactLink>;
}

export interface ContactLink {
  pupilSourcedId: string;
  carerSourcedId: string;
  relationship: string;
  parentalResponsibility: boolean;
  /** 1 is contacted first; null when the export gives no order. */
  priority: number | null;
  courtOrder: boolean;
}

export type RosterResult = { ok: true; roster: RosterPackage } | { ok: false; problems: string[] };

export interface RosterParseOptions {
  /** Classes already in the app, which a delta's enrollments may refer to without listing them in classes.csv. */
  knownClassSourcedIds?: ReadonlySet<string>;
  /** People already in the app, which a delta's enrollments, agents and demographics may refer to. */
  knownUserSourcedIds?: ReadonlySet<string>;
}
