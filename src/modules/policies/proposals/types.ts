import type { Sentence } from './text.ts';
import type { Line } from './text.lines.ts';

/**
 * One setting a sentence settles. `union`: several sentences naming recipients for the same setting add up. `at-most`:
 * the value is a ceiling ("no full names": a first name at most), which a stricter value elsewhere keeps to. `fallback`:
 * the value stands only when no other sentence settles the setting (a body that reviews the policy, where none approves it).
 * `adds`: recipients told besides those the sentence just before names ("…tell Mr Hartley. If a pupil has seen it, also
 * tell the designated person."): joined to that sentence's list, or dropped if it names none (merge.ts, withAdditions).
 */
export interface Found {
  setting: string;
  value: unknown;
  combine?: 'union' | 'at-most' | 'fallback' | 'adds';
}

/** One way a school might say something, with a sentence it was written for (shown in its tests). */
export interface SentencePattern {
  name: string;
  read: (s: Sentence) => Found[];
  /** Also read a sentence ending in a colon together with the list items under it ("…consent for the following uses:" then bullets). */
  readsLists?: boolean;
}

/** Patterns that read several lines together (a signature block, review dates in a header). */
export interface BlockPattern {
  name: string;
  read: (lines: Line[]) => (Found & { line: number; quote: string })[];
}

export interface Proposal {
  setting: string;
  value: unknown;
  quote: string;
  line: number;
}

export interface Proposals {
  proposals: Proposal[];
  unrepresented: { quote: string; line: number }[];
}
