/**
 * The thirty-seventh session's review dates: both dates on one header row with "Last review:" before "Next review:", and
 * a "full" review.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

describe('both review dates on one header row', () => {
  it('"Last review: July 2024   Next review: July 2025" is a yearly review', () => {
    expect(proposals('E-SAFETY POLICY\n\nLast review: July 2024        Next review: July 2025\n')).toHaveProperty(['policyReview.intervalMonths'], 12);
  });

  it('"Last full review: 18 September 2024   Next full review: September 2025 (…reviewed termly…)" is a yearly review', () => {
    const text = 'RISK REGISTER\n\nLast full review: 18 September 2024        Next full review: September 2025 (this section reviewed termly)\n';
    expect(proposals(text)).toHaveProperty(['policyReview.intervalMonths'], 12);
  });

  it('dates two and a half years apart on one row settle nothing', () => {
    expect(proposals('E-SAFETY POLICY\n\nLast review: January 2024        Next review: July 2026\n')).not.toHaveProperty(['policyReview.intervalMonths']);
  });
});
