import { describe, expect, it } from 'vitest';
import { proposals, uses } from '../../../../test/helpers/proposals.ts';

/**
 * Round 22: what six whole policies written for the test (fourteenth session, by engineers who never read the engine)
 * showed on their first read, each as a rule any school's wording would meet, with must-propose-nothing cases. Every
 * sentence here is written for this test, with other schools, roles and layouts.
 */

describe('an appendix form’s signers (pupils, parents, staff) neither add to nor spoil the policy’s own signatures', () => {
  it.each([
    [
      'Review\n\nSigned: ____________ Head Teacher   Date: ______\nSigned: ____________ Chair of Governors   Date: ______\n\nAppendix 2: Home agreement\n\nPupil name: __________ Signed: __________ Date: ______\nSigned (parent/carer): __________ Date: ______',
      ['Head Teacher', 'Chair of governors'],
    ],
    ['Approval\n\nSigned (Principal): ______________  Date: ________\nSigned (Chair of LGB): ______________  Date: ________', ['Principal', 'Chair of lgb']],
    ['Staff agreement\n\nStaff name: ____________ Signed: ____________\n\nSigned: ____________ Executive Headteacher', ['Executive headteacher']],
  ])('%s', (page, signers) => expect(proposals(page)['policyReview.signatories']).toEqual(signers));

  it('the Head, as an independent school calls the post', () => {
    expect(
      proposals('Signed: ................ Head   Date: ........\nSigned: ................ Chair of Governors   Date: ........')['policyReview.signatories'],
    ).toEqual(['Head', 'Chair of governors']);
  });

  it('the next part of the document ends the block: its form’s fields are not signers', () => {
    expect(
      proposals('Signed: ________ Headteacher\nSigned: ________ Chair of Governors\n\nAPPENDIX A – ACCOUNT REQUEST\n\nName of member of staff:\nPlatform:')[
        'policyReview.signatories'
      ],
    ).toEqual(['Headteacher', 'Chair of governors']);
  });

  it.each([
    'Signed: ____________ Headteacher\nSigned: ____________ Deputy Headteacher',
    // A body's chair whose post is not read ("Parent Council" is no form's parent), or a name with no post.
    'Signed: J. Brown, Head Teacher   Date: 01/02/2025\nSigned: R. Khan, Chair, Hillview Parent Council   Date: 01/02/2025',
    'Signed: ____________ Headteacher\nSigned: ____________ Mrs A Patel',
  ])('a signer whose role is not read leaves the list unsaid: %s', (page) => expect(proposals(page)['policyReview.signatories']).toBeUndefined());
});

describe('a consent form’s rows, under "tick yes or no", whatever the heading above them', () => {
  it('rows that say they are about images, a row’s naming note included', () => {
    expect(
      uses(
        'Oakridge Primary School Image Consent Form Please return this to the office.\nPlease tick YES or NO for each box.\n\n1. Photographs of my child may be shown on classroom displays.   [ ] Yes  [ ] No\n2. Photographs of my child may appear on the school website (no names will be given).   [ ] Yes  [ ] No\n3. My child may be photographed by the local newspaper.   [ ] Yes  [ ] No',
      ),
    ).toEqual(['displays', 'press', 'website']);
  });

  it('a Welsh school’s "Ie / Na"', () => {
    expect(
      uses(
        'Please answer Yes (Ie) or No (Na) to each question.\n1. The school may use photographs of my child on the school website.\tIe / Na\n2. The school may use photographs of my child on its Facebook page.\tIe / Na',
      ),
    ).toEqual(['social-media', 'website']);
  });

  it('rows about something else are not images', () => {
    expect(
      uses(
        'Please tick YES or NO for each box.\n\n1. My child may walk home alone.   [ ] Yes  [ ] No\n2. My child may have sun cream applied.   [ ] Yes  [ ] No',
      ),
    ).toEqual([]);
  });
});

