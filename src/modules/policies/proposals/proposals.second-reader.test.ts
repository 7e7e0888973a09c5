import { describe, expect, it } from 'vitest';
import { pageConsent } from './page.ts';
import { sentencesOf } from './text.ts';
import { proposals } from '../../../../test/helpers/proposals.ts';

/**
 * Sentences a second reader wrote against rounds 22–27, where the engine proposed a setting the text
 * does not make. Each "nothing" case was read as a setting before commit 3507e6e; each "still" case
 * is the plain rule beside it, so a fix that reads nothing at all fails too.
 */

describe('second reader: photographs', () => {
  it.each([
    // An occasion that is only the subject of a sentence about sharing is not one where cameras are put away.
    ['Photographs of the nativity will not be shared on the website.', {}],
    ['Images of swimming lessons must not be published.', {}],
    // "until …" is a condition: the occasion is photographed once it is met.
    ['Photographs will not be taken at sports day until the consent forms have been returned.', {}],
    ['Images of the school play will not be recorded until every family has replied.', {}],
    // Tagging: a request to the reader, a pupil's pledge, staff's own accounts.
    ['Please do not tag children in photographs you see on our Facebook page.', {}],
    ['You should not tag pupils in any pictures you share.', {}],
    ['I will not tag other pupils in photos on my personal account.', {}],
    ['Staff must not tag children on their personal social media accounts.', {}],
    // Naming: a request to the reader, and a channel the sentence before says the school does not use.
    ['Please only use first names when commenting on the school’s Facebook page.', {}],
    ['The school does not post on Instagram. Children’s full names will never be used.', {}],
    // The school's own permission is not carers' express permission, and its name or logo is not a pupil's.
    ['Full names of children will not appear on the website without permission from the school.', {}],
    ['Names of children will not be published in the newsletter without permission from the school.', {}],
    ['The school’s name and logo must not be used on social media without written consent.', {}],
    ['The academy’s name must not be used on personal websites without express permission.', {}],
    ['Names or logos must not be published on the website without written permission.', {}],
  ])('nothing from: %s', (text, expected) => expect(proposals(text)).toEqual(expected));

  it.each([
    ['Photographs of swimming lessons will not be taken.', { 'photos.prohibitedContexts': ['swimming'] }],
    ['Photographs will not be taken at sports day.', { 'photos.prohibitedContexts': ['sports-day'] }],
    ['We never tag children in our social media posts.', { 'photos.channels.social-media.tagging': false }],
    [
      'Full names of children will not appear on the website without their parents’ express permission.',
      { 'photos.channels.website.naming': 'full-with-permission' },
    ],
  ])('still: %s', (text, expected) => expect(proposals(text)).toMatchObject(expected));
});

describe('second reader: review, ages, lapse, concerns', () => {
  it.each([
    // A year's or house's head signs as someone other than the headteacher.
    ['Signed: Year Head\nDate: 1 September 2025', {}],
    ['Signed ______ House Head', {}],
    // Advice to parents about a site's terms is not the school's minimum age.
    ['Parents are reminded that most social media sites require users to be 13, and pupils should not be pressured to join.', {}],
    ['Parents should be aware that Facebook requires users to be 13 and that pupils must not share passwords.', {}],
    // Residential and medical forms lapse on their own terms; a stay in the nursery is not the child's time at school.
    ['Residential consent forms are renewed each year.', {}],
    ['Medical consent forms are renewed annually.', {}],
    ['Consent for photographs applies for the whole of a child’s stay in the nursery.', {}],
    ['Consent for photographs lasts for the whole of your child’s stay with us.', {}],
    // Contact from a parent or pupil with no personal account or channel named is not a contact attempt.
    ['Staff who are contacted by a parent on their personal phone should tell the headteacher.', {}],
    ['If a member of staff is contacted by a pupil online, they must tell the DSL.', {}],
  ])('nothing from: %s', (text, expected) => expect(proposals(text)).toEqual(expected));

  it.each([
    ['Signed ______ Head\nDate ______', { 'policyReview.signatories': ['Head'] }],
    ['Parents should be aware that Facebook requires users to be 13; therefore pupils must not use such sites.', { 'ageLimits.socialMediaMinimumAge': 13 }],
    ['Image consent forms are renewed each year.', { 'consent.lapse': 'each-september' }],
    ['Consent for photographs lasts for the child’s time at the school.', { 'consent.lapse': 'never' }],
    [
      'If a member of staff is contacted by a pupil through their personal social media, they must tell the DSL.',
      { 'concerns.routes.contact-attempt.notify': ['dsl'] },
    ],
  ])('still: %s', (text, expected) => expect(proposals(text)).toMatchObject(expected));
});

describe('second reader: a page that asks for consent', () => {
  const page = (last: string) =>
    [
      'Photographs of your child',
      '',
      'Please complete the consent form for photographs.',
      '',
      'We use photographs on our website and in our newsletter.',
      '',
      last,
    ].join('\n');
  const settings = (text: string) => pageConsent(sentencesOf(text)).map((f) => f.setting);

  it('a school that says a publication needs no consent is not read as asking for the uses on its page', () => {
    expect(settings(page('We do not need consent for security photographs or for photographs in the newsletter.'))).toEqual([]);
  });

  it('the school’s own records needing no consent leave the page’s uses as asked', () => {
    expect(settings(page('We do not need consent for identification photographs kept on our management information system.'))).toEqual([
      'consent.purposes.publications.active',
      'consent.purposes.website.active',
    ]);
  });
});
