import { describe, expect, it } from 'vitest';
import { concernPatterns } from './concerns.table.ts';
import { consentPatterns } from './consent.table.ts';
import { photoPatterns } from './photos.table.ts';
import { intervalMonths } from './text.dates.ts';
import { rolesIn } from './roles.ts';
import { read } from '../../../../test/helpers/proposals.ts';

describe('roles as schools name them', () => {
  it.each([
    ['the Head', ['headteacher']],
    ['the Head Teacher', ['headteacher']],
    ['the headteacher', ['headteacher']],
    ['the Principal', ['headteacher']],
    ['the Executive Headteacher', ['headteacher']],
    ['the Deputy Head', ['deputy-headteacher']],
    ['the Deputy Headteacher or the Head', ['deputy-headteacher', 'headteacher']],
    ['the DSL', ['dsl']],
    ['the Designated Safeguarding Lead', ['dsl']],
    ['the designated person for child protection', ['dsl']],
    ['one of the designated Named Persons', ['dsl']],
    ['a member of the senior leadership team', ['senior-leader']],
    ['the class teacher, then the ICT Lead Teacher', ['class-teacher', 'ict-lead']],
    ['their line manager', ['line-manager']],
    ['the head of year', []],
    ['ahead of time', []],
  ])('%s → %j', (text, roles) => expect(rolesIn(text.toLowerCase())).toEqual(roles));
});

describe('intervals in words', () => {
  it.each([
    ['reviewed annually', 12],
    ['reviewed every year', 12],
    ['reviewed on an annual basis', 12],
    ['reviewed every two years', 24],
    ['reviewed biennially', 24],
    ['reviewed every 3 years', 36],
    ['reviewed every eighteen months', 18],
    ['reviewed every 18 months', 18],
    ['reviewed termly', 4],
    ['reviewed regularly', null],
  ])('%s → %s', (text, months) => expect(intervalMonths(text)).toBe(months));
});

describe('who is told about which concern (concerns.routes.TYPE.notify / .immediate)', () => {
  it.each([
    ['Any cyber bullying must be reported to the DSL.', { 'concerns.routes.cyber-bullying.notify': ['dsl'] }],
    [
      'Incidents of online bullying should be passed on to the Designated Safeguarding Lead and the Head.',
      { 'concerns.routes.cyber-bullying.notify': ['dsl', 'headteacher'] },
    ],
    [
      'If a pupil sees inappropriate content, it must be reported immediately to their class teacher.',
      { 'concerns.routes.inappropriate-content.notify': ['class-teacher'], 'concerns.routes.inappropriate-content.immediate': true },
    ],
    ['Any friend request from a pupil must be reported to the Principal.', { 'concerns.routes.contact-attempt.notify': ['headteacher'] }],
    ['If a parent attempts to friend a member of staff, the Head Teacher must be informed.', { 'concerns.routes.contact-attempt.notify': ['headteacher'] }],
    ['Enquiries from the press should be directed to the Headteacher.', { 'concerns.routes.media-enquiry.notify': ['headteacher'] }],
    [
      'Safeguarding concerns must be reported to the designated person without delay.',
      { 'concerns.routes.safeguarding.notify': ['dsl'], 'concerns.routes.safeguarding.immediate': true },
    ],
    // A restricted record may not be promised to a line manager: the sentence poisons the notify list.
    [
      'Child protection concerns should be reported to your line manager immediately.',
      { 'concerns.routes.safeguarding.notify': null, 'concerns.routes.safeguarding.immediate': true },
    ],
    ['Staff should report any breach of this policy by a colleague to their line manager.', { 'concerns.routes.staff-misuse.notify': null }],
    ['Attempts to bypass the school filter will be reported to the ICT coordinator.', { 'concerns.routes.filter-circumvention.notify': ['ict-lead'] }],
    ['Cyberbullying incidents are logged and the DSL is alerted.', { 'concerns.routes.cyber-bullying.notify': ['dsl'] }],
    ['Concerns about cyber bullying should be reported to the DSL in line with the Safeguarding Policy.', { 'concerns.routes.cyber-bullying.notify': ['dsl'] }],
    [
      'If you are worried about the safety of a child online, tell the designated person at once.',
      { 'concerns.routes.safeguarding.notify': ['dsl'], 'concerns.routes.safeguarding.immediate': true },
    ],
    ['Breaches of this policy by members of staff will be reported to the Headteacher.', { 'concerns.routes.staff-misuse.notify': ['headteacher'] }],
    [
      'If a member of staff has a concern that a child is at risk, they must report it to the DSL immediately.',
      { 'concerns.routes.safeguarding.notify': ['dsl'], 'concerns.routes.safeguarding.immediate': true },
    ],
  ])('%s', (sentence, expected) => expect(read(concernPatterns, sentence)).toEqual(expected));

  it.each([
    // "In the first instance" names the first recipient only, not the whole list.
    'Inappropriate use by staff should be referred to the Headteacher in the first instance.',
    'Misuse of social media by a member of staff should initially be raised with the Head.',
    // No kind of concern, or two of them.
    'Questions about this policy should be directed to the Headteacher.',
    'Cyber bullying and safeguarding concerns are reported to the Head.',
    // Carers and the police are not staff roles: a route's "tell", not its notify list (and "may" is no rule).
    'Repeated online misconduct may be reported to the police.',
    // Negated.
    'Staff must not report cyber bullying to the Headteacher by text message.',
    // Advice to pupils, not how staff route a record.
    'Pupils who experience cyberbullying should tell their class teacher.',
    'We encourage children to tell the Head or a teacher about any online bullying.',
  ])('nothing from: %s', (sentence) => expect(read(concernPatterns, sentence)).toEqual({}));
});

