/**
 * The thirty-third session's reading of who approves what the school publishes: "approves anything published in the
 * school's name", said in a role's list of duties or as a sentence; and the head who may delegate it, who decides
 * publishing but does not approve each post on the channel.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

describe('anything the school publishes', () => {
  it.each([
    ['The Principal approves anything published in the school’s name.', ['headteacher']],
    ['The Deputy Head signs off everything that is published about the school.', ['deputy-headteacher']],
    [
      ['Roles', '', 'Head Teacher', '- leads the school’s online safety work', '- approves anything published in the school’s name'].join('\n'),
      ['headteacher'],
    ],
  ])('%s', (text, roles) => expect(proposals(text)).toHaveProperty(['decisions.photoPublication'], roles));

  it('the head who may delegate it decides publishing, but does not approve each post on the channels named', () => {
    const read = proposals('The Headteacher approves anything published on the school website or Facebook page, or delegates this to a named senior leader.');
    expect(read).toHaveProperty(['decisions.photoPublication'], ['headteacher']);
    expect(read).not.toHaveProperty(['photos.channels.website.headteacherApproval']);
    expect(read).not.toHaveProperty(['photos.channels.social-media.headteacherApproval']);
  });

  it('under a channel’s heading, anything published in the school’s name is still no one channel’s', () => {
    const read = proposals(['Our website', '', 'The Headteacher approves anything published in the school’s name.'].join('\n'));
    expect(read).toHaveProperty(['decisions.photoPublication'], ['headteacher']);
    expect(read).not.toHaveProperty(['photos.channels.website.headteacherApproval']);
  });

  it.each([
    // What someone reads or checks afterwards decides nothing; nor does a parent's approval of their own posts.
    'The governors review a sample of everything published each term.',
    'Parents approve anything published about their own child on the class page.',
    // Not publishing, and not the school's: what pupils post is checked, not approved for the school.
    'The Headteacher approves anything purchased for the school.',
    'Staff check everything posted by pupils on the learning platform.',
  ])('nothing from: %s', (text) => expect(proposals(text)).not.toHaveProperty(['decisions.photoPublication']));
});