describe('what a page says beside its consent form does not void the form', () => {
  const form =
    '\n\nPlease tick YES or NO for each box.\n\n1. Photographs of my child may be used in the school prospectus.   [ ] Yes  [ ] No\n2. Photographs of my child may be used on the school website.   [ ] Yes  [ ] No';

  it('how long consent lasts, and that a carer may change it, is no opt-out', () => {
    expect(uses(`Consent\n\nYour answers stay valid until your child leaves the school, unless you tell us that you wish to change them.${form}`)).toEqual([
      'publications',
      'website',
    ]);
  });

  it('no consent needed for the school’s own records is about those records', () => {
    expect(
      uses(
        `Consent\n\nPhotographs taken for identification on our management information system, and for recording progress, do not need your consent.${form}`,
      ),
    ).toEqual(['publications', 'website']);
  });

  it('an opt-out the page states still makes it opt-out', () => {
    expect(uses(`Consent\n\nPhotographs are used unless you tell us you object.${form}`)).toEqual([]);
  });
});

describe('photographs taken off a channel, or archived, are not deleted', () => {
  it.each([
    'Storage\n\nImages on the school app are normally removed or archived after two years.',
    'Storage\n\nPhotographs are taken off the website after three years.',
  ])('nothing from: %s', (page) => expect(proposals(page)['retention.deletePhotosAfterYears']).toBeUndefined());

  it('deleted is still deleted', () => {
    expect(proposals('Storage\n\nPhotographs are deleted from the network after three years.')['retention.deletePhotosAfterYears']).toBe(3);
  });
});

describe('a name on a channel only with the carers’ consent is full names with permission', () => {
  it.each([
    ['Press\n\nPupils’ full names may be printed in the local paper with the consent of their parents.', 'press'],
    ['Press\n\nThe local paper sometimes wants to print full names; we will ask parents for specific consent before any name is released.', 'press'],
    ['Press\n\nStudents’ names may be given in full in press releases only where written consent has been obtained.', 'press'],
    ['Consent form\n\nPhotographs in the local newspaper (names may be printed if you agree)   Yes / No', 'press'],
    ['Consent form\n\nThe school newsletter (name only if I agree)   Yes / No', 'newsletter'],
    ['Website\n\nNames will not be published on the website without parental consent.', 'website'],
  ])('%s', (page, channel) => expect(proposals(page)[`photos.channels.${channel}.naming`]).toBe('full-with-permission'));

  it('each clause keeps its own channel', () => {
    const found = proposals('Names\n\nWe never use full names on the website; names may appear in the local newspaper with your consent.');
    expect([found['photos.channels.website.naming'], found['photos.channels.press.naming']]).toEqual(['first-names', 'full-with-permission']);
  });

  it.each([
    // A first name, a first name and initial, staff's names, the Head's say, or a name refused even with consent.
    'Website\n\nFirst names may be used on the website with your permission.',
    'Website\n\nA first name and the initial of the surname may appear on the website where parents have agreed.',
    'Newsletter\n\nStaff names may be printed in the newsletter with their consent.',
    'Website\n\nNames will not be published on the website without the Headteacher’s permission.',
    'Press\n\nNames may not be printed in the local paper, even if parents agree.',
  ])('nothing from: %s', (page) =>
    expect(Object.keys(proposals(page)).filter((s) => /naming$/.test(s) && proposals(page)[s] === 'full-with-permission')).toEqual([]),
  );
});

describe('full names not used on a channel: a first name at most (the keying guide)', () => {
  it.each([
    ['Online\n\nWe do not use full names on Facebook.', 'social-media'],
    ['Online\n\nThe school will not publish a pupil’s full name on its website.', 'website'],
    ['Online\n\nWe do not use the student’s full name with an image on Instagram.', 'social-media'],
  ])('%s', (page, channel) => expect(proposals(page)[`photos.channels.${channel}.naming`]).toBe('first-names'));
});

