import { describe, expect, it } from 'vitest';
import { proposals, uses } from '../../../../test/helpers/proposals.ts';

/**
 * Round 20: wording met on an unread real set (read, never copied: every sentence here is written for the test, with
 * other schools, roles and layouts), each as a rule any school's wording would meet, with must-propose-nothing cases.
 */

const only = (page: string, pattern: RegExp) => Object.fromEntries(Object.entries(proposals(page)).filter(([setting]) => pattern.test(setting)));

describe('"as soon as possible the same day": the deadline, not "at once"', () => {
  it.each([
    'Safeguarding\n\nIf you are worried about a pupil’s welfare, write it down and report it to the Designated Safeguarding Lead as soon as possible the same day.',
    'Safeguarding\n\nAny child protection concern must be passed to the Designated Safeguarding Lead as soon as possible and within 24 hours.',
  ])('%s', (page) => {
    const found = only(page, /^concerns\.routes\.safeguarding\./);
    expect(found['concerns.routes.safeguarding.immediate']).toBeUndefined();
    expect(found['concerns.routes.safeguarding.deadline']).toBeDefined();
  });

  it('"immediately" beside a deadline is still "at once"', () => {
    const found = only('Safeguarding\n\nAny child protection concern must be reported to the DSL immediately, and in any case the same day.', /immediate$/);
    expect(found).toEqual({ 'concerns.routes.safeguarding.immediate': true });
  });
});

describe('a body that "has decided to adopt" the guidance or policy approves it', () => {
  it.each([
    ['Photographs\n\nThe Governing Body has decided to adopt the county’s guidance on images as this policy.', 'Governing Body'],
    ['Online safety\n\nThe Trustees have resolved to adopt this policy for all academies in the trust.', 'Trustees'],
    ['Images\n\nThe Board of Management has agreed to adopt the following guidelines.', 'Board of Management'],
  ])('%s', (page, body) => expect(only(page, /approvingBody/)).toEqual({ 'policyReview.approvingBody': body }));

  it.each([
    // A person decides, not a body.
    'Images\n\nThe Headteacher has decided to adopt the county’s guidance on images.',
    // A body that may decide one day.
    'Images\n\nThe Governing Body will decide whether to adopt the county’s guidance.',
    // A condition.
    'Images\n\nIf the Governing Body has decided to adopt the guidance, staff will be told.',
  ])('%s', (page) => expect(only(page, /approvingBody/)).toEqual({}));
});

describe("a place's school committee keeps its place name", () => {
  it.each([
    ['Student Pictures\n\nStudents are photographed each autumn.\n\nAdopted by Westford School Committee: May 2019', 'Westford School Committee'],
    ['Photographs\n\nApproved by the Millbrook School Committee on 3 March 2021.', 'Millbrook School Committee'],
  ])('%s', (page, body) => expect(only(page, /approvingBody/)).toEqual({ 'policyReview.approvingBody': body }));

  it('"our school committee" is the committee as written, no place', () => {
    expect(only('Photographs\n\nThis policy was approved by our School Committee in June 2022.', /approvingBody/)).toEqual({
      'policyReview.approvingBody': 'School Committee',
    });
  });
});

describe('a header "To be reviewed" date under the approval date settles the interval', () => {
  it.each([
    ['Agreed by the Governors on 2nd May 2023\nTo be reviewed May 2024\n\nOnline safety\n\nPupils use the internet in lessons.', 12],
    ['Approved by LGB: 10 September 2021\nTo be reviewed: September 2023\n\nImages\n\nWe photograph pupils at events.', 24],
  ])('%s', (page, months) => expect(only(page, /intervalMonths/)).toEqual({ 'policyReview.intervalMonths': months }));

  it.each([
    // A next date alone settles nothing.
    'To be reviewed May 2024\n\nOnline safety\n\nPupils use the internet in lessons.',
    // Not a whole number of years apart.
    'Agreed by the Governors on 2nd May 2023\nTo be reviewed November 2023\n\nOnline safety\n\nPupils use the internet in lessons.',
  ])('%s', (page) => expect(only(page, /intervalMonths/)).toEqual({}));
});

describe('a title listing the media a policy covers names no use', () => {
  it.each([
    'PHOTOGRAPHS, VIDEOS, WEBSITES AND WEBCAMS POLICY\n\nConsent to take photographs is gathered on the admission form when children join.',
    'Images, Film, Websites and Social Media Policy\n\nParents are asked for consent to photographs of their child on entry.',
    'ANYTOWN PRIMARY USING IMAGES: PHOTOGRAPHS, WEBSITES AND VIDEO POLICY The purpose of this policy is to guide staff. Permission to take photographs is obtained through a consent form when children join.',
  ])('%s', (page) => expect(uses(page).filter((key) => key === 'website' || key === 'social-media')).toEqual([]));

  it('a title naming one channel still names it', () => {
    expect(uses('Permission for Photographs on the School Website\n\nPlease sign the consent form below to give your permission.')).toEqual(['website']);
  });
});

