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
