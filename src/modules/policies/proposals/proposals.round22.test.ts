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
      ['Headteacher', 'Chair of governors'],
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
    ['Names\n\nWe will not use full names on the website.\n\nFull names may appear on the website with your consent.', undefined],
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

describe('occasions never photographed: families’ sections, states of dress, the occasion as the subject', () => {
  it.each([
    ['APPENDIX 2 – GUIDANCE FOR PARENTS AT SCHOOL EVENTS\n\nPhotography is not allowed at swimming galas or in the pool area.', undefined],
    ['Parents and visitors taking photographs\n\nPhotography is not permitted at swimming galas.', undefined],
    ['Publishing\n\nThe school does not post photographs of children in swimwear.', undefined],
    ['Images\n\nPupils will be suitably dressed in every image; photographs of swimming lessons will not be taken.', ['swimming']],
    ['Images\n\nNo photographs of children in swimsuits will be taken.', ['swimming']],
  ])('%s', (page, contexts) => expect(proposals(page)['photos.prohibitedContexts']).toEqual(contexts));
});

describe('who posts, a device allowed, a check before posting, a condition: no approver and no route', () => {
  it.each([
    ['Social media\n\nPosts on the school’s Facebook page are made by the office and the headteacher only.', /headteacherApproval|photoPublication/],
    [
      'Trips\n\nStaff may use their own phone with the agreement of the Headteacher, but the images must be uploaded to the school system and deleted.',
      /photoPublication/,
    ],
    ['Publishing\n\nThe DSL must be told before any image is posted of a pupil who is subject to a child protection plan.', /^concerns\./],
    ['Incidents\n\nThe DSL will contact the police where an online incident involves a possible crime.', /^concerns\./],
  ])('nothing from: %s', (page, settings) => expect(Object.keys(proposals(page)).filter((s) => settings.test(s))).toEqual([]));

  it('posts written by someone and approved by the Head are the Head’s approval', () => {
    expect(
      proposals('Social media\n\nTweets are written by class teachers and approved by the Head before posting.')[
        'photos.channels.social-media.headteacherApproval'
      ],
    ).toBe(true);
  });
});

describe('a student’s safety, and the Designated Safeguarding Officer (DSO)', () => {
  it('is the safeguarding route', () => {
    expect(
      proposals('Monitoring\n\nAlerts that suggest a risk to a student’s safety are passed to the DSO immediately.')['concerns.routes.safeguarding.notify'],
    ).toEqual(['dsl']);
  });
});

describe('an opt-out for one narrow thing does not make a page’s consent form opt-out', () => {
  const form = '\n\nPlease tick YES or NO for each box.\n\n1. Photographs of my child may be used on the school website.   [ ] Yes  [ ] No';
  it.each([
    `Consent\n\nConsent given on the slip applies for the whole time the child is at the school, unless parents tell us otherwise.${form}`,
    `Leavers\n\nImages used in marketing may continue to be used for up to two years after you leave unless you tell us otherwise.${form}`,
    `ID cards\n\nLost cards must be collected from the office unless you tell us otherwise.${form}`,
    `Cyberbullying\n\nCyberbullying includes sharing images without consent and creating fake profiles.${form}`,
  ])('%s', (page) => expect(uses(page)).toEqual(['website']));
});

describe('"the form asks separately about" each use asks about them', () => {
  it('the uses it names', () => {
    expect(
      uses(
        'Consent\n\nParents complete the consent form on entry. The form asks separately about photographs on displays, on the website and in the local paper.',
      ),
    ).toEqual(['displays', 'press', 'website']);
  });
});

describe('a list’s lead that names channels sets the rule for each', () => {
  it.each([
    [
      'Publishing\n\nWhen publishing images on the website or social media:\n- students’ full names will not be published with their photograph;\n- students will be suitably dressed.',
      'first-names',
    ],
    ['Publishing\n\nOn all websites and official social media:\n- pupils’ surnames must never be used with images;\n- no pupil is tagged.', 'first-names'],
  ])('%s', (page, value) => {
    const found = proposals(page);
    expect([found['photos.channels.website.naming'], found['photos.channels.social-media.naming']]).toEqual([value, value]);
  });

  it('"on any channel" is no one channel in scope', () => {
    expect(
      Object.keys(proposals('Social media\n\nAcademies must not publish a pupil’s surname with their image on any channel.')).filter((s) => /naming$/.test(s)),
    ).toEqual([]);
  });
});

