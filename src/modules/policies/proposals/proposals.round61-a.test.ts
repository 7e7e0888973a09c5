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

  it('not across a heading: the rule under "Names" is not the Instagram paragraph\'s', () => {
    const found = proposals(newsletter('No child will be named with a photo.', '## Names\n'));
    expect(found).not.toHaveProperty(['photos.channels.social-media.naming']);
    expect(found).not.toHaveProperty(['photos.channels.website.naming']);
  });

  it('not a form\'s row ("Group photographs (no names will be used) YES NO")', () => {
    const found = proposals(newsletter('Group photographs (no names will be used)   YES   NO'));
    expect(found).not.toHaveProperty(['photos.channels.social-media.naming']);
    expect(found).not.toHaveProperty(['photos.channels.website.naming']);
  });

  it('not a rule that says where it applies another way ("Photo boards inside school show no names.")', () => {
    const found = proposals(newsletter('Photo boards used inside school will not show names with photographs.'));
    expect(found).not.toHaveProperty(['photos.channels.social-media.naming']);
    expect(found).not.toHaveProperty(['photos.channels.website.naming']);
  });

  it('an opening that names no place ("In the interests of safety, …") still takes the paragraph before\'s channels', () => {
    const found = proposals(newsletter('In the interests of safety, no child will be named with a photo.'));
    expect(found).toHaveProperty(['photos.channels.social-media.naming'], 'none');
    expect(found).toHaveProperty(['photos.channels.website.naming'], 'none');
  });

  it('not a rule that opens on a place of its own ("On the class blogs, …")', () => {
    const found = proposals(newsletter('On the class blogs, children may be referred to by first name only.'));
    expect(found).not.toHaveProperty(['photos.channels.social-media.naming']);
    expect(found).not.toHaveProperty(['photos.channels.website.naming']);
  });

  it('the head approving "every post" there approves posts on both channels', () => {
    const found = proposals(newsletter('Every post is approved by the Headteacher before it goes out.'));
    expect(found).toHaveProperty(['photos.channels.social-media.headteacherApproval'], true);
    expect(found).toHaveProperty(['photos.channels.website.headteacherApproval'], true);
  });
});
