import { describe, expect, it } from 'vitest';
import { proposals, uses } from '../../../../test/helpers/proposals.ts';

/**
 * Kinds met on the fourth real dev set (read, never copied: every sentence here is written for the test, with other
 * schools, roles and channels), each as a rule any school's wording would meet, with must-propose-nothing cases.
 */

describe('a request in prose: "permissions" for a range of purposes, "parents sign to allow…", "whether they permit…"', () => {
  it.each([
    [
      'Photographs at Rowan House\n\nWe seek individual permissions for photographs for several purposes, among them display boards, our prospectus and the local newspaper.',
      ['displays', 'press', 'publications'],
    ],
    [
      'Photographs\n\nThe setting asks for individual permissions for photographs and video for purposes including use in learning diaries; for display purposes; and for promotion on our website.',
      ['displays', 'website'],
    ],
    [
      'Cameras and photographs\n\n- Photographs of children are taken only on nursery tablets. Carers sign to allow photographs of their child when they join, and say whether they permit pictures to go on our Facebook page and in the local paper.',
      ['press', 'social-media'],
    ],
    [
      'Photographs\n\nFamilies indicate on the admission form whether they agree to images of their child appearing on the school website.',
      ['website'],
    ],
  ])('%s', (page, expected) => expect(uses(page)).toEqual(expected));

  it.each([
    // Parents asked for their own conduct, a trip, a staff rule: no request for the page's uses.
    'Photographs\n\nParents sign to agree that they will not post images of other children on Facebook.',
    'Trips\n\nParents sign to allow their child to go on the trip; photographs of the trip go on the website.',
    'Photographs\n\n- Staff sign to confirm whether they permit their own photograph to appear on the website.',
  ])('nothing from: %s', (page) => expect(uses(page)).toEqual([]));
});

describe('on a consent letter, a sentence that names channels but describes no use of the child’s image', () => {
  const letter = (middle: string) =>
    `Photograph Consent\n\nDear Families,\n\n${middle}\n\nThis letter asks for your consent to photographs of your child in school. Please return the form.`;

  it.each([
    // The school's news, with no image in it.
    'As you may know, the school now has a Facebook page and an Instagram account for news and reminders.',
    // Photographs of work, not of the child.
    'Pupils enjoy having their work photographed, and putting it on our website or in the newsletter shows families what happens in class.',
    'Photographs of pupils’ work are often shared on our Twitter feed.',
    // A generalisation, and a risk.
    'Generally, photographs taken at school and those printed in the newspaper are a source of pride for families.',
    'There has been concern about the risk of a child being recognised from a photograph on social media.',
  ])('nothing from: %s', (middle) => expect(uses(letter(middle))).toEqual([]));

  it('a sentence that does describe the school’s use is still read', () => {
    expect(uses(letter('We often share photographs of pupils at events on our website and in the newsletter.'))).toEqual(['publications', 'website']);
  });
});

describe('the school’s own social media, on which it never publishes pupils’ photographs', () => {
  it.each([
    ['The preschool runs a Facebook page for reminders. Pictures of the children are never posted.', { 'consent.purposes.social-media.active': false }],
    ['Hill Top Academy has an Instagram account for news only. Photographs of pupils will not be posted.', { 'consent.purposes.social-media.active': false }],
    ['Our setting has a social networking page. Photographs are never shared.', { 'consent.purposes.social-media.active': false }],
    ['We do not post photographs of children on our Twitter account.', { 'consent.purposes.social-media.active': false }],
    [
      'Our Twitter Account\n\nWe will use Twitter to share news. We will not be using Twitter for the following:\n\n- To post photographs or pupils’ names;\n- To answer complaints.',
      { 'consent.purposes.social-media.active': false, 'photos.channels.social-media.naming': 'none' },
    ],
    [
      'Facebook\n\nThe school will not use Facebook to:\n\n- share pictures of pupils;\n- set homework.',
      { 'consent.purposes.social-media.active': false },
    ],
  ])('%s', (page, expected) => expect(proposals(page)).toEqual(expected));

  it.each([
    // Consent asked (a double negative), a condition, staff's own accounts, a naming rule, another channel, a page not the school's.
    'The nursery has a Facebook page. Photographs of children are never posted without written consent.',
    'The school has a Twitter account. Photographs are not posted unless parents have agreed.',
    'We have a Facebook page. Photographs of children are never posted on personal accounts.',
    'The academy has an Instagram account. Photographs are never posted with pupils’ full names.',
    'The school has a Facebook page. Photographs of children are never posted on the website.',
    'Many parents use Facebook. Photographs of children are never posted.',
    'Staff must not post photographs of pupils on Facebook.',
    'Twitter\n\nWe will not be using Twitter for the following:\n\n- To post photographs without consent.',
  ])('nothing about social media from: %s', (page) => {
    const found = proposals(page);
    expect(found['consent.purposes.social-media.active']).not.toBe(false);
    expect(found).not.toHaveProperty('photos.channels.social-media.naming', 'none');
  });
});
