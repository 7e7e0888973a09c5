/**
 * The thirty-sixth session's readings of a review cycle from a header's dates: "Date to be reviewed", "To be looked at
 * again", and a header that comes after a web page's menu or a letter.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

const interval = (text: string) => proposals(text)['policyReview.intervalMonths'];

describe('a review cycle from the dates a header gives', () => {
  it('"Date adopted: September 2024" over "Date to be reviewed: September 2025 (or sooner…)"', () => {
    expect(interval('Date adopted: September 2024\nDate to be reviewed: September 2025 (or sooner if the law changes)\n')).toBe(12);
  });

  it('"Agreed by the management committee: March 2024" over "To be looked at again: March 2026"', () => {
    expect(interval('Agreed by the management committee: March 2024\nTo be looked at again: March 2026\n')).toBe(24);
  });

  it('the next review of something else sets nothing', () => {
    const body = 'Staff use school devices for photographs.\n\n'.repeat(25);
    expect(
      interval(`Approved by the Governing Body: September 2024\n\n${body}Next review of the filtering provider: September 2026\n\n${body}`),
    ).toBeUndefined();
  });

  it('a header after fifty lines of a web page’s menu and text', () => {
    const menu = Array.from({ length: 45 }, (_, i) => `Menu item ${i + 1}`).join('\n');
    const text = `${menu}\n\nLast updated: September 2024 | Next review: September 2025\n\n${'We take photographs of school life.\n\n'.repeat(30)}`;
    expect(interval(text)).toBe(12);
  });
});
