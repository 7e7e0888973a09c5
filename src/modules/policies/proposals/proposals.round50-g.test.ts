/**
 * The thirty-sixth session's readings of posts about the school: a bullet whose first line ends in a colon and goes on,
 * indented, in lower case; comments "about the Trust … posted by parents", "online comments about the school", "the
 * subject of abusive … comments", "criticism of the school".
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

const route = (text: string) => proposals(text)['concerns.routes.disparaging-content.notify'];

describe('a post about the school, and whom it goes to', () => {
  it('a bullet that ends in a colon and goes on, indented, on the next line', () => {
    const text = [
      '- A post about the school, a member of staff or a pupil on social media that causes concern:',
      '  tell the Headteacher. Please do not reply to it.',
      '- A pupil who sees something upsetting online: tell the class teacher.',
    ].join('\n');
    expect(route(text)).toEqual(['headteacher']);
  });

  it.each([
    'Staff should not respond to comments about the Trust, an academy or a member of staff posted by parents or others. They should take a screenshot and inform the Headteacher.',
    'Online comments about the school, staff or pupils that you become aware of (including complaints in parents’ groups) should be passed to the Headteacher.',
    'If a member of staff finds they are the subject of abusive or upsetting comments online, they should take screenshots and tell the Headteacher.',
    'Comments by parents on social media about the academy should be passed to the Headteacher, not answered by individual staff.',
  ])('%s', (text) => expect(route(text)).toEqual(['headteacher']));

  it.each([
    'We love reading online comments about the school from our families, and the office passes them on to the Headteacher.',
    'Criticism of the school should be raised through the complaints procedure and reported to the Headteacher.',
    'If a pupil is the target of abusive messages online, they should tell their form tutor.',
  ])('no post about the school: %s', (text) => expect(route(text)).toBeUndefined());
});

describe('a school’s blog is its website', () => {
  it('"On the school X account and the Glow blog, we do not name children in photographs"', () => {
    const got = proposals('On the school X account and the Glow blog, we do not name children in photographs.');
    expect(got).toHaveProperty(['photos.channels.website.naming'], 'none');
    expect(got).toHaveProperty(['photos.channels.social-media.naming'], 'none');
  });

  it('a class blog’s own rule is not the website’s', () => {
    const text = [
      'On the Facebook page and the website we do not put a child’s name next to their photograph.',
      'On the class blogs, children may be referred to by first name only.',
    ].join('\n\n');
    expect(proposals(text)).toHaveProperty(['photos.channels.website.naming'], 'none');
  });
});
