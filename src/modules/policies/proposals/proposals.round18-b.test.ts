import { describe, expect, it } from 'vitest';
import { ageTable } from './ages.table.ts';
import { concernPatterns } from './concerns.table.ts';
import { decisionPatterns } from './decisions.table.ts';
import { lapse } from './lapse.table.ts';
import { reviewPatterns } from './review.table.ts';
import { proposals, read } from '../../../../test/helpers/proposals.ts';

/**
 * Round 18 (b): how long consent lasts, who decides, the policy's header, concern routes and age limits, from the kinds
 * met on two more real dev sets (described in words only). Every sentence here is written for the test, with other
 * schools, roles and layouts; each kind has must-propose-nothing cases (negation, conditions, "may", advice, another
 * body's rule).
 */

const lapseOf = (sentence: string) => read([lapse], sentence)['consent.lapse'];

describe('consent named for its year, or asked at the start of each year', () => {
  it.each([
    // A form sent home at the start of the year, in the present tense: every year.
    'At the start of the school year we send home a photo release form for each family to complete.',
    'At the beginning of each academic year the office sends out a media release form.',
    'Every September we hand out the photograph consent slips in the first week.',
    // Named for its year in a sentence.
    'Please return the yearly image consent form to the class teacher.',
    'The annual media consent form is part of the registration pack.',
  ])('%s', (sentence) => expect(lapseOf(sentence)).toBe('each-september'));

  it('a page whose title names the consent for its year', () => {
    const page = 'Annual Media Consent\n\nEach term staff photograph pupils at events. You can tell us which uses you do not agree to on the form.\n';
    expect(proposals(page)['consent.lapse']).toBe('each-september');
  });

  it.each([
    // A yearly photograph is an occasion, not how long the answer lasts; a form for something else; a one-off.
    'Consent for the annual school photograph is asked when your child joins us.',
    'At the start of the year we send home a trip consent form for the residential visit.',
    'We send home a photo release form when your child starts at the school.',
    'Annual Sports Day photographs will be shared with families on the app.',
  ])('nothing: %s', (sentence) => expect(lapseOf(sentence)).toBeUndefined());

  it('a page titled for a yearly event says nothing of consent', () => {
    const page = 'Annual Photo Day\n\nThe photographer visits in October. Consent for images is asked when your child joins the school.\n';
    expect(proposals(page)['consent.lapse']).toBeUndefined();
  });
});

describe('an opt-out that must be made again each year', () => {
  it.each([
    'Parents may request that their child not be photographed by writing to the school within the first two weeks of each school year.',
    'Families who wish to opt out of photographs must tell the office in writing at the start of every academic year.',
    'Carers can ask for their child not to be filmed by returning the slip each September.',
  ])('%s', (sentence) => expect(lapseOf(sentence)).toBe('each-september'));

  it.each([
    // No year, a yearly occasion rather than a yearly answer, or an opt-out that is not made again.
    'Parents may request that their child not be photographed by writing to the Head at any time.',
    'Parents who wish to opt out of the yearly class photograph should tell the office.',
    'Families may opt out of photographs once, when their child joins the school.',
  ])('nothing: %s', (sentence) => expect(lapseOf(sentence)).not.toBe('each-september'));
});

describe("the carer's answer holds for the school year", () => {
  it.each([
    'The media consent choices parents make at registration are the directions the school must follow throughout the year.',
    'Your consent selection is valid for the whole academic year.',
    'The permission you give on the form applies for the rest of the school year.',
  ])('%s', (sentence) => expect(lapseOf(sentence)).toBe('each-september'));

  it.each([
    // Photographs taken through the year, or the answer's year negated.
    'We take photographs throughout the year at concerts and sports events, and consent is asked when your child joins.',
    'Your consent choice is not valid for the whole school year if you change schools.',
  ])('nothing: %s', (sentence) => expect(lapseOf(sentence)).toBeUndefined());
});

describe('consent once given stands until the carer writes', () => {
  it.each([
    'This consent, once given, will be changed or withdrawn only on receipt of a written request from the parent or carer.',
    'Permission, once granted, remains in place until a parent tells us otherwise in writing.',
    'Consent once given will stand until it is revoked by the parent in writing.',
  ])('%s', (sentence) => expect(lapseOf(sentence)).toBe('never'));

  it.each([
    // Withdrawn at any time says nothing of renewal; a yearly renewal; another form's consent.
    'Consent can be withdrawn at any time by writing to the school office.',
    'Consent, once given, will be checked with parents each September.',
    'Trip consent, once given, will be withdrawn only on written notice from the parent.',
  ])('nothing: %s', (sentence) => expect(lapseOf(sentence)).not.toBe('never'));
});

describe('the images used are those someone judges fit: who decides what is published', () => {
  it.each([
    ['We only use photographs that the Head Teacher considers appropriate for publication.', ['headteacher']],
    ['The school publishes only images which the Principal and the governors consider suitable.', ['headteacher', 'governor']],
    ['Our newsletter and website use only pictures that the Designated Safeguarding Lead has approved.', ['dsl']],
    ['We will only post images that the Senior Leadership Team deem suitable.', ['senior-leader']],
  ])('%s', (sentence, who) => expect(read(decisionPatterns, sentence)['decisions.photoPublication']).toEqual(who));

  it.each([
    // A discretion, a negation, nobody named, or families' own sharing.
    'We may use images that the Headteacher considers suitable.',
    'We do not use images that the Headteacher considers unsuitable.',
    'Staff only use images that they consider appropriate.',
    'Parents should only share photographs that the Head would consider suitable.',
  ])('nothing: %s', (sentence) => expect(read(decisionPatterns, sentence)['decisions.photoPublication']).toBeUndefined());
});

