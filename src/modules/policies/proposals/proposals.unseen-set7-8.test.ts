import { describe, expect, it } from 'vitest';
import { proposals, uses } from '../../../../test/helpers/proposals.ts';

/**
 * Kinds met on the seventh and eighth real test sets, now dev sets (read, never copied: every sentence here is written
 * for the test, with other schools, roles and channels), each as a rule any school's wording would meet, with
 * must-propose-nothing cases.
 */

describe('a lead that asks for consent governs the list under it; each item about images names its uses', () => {
  it.each([
    // A letter: the request, then bullets of what the signature allows; the channel may be in the item's second sentence.
    [
      'Dear Parents and Carers,\n\nEvery year we ask for your permission for several things. By returning the slip below you are giving permission for Oakfield Primary to:\n\n- Put your child’s paintings on the corridor walls.\n- Take pictures of your child during lessons. These pictures may be shared on our Instagram page.\n- Include photographs of your child in the termly newsletter and the prospectus.',
      ['publications', 'social-media'],
    ],
    // A data-protection page: what needs consent, as a heading-like lead and bullets.
    [
      'Your data and your child\n\nThings we will need your consent for:\n\n* Showing photographs of your child on the classroom wall\n* Using your child’s picture on our website or in a leaflet about the nursery',
      ['displays', 'publications', 'website'],
    ],
    // FAQ style, the lead in a question's answer.
    [
      'Q. What does the form cover?\nA. Consent is needed for the following:\n1. Videos of school events posted on our YouTube channel.\n2. Photographs sent to the local newspaper with a report.',
      ['press', 'social-media'],
    ],
    // A table flattened to text under the lead.
    [
      'Media permissions\n\nWe need to seek parental consent for these uses:\n- Images in the yearbook\tYes / No\n- Images on the school website\tYes / No',
      ['publications', 'website'],
    ],
  ])('%s', (page, expected) => expect(uses(page)).toEqual(expected));

  it.each([
    // The lead says no consent is needed: its items are the public task, no purpose.
    'Photographs\n\nExamples where we do not need to ask for consent:\n\n- Photographs of your child in their learning journal\n- Images on the classroom wall as a record of learning',
    // An item that is about the child's work, not images.
    'Dear Families,\n\nBy signing below you give permission for the school to:\n\n- Display your child’s artwork in the hall.',
    // A rule for staff.
    'Staff conduct\n\nStaff need to seek the headteacher’s permission before they:\n\n- post photographs of pupils on the school Facebook page\n- send images to the local press',
    // An item that is opt-out in its second sentence.
    'Dear Families,\n\nBy signing below you give permission for the school to:\n\n- Take photos of your child in class. Photos go on the website unless you tell us otherwise.',
    // The photograph is in one item, the channel in another item about the child's work.
    'Dear Families,\n\nBy signing below you give permission for the school to:\n\n- Photograph your child in lessons for their records.\n- Post your child’s stories on our Facebook page.',
  ])('nothing from: %s', (page) => expect(uses(page)).toEqual([]));

  it('an item about a child’s name asks nothing of images, but says which channels the school names pupils on', () =>
    expect(
      uses(
        'Dear Families,\n\nBy signing below you give permission for the school to:\n\n- Display your child’s artwork in the hall.\n- Print your child’s first name in the newsletter and on the website.',
      ),
    ).toEqual(['publications', 'website']));
});

