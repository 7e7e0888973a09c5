/**
 * How much of a page the engine reads, so that no text keeps the policy page (or the server) waiting: whole lines up to
 * the 500,000th character, each line cut back to its last full sentence before 4,000 characters, no "sentence" of over
 * 2,000 characters, and a list item given its earlier items up to 20,000 characters. Before these bounds a
 * 200,000-character line of brackets took 17 s, a 100,000-letter word 5.6 s, and 30,000 list items ran the process out
 * of memory.
 */
import { describe, expect, it } from 'vitest';
import { lastLineRead, longestLine, longestPage } from './bounds.ts';
import { proposeSettings } from './engine.ts';
import { cpuStopwatch } from '../../../../test/helpers/cpu.ts';
import { proposals } from '../../../../test/helpers/proposals.ts';

/**
 * The CPU time the reading takes, in milliseconds: not the wall clock, which under a full test run on two cores counted
 * 20.6 s for a read that takes 4.0 s alone (the other files' work, while this one waited its turn).
 */
const timed = (text: string) => {
  const elapsed = cpuStopwatch();
  proposeSettings(text);
  return elapsed();
};

const swimming = 'Photographs will not be taken of children in swimming lessons.';

describe('text no policy is written in is read in bounded time', () => {
  it('a line of 200,000 brackets, and a word of 100,000 letters (17 s and 5.6 s before)', () => {
    expect(timed('('.repeat(200_000))).toBeLessThan(3000);
    expect(timed(`${swimming}\n\n${'x'.repeat(100_000)}`)).toBeLessThan(3000);
  });

  it('"Approved by: " said 36,000 times on one line (14 s before)', () => {
    expect(timed('Approved by: '.repeat(36_000))).toBeLessThan(3000);
  });

  it('38,000 lines of "Approved by:" (45 s before: each lead walked back through its whole section)', () => {
    expect(timed('Approved by:\n'.repeat(38_000))).toBeLessThan(15_000);
  });

  it('a long line still gives what its first sentences say', () => {
    const line = `${swimming} ${'The school day starts at nine. '.repeat(300)}`;
    expect(line.length).toBeGreaterThan(4000);
    expect(proposals(line)).toHaveProperty(['photos.prohibitedContexts'], ['swimming']);
  });
});

describe('a "sentence" longer than any a policy writes', () => {
  it('over 2,000 characters, it proposes nothing; the same rule in a sentence of its own does', () => {
    const runOn = `${swimming.replace(/\.$/, '')} ${'or at any other time during the school day '.repeat(50)}`;
    expect(runOn.length).toBeGreaterThan(2000);
    expect(proposals(runOn)).not.toHaveProperty(['photos.prohibitedContexts']);
    expect(proposals(`${runOn}.\n\n${swimming}`)).toHaveProperty(['photos.prohibitedContexts'], ['swimming']);
  });
});

describe('a page longer than the engine reads', () => {
  const filler = 'Appendix: the school calendar for the year\n'.repeat(Math.ceil(longestPage / 43) + 10);
  const page = `${swimming}\n\n${filler}\nImages of pupils are deleted after three years.`;
  /** Where line n (counted from 1) ends in the page. */
  const endOf = (text: string, n: number) => text.split('\n').slice(0, n).join('\n').length;

  it('is read in whole lines up to its 500,000th character: what comes before is proposed, what comes after is not', () => {
    const settings = proposeSettings(page).proposals.map((p) => p.setting);
    expect(settings).toContain('photos.prohibitedContexts');
    expect(settings).not.toContain('retention.deletePhotosAfterYears');
    // (The same sentence inside the limit is read: the test above is not passing for want of a reading.)
    expect(proposals(`${swimming}\n\nImages of pupils are deleted after three years.`)).toHaveProperty(['retention.deletePhotosAfterYears'], 3);
  });

  it('names the last line read: it ends within the 500,000 characters, the next does not; a shorter page has none', () => {
    const last = lastLineRead(page)!;
    expect(endOf(page, last)).toBeLessThanOrEqual(longestPage);
    expect(endOf(page, last + 1)).toBeGreaterThan(longestPage);
    // (Also when the 500,000th character is itself a line's end.)
    const pad = 'x'.repeat((longestPage - 1) % 43);
    const exact = `${pad}\n${filler}`;
    expect(exact[longestPage - 1]).toBe('\n');
    const lastExact = lastLineRead(exact)!;
    expect(endOf(exact, lastExact)).toBeLessThanOrEqual(longestPage);
    expect(endOf(exact, lastExact + 1)).toBeGreaterThan(longestPage);
    expect(lastLineRead(`${swimming}\n\n${filler.slice(0, 1000)}`)).toBeNull();
  });
});

describe('a line longer than the engine reads', () => {
  it('is cut back to its last full sentence: what comes before is read, the sentence across the cut is not', () => {
    // (The 4,000th character falls just after "…on our Facebook page", in a sentence that goes on "without written
    // parental consent": cut there, it would say no names.)
    const rule = "Children's names are never used on our Facebook page";
    const opening = `${swimming} `;
    const filler = 'The school day starts at nine. '.repeat(118);
    const before = `${opening}${filler}${'y'.repeat(longestLine - opening.length - filler.length - rule.length - 2)}. `;
    const line = `${before}${rule} without written parental consent.`;
    expect(line.indexOf(' without')).toBe(longestLine);
    const found = proposals(line);
    expect(found).toHaveProperty(['photos.prohibitedContexts'], ['swimming']);
    expect(found).not.toHaveProperty(['photos.channels.social-media.naming']);
  });
});

describe('a long list', () => {
  it('still knows the channels its earlier items name, however far up (two here: no one channel for "every post")', () => {
    const items = [
      '- We have a school Facebook page.',
      ...Array.from({ length: 40 }, (_, i) => `- Rule ${i + 1}: staff take care with devices.`),
      '- We also have a website.',
      '- Every post is approved by the Head of School first.',
    ];
    expect(proposals(items.join('\n'))).not.toHaveProperty(['photos.channels.website.headteacherApproval']);
  });
});
