/**
 * The thirty-fourth session's reading of a header row that says when a page was agreed and when it is next looked at:
 * "Agreed by: SLT, 20 January 2025   Review: January 2026".
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

describe('agreed, then the review, on one header row', () => {
  it.each([
    ['Agreed by: SLT, 20 January 2025                                 Review: January 2026 (or if Trust policy changes)', 12],
    ['Agreed: Governing Board, March 2024    Review: March 2026', 24],
  ])('%s', (row, months) => {
    const text = ['Press Enquiries Procedure', '', row, '', '1. Purpose', '', 'This procedure says who answers the press.'].join('\n');
    expect(proposals(text)).toHaveProperty(['policyReview.intervalMonths'], months);
  });

  it('an agreement with no date beside the review gives no interval', () => {
    const text = ['Press Enquiries Procedure', '', 'Agreed by: SLT    Review: January 2026', '', 'This procedure says who answers the press.'].join('\n');
    expect(proposals(text)).not.toHaveProperty(['policyReview.intervalMonths']);
  });
});