describe('a list of the ways images are used, near a request for consent for images', () => {
  it.each([
    [
      'Photography policy\n\nData\n\nWe will not publish images of pupils for publicity without the written consent of a parent or guardian.\n\nUse of images\n\nImages may be used in the following ways:\n- as a record of the school year\n- in the school magazine\n- with articles in the local press about our events',
      ['press', 'publications'],
    ],
    [
      'Photographs and video\n\nThe academy asks parents for written consent before any image of their child is published. We use photographs:\n\n• on the academy website\n• in our prospectus',
      ['publications', 'website'],
    ],
  ])('%s', (page, expected) => expect(uses(page)).toEqual(expected));

  it.each([
    // The same list with no request for consent: a description of uses, not what carers are asked.
    'Photography policy\n\nImages may be used in the following ways:\n- in the school magazine\n- on the website',
    // An opt-out page: the list is used unless carers object.
    'Photographs\n\nWe ask for consent when your child joins. Images may be used in the following ways unless you tell us otherwise:\n- on the website',
    'Photographs\n\nWe ask for consent for photographs when your child joins; tell us if you would prefer not to and we will opt your child out.\n\nImages may be used in the following ways:\n- on the website',
    // The request is a member of staff’s permission.
    'Photographs\n\nStaff must obtain the consent of the headteacher before taking photographs.\n\nImages may be used in the following ways:\n- in the newsletter',
  ])('nothing from: %s', (page) => expect(uses(page)).toEqual([]));
});

describe('the press in other words: media organisations, news stories', () => {
  it.each([
    ['Photographs\n\nWe ask for your consent for your child to be interviewed or photographed for media stories.', ['press']],
    ['Photographs\n\nWe seek your permission before images of your child are passed to news organisations or used in local news reports.', ['press']],
  ])('%s', (page, expected) => expect(uses(page)).toEqual(expected));

  it.each([
    // The school's news, no image and no request.
    'News\n\nOur choir featured in local news stories this term.',
    'Media studies\n\nPupils write media stories in Year 9.',
  ])('nothing from: %s', (page) => expect(uses(page)).toEqual([]));
});

describe('a yearly request in other words: "each school year we seek", "at the commencement of the year"', () => {
  it.each([
    'Each school year we seek parental permission for photographs.',
    'A permission note for photographs is sent home at the commencement of the year.',
    'Every academic year the school seeks consent for images from all families.',
  ])('%s', (sentence) => expect(proposals(sentence)['consent.lapse']).toBe('each-september'));

  it.each([
    'Each school year we seek volunteers for the book fair.',
    'At the commencement of the year pupils sign the acceptable use agreement.',
    'We do not seek consent each school year.',
  ])('no lapse from: %s', (sentence) => expect(proposals(sentence)['consent.lapse']).toBeUndefined());
});

describe('a header: "accepted by" approves; the interval counts from the latest date of this version', () => {
  it.each([
    [
      'Behaviour online\n\nDate accepted by Governors: Autumn 2022\n\nReview date: Autumn 2025',
      { 'policyReview.approvingBody': 'Governors', 'policyReview.intervalMonths': 36 },
    ],
    ['Date Accepted by the Local Governing Body: March 2023\nNext review: March 2024', { 'policyReview.intervalMonths': 12 }],
    // An original date and a later ratification: the next review counts from the ratification.
    [
      'Original: June 2016 (Reviewed: May 2019)\n\nDate ratified by the Board of Trustees: 12 September 2019\n\nDate for review: September 2021',
      { 'policyReview.intervalMonths': 24 },
    ],
    // An approval and a later review: the next review counts from the review.
    ['Approved: January 2020\nLast reviewed: January 2023\nNext review: January 2024', { 'policyReview.intervalMonths': 12 }],
  ])('%s', (page, expected) => expect(proposals(page)).toMatchObject(expected));

  it.each([
    // Accepted by staff or pupils is no approval; a date accepted by no one names nobody.
    'Staff have accepted by email the new code: May 2022',
    'Offers accepted by: 1 June 2024',
  ])('no approving body from: %s', (page) => expect(proposals(page)['policyReview.approvingBody']).toBeUndefined());

  it.each([
    // A next review earlier than the approval is no interval; two dates a year and a half apart are none either.
    'Date ratified by governors: May 2023\nDate for review: May 2022',
    'Original: March 2020\nDate ratified: September 2020\nDate for review: March 2022',
  ])('no interval from: %s', (page) => expect(proposals(page)['policyReview.intervalMonths']).toBeUndefined());
});

