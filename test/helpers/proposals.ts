import { sentencesOf } from '../../src/modules/policies/proposals/text.ts';
import type { SentencePattern } from '../../src/modules/policies/proposals/types.ts';

/** What a policy-proposal table finds in one sentence: { setting: value }, conflicts (null) included. */
export function read(table: SentencePattern[], sentence: string): Record<string, unknown> {
  const [s] = sentencesOf(sentence);
  const out: Record<string, unknown> = {};
  for (const pattern of table) for (const f of pattern.read(s)) out[f.setting] = f.value;
  return out;
}
