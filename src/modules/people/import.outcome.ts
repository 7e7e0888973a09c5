/**
 * What an import reports (counts, leavers, moves, held e-mail changes, problems by line), and the
 * batching both import writers use. Shared by import.apply.ts and import.staff.ts, so neither
 * imports the other.
 */
export interface Counts {
  created: number;
  updated: number;
  left: number;
}
export interface ImportSummary {
  pupils: Counts;
  carers: Counts;
  staff: Counts;
  classes: Counts;
}
export interface ImportOutcome {
  summary: ImportSummary;
  /** The changes a person should look at before confirming. */
  leavers: string[];
  moves: { name: string; from: string | null; to: string | null }[];
  /** E-mail addresses the MIS would change: never applied by the import, only by the headteacher. */
  emailChangesHeld: EmailChangeHeld[];
  problems: string[];
}
export interface EmailChangeHeld {
  sourcedId: string;
  name: string;
  from: string | null;
  to: string;
}

export const chunk = <T>(items: T[], size = 500): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
