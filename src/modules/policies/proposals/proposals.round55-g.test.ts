/**
 * The forty-first session: a review interval from a footer's or header's one row: a version's date beside the review's,
 * the approval's date among others on the row, and a poster's "next check".
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

const interval = 'policyReview.intervalMonths';

describe('the review interval from one row of dates', () => {
  it('"Version 3 · September 2024 · Review: September 2025 (DSL)"', () => {
    const text = [
      'Online worries: a guide for staff',
      '',
      'Tell the DSL the same day.',
      '',
      '*Version 3 · September 2024 · Review: September 2025 (DSL)*',
    ].join('\n');
    expect(proposals(text)).toHaveProperty([interval], 12);
  });

  it('"Last updated: 9 September 2024 · Agreed by governors: …, 2 July 2024 · Next review: July 2025": the approval’s date', () => {
    const text = [
      'Photographs and video',
      '',
      '*Last updated: 9 September 2024 · Agreed by governors: Resources & Premises Committee, 2 July 2024 · Next review: July 2025*',
    ].join('\n');
    expect(proposals(text)).toHaveProperty([interval], 12);
  });

  it('"Poster updated: September 2024" over "Next check: September 2025"', () => {
    const text = ['Our safeguarding team', '', 'Poster updated: September 2024 (JR)', 'Next check: September 2025 - or when staff change'].join('\n');
    expect(proposals(text)).toHaveProperty([interval], 12);
  });

  it('an update beside a review a year and two months on settles nothing', () => {
    const text = ['Photographs and video', '', '*Version 3 · September 2024 · Review: November 2025*'].join('\n');
    expect(proposals(text)).not.toHaveProperty([interval]);
  });

  it('the label on the line the row wraps from: "…agreed by the Board of Governors" then "Sept 2025. Next review Sept 2026."', () => {
    const text = [
      'Reporting a concern: flowchart',
      '',
      'This flowchart forms part of the Safeguarding Policy. Reviewed by the DT and agreed by the Board of Governors',
      'Sept 2025. Next review Sept 2026.',
    ].join('\n');
    expect(proposals(text)).toHaveProperty([interval], 12);
  });

  it('a label a blank line away is no label for the row', () => {
    const text = ['Reporting a concern', '', 'Agreed by the governors', '', 'September 2024. Next review September 2025.'].join('\n');
    expect(proposals(text)).not.toHaveProperty([interval]);
  });
});
