import { describe, expect, it } from 'vitest';
import { reviewPatterns } from './review.table.ts';
import { proposals, read, uses } from '../../../../test/helpers/proposals.ts';

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
    ['Photographs\n\nFamilies indicate on the admission form whether they agree to images of their child appearing on the school website.', ['website']],
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
    ['Facebook\n\nThe school will not use Facebook to:\n\n- share pictures of pupils;\n- set homework.', { 'consent.purposes.social-media.active': false }],
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

describe('the header: an approval field left blank, "agreed" dates, a bare date over "Review <date>"', () => {
  // The keying guide: a field that names the body settles it even when its date is blank; nobody named, or a date "to be
  // confirmed", settles nothing.
  it.each(['Approved by: ________', 'Approved by:', 'Date ratified by governors: TBC', 'Agreed by the Local Governing Body: to be confirmed'])(
    'a blank field approves nothing: %s',
    (line) => expect(read(reviewPatterns, line)).toEqual({}),
  );

  it.each([
    ['RATIFIED BY GOVERNORS:', 'Governors'],
    ['Approved by the Trust Board: ________', 'Trust board'],
    ['Agreed by the Local Governing Body: [date]', 'Local governing body'],
  ])('a field naming the body with its date blank still approves: %s', (line, body) =>
    expect(read(reviewPatterns, line)).toEqual({ 'policyReview.approvingBody': body }),
  );

  it.each([
    ['Approved by the Governing Body: 3 March 2024', 'Governing body'],
    ['| Date ratified by the Trust Board: | 25 October 2018 |', 'Trust board'],
  ])('a filled field still approves: %s', (line, body) => expect(read(reviewPatterns, line)).toEqual({ 'policyReview.approvingBody': body }));

  it('a label whose date stands alone on the next line', () => {
    expect(proposals('E-Safety Policy\n\nAdopted by the Full Governing Body:\nMarch 2023\n\nStaff report concerns.')['policyReview.approvingBody']).toBe(
      'Full Governing Body',
    );
  });

  it('an approval with its date blank between two dates: the body named, the interval from the dates', () => {
    const page = 'Online Safety Policy\n\nAGREED BY STAFF: September 2023\nAGREED BY GOVERNORS:\nREVIEW DATE: September 2024\n\nKey people';
    expect(proposals(page)).toEqual({ 'policyReview.approvingBody': 'Governors', 'policyReview.intervalMonths': 12 });
  });

  it.each([
    ['Social Media Policy\n\nJune 2021\n\nReview June 2023\n\nThe purpose of this policy is to explain our accounts.', 24],
    ['Photography Policy\n\nSpring 2022\nReview Spring 2025\n\nWe take photographs.', 36],
  ])('a bare date over "Review <date>": %s', (page, months) => expect(proposals(page)['policyReview.intervalMonths']).toBe(months));

  it.each([
    // "Reviewed <date>" is the last review, not the next; a bare date not right above it; a date with another label.
    'Social Media Policy\n\nJune 2021\n\nReviewed June 2023\n\nText here.',
    'Social Media Policy\n\nJune 2021\n\nWritten by the office.\n\nReview June 2023\n\nText here.',
    'Social Media Policy\n\nPrinted: June 2021\nReview June 2021\n\nText here.',
  ])('no interval from: %s', (page) => expect(proposals(page)).not.toHaveProperty('policyReview.intervalMonths'));

  it.each([
    ['It is expected that staff and governors will revise the AUP annually.', 12],
    ['The acceptable use policy will be revised every two years by the ICT lead.', 24],
  ])('the AUP revised at an interval: %s', (sentence, months) => expect(read(reviewPatterns, sentence)).toEqual({ 'policyReview.intervalMonths': months }));

  it.each(['Pupils will revise their passwords annually.', 'The AUP will not be revised annually.'])('no interval from: %s', (sentence) =>
    expect(read(reviewPatterns, sentence)).toEqual({}),
  );
});

describe('a carer’s own choice about an occasion bans no photographs at it', () => {
  it.each([
    'Some families may need to protect a child’s identity and would therefore not agree to their child taking part in a concert where photographs could be taken.',
    'Carers who do not wish their child to be photographed at sports day may choose to keep them at home.',
    'Parents may decide not to let their child perform in the nativity where it will be filmed.',
  ])('nothing from: %s', (sentence) => expect(proposals(sentence)).not.toHaveProperty('photos.prohibitedContexts'));

  it.each([
    ['Photographs will not be taken during swimming lessons.', ['swimming']],
    ['Staff will not photograph the nativity play.', ['performance']],
  ])('the school’s own ban is still read: %s', (sentence, value) => expect(proposals(sentence)['photos.prohibitedContexts']).toEqual(value));
});
