/**
 * The twenty-ninth session's readings of the head's approval: an approval in a clause of its own after another duty ("The
 * Headteacher makes sure staff follow it and decides what goes on our website"), and everything the school "publishes".
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

describe("the head's approval of what a channel carries", () => {
  it.each([
    'The Headteacher makes sure staff follow this policy and decides what goes on our website and Facebook page.',
    'The Head of School approves everything the academy publishes about pupils on its website and Facebook page.',
    'Our Headteacher approves everything the school publishes on the website and on Facebook.',
  ])('%s', (sentence) => {
    const found = proposals(`Photographs\n\n${sentence}`);
    expect(found).toHaveProperty(['photos.channels.website.headteacherApproval'], true);
    expect(found).toHaveProperty(['photos.channels.social-media.headteacherApproval'], true);
  });

  it('another approval after the first clause stays out ("…, and agrees any visit from the press")', () => {
    const found = proposals(
      'Photographs\n\nThe Headteacher approves every photograph before it is published on the website, and agrees any visit from the press.',
    );
    expect(found).toHaveProperty(['photos.channels.website.headteacherApproval'], true);
    expect(found).not.toHaveProperty(['photos.channels.press.headteacherApproval']);
  });

  it('a duty with no approval in it is none', () => {
    expect(proposals('Photographs\n\nThe Headteacher makes sure staff follow this policy and reads what goes on our website.')).not.toHaveProperty([
      'photos.channels.website.headteacherApproval',
    ]);
  });
});
