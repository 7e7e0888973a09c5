/**
 * The twenty-eighth session's readings of tagging: pupils' own accounts tagged in the school's posts ("We don't tag
 * students' personal accounts") are the school's rule, where staff's own accounts are their conduct; "learners" are pupils;
 * "no names, no tagging" beside a social media channel tags no pupil.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

const tagging = 'photos.channels.social-media.tagging';

describe("pupils' own accounts, tagged in the school's posts", () => {
  it.each([
    "We never tag our pupils' personal accounts in anything the school posts.",
    'The academy’s official accounts do not follow, tag or message students’ personal accounts.',
    "- Don't tag a learner's own social media account in a school post, even if they ask you to.",
    '| Facebook / Instagram | First names only; no tagging of pupils’ personal accounts |',
  ])('%s', (sentence) => {
    expect(proposals(`Official social media\n\n${sentence}`)).toHaveProperty([tagging], false);
  });

  it("staff's own accounts are still their conduct, not the school's rule", () => {
    expect(proposals('Staff must never tag pupils in photographs on their own personal social media accounts.')).not.toHaveProperty([tagging]);
  });

  it("a pupil's pledge about their own account is no rule of the school's", () => {
    expect(proposals("I will not tag other students' personal accounts in photos without asking them.")).not.toHaveProperty([tagging]);
  });
});

describe('learners, and "no names, no tagging" beside a channel', () => {
  it('"we do not tag learners in posts"', () => {
    expect(proposals('Cyfryngau cymdeithasol / Social media\n\nWe do not tag learners in posts on our Facebook page.')).toHaveProperty([tagging], false);
  });

  it('a table row "School Facebook page | No names, no tagging"', () => {
    const text = ['Use | Who can see it | Consent needed | Names', 'School Facebook page | Anyone | Yes | No names, no tagging'].join('\n');
    expect(proposals(text)).toHaveProperty([tagging], false);
  });

  it('a line of a staff card: "College Instagram ..... no names, no tags, ever"', () => {
    expect(proposals('Where photos can go\n\nCollege Instagram / X ..... no names, no tags, ever')).toHaveProperty([tagging], false);
  });

  it('but "no names, no tagging" about the newsletter says nothing of social media', () => {
    expect(proposals('Printed newsletter: no names, no tagging of families in the captions.')).not.toHaveProperty([tagging]);
  });
});
