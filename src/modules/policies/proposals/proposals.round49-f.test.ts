/**
 * The thirty-fifth session's last readings: a request to families, or a rule for what goes beside an image, is no "the
 * school does not use social media"; a governor reviewing incidents each term is no review cycle for the policy.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

const asked = '| C | Photographs on the school Facebook page | [ ] Yes | [ ] No |';

describe('social media the school uses, beside sentences that only mention it', () => {
  it.each([
    'Please do not use social media to complain about a teacher or another family.',
    'We do not publish any photograph alongside a pupil’s home address, and we avoid naming a pupil’s village in images on social media.',
  ])('%s', (sentence) => {
    const text = ['Photo consent form', '', 'Please tick yes or no for each use.', '', asked, '', sentence].join('\n');
    expect(proposals(text)).toHaveProperty(['consent.purposes.social-media.active'], true);
  });

  it('"The school does not use social media" still says so', () => {
    expect(proposals('The school does not use social media.')).toHaveProperty(['consent.purposes.social-media.active'], false);
  });
});

describe('how often the policy is reviewed', () => {
  it('a governor who reviews incidents each term sets no cycle for the policy', () => {
    const text = [
      'Date approved: November 2024 / Review date: November 2025 (annually)',
      '',
      'Governors approve this policy; the safeguarding governor meets the DSL termly and reviews online safety incidents.',
    ].join('\n');
    expect(proposals(text)).toHaveProperty(['policyReview.intervalMonths'], 12);
  });
});
