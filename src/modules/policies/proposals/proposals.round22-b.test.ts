import { describe, expect, it } from 'vitest';
import { proposals, uses } from '../../../../test/helpers/proposals.ts';

/**
 * Round 22, continued (proposals.round22-a.test.ts has the first part): what the later whole policies written for the
 * test showed on their first reads. Every sentence here is written for this test.
 */

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
      // A name given to the press only with the parents' agreement (bench/proposals-keying.md; round 29).
      'full-with-permission',
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