describe('a signature label for a co-chair or vice-chair keeps the title as written', () => {
  it.each([
    ['Signature of Co-Chair of Governors:\n\n\nThis policy explains…', ['co-chair of governors']],
    ['Signed: ______ Headteacher\nSigned: ______ Vice-Chair of the Governing Body', ['headteacher', 'vice-chair of the governing body']],
  ])('%s', (page, expected) => expect((proposals(page)['policyReview.signatories'] as string[]).map((r) => r.toLowerCase())).toEqual(expected));

  it.each([
    // A deputy is a signer we do not read: the block proposes nothing rather than some of those who sign.
    'Signed: ______ Deputy Headteacher\nSigned: ______ Co-Chair of Governors',
    'The co-chair of governors attends every meeting.',
  ])('no signatories from: %s', (page) => expect(proposals(page)['policyReview.signatories']).toBeUndefined());
});

describe('abuse someone is aware of, told at once to the Principal or the Designated Liaison Person', () => {
  it.each([
    [
      'Anyone who becomes aware of abuse or inappropriate contact with pupils linked to our website must report it immediately to the Principal or the Designated Liaison Person.',
      { 'concerns.routes.safeguarding.notify': ['headteacher', 'dsl'], 'concerns.routes.safeguarding.immediate': true },
    ],
    [
      'Staff who suspect neglect report it without delay to the DLP.',
      { 'concerns.routes.safeguarding.notify': ['dsl'], 'concerns.routes.safeguarding.immediate': true },
    ],
    ['- Inappropriate contact with a child online: tell the Headteacher at once.', { 'concerns.routes.safeguarding.notify': ['headteacher'] }],
  ])('%s', (sentence, expected) => expect(proposals(sentence)).toMatchObject(expected));

  it.each([
    'Pupils who are aware of abuse of the network will lose their login.',
    'We teach children about abuse and neglect in PSHE lessons.',
    'Staff must not report abuse to anyone other than the Head or the DLP without a reason.',
  ])('no safeguarding route from: %s', (sentence) => {
    const found = proposals(sentence);
    expect(found['concerns.routes.safeguarding.notify']).toBeUndefined();
    expect(found['concerns.routes.safeguarding.immediate']).toBeUndefined();
  });
});

describe('advice to a family about their own child sets no urgency unless a role is told', () => {
  it.each([
    'If you believe that your child is being bullied online, please contact Mrs Okafor straight away.',
    'Worried that your son is a victim of cyberbullying? Ring Mr Lee immediately – do not wait!',
    'Should you think your daughter has been the target of online bullying, get in touch with the office at once.',
  ])('nothing from: %s', (sentence) => expect(proposals(sentence)['concerns.routes.cyber-bullying.immediate']).toBeUndefined());

  it.each([
    'If you believe your child is being cyberbullied, please tell the Headteacher immediately.',
    'Any cyberbullying of your child reported to us will be passed immediately to the DSL.',
  ])('urgency kept from: %s', (sentence) => expect(proposals(sentence)['concerns.routes.cyber-bullying.immediate']).toBe(true));
});

describe('"identify by name any of the children": the naming rule in another word order', () => {
  it.each([
    [
      'Social Media Guidelines\n\n- We do not identify by name any of the children featured in our photographs.',
      { 'photos.channels.social-media.naming': 'none' },
    ],
    ['On the school website we will not identify by name the pupils shown in pictures.', { 'photos.channels.website.naming': 'none' }],
  ])('%s', (page, expected) => expect(proposals(page)).toMatchObject(expected));

  it.each([
    // Staff named; a condition; a first-name rule is not "no names".
    'School Website\n\nWe do not identify by name any of the staff in photographs.',
    'Social Media\n\nWe do not identify by name any of the children unless parents agree.',
  ])('no "none" naming from: %s', (page) => expect(Object.values(proposals(page))).not.toContain('none'));
});

