import { describe, expect, it } from 'vitest';
import { proposeSettings } from './engine.ts';
import { rememberProposals } from './remembered.ts';
import type { Proposals } from './types.ts';

const page = (n: number) => `Any cyber bullying must be reported to the DSL. This policy will be reviewed every ${n} years.`;

/** A reader that counts its reads. */
function counted() {
  const texts: string[] = [];
  const read = (text: string): Proposals => {
    texts.push(text);
    return proposeSettings(text);
  };
  return { texts, read };
}

describe('proposals kept for the texts read last (remembered.ts)', () => {
  it('reads a text once, however often its page is shown', () => {
    const { texts, read } = counted();
    const proposals = rememberProposals(read);
    const first = proposals(page(2));
    expect(proposals(page(2))).toEqual(first);
    expect(proposals(page(2))).toEqual(first);
    expect(texts).toHaveLength(1);
    expect(first.proposals).toContainEqual(expect.objectContaining({ setting: 'policyReview.intervalMonths', value: 24 }));
  });

  it('reads an edited text afresh: a new version proposes what it says', () => {
    const { texts, read } = counted();
    const proposals = rememberProposals(read);
    proposals(page(2));
    const edited = proposals(page(3));
    expect(texts).toHaveLength(2);
    expect(edited.proposals).toContainEqual(expect.objectContaining({ setting: 'policyReview.intervalMonths', value: 36 }));
  });

  it('keeps only the last few texts, the one shown longest ago going first', () => {
    const { texts, read } = counted();
    const proposals = rememberProposals(read, 2);
    proposals(page(1));
    proposals(page(2));
    proposals(page(1)); // shown again: now the newest
    proposals(page(3)); // page(2) goes
    expect(texts).toHaveLength(3);
    proposals(page(1));
    expect(texts).toHaveLength(3);
    proposals(page(2));
    expect(texts).toHaveLength(4);
  });

  it('gives each caller its own copy: changing one, however deep, does not change what the next is shown', () => {
    const proposals = rememberProposals(proposeSettings);
    const text = 'Any cyber bullying must be reported to the DSL.';
    const route = (found: Proposals) => found.proposals.find((p) => p.setting === 'concerns.routes.cyber-bullying.notify');
    const first = proposals(text);
    (route(first)!.value as string[]).push('office');
    const second = proposals(text);
    expect(route(second)!.value).toEqual(['dsl']);
    second.proposals.length = 0;
    (route(proposals(text))!.value as string[]).push('headteacher');
    expect(route(proposals(text))!.value).toEqual(['dsl']);
  });
});