describe('more that does not void a consent form: a photograph taken down on request, a wrong in a sanctions table, a list’s lead', () => {
  const form = '\n\nPlease tick YES or NO for each box.\n\n1. Photographs of my child may be used on the school website.   [ ] Yes  [ ] No';
  it.each([
    `Facebook\n\nPhotos stay on our page unless you ask us to remove a photo of your child.${form}`,
    `Sanctions\n\nFilming another pupil without permission\tPhone confiscated for a week${form}`,
    `Consent\n\nConsent is not required for images taken for the following purposes:\n- the MIS photograph;\n- assessment records.${form}`,
  ])('%s', (page) => expect(uses(page)).toEqual(['website']));
});

describe('a form’s row for a use, beside a sentence that says the use needs no consent: the two disagree', () => {
  it('proposes neither basis nor consent for displays', () => {
    const found = proposals(
      'Consent\n\nWe do not ask permission for photographs used in class displays, as this is part of teaching.\n\nPlease tick YES or NO for each box.\n\n1. Photographs of my child may be used on classroom displays.   [ ] Yes  [ ] No',
    );
    expect([found['consent.purposes.displays.basis'], found['consent.purposes.displays.active']]).toEqual([undefined, undefined]);
  });
});

describe('tagging: "do not tag anyone", and an item under a lead that forbids', () => {
  it.each([
    'Facebook\n\nWe don’t tag anyone in photos of children.',
    'Staff must not:\n- post photographs of pupils on personal accounts;\n- tag children, or their parents, in images on social media;',
  ])('%s', (page) => expect(proposals(page)['photos.channels.social-media.tagging']).toBe(false));

  it('not a parents’ list', () => {
    expect(
      proposals('Parents are asked not to:\n- tag other children in photographs on social media;')['photos.channels.social-media.tagging'],
    ).toBeUndefined();
  });
});

describe('more ways a school says who is told', () => {
  it.each([
    ['Media\n\nStaff must refer any approach from the media to the Head Teacher.', 'concerns.routes.media-enquiry.notify', ['headteacher']],
    ['Concerns\n\nStaff report any concern about a child’s online safety to the DSL straight away.', 'concerns.routes.safeguarding.notify', ['dsl']],
    [
      'Accounts\n\nDepartments that wish to run a school social media account must obtain the permission of the Headteacher.',
      'decisions.accounts',
      ['headteacher'],
    ],
    ['Header\nApproved by: Federation Governing Board', 'policyReview.approvingBody', 'Federation Governing Board'],
    ['Consent\n\nWhen you complete the consent form, your choices stay in place for the whole time your child is at the school.', 'consent.lapse', 'never'],
    ['Consent\n\nConsent covers the whole of the child’s time in the federation unless parents tell us otherwise.', 'consent.lapse', 'never'],
  ])('%s', (page, setting, value) => expect(proposals(page)[setting]).toEqual(value));
});

describe('routes in more words: contact from pupils, journalists, the office, content about the school', () => {
  it.each([
    [
      'Staff conduct\n\nIf a student makes contact with a member of staff through personal social media, the member of staff must not respond and should inform the DSL.',
      'concerns.routes.contact-attempt.notify',
      ['dsl'],
    ],
    [
      'Staff conduct\n\nStaff who are contacted by a pupil on social media should not reply and must report it to the DSL.',
      'concerns.routes.contact-attempt.notify',
      ['dsl'],
    ],
    [
      'Media\n\nStaff who are contacted by a journalist about the school must not comment and must pass the enquiry to the School Business Manager.',
      'concerns.routes.media-enquiry.notify',
      ['office'],
    ],
    [
      'Staff conduct\n\nStaff who see inappropriate content about the school online should not respond and should inform the Deputy Headteacher.',
      'concerns.routes.disparaging-content.notify',
      ['deputy-headteacher'],
    ],
    ['Filtering\n\nThe Network Manager reports any attempts to bypass filtering to the DSL.', 'concerns.routes.filter-circumvention.notify', ['dsl']],
  ])('%s', (page, setting, value) => expect(proposals(page)[setting]).toEqual(value));

  it('the office is no recipient of a safeguarding record, and does not spoil the route', () => {
    const found = proposals(
      'Safeguarding\n\nAny safeguarding concern must be reported to the DSL.\n\nAny image of a pupil published without consent must be reported to the Bursar.',
    );
    expect(found['concerns.routes.safeguarding.notify']).toEqual(['dsl']);
  });
});