describe('concerns about a member of staff are the staff route', () => {
  it.each([
    'Allegations\n\nConcerns about a colleague must be reported to the Principal.',
    'Allegations\n\nIf the concern is about a member of staff, speak to the Head Teacher.',
    // The alternative on a condition is someone else's route.
    'Allegations\n\nConcerns about a member of staff should be reported to the Headteacher, or to the Chair of Governors if they concern the Headteacher.',
  ])('%s', (page) => expect(proposals(page)['concerns.routes.staff-misuse.notify']).toEqual(['headteacher']));

  it('a concern about a member of staff’s child is not about the member of staff', () => {
    expect(
      proposals('Concerns\n\nConcerns about a member of staff’s child must be reported to the DSL.')['concerns.routes.staff-misuse.notify'],
    ).toBeUndefined();
  });
});

describe('who approves the school’s accounts, said of the account', () => {
  it.each([
    'Social media\n\nThe Head of School is responsible for approving any official school social media account.',
    'Social media\n\nThe Headteacher is the only person who may authorise new school social media accounts.',
    'Social media\n\nClubs may have their own accounts only with the written approval of the Headteacher.',
    'Social media\n\nThe academy has an official Instagram account, run by the office with the Principal’s approval.',
  ])('%s', (page) => expect(proposals(page)['decisions.accounts']).toEqual(['headteacher']));

  it('approving the posts on an account is not approving the account', () => {
    expect(
      proposals('Social media\n\nThe Headteacher approves every photograph before it is posted on the school’s Instagram account.')['decisions.accounts'],
    ).toBeUndefined();
  });
});

describe('occasions families are asked not to photograph, or the school may choose to stop, are not the school’s rule', () => {
  it.each([
    'Events\n\nWe ask parents not to film during the nativity, because some children must not be photographed.',
    'Events\n\nThe school may ask that no photographs are taken during a particular concert.',
    'Visiting\n\nPhotography is not allowed during swimming lessons or when you are helping in class.',
  ])('nothing from: %s', (page) => expect(proposals(page)['photos.prohibitedContexts']).toBeUndefined());

  it('the school’s own rule still is', () => {
    expect(proposals('Images\n\nPhotographs will not be taken during swimming lessons.')['photos.prohibitedContexts']).toEqual(['swimming']);
  });
});

describe('a kind of concern named only in a prohibition before a report of something else', () => {
  it('reporting a site that should be blocked is not reporting a bypass', () => {
    expect(
      proposals('Filtering\n\nStaff must not try to get round the filtering and must report any website that ought to be blocked to the Computing Lead.')[
        'concerns.routes.filter-circumvention.notify'
      ],
    ).toBeUndefined();
  });

  it.each([
    'Filtering\n\nStaff must never bypass the filter and must report any attempt by a pupil to bypass the filtering to the Computing Lead.',
    'Filtering\n\nIf staff find that pupils have got round the filtering, they must not try it themselves; they must report it to the Computing Lead.',
  ])('%s', (page) => expect(proposals(page)['concerns.routes.filter-circumvention.notify']).toEqual(['ict-lead']));
});

describe('the keying guide’s computing or e-safety lead: network manager, online safety lead, e-safety co-ordinator', () => {
  it.each(['the Network Manager', 'the Online Safety Lead', 'the E-Safety Co-ordinator', 'the IT Manager'])('%s', (who) =>
    expect(proposals(`Filtering\n\nAny attempt to bypass the filtering must be reported to ${who}.`)['concerns.routes.filter-circumvention.notify']).toEqual([
      'ict-lead',
    ]),
  );
});

describe('"no full names" is a ceiling: a stricter rule for the channel elsewhere is the same rule (the keying guide)', () => {
  it.each([
    ['Names\n\nWe will not use full names on the website.\n\nConsent form\n\nPhotographs on the school website (no names)   Yes / No', 'none'],
    ['Names\n\nWe will not use full names on the website.\n\nOn the website we use first names only.', 'first-names'],
    // (A first name at most, and full names with the family's say: full names with permission, as the keys of six
    // policies read it; the thirty-seventh session's keying guide.)
    ['Names\n\nWe will not use full names on the website.\n\nFull names may appear on the website with your consent.', 'full-with-permission'],
  ])('%s', (page, value) => expect(proposals(page)['photos.channels.website.naming']).toBe(value));
});

