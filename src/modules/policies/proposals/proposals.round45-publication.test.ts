/**
 * The thirty-first session's reading of the head approving what goes on the school's channels: on two channels or more
 * ("The Headteacher decides what is published on the website and the Facebook page") the head is who approves publishing
 * as a whole, as well as each channel's approver; on one channel only, that channel's approver.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

describe('the head approving what goes on the channels', () => {
  it('two channels: each channel, and publishing as a whole', () => {
    const found = proposals('The Headteacher decides what is published about the school on the website and the school Facebook page.');
    expect(found).toHaveProperty(['photos.channels.website.headteacherApproval'], true);
    expect(found).toHaveProperty(['photos.channels.social-media.headteacherApproval'], true);
    expect(found).toHaveProperty(['decisions.photoPublication'], ['headteacher']);
  });

  it('"Nothing goes on Facebook or the website until the Head has checked it"', () => {
    const found = proposals('- Nothing goes on Facebook or the website until the Head of School has checked it.');
    expect(found).toHaveProperty(['decisions.photoPublication'], ['headteacher']);
  });

  it('one channel: that channel only', () => {
    const found = proposals('No photograph is posted on the school Instagram account until it has been checked by the Headteacher.');
    expect(found).toHaveProperty(['photos.channels.social-media.headteacherApproval'], true);
    expect(found).not.toHaveProperty(['decisions.photoPublication']);
  });

  it('someone else approving two channels is no head approval', () => {
    const found = proposals('The Business Manager decides what is published on the website and the Facebook page.');
    expect(found).not.toHaveProperty(['photos.channels.website.headteacherApproval']);
    expect(found).not.toHaveProperty(['decisions.photoPublication'], ['headteacher']);
  });
});