describe('no route from a time to record, a parents’ list, or a decision left to someone', () => {
  it.each([
    ['Concerns\n\nStaff must report a safeguarding concern to the DSL immediately, and record it on CPOMS the same day.', /deadline$/],
    [
      'We ask parents to:\n- not post negative comments about the school on social media; if you have a concern, please speak to the class teacher.',
      /^concerns\./,
    ],
    ['Searching devices\n\nIn a case of sexting, the DSL will decide whether the police must be contacted.', /tell$/],
    ['Searching devices\n\nIn a case of sexting, parents will be informed unless this would put the pupil at risk.', /tell$/],
    ['Incidents\n\nIf the content is illegal, the DSL will contact the police.', /tell$/],
  ])('nothing from: %s', (page, settings) => expect(Object.keys(proposals(page)).filter((s) => settings.test(s))).toEqual([]));

  it('a safeguarding concern defined by its risk is still told', () => {
    expect(
      proposals('Safeguarding\n\nWhere a pupil is at risk of harm, the DSL will contact children’s social care.')['concerns.routes.safeguarding.tell'],
    ).toEqual(['social-care']);
  });
});

describe('a table of uses with a column for names', () => {
  it('each row naming one channel sets its naming rule', () => {
    const found = proposals(
      'How we use images\n\nUse | Consent needed? | Names?\nSchool website | Yes – "Website" | No names\nSchool Facebook page | Yes | First name only; no surname\nLocal press | Yes, for each story | Full name only with parents’ agreement',
    );
    expect([found['photos.channels.website.naming'], found['photos.channels.social-media.naming'], found['photos.channels.press.naming']]).toEqual([
      'none',
      'first-names',
      undefined,
    ]);
    expect(
      uses('How we use images\n\nUse | Consent needed? | Names?\nSchool website | Yes – "Website" | No names\nSchool Facebook page | Yes, always | No names'),
    ).toEqual(['social-media', 'website']);
  });
});

describe('consent "sought separately for each of the following purposes", items numbered 6.3.1', () => {
  it('asks about each item', () => {
    expect(
      uses(
        'Consent\n\n6.3 Consent is sought separately for each of the following purposes:\n6.3.1 the Academy website;\n6.3.2 printed publications (prospectus, newsletters);\n6.3.3 local and national press.',
      ),
    ).toEqual(['press', 'publications', 'website']);
  });
});

describe('ages: the school holding pupils to them, and the sites’ users described', () => {
  it.each([
    ['Social media\n\nMost social media sites have a minimum age of 13. We will not create accounts for pupils on such sites.', 13],
    ['Social media\n\nThe school does not support or condone pupils under 13 holding social media accounts.', 13],
    ['Apps\n\nMost apps and games (such as TikTok and Instagram) are for children aged 13 or over.', undefined],
  ])('%s', (page, age) => expect(proposals(page)['ageLimits.socialMediaMinimumAge']).toBe(age));
});

describe('fewer false proposals: a first name and initial, printed material within school, broad pledges', () => {
  it('a first name and initial allowed leaves the channel’s naming open', () => {
    const found = proposals(
      'Images\n\nPhotographs on the school website will not include full names. First name and initial may be used with the pupil’s permission.',
    );
    expect(found['photos.channels.website.naming']).toBeUndefined();
  });

  it.each([
    [
      'Consent form\n\nPlease tick YES or NO for each box.\n\n1. Photographs of my child may be used in displays and printed material within school.   [ ] Yes  [ ] No',
      /publications/,
    ],
    ['Staff agreement\n\nI will report any illegal, inappropriate or harmful material or incident to the DSL.', /^concerns\./],
    ['Pupil agreement\n\nI will immediately report any unpleasant material or messages to a member of staff.', /immediate$/],
  ])('nothing from: %s', (page, settings) => expect(Object.keys(proposals(page)).filter((s) => settings.test(s))).toEqual([]));
});

describe('"yes" or "no" in quotes, and a scenario’s instructions', () => {
  it('a form asking to say "yes" or "no" to each of its lettered items', () => {
    expect(
      uses(
        'Consent\n\nThe admissions form includes a section on photographs. This asks you to say "yes" or "no" to each of the following:\n\n(a) photographs in the school newsletter\n(b) photographs on the school website',
      ),
    ).toEqual(['publications', 'website']);
  });

  it('an instruction in a paragraph that opens with one kind of concern is about that kind', () => {
    const found = proposals(
      'What to do if…\n\nA child tells you they have come across unsuitable material online. Listen and reassure them. Tell the DSL the same day.',
    );
    expect([found['concerns.routes.inappropriate-content.notify'], found['concerns.routes.inappropriate-content.deadline']]).toEqual([['dsl'], 'same-day']);
  });

  it('not when the paragraph names two kinds', () => {
    expect(
      proposals('What to do if…\n\nA child sees something upsetting online, or is being bullied online. Tell the DSL the same day.')[
        'concerns.routes.inappropriate-content.notify'
      ],
    ).toBeUndefined();
  });
});