describe('who approves the policy: a body, never a person who signs for it', () => {
  it.each([
    ['Policy details\nApproved by: Mrs J. Okafor (Chair of Governors)', undefined],
    ['Policy details\nApproved by: Chair of Governors', undefined],
    ['Policy details\nApproved by: The Corporation (on the advice of its Standards Committee)', 'Corporation'],
    ['Policy details\nDate approved by the Local Governing Body: 3 March 2025', 'Local Governing Body'],
  ])('%s', (page, body) => expect(proposals(page)['policyReview.approvingBody']).toBe(body));
});

describe('a college, a centre or a pre-school is the school', () => {
  it.each([
    ['Marketing\n\nThe College does not have its own Facebook, Instagram, X or TikTok account.', 'consent.purposes.social-media.active', false],
    ['Consent\n\nConsent given at enrolment lasts until you leave the College.', 'consent.lapse', 'never'],
  ])('%s', (page, setting, value) => expect(proposals(page)[setting]).toBe(value));
});

describe('asking to block or unblock a site, or to change the filtering, and who decides', () => {
  it.each([
    [
      'Filtering\n\nAny request to unblock or block a website goes to the Computing Lead, who will pass it to the Head Teacher for approval.',
      ['headteacher'],
      ['headteacher'],
    ],
    ['Filtering\n\nAny request to change the filtering must be made to the technician and approved by the DSL.', ['dsl'], ['dsl']],
    ['Filtering\n\nRequests to have a website blocked are decided by the Online Safety Lead.', undefined, ['ict-lead']],
  ])('%s', (page, unblock, block) => {
    const found = proposals(page);
    expect([found['decisions.unblock'], found['decisions.blockedContentRequests']]).toEqual([unblock, block]);
  });

  it('who a request is made to is not who decides it', () => {
    expect(proposals('Filtering\n\nAny request to unblock a website must be made to the Network Manager.')['decisions.unblock']).toBeUndefined();
  });
});

describe('consent that lasts for the pupil’s time, said of a pupil, a student or "you"', () => {
  it.each([
    'Consent\n\nConsent remains valid for the whole of a pupil’s time at the school unless it is withdrawn.',
    'Consent\n\nConsent will be assumed to continue through the student’s time at the academy unless it is withdrawn.',
    'Consent\n\nConsent remains valid until the learner leaves the school.',
  ])('%s', (page) => expect(proposals(page)['consent.lapse']).toBe('never'));

  it('not said', () => {
    expect(proposals('Consent\n\nConsent is not valid for the whole of a pupil’s time at the school.')['consent.lapse']).toBeUndefined();
  });
});

describe('a site’s terms set an age only when the school holds pupils to them (the keying guide)', () => {
  it.each([
    ['Social media\n\nMost social media platforms have a minimum age of 13. We advise parents to check their children’s privacy settings.', undefined],
    ['Social media\n\nParents are asked to remember that most apps have a minimum age of 13 and to think carefully before allowing accounts.', undefined],
    ['Social media\n\nMost social media apps have a minimum age of 13. Pupils may not use social media in school.', undefined],
    ['Social media\n\nMost social media apps have a minimum age of 13. The school does not support pupils under that age having accounts.', 13],
    [
      'Social media\n\nParents are reminded that many social media sites require users to be 13; therefore pupils at this school are not expected to use them.',
      13,
    ],
    ['Social media\n\nPupils are reminded that most social media services require users to be 13 or over.', 13],
  ])('%s', (page, age) => expect(proposals(page)['ageLimits.socialMediaMinimumAge']).toBe(age));
});
