import { describe, expect, it } from 'vitest';
import { proposals, uses } from '../../../../test/helpers/proposals.ts';

/**
 * Round 21: wording met on three fresh real sets after their first read (read, never copied: every sentence here is
 * written for the test, with other schools, roles and layouts), each as a rule any school's wording would meet, with
 * must-propose-nothing cases.
 */

describe('"will not be published … unless consent has been given": consent is asked for the uses it names', () => {
  it.each([
    ['Images\n\nPhotographs of pupils will not be published in the newsletter unless consent has been given by a parent.', ['publications']],
    [
      'Our website\n\nPictures of children must not be posted on the school website or Facebook page unless written consent has been obtained.',
      ['social-media', 'website'],
    ],
    [
      'Data protection\n\nNo photo or video image of a pupil may be used for displays or on the website (e.g. the class pages) unless parental consent is given.',
      ['displays', 'website'],
    ],
    ['Images\n\nNo photographs and videos of children will be shared on social media unless permission has been given by their parents.', ['social-media']],
  ])('%s', (page, expected) => expect(uses(page)).toEqual(expected));

  it.each([
    // The Head's approval, a carer's objection (an opt-out, for a use outside school: nothing), and staff's own conduct.
    'Images\n\nPhotographs will not be posted on social media unless permission has been given by the Headteacher.',
    'Images\n\nPhotographs will not be published on the website unless a parent objects.',
    'Staff conduct\n\nStaff must not show pupils’ photographs on their own Instagram accounts unless consent has been given.',
  ])('nothing from: %s', (page) => expect(uses(page)).toEqual([]));
});

describe('the school’s "published documents" are its publications', () => {
  it('consent obtained for published documents', () => {
    expect(uses('Photographs\n\nParents’ written consent will be obtained for all published documents in which a pupil can be identified.')).toEqual([
      'publications',
    ]);
  });
});

describe('a header’s "Updated" date is this version’s date, for the interval to the next review', () => {
  it.each([
    ['E-safety policy\nUpdated March 2024 (KB)          Review date March 2025', 12],
    ['Acceptable use policy\nLast updated: September 2023\nNext review: September 2025', 24],
  ])('%s', (page, months) => expect(proposals(page)['policyReview.intervalMonths']).toBe(months));

  it.each([
    // Not a whole number of years apart; a page updated with no next review named.
    'Acceptable use policy\nUpdated: 3 March 2024\nNext review: September 2024',
    'Acceptable use policy\nPage last updated: 12 January 2025',
  ])('nothing from: %s', (page) => expect(proposals(page)['policyReview.intervalMonths']).toBeUndefined());
});

describe('"If pupils’ photographs are used on the website, only first names…": the opening is the rule’s scope', () => {
  it.each([
    'Our website\n\nIf pupils’ photographs are used on the website, only the pupil’s first name may accompany them.',
    'Class pages\n\nIf student pictures are used on our web pages, only the student’s first name will be given.',
    'Our website\n\nIf photographs are used on the website, full names will never be given.',
  ])('%s', (page) => expect(proposals(page)['photos.channels.website.naming']).toBe('first-names'));

  it.each([
    // A condition of the carers' or the Head's.
    'Our website\n\nIf parents agree, only first names will be used on the school website.',
    'Our website\n\nIf the Headteacher allows it, only first names will be given on the website.',
  ])('nothing from: %s', (page) => expect(proposals(page)['photos.channels.website.naming']).toBeUndefined());
});

describe('a pupils’ rule said of them, not by them: "If pupils find anything that upsets them, they must tell their teacher"', () => {
  const route = (page: string) =>
    Object.fromEntries(Object.entries(proposals(page)).filter(([setting]) => setting.startsWith('concerns.routes.inappropriate-content.')));

  it.each([
    [
      'Using the internet\n\nIf children come across anything online that upsets them, they must tell their teacher straight away.',
      { 'concerns.routes.inappropriate-content.notify': ['class-teacher'], 'concerns.routes.inappropriate-content.immediate': true },
    ],
    [
      'Using the internet\n\nStudents should always tell their teacher if they see anything offensive on a school laptop.',
      { 'concerns.routes.inappropriate-content.notify': ['class-teacher'] },
    ],
  ])('%s', (page, expected) => expect(route(page)).toEqual(expected));

  it.each([
    // A choice of people, no role, advice taught, and messages from someone (a contact, another kind).
    'Using the internet\n\nPupils should tell their teacher or their parents if they see something upsetting online.',
    'Using the internet\n\nIf pupils see something upsetting, they should tell a trusted adult.',
    'Using the internet\n\nPupils are taught to tell their teacher if they see something upsetting online.',
    'Using the internet\n\nIf pupils receive messages from someone that upset them, they should tell their teacher.',
  ])('nothing from: %s', (page) => expect(route(page)).toEqual({}));
});

describe('cases a review of round 21 found, each proposing nothing it should not', () => {
  it.each([
    // (Full names withheld on one channel beside another that allows no names at all is a rule for each: the twenty-first
    // session's proposals.round35-tables.test.ts.)
    // Permission from the Head is staff's approval, however it is worded.
    ['Website\n\nPhotographs will not be published on the website unless permission has been obtained from the Headteacher.', /^consent\./],
    ['Website\n\nPhotographs will not be published on the website unless consent has been given in writing by the Headteacher.', /^consent\./],
  ])('nothing from: %s', (page, settings) => expect(Object.keys(proposals(page)).filter((s) => settings.test(s))).toEqual([]));

  it.each([
    // An update to come, or an interim update, is not this version's date: the approval is.
    ['Policy\nApproved: September 2022\nTo be updated: September 2024\nNext review: September 2025', 36],
    ['Policy\nApproved: September 2023\nUpdated to reflect KCSIE: September 2024\nNext review: September 2025', 24],
  ])('%s', (page, months) => expect(proposals(page)['policyReview.intervalMonths']).toBe(months));
});

describe('a pupil’s "tell a teacher" is any teacher at hand; "my", "your" or "their teacher" is their own', () => {
  it.each([
    ['Our rules online\n\nI will tell a teacher straight away if I see something that upsets me.', ['teacher']],
    ['Our rules online\n\nIf students find anything inappropriate online, they will tell a teacher.', ['teacher']],
    ['Our rules online\n\nI will tell my teacher if I see something that upsets me.', ['class-teacher']],
  ])('%s', (page, roles) => expect(proposals(page)['concerns.routes.inappropriate-content.notify']).toEqual(roles));
});

describe('consent asked for group photographs is for that kind of picture, not for the page’s uses', () => {
  it.each([
    'Photographs in the nursery\n\nWe take photographs to record your child’s learning, and they are used on displays around the nursery.\n\nWe will ask for your consent to show your child in a group setting, as other children will appear in the photograph.',
    'Images of children\n\nPhotographs are used on our display boards and in learning journals.\n\nParents give explicit permission for their child to be included in group photos with one or more other children.',
  ])('%s', (page) => expect(uses(page)).toEqual([]));

  it('a group-photograph request that names its own use still asks about it', () => {
    expect(uses('Photographs\n\nWe will ask for your consent before group photographs of your child’s class are published on the school website.')).toEqual([
      'website',
    ]);
  });
});
