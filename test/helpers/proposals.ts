import { proposeSettings } from '../../src/modules/policies/proposals/engine.ts';
import { reviewBlocks } from '../../src/modules/policies/proposals/review.table.ts';
import { sentencesOf } from '../../src/modules/policies/proposals/text.ts';
import { policyLines } from '../../src/modules/policies/proposals/text.lines.ts';
import type { SentencePattern } from '../../src/modules/policies/proposals/types.ts';

/** What a policy-proposal table finds in one sentence: { setting: value }, conflicts (null) included. */
export function read(table: SentencePattern[], sentence: string): Record<string, unknown> {
  const [s] = sentencesOf(sentence);
  const out: Record<string, unknown> = {};
  for (const pattern of table) for (const f of pattern.read(s)) out[f.setting] = f.value;
  return out;
}

/** What the policy header's blocks (signatures, dates under labels, approvers below) find in some lines: { setting: value }. */
export const blocks = (text: string): Record<string, unknown> =>
  Object.fromEntries(reviewBlocks.flatMap((b) => b.read(policyLines(text))).map((f) => [f.setting, f.value]));

/** What the engine proposes for a whole page: { setting: value }. */
export const proposals = (page: string): Record<string, unknown> => Object.fromEntries(proposeSettings(page).proposals.map((p) => [p.setting, p.value]));

/** The consent uses a page is read to ask about (each `consent.purposes.KEY.active` proposed true), sorted. */
export const uses = (page: string): string[] =>
  proposeSettings(page)
    .proposals.filter((p) => /^consent\.purposes\.[a-z-]+\.active$/.test(p.setting) && p.value === true)
    .map((p) => p.setting.split('.')[2])
    .sort();
