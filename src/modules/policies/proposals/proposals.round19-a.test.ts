import { describe, expect, it } from 'vitest';
import { proposals, uses } from '../../../../test/helpers/proposals.ts';

/**
 * Round 19 (a): consent uses, their basis and naming per channel, met on two unread real sets (read, never copied: every
 * sentence here is written for the test, with other schools, roles and channels), each as a rule any school's wording
 * would meet, with must-propose-nothing cases.
 */

const naming = (page: string) => Object.fromEntries(Object.entries(proposals(page)).filter(([setting]) => /\.naming$/.test(setting)));

describe('"they may also be used … with permission from the parents": the photographs of the sentence before', () => {
  it.each([
    [
      'Photographs\n\nStaff take photographs to record what the children learn. They may also be used on our website and in the local press with permission from the parents.',
      ['press', 'website'],
    ],
    ['Images\n\nWe photograph pupils during lessons. These may also be published in the newsletter with the consent of their carers.', ['publications']],
    [
      'Cameras\n\nPictures record each child’s progress. They may also appear on the nursery Facebook page with written permission from a parent.',
      ['social-media'],
    ],
  ])('%s', (page, expected) => expect(uses(page)).toEqual(expected));

  it.each([
    // "They" are no photographs here: the sentence before is about something else.
    'Trips\n\nChildren visit the farm each spring. They may also be taken to the park with permission from the parents.',
    // Nothing before "they".
    'They may also be used on our website with permission from the parents.',
    // A member of staff's permission.
    'Photographs\n\nStaff take photographs of activities. They may also be used on the website with permission from the Headteacher.',
  ])('%s', (page) => expect(uses(page)).toEqual([]));
});

describe('"press" before advertising, releases or coverage names the press', () => {
  it.each([
    'Photographs\n\nParents sign a consent form covering the prospectus and press advertising.',
    'Images\n\nWe ask for your consent before photographs of your child are used in press releases.',
  ])('%s', (page) => expect(uses(page)).toContain('press'));

  it('"press" as a verb is none', () => {
    expect(uses('Photographs\n\nWe ask for your consent before photographs are taken. Press the button on the form to give it.')).not.toContain('press');
  });
});

describe('consent asked for the child and the use of their name, with the channel after the name', () => {
  it.each([
    [
      'Photographs\n\n- Parental consent is sought each September for the photographing of pupils (and use of their names) for publication in the local newspaper.',
      { 'photos.channels.press.naming': 'full-with-permission' },
    ],
    [
      'Photographs\n\nWe ask carers for consent to photograph their children, including publication of your child’s name on the school website.',
      { 'photos.channels.website.naming': 'full-with-permission' },
    ],
  ])('%s', (page, expected) => expect(naming(page)).toEqual(expected));

  it.each([
    // The channel after the name is in another clause: no channel is the name's.
    'Photographs\n\nWe ask parents for consent to photograph their children (and use of their names), and we use photographs on the website.',
    // Two channels after the name.
    'Photographs\n\nWe ask parents for consent to photograph pupils (and use of their names) in the newspaper and on the website.',
  ])('%s', (page) => expect(naming(page)).toEqual({}));
});

describe('names withheld unless the carer gives their permission: express permission', () => {
  it.each([
    [
      'When photographs are passed to a local newspaper, they will not be printed with the pupils’ names unless the parent gives their permission for this.',
      { 'photos.channels.press.naming': 'full-with-permission' },
    ],
    ['Children are never named on the website unless their carers have given their consent.', { 'photos.channels.website.naming': 'full-with-permission' }],
  ])('%s', (page, expected) => expect(naming(page)).toEqual(expected));

  it.each([
    // "Agree" stays a condition, as before.
    'We do not name children in the newsletter unless their parents agree.',
    // The Head gives the permission.
    'Pupils are never named on the website unless the Headteacher gives permission.',
  ])('%s', (page) => expect(naming(page)).toEqual({}));
});

describe('carers "who have opted out" refused a consent the page asks: the page is no opt-out', () => {
  it('the uses the page asks about stand', () => {
    expect(
      uses(
        'Photography\n\nWhen a child starts, parents are asked whether they agree to their child being photographed. Photographs are used for displays in the classrooms.\n\nAt the Christmas party, the families of children who have opted out of photographs will be asked again.',
      ),
    ).toEqual(['displays']);
  });

  it('a page that says carers opt out is still an opt-out page', () => {
    expect(
      uses(
        'Photography\n\nParents are asked whether they agree to their child being photographed. Photographs are used for displays in the classrooms. Parents can opt out at any time.',
      ),
    ).toEqual([]);
  });
});

const basis = (page: string) => Object.fromEntries(Object.entries(proposals(page)).filter(([setting]) => /^consent\.purposes\.[a-z-]+\.basis$/.test(setting)));

describe('an opt-out "for these purposes" after a list: the items inside school are opt-out', () => {
  it.each([
    'Photographs taken by staff\n\nWe sometimes photograph the children. They are used:\n\n- On the academy website\n- On noticeboards and displays in classrooms\n\nUnless you tell us otherwise, we will assume you have no objection to photographs being used for these purposes.',
    'Images\n\nStaff take photographs of pupils at work. These are used:\n\n- In corridor displays\n- In the newsletter\n\nIf you do not want photographs of your child used in these ways, please contact the office.',
  ])('%s', (page) => {
    expect(basis(page)).toEqual({ 'consent.purposes.displays.basis': 'opt-out' });
    expect(uses(page)).not.toContain('displays');
  });

  it.each([
    // Only uses outside school: the product refuses opt-out there.
    'Images\n\nPhotographs are used:\n\n- On the website\n- In the local press\n\nUnless you tell us otherwise, we assume you are happy for them to be used for these purposes.',
    // The Head's word, not the carers'.
    'Images\n\nPhotographs are used:\n\n- In classroom displays\n\nUnless the Headteacher agrees otherwise, photographs are used only for these purposes.',
    // Parents' own photographs.
    'Photographs taken by parents\n\nParents may take photographs:\n\n- For displays at home\n\nUnless you tell us otherwise, we assume you have no objection to these purposes.',
  ])('%s', (page) => expect(basis(page)).toEqual({}));
});

describe('the school never puts photographs on the internet: neither website nor social media is used', () => {
  it.each([
    'Our promises to families\n\n- Photographs will not be used on the internet;\n- Photographs stay in the setting.',
    'Photographs\n\nWe do not post pictures of the children online.',
    'Images\n\nImages of pupils will never be published on the internet.',
  ])('%s', (page) => expect(proposals(page)).toMatchObject({ 'consent.purposes.website.active': false, 'consent.purposes.social-media.active': false }));

  it.each([
    'Photographs\n\nPhotographs will not be used on the internet without your written permission.',
    'Photographs\n\nImages of pupils will not be published online unless parents agree.',
    'Parents at events\n\nParents are asked:\n\n- Photographs will not be posted online.',
    'Staff\n\nStaff must not post photographs of pupils online on their personal accounts.',
  ])('%s', (page) => {
    const found = proposals(page);
    expect(found['consent.purposes.website.active']).not.toBe(false);
    expect(found['consent.purposes.social-media.active']).not.toBe(false);
  });
});

describe('"we will not use them for any reason other than above without permission" asks nothing about the uses above', () => {
  it('the uses above are not asked about by it', () => {
    expect(
      uses(
        'Photographs\n\nWe use photographs in the children’s learning journals.\n\n- Any photographs left at the end of the year (some may be in classroom displays) are destroyed on request.\n- We will not use photographs of your child for any reason other than those above without your written permission.',
      ),
    ).toEqual([]);
  });
});
