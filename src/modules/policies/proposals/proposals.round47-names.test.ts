/**
 * The thirty-third session's naming readings: "no full names" followed by a sentence that keeps any name apart from
 * photographs ("a first name may go with a piece of work, but never next to a photo") is no names beside photographs;
 * and "names never appear" is a naming rule.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

describe('a first name kept apart from photographs, in the next sentence', () => {
  it.each([
    'Pupils’ surnames are never published on the school website. A first name may go with a child’s artwork, but never beside a photo of them.',
    'On the website we do not use full names. Where a child is named for an achievement, no photograph of the child will be used.',
    'Full names of pupils will not appear on our website. We may give a first name with a story, but not with a picture of the child.',
  ])('%s', (text) => expect(proposals(text)).toHaveProperty(['photos.channels.website.naming'], 'none'));

  it('not when the next sentence is about another channel', () => {
    const text = 'We do not print full names on the website. In the newsletter a first name may be used, but not with a photograph of that child.';
    expect(proposals(text)).toHaveProperty(['photos.channels.website.naming'], 'first-names');
  });

  it('not when the next sentence lets names beside photographs through with consent', () => {
    const text = 'We do not print full names on the website. A first name is never shown with a photograph unless the family has agreed.';
    expect(proposals(text)).not.toHaveProperty(['photos.channels.website.naming'], 'none');
  });

  it('not when the next sentence keeps photographs of some pupils off, with no word of names', () => {
    const text = 'We do not print full names on the website. No photographs will be published of pupils on the protection register.';
    expect(proposals(text)).toHaveProperty(['photos.channels.website.naming'], 'first-names');
  });

  it('not across paragraphs', () => {
    const text = 'We do not print full names on the website.\n\nA first name may go with a piece of work, but never beside a photo.';
    expect(proposals(text)).not.toHaveProperty(['photos.channels.website.naming'], 'none');
  });
});

describe('names that never appear', () => {
  it.each([
    ['A child’s full name never appears on the school website.', 'photos.channels.website.naming', 'first-names'],
    ['Names never appear with photographs on our Facebook page.', 'photos.channels.social-media.naming', 'none'],
    ['Surnames never feature in the newsletter.', 'photos.channels.newsletter.naming', 'first-names'],
  ])('%s', (text, setting, value) => expect(proposals(text)).toHaveProperty([setting], value));
});

describe('no tags beside no names', () => {
  it.each([
    'On TikTok we do not name pupils. No first names, no surnames, no tags.',
    ['Social media', '', 'No names. No tagging.'].join('\n'),
    '| Facebook and Instagram | No names, initials or tags of any kind. |',
  ])('%s', (text) => expect(proposals(text)).toHaveProperty(['photos.channels.social-media.tagging'], false));

  it.each([
    // No channel of the school's near; a tag that is allowed.
    ['Displays', '', 'No names. No tagging.'].join('\n'),
    ['Social media', '', 'No names. Tagging the trust is fine.'].join('\n'),
  ])('nothing from: %s', (text) => expect(proposals(text)).not.toHaveProperty(['photos.channels.social-media.tagging']));
});