describe('a question naming a use of images, answered by consent (FAQ pages)', () => {
  it.each([
    [
      'Photographs: your questions\n\nWill my child’s picture be on the school website?\nOnly if you have given your consent on the photo form.\n\nCould my child be in the local newspaper?\nYes, but only with your written permission.',
      ['press', 'website'],
    ],
    ['Is my daughter’s photo used in the prospectus?\nWe always ask for your consent first.', ['publications']],
    ['Images FAQ\n\nDo you post photos on Instagram?\nOnly once parents have agreed on the consent slip.', ['social-media']],
  ])('%s', (page, expected) => expect(uses(page)).toEqual(expected));

  it.each([
    // An opt-out answer, a denial, a question about parents' own photographs, a question about no image.
    'Photographs\n\nWill my child be on the website?\nYes, unless you tell us you do not want this.',
    'Photographs\n\nWill my child be on Facebook?\nNo, we never post pupils on social media, even with consent.',
    'Photographs\n\nCan parents take photos at the nativity and post them on Facebook?\nOnly with the consent of the other families.',
    'Newsletters\n\nWill the newsletter be on the website?\nOnly if parents agree at the consultation.',
  ])('nothing from: %s', (page) => expect(uses(page)).toEqual([]));
});

describe('a table whose column says whether each use of images needs consent', () => {
  it.each([
    ['How we use photographs\n\nUse\tConsent needed?\nSchool website\tYes\nClassroom displays\tNo\nLocal press\tYes', ['press', 'website']],
    ['Use of images | Parental consent required\nPrinted prospectus | Yes\nTwitter and Facebook | Yes', ['publications', 'social-media']],
    ['Photographs\n\nPurpose   Permission sought   Notes\nNewsletter   yes   termly\nLearning journals   no   public task', ['publications']],
  ])('%s', (page, expected) => expect(uses(page)).toEqual(expected));

  it.each([
    // Every row marked no; a table about something else; a table with no consent column.
    'How we use photographs\n\nUse\tConsent needed?\nSchool website\tNo\nClassroom displays\tNo',
    'School trips\n\nActivity\tConsent needed?\nVisit to the newspaper office\tYes\nWebsite coding club\tYes',
    'How we use photographs\n\nUse\tHow long kept\nSchool website\t2 years\nLocal press\tNot kept',
  ])('nothing from: %s', (page) => expect(uses(page)).toEqual([]));
});

describe('"all of the above require your consent" after the uses', () => {
  it.each([
    [
      'Photographs may be used on our website, in our newsletter and in the local press. All of the above require your written consent.',
      ['press', 'publications', 'website'],
    ],
    ['Photographs\n\nWe may share pictures of class activities on Instagram.\nEach of these needs your permission.', ['social-media']],
  ])('%s', (page, expected) => expect(uses(page)).toEqual(expected));

  it.each([
    'Trips\n\nPupils will visit the newspaper office and the local radio station. All of the above require your written consent.',
    'Photographs may be used on our website and in our newsletter. None of the above require your consent.',
  ])('nothing from: %s', (page) => expect(uses(page)).toEqual([]));
});

describe('"your consent covers…" and "we will only use images … with your agreement" (written from no page)', () => {
  it.each([
    [
      'Consent for images\n\nYour consent lasts while your child is with us and covers the website, the newsletter and classroom displays.',
      ['displays', 'publications', 'website'],
    ],
    ['Photographs\n\nThis permission also extends to pictures in the local paper.', ['press']],
    ['Images of children\n\nWe will only use images of your child on the website or in the local press with your agreement.', ['press', 'website']],
    ['The nursery will only post photos on Facebook once parents have given consent.', ['social-media']],
  ])('%s', (page, expected) => expect(uses(page)).toEqual(expected));

  it.each([
    // Consent for something else; a rule for parents; a denial.
    'Trips\n\nYour consent covers the coach journey and lunch at the museum, as described in the newsletter.',
    'Photographs\n\nParents will only post photos on Facebook with the consent of the other families.',
    'Photographs\n\nWe will never use images of your child on the website, even with your agreement.',
    // A member of staff's own undertaking in the first person.
    'Staff agreement\n\nI will only upload photographs of pupils to the school website with parental consent.',
  ])('nothing from: %s', (page) => expect(uses(page)).toEqual([]));
});
