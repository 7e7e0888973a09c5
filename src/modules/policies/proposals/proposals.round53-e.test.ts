/**
 * The thirty-ninth session's reading of the social media age said beside its exceptions: "the age limits set by the
 * platforms (13 for most …; 16 for WhatsApp)", "most are 13", "which for almost all social media is 13".
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

describe('the age most platforms set, with exceptions beside it', () => {
  it('"We follow the age limits set by the platforms (13 for most, including Instagram …; 16 for WhatsApp in the UK)"', () => {
    const text =
      'We follow the age limits set by the platforms (13 for most, including Instagram, TikTok and Snapchat; 16 for WhatsApp in the UK). Staff should not set tasks that require pupils to have a social media account.';
    expect(proposals(text)).toHaveProperty(['ageLimits.socialMediaMinimumAge'], 13);
  });

  it('"Pupils must respect the minimum age set by each platform (most are 13; some are 16 or 18)"', () => {
    const text = 'Pupils must respect the minimum age set by each platform (most are 13; WhatsApp is 13 in the UK; some are 16 or 18).';
    expect(proposals(text)).toHaveProperty(['ageLimits.socialMediaMinimumAge'], 13);
  });

  it('"We follow the age limits set by the platforms, which for almost all social media is 13"', () => {
    const text =
      'We follow the age limits set by the platforms, which for almost all social media is 13. We will tell the parent if a pupil under 13 has an account.';
    expect(proposals(text)).toHaveProperty(['ageLimits.socialMediaMinimumAge'], 13);
  });

  it('"13 for most" with no platforms\' limit named ("Reading books: 13 for most of Year 8") settles no social media age', () => {
    expect(proposals('Instagram posts from the library show reading targets: 13 for most of Year 8.')).not.toHaveProperty(['ageLimits.socialMediaMinimumAge']);
  });
});

describe('how long an answer lasts, under the question that asks it', () => {
  it('"How long does my answer last?" over "Your answers last for the whole time your child is at Brackenmoor": never', () => {
    const text = [
      'How long does my answer last?',
      'Your answers last for the whole time your child is at Brackenmoor (up to the end of Year 8), unless you change them.',
    ].join('\n');
    expect(proposals(text)).toHaveProperty(['consent.lapse'], 'never');
  });

  it('"How long does the trip last?" over "Your answers last for the whole time…" is no question about consent', () => {
    const text = ['How long does the trip last?', 'Your answers last for the whole time your child is away.'].join('\n');
    expect(proposals(text)).not.toHaveProperty(['consent.lapse']);
  });
});