describe('users, parents or pupils told not to share photographs themselves ask no consent', () => {
  it.each([
    'Class app agreement\n\nAll users will not share any photos on social media unless permission is sought from the families in them.',
    'Agreement\n\nParents must not post pictures from the app on Facebook without permission.',
    'Pupils\n\nStudents should not upload photographs of others to Instagram unless permission is given.',
  ])('%s', (page) => expect(uses(page)).toEqual([]));

  it('the school asking is still a request', () => {
    expect(uses('Photographs\n\nWe will not share any photos on social media unless permission is sought from parents.')).toEqual(['social-media']);
  });
});

describe('a lead asking carers to opt in to the uses listed below is consent for them', () => {
  it.each([
    [
      'Photo consent\n\nWe ask parents to opt in to the following uses of their child’s photograph:\n\n- Photographs on the academy website\n- Pictures in the termly newsletter',
      ['publications', 'website'],
    ],
    [
      'Images\n\nPlease opt in to each use of your child’s image below:\n\n- Images on our Facebook and Instagram pages\n- Photos sent to the local newspaper',
      ['press', 'social-media'],
    ],
  ])('%s', (page, expected) => expect(uses(page)).toEqual(expected));

  it.each([
    // An opt-out is no consent.
    'Images\n\nParents may opt out of the following uses of photographs:\n\n- Photographs on the academy website',
    // A condition.
    'Images\n\nIf you opt in to photographs, we may use them for:\n\n- Photographs on the academy website',
    // Opting in to something that is no image: its items name none.
    'Newsletters\n\nWe ask you to opt in to the following mailing lists:\n\n- The school website news feed\n- The newsletter by e-mail',
  ])('%s', (page) => expect(uses(page)).toEqual([]));
});

describe('a pupil’s rule or pledge to tell their teacher about something upsetting seen online', () => {
  const content = (page: string) => only(page, /^concerns\.routes\.inappropriate-content\./);

  it.each([
    [
      'My online promise\n\n- I will tell my teacher if I find nasty pictures or rude words on a website.',
      { 'concerns.routes.inappropriate-content.notify': ['class-teacher'] },
    ],
    [
      'Class blog rules\n\n- If you read anything on the class page that makes you feel uncomfortable, tell your teacher immediately.',
      { 'concerns.routes.inappropriate-content.notify': ['class-teacher'], 'concerns.routes.inappropriate-content.immediate': true },
    ],
    [
      'Our internet code\n\nI promise to tell my class teacher straight away if I see something online that upsets me.',
      { 'concerns.routes.inappropriate-content.notify': ['class-teacher'], 'concerns.routes.inappropriate-content.immediate': true },
    ],
  ])('%s', (page, expected) => expect(content(page)).toEqual(expected));

  it.each([
    // An adult is no role.
    'Rules\n\n- If I see something online that upsets me, I will tell an adult straight away.',
    // A choice of people.
    'Rules\n\n- I will tell my teacher or my parents if I see something online that I don’t like.',
    // Someone contacting the pupil is another kind.
    'Rules\n\n- If someone sends me a message that upsets me, I will tell my teacher.',
    // Nothing seen: the pupil's own worry.
    'Rules\n\n- I will tell my teacher if I forget my password.',
    // Negated.
    'Rules\n\n- If you see something rude online, do not tell your teacher you clicked it on purpose.',
  ])('%s', (page) => expect(content(page)).toEqual({}));
});

describe('"in the first instance to the Head, who will decide what action to take": the first one told decides', () => {
  const staff = (page: string) => only(page, /^concerns\.routes\.staff-misuse\.notify$/);

  it.each([
    'Allegations\n\nAny concern about the conduct of a member of staff should be reported in the first instance to the Principal (or to the Chair of Governors if it concerns the Principal), who will decide what action to take.',
    'Staff\n\nIf you are worried about the behaviour of a colleague, report it in the first instance to the Head Teacher, who will then consider whether further action is needed.',
  ])('%s', (page) => expect(staff(page)).toEqual({ 'concerns.routes.staff-misuse.notify': ['headteacher'] }));

  it.each([
    // The first one told passes it on: someone else decides.
    'Allegations\n\nAny concern about the conduct of a member of staff should be reported in the first instance to the Headteacher, who will pass it to the LADO.',
    'Allegations\n\nAny concern about the conduct of a member of staff should be reported in the first instance to the Headteacher.',
  ])('%s', (page) => expect(staff(page)).toEqual({}));
});

describe('pictures taken "upon consent for" the uses named; a school’s own newspaper is a publication', () => {
  it.each([
    ['Photographs\n\nStaff may take pictures of pupils upon consent for such uses as the school magazine and the website.', ['publications', 'website']],
    ['Student photographs\n\nPhotographs of students are taken upon parental consent for the yearbook or the student newspaper.', ['publications']],
    ['Images\n\nWe ask parents for consent before a photograph appears in the school newspaper.', ['publications']],
  ])('%s', (page, expected) => expect(uses(page)).toEqual(expected));

  it.each([
    // No consent named as the basis.
    'Photographs\n\nStudents may take pictures for the yearbook.',
    // A condition on someone else.
    'Photographs\n\nIf a photographer takes pictures upon consent for the yearbook, the office keeps the forms.',
  ])('%s', (page) => expect(uses(page)).toEqual([]));

  it('the local newspaper is still the press', () => {
    expect(uses('Images\n\nWe ask parents for consent before a photograph appears in the local newspaper.')).toEqual(['press']);
  });
});