describe("who approves a school's social media account, page, profile or platform", () => {
  it.each([
    ['Teachers and coaches must obtain approval from the Head Teacher before creating an official class or team social media platform.', ['headteacher']],
    ['Staff must seek the approval of the Headteacher before setting up a class Facebook page.', ['headteacher']],
    ['Principals have the authority to grant clubs and departments (e.g. the PE department) permission to create a social media profile.', ['headteacher']],
    ['The Deputy Head has the authority to give year groups permission to start an Instagram page.', ['deputy-headteacher']],
  ])('%s', (sentence, who) => expect(read(decisionPatterns, sentence)['decisions.accounts']).toEqual(who));

  it.each([
    // Someone outside the staff, advice rather than approval, staff's own profiles, or no school's page at all.
    "Pupils need their parents' permission to create a social media profile.",
    'Teachers should seek advice from the Principal before creating a class social media page.',
    'Staff do not need the approval of the Headteacher for their personal social media profiles.',
    'Each class page on the school website is updated by the class teacher and approved by the Head.',
  ])('nothing: %s', (sentence) => expect(read(decisionPatterns, sentence)['decisions.accounts']).toBeUndefined());
});

describe("a template's 'by whom' field naming the body that reviews the policy", () => {
  const bodyOf = (sentence: string) => read(reviewPatterns, sentence)['policyReview.approvingBody'];

  it.each([
    ['Key dates: Date this policy was reviewed and by whom [03/10/2024 Mrs Patel] Date of next review and by whom [01/10/2025 Governors]', 'Governors'],
    ['Date of next review and by whom: Summer 2026, Full Governing Body', 'Full governing body'],
    ['Date of last review and by whom | March 2025 | Local Governing Body', 'Local governing body'],
    ['Date of next review and by whom [Autumn 2025 – Curriculum Committee]', 'Curriculum committee'],
  ])('%s → %s', (sentence, body) => expect(bodyOf(sentence)).toBe(body));

  it.each([
    // Left blank, a person, a person beside a body, a template's choice, or a review date with no "by whom".
    'Date of next review and by whom [] What is this policy?',
    'Date of next review and by whom [September 2025 Headteacher]',
    'Date this policy was reviewed and by whom [12/09/2024 Mr Khan]',
    'Date of next review and by whom: July 2026, Head and Governors',
    'Date of next review and by whom: Governors / Headteacher',
    'Next review by: September 2026',
  ])('nothing: %s', (sentence) => expect(bodyOf(sentence)).toBeUndefined());

  it('a whole page: the body as the header writes it', () => {
    const page =
      'Online Safety Policy\n\nKey people / dates\tDate of next review and by whom\t[Sept 2025 Curriculum Committee]\n\nThis policy applies to all staff.\n';
    expect(proposals(page)['policyReview.approvingBody']).toBe('Curriculum Committee');
  });
});

describe("the school's duty to refer concerns to social care", () => {
  const tellOf = (sentence: string) => Object.fromEntries(Object.entries(read(concernPatterns, sentence)).filter(([k]) => k.endsWith('.tell')));

  it.each([
    ['All schools are required to refer concerns to the local authority social care team.', 'safeguarding', ['social-care']],
    ["The Designated Person has a statutory duty to refer concerns about a child's welfare to Social Services.", 'safeguarding', ['social-care']],
    ['The school will follow the procedure and refer child protection concerns to the Social Care Department.', 'safeguarding', ['social-care']],
    ['The Headteacher must refer allegations against staff to the LADO.', 'staff-misuse', ['lado']],
  ])('%s', (sentence, kind, who) => expect(tellOf(sentence)[`concerns.routes.${kind}.tell`]).toEqual(who));

  it.each([
    // A discretion, a condition, a family told whom to call, a negation, someone inside the staff first, or bare
    // concerns sent to someone whose concerns could be of any kind.
    "Schools may refer concerns to children's social care.",
    'Where appropriate, the DSL will refer concerns to the Social Care Department.',
    "Parents can refer concerns directly to Children's Social Care.",
    'We will not refer concerns to social care without first speaking to the family.',
    'Staff must refer concerns to the DSL, who will decide whether to contact social care.',
    'Staff must refer concerns to the police.',
  ])('nothing: %s', (sentence) => expect(tellOf(sentence)).toEqual({}));
});

describe('a minimum age the school holds pupils to, not advice to families', () => {
  const ageOf = (sentence: string) => read(ageTable, sentence)['ageLimits.socialMediaMinimumAge'];

  it.each([
    ['Pupils are reminded that TikTok requires its users to be 13.', 13],
    ['Instagram and Snapchat require users to be at least 13, and pupils under that age must not hold accounts.', 13],
  ])('%s', (sentence, age) => expect(ageOf(sentence)).toBe(age));

  it.each([
    // The school advising families of a site's terms holds no one to them.
    "We would like to advise parents that WhatsApp's terms say a person must be 16 to use it.",
    'We strongly advise that children under 13 do not use social media.',
    "Parents are advised that Snapchat's rules say that users must be 13 to join.",
  ])('nothing: %s', (sentence) => expect(ageOf(sentence)).toBeUndefined());
});
