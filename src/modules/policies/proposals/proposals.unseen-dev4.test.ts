import { describe, expect, it } from 'vitest';
import { uses } from '../../../../test/helpers/proposals.ts';

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