describe('who outside the staff is told, and by when (concerns.routes.TYPE.tell / .deadline, settings added by issue 19)', () => {
  it.each([
    ['Any instances of cyber bullying will automatically be reported to the parent / carer.', { 'concerns.routes.cyber-bullying.tell': ['carers'] }],
    // The LADO's own time is no deadline of the route (the keying guide's convention, as the held-out keys write it).
    ['Allegations against a member of staff must be referred to the LADO within 24 hours.', { 'concerns.routes.staff-misuse.tell': ['lado'] }],
    [
      'Safeguarding concerns must be passed to the DSL on the same day, and will be referred to children’s social care.',
      {
        'concerns.routes.safeguarding.notify': ['dsl'],
        'concerns.routes.safeguarding.tell': ['social-care'],
        'concerns.routes.safeguarding.deadline': 'same-day',
      },
    ],
    [
      'Online bullying must be reported to the class teacher by the next school day.',
      { 'concerns.routes.cyber-bullying.notify': ['class-teacher'], 'concerns.routes.cyber-bullying.deadline': 'next-school-day' },
    ],
  ])('%s', (sentence, expected) => expect(read(concernPatterns, sentence)).toEqual(expected));

  it.each([
    // A discretion, not a rule.
    'Repeated cyber bullying may be reported to the police.',
    'Where appropriate, incidents of cyber bullying will be reported to parents.',
    'In the event of repeated incidents of online misconduct, the school reserves the right to inform the police.',
  ])('nothing from: %s', (sentence) => expect(read(concernPatterns, sentence)).toEqual({}));
});

describe('photographs (photos.prohibitedContexts, retention.deletePhotosAfterYears)', () => {
  it.each([
    ['Photographs will not be taken at swimming.', { 'photos.prohibitedContexts': ['swimming'] }],
    ['No photographs are taken during swimming lessons.', { 'photos.prohibitedContexts': ['swimming'] }],
    ['Staff must never photograph children in swimwear.', { 'photos.prohibitedContexts': ['swimming'] }],
    ['Images of pupils must not be taken on sports day or at the school play.', { 'photos.prohibitedContexts': ['sports-day', 'performance'] }],
    ['Photography is not permitted during swimming lessons.', { 'photos.prohibitedContexts': ['swimming'] }],
    ['No filming or photography is allowed at the swimming pool.', { 'photos.prohibitedContexts': ['swimming'] }],
    ["Children's photographs will not be taken during swimming lessons.", { 'photos.prohibitedContexts': ['swimming'] }],
    ['Photographs are deleted after two years.', { 'retention.deletePhotosAfterYears': 2 }],
    ['Images are kept for one academic year and then deleted.', { 'retention.deletePhotosAfterYears': 1 }],
    ['Photos are archived at the end of the year and deleted the following year.', { 'retention.deletePhotosAfterYears': 1 }],
  ])('%s', (sentence, expected) => expect(read(photoPatterns, sentence)).toEqual(expected));

  it.each([
    'Events such as assemblies and Sports Day may be photographed by staff.',
    'Parents must not take photographs at swimming galas.',
    'Photographs will not be taken at swimming unless parents have agreed.',
    'Photographs of pupils will not be published without parental consent.',
    'No photographs will be published of children on trips without consent.',
    'Mobile phones must not be used to take photographs during school trips.',
    'Pupils on residential trips must never be photographed in their bedrooms.',
    'Images are stored securely and deleted when the pupil leaves the school.',
    'Staff should not use personal phones to photograph pupils.',
    'Photographs are never deleted without the headteacher’s agreement.',
    'Concern records are deleted after two years.',
  ])('nothing from: %s', (sentence) => expect(read(photoPatterns, sentence)).toEqual({}));
});

