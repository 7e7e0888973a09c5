/**
 * How much of a page the engine reads, so that no text keeps the policy page (or the server) waiting: a line is read to
 * its 4,000th character, a "sentence" of over 2,000 characters is not read, a list item carries its last twenty
 * siblings, and a page is read to its 500,000th character. Before these bounds a 200,000-character line of brackets took
 * 17 s, a 100,000-letter word 5.6 s, and 30,000 list items ran the process out of memory.
 */
import { describe, expect, it } from 'vitest';
import { lastLineRead, longestPage, proposeSettings } from './engine.ts';
import { proposals } from '../../../../test/helpers/proposals.ts';

const timed = (text: string) => {
  const started = performance.now();
  proposeSettings(text);
  return performance.now() - started;
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
  const page = `${swimming}\n\n${filler}\nPhotographs will not be taken in changing rooms.`;

  it('is read up to its 500,000th character: what comes before is proposed, what comes after is not', () => {
    const { proposals: found } = proposeSettings(page);
    expect(found.find((p) => p.setting === 'photos.prohibitedContexts')?.value).toEqual(['swimming']);
  });

  it('names the line reading stopped at; any shorter page has none', () => {
    expect(lastLineRead(page)).toBe(page.slice(0, longestPage).split('\n').length);
    expect(lastLineRead(page)).toBeGreaterThan(11_000);
    expect(lastLineRead(`${swimming}\n\n${filler.slice(0, 1000)}`)).toBeNull();
  });
});
