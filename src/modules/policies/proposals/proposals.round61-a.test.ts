/**
 * The forty-seventh session. A naming rule that names no channel, in a paragraph of its own, takes its channels from the
 * paragraph just before it in its section ("…will go on our Instagram account and the website." then "No child will be
 * named with a photo."): not from the page's title, which on a newsletter names the newsletter itself.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

const newsletter = (rule: string, between = '') =>
  [
    '# OAKWOOD PRIMARY NEWSLETTER',
    '',
    'Spring Term — Issue 3',
    '',
    '## Sports day photographs',
    '',
    'Two teachers will take photographs on the school tablets. Only these photos will be posted on our Instagram account and the school website, and only of children whose families said yes on the permission form.',
    '',
    between,
    rule,
  ].join('\n');

describe('a naming rule takes its channels from the paragraph before it', () => {
  it('"No child will be named with a photo." after the paragraph naming Instagram and the website: both, not the newsletter', () => {
    const found = proposals(newsletter('No child will be named with a photo.'));
    expect(found).toHaveProperty(['photos.channels.social-media.naming'], 'none');
    expect(found).toHaveProperty(['photos.channels.website.naming'], 'none');
    expect(found).not.toHaveProperty(['photos.channels.newsletter.naming']);
  });

  it('said another way ("We never put a pupil\'s name beside their picture."): the same channels', () => {
    const found = proposals(newsletter("We never put a pupil's name beside their picture."));
    expect(found).toHaveProperty(['photos.channels.social-media.naming'], 'none');
    expect(found).toHaveProperty(['photos.channels.website.naming'], 'none');
  });

  it('not across a heading: the rule under "Our newsletter" is not the Instagram paragraph\'s', () => {
    const found = proposals(newsletter('No child will be named with a photo.', '## Our newsletter\n'));
    expect(found).not.toHaveProperty(['photos.channels.social-media.naming']);
    expect(found).not.toHaveProperty(['photos.channels.website.naming']);
  });

  it('not a form\'s row ("Outside the school (no names will be used) YES NO")', () => {
    const found = proposals(newsletter('Outside the school (no names will be used)   YES   NO'));
    expect(found).not.toHaveProperty(['photos.channels.social-media.naming']);
    expect(found).not.toHaveProperty(['photos.channels.website.naming']);
  });

  it('not a rule that says where it applies another way ("Photo boards inside school show no names.")', () => {
    const found = proposals(newsletter('Photo boards used inside school will not show names with photographs.'));
    expect(found).not.toHaveProperty(['photos.channels.social-media.naming']);
    expect(found).not.toHaveProperty(['photos.channels.website.naming']);
  });
});