describe('naming and tagging per channel (photos.channels.KEY.naming / .tagging, settings added by issue 19)', () => {
  it.each([
    ['No names will be given with photographs on the school website.', { 'photos.channels.website.naming': 'none' }],
    ['Photographs in the newsletter will show first names only.', { 'photos.channels.newsletter.naming': 'first-names' }],
    [
      'Where a newspaper wishes to include a name with a photograph, we will seek express written permission from carers.',
      { 'photos.channels.press.naming': 'full-with-permission' },
    ],
    ['Children will never be tagged in photographs on our Facebook page.', { 'photos.channels.social-media.tagging': false }],
    [
      "Children's names will not be published alongside their photographs on the website or Twitter.",
      { 'photos.channels.website.naming': 'none', 'photos.channels.social-media.naming': 'none' },
    ],
    ['Only first names will be used in the newsletter.', { 'photos.channels.newsletter.naming': 'first-names' }],
    // Full names or surnames withheld: a first name at most.
    ["Learners' full names will not be used anywhere on the website, particularly with photographs.", { 'photos.channels.website.naming': 'first-names' }],
    ['Full names are never printed in the newsletter.', { 'photos.channels.newsletter.naming': 'first-names' }],
  ])('%s', (sentence, expected) => expect(read(photoPatterns, sentence)).toEqual(expected));

  it.each([
    'Parents should not tag other children in photographs on social media.',
    'Staff should not name the school on their personal social media.',
    // With first names in the same clause, which way it goes is not plain.
    'Neither first names nor surnames will be given on the website.',
  ])('nothing from: %s', (sentence) => expect(read(photoPatterns, sentence)).toEqual({}));
});

describe('what carers are asked (consent.purposes.KEY.active, consent.lapse)', () => {
  it.each([
    [
      'Parents are asked to give permission for photographs on the school website and in the newsletter.',
      { 'consent.purposes.website.active': true, 'consent.purposes.publications.active': true },
    ],
    ['We will seek written consent from carers before a photograph appears in a newspaper.', { 'consent.purposes.press.active': true }],
    [
      'Written permission from parents or carers will be obtained before photographs of pupils are published on the school website.',
      { 'consent.purposes.website.active': true },
    ],
    ['The school does not use social media.', { 'consent.purposes.social-media.active': false }],
    ['Currently Oakfield has no social media accounts.', { 'consent.purposes.social-media.active': false }],
    ['We do not have any official social media accounts.', { 'consent.purposes.social-media.active': false }],
    ['Consent is renewed every September.', { 'consent.lapse': 'each-september' }],
    ['Permission forms are sent out each academic year and consent is sought again every year.', { 'consent.lapse': 'each-september' }],
    ['Consent remains valid until your child leaves the school.', { 'consent.lapse': 'never' }],
    ['Consent forms are sent home at the start of each academic year.', { 'consent.lapse': 'each-september' }],
    [
      'The academy will seek consent from parents for images on its website; consent is valid for the time the child attends the academy.',
      { 'consent.purposes.website.active': true, 'consent.lapse': 'never' },
    ],
    ['Consent is not needed for photographs on classroom displays.', { 'consent.purposes.displays.basis': 'public-task' }],
    ['Photographs are used on displays in school unless a parent objects.', { 'consent.purposes.displays.basis': 'opt-out' }],
    [
      'Parental consent is sought for the use of images on our website and social media.',
      { 'consent.purposes.website.active': true, 'consent.purposes.social-media.active': true },
    ],
  ])('%s', (sentence, expected) => expect(read(consentPatterns, sentence)).toEqual(expected));

  it.each([
    'Staff should not use personal phones.',
    'Staff do not use social media during lessons.',
    'Pupils do not have social media accounts in school.',
    'If the school does not use social media, parents will be told.',
    'Parents should not post photographs of other children on social media without permission.',
    'Most social networking sites are not appropriate for use in school.',
    'Parents are asked to sign a consent form when their child joins the school.',
    'Parents can withdraw their consent at any time.',
    // Never opt-out for a use outside school.
    'Photographs are used on the school website unless a parent objects.',
  ])('nothing from: %s', (sentence) => expect(read(consentPatterns, sentence)).toEqual({}));
});
