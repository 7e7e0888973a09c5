import { describe, expect, it } from 'vitest';
import { concernPatterns } from './concerns.table.ts';
import { consentPatterns } from './consent.table.ts';
import { proposeSettings } from './engine.ts';
import { photoPatterns } from './photos.table.ts';
import { reviewPatterns } from './review.table.ts';
import { rolesIn } from './roles.ts';
import { blocks, read } from '../../../../test/helpers/proposals.ts';

/**
 * Wording met on real schools' pages of dev set 2, each case paraphrased, not quoted. Round 5's dev set is in
 * proposals.wording-real.test.ts; the held-out policies and rounds 1–4 in proposals.wording.test.ts.
 */

describe('dev set 2 (real pages): roles, channels and routes in more words', () => {
  const settings = (text: string) => Object.fromEntries(proposeSettings(text).proposals.map((p) => [p.setting, p.value]));

  it.each([
    [
      'If you are worried about a pupil, talk to the Designated Safeguarding Lead straight away.',
      { 'concerns.routes.safeguarding.notify': ['dsl'], 'concerns.routes.safeguarding.immediate': true },
    ],
    [
      'Any concern for a child must be discussed with the DSL without delay.',
      { 'concerns.routes.safeguarding.notify': ['dsl'], 'concerns.routes.safeguarding.immediate': true },
    ],
    ['Staff with a concern about a student should share it with the designated person.', { 'concerns.routes.safeguarding.notify': ['dsl'] }],
    ['Tell the Head Teacher if a pupil tries to become your friend on Instagram.', { 'concerns.routes.contact-attempt.notify': ['headteacher'] }],
    [
      'Where a parent has asked to be a follower of your personal account, speak with the Principal.',
      { 'concerns.routes.contact-attempt.notify': ['headteacher'] },
    ],
  ])('%s', (sentence, expected) => expect(read(concernPatterns, sentence)).toEqual(expected));

  it.each([
    // Advice to pupils, a concern about the website, a first recipient only, and a negated route.
    'Children are taught to talk to a trusted adult if they are worried about a friend.',
    'If you have a concern about the school website, please contact the office.',
    'A concern about a child should be discussed with the class teacher in the first instance.',
    'Do not discuss a concern about a pupil with other parents.',
  ])('nothing from: %s', (sentence) => expect(read(concernPatterns, sentence)).toEqual({}));

  it.each([
    ['Pupils’ names will not appear beside their pictures on our website.', { 'photos.channels.website.naming': 'none' }],
    ['At no time should a pupil be named in a photograph posted on Twitter.', { 'photos.channels.social-media.naming': 'none' }],
    ['Names do not accompany images in our printed publications.', {}],
    ['Children’s names are never attached to photographs in the prospectus.', { 'photos.channels.prospectus.naming': 'none' }],
    ['Under no circumstances will a child be identified by name on the school website.', { 'photos.channels.website.naming': 'none' }],
    // Surnames never given: a first name at most (the keying guide, thirteenth session).
    ['Surnames will not appear on the website.', { 'photos.channels.website.naming': 'first-names' }],
  ])('%s', (sentence, expected) => expect(read(photoPatterns, sentence)).toEqual(expected));

  it.each([
    // Staff's names, parents' posts, surnames only (first names stay open); a condition is in proposals.unseen.test.ts.
    'Staff names will not appear on the website.',
    'Parents should under no circumstances name other children on Facebook.',
  ])('nothing from: %s', (sentence) => expect(read(photoPatterns, sentence)).toEqual({}));

  it('a rule that names no channel takes the channels the page’s title names (round 22: each of two)', () => {
    expect(settings('Our School Twitter Guidelines\n\nGeneral rules\n\nNo child will be named in a post.')).toEqual({
      'photos.channels.social-media.naming': 'none',
      'consent.purposes.social-media.active': true,
    });
    expect(settings('Website and Facebook Guidelines\n\nGeneral rules\n\nNo child will be named in a post.')).toEqual({
      'photos.channels.website.naming': 'none',
      'photos.channels.social-media.naming': 'none',
      'consent.purposes.website.active': true,
      'consent.purposes.social-media.active': true,
    });
    // A nearer heading naming another channel wins over the title.
    expect(settings('Our School Twitter Guidelines\n\nThe website\n\nNo child will be named in a post.')).toEqual({
      'photos.channels.website.naming': 'none',
      'consent.purposes.website.active': true,
    });
  });

  it.each([
    ['Pupils are photographed in appropriate clothing only, never during swimming lessons.', { 'photos.prohibitedContexts': ['swimming'] }],
    ['We film children in lessons and clubs (but not at sports day).', { 'photos.prohibitedContexts': ['sports-day'] }],
  ])('%s', (sentence, expected) => expect(read(photoPatterns, sentence)).toEqual(expected));

  it.each([
    'Children are photographed in PE kit, not in swimwear changing areas.',
    'Parents may take pictures, but not during the nativity.',
    'Photographs are taken at assemblies, not only at performances, unless a family objects.',
  ])('no occasion from: %s', (sentence) => expect(read(photoPatterns, sentence)).toEqual({}));

  it.each([
    ['Written consent for photographs is obtained from families annually.', { 'consent.lapse': 'each-september' }],
    ['Your permission for images lasts for your child’s time with us.', { 'consent.lapse': 'never' }],
    ['We seek your consent before inviting the media to photograph an event.', { 'consent.purposes.press.active': true }],
    ['Photographs are not shown in areas of the school where visitors go without parental consent.', { 'consent.purposes.displays.active': true }],
  ])('%s', (sentence, expected) => expect(read(consentPatterns, sentence)).toEqual(expected));

  it.each([
    // Negated lapse, social media is no press, and a form with no images in its context.
    'Permission is not obtained again every year.',
    'We seek consent before posting on social media in the media room.',
  ])('nothing about the press or a lapse from: %s', (sentence) => {
    const found = read(consentPatterns, sentence);
    expect(found['consent.lapse']).toBeUndefined();
    expect(found['consent.purposes.press.active']).toBeUndefined();
  });

  it('a form on a page about images: its validity is the consent’s lapse; the same on a page about trips is not', () => {
    expect(settings('Consent for Pictures of Pupils\n\nConditions\n\nThe form remains valid while your child is at the school.')).toEqual({
      'consent.lapse': 'never',
    });
    expect(settings('School Trips Information\n\nConditions\n\nThe form remains valid while your child is at the school.')).toEqual({});
  });

  it('header dates split over lines, glued to their labels, or with a two-digit year', () => {
    expect(blocks('Date issued:\n\nMarch 2022\n\nNext review date:\n\nMarch 2023')).toEqual({ 'policyReview.intervalMonths': 12 });
    expect(blocks('Date this policy was reviewed and by whom05/09/23 J Smith\nDate of next review and by whomSep 25 J Smith')).toEqual({
      'policyReview.intervalMonths': 24,
    });
    // A date line under a long paragraph, or a next review alone, gives nothing.
    expect(blocks('This paragraph explains at length what the policy is about and why.\n\nMarch 2022\n\nNext review date:\n\nMarch 2023')).toEqual({});
  });

  it('"Reviewed by:" a body approves; a person does not', () => {
    expect(read(reviewPatterns, 'Reviewed by: Full Governing Board')).toEqual({ 'policyReview.approvingBody': 'Full governing board' });
    expect(read(reviewPatterns, 'Reviewed by: the Trust Board')).toEqual({ 'policyReview.approvingBody': 'Trust board' });
    expect(read(reviewPatterns, 'Reviewed by: Headteacher')).toEqual({});
    expect(read(reviewPatterns, 'Reviewed by: Mrs J Smith, Office Manager')).toEqual({});
  });

  it('a signature label inside a flattened line, and "Chairman" as Chair', () => {
    expect(blocks('Written May 2021. Reviewed each year. Signature :- Principal Signature :- Chairwoman of the Governing Body')).toEqual({
      'policyReview.signatories': ['Principal', 'Chair of the governing body'],
    });
    // A deputy among the signers: a partial list, so none.
    expect(blocks('Reviewed each year. Signed :- Headteacher Signed :- Deputy Headteacher')).toEqual({});
    // "signed off by" is no signature block.
    expect(blocks('The policy was signed off by the Headteacher in May.')).toEqual({});
  });
});

describe('dev set 2: wider vocabulary for any school', () => {
  const settings = (text: string) => Object.fromEntries(proposeSettings(text).proposals.map((p) => [p.setting, p.value]));

  it.each([
    [
      'Concerns about a child’s safety online go to the DDSL at once.',
      { 'concerns.routes.safeguarding.notify': ['dsl'], 'concerns.routes.safeguarding.immediate': true },
    ],
    ['This document is reviewed every two academic years.', { 'policyReview.intervalMonths': 24 }],
    ['The governors look at this policy again each October.', {}],
    ['This policy is reviewed each autumn term.', { 'policyReview.intervalMonths': 12 }],
    // (A channel the school names pupils on is one it uses.)
    ['The website never carries a pupil’s name.', { 'photos.channels.website.naming': 'none', 'consent.purposes.website.active': true }],
    [
      'Pictures on Facebook are not accompanied by the children’s names.',
      { 'photos.channels.social-media.naming': 'none', 'consent.purposes.social-media.active': true },
    ],
    ['We do not name pupils in the newsletter.', { 'photos.channels.newsletter.naming': 'none', 'consent.purposes.publications.active': true }],
    ['We ask for consent before a pupil’s picture goes on the school’s X account.', { 'consent.purposes.social-media.active': true }],
    ['Carers give written permission on entry for pictures to be shown on classroom displays.', { 'consent.purposes.displays.active': true }],
    ['Consent will be sought before a pupil’s photo is sent to the regional paper.', { 'consent.purposes.press.active': true }],
    // The sites' terms alone, with nothing holding pupils to them, settle no age (the keying guide, fourteenth session).
    ['The age restriction for most of these apps is 13.', {}],
    ['The age restriction for most of these apps is 13. Consequently, pupils do not use them in school.', { 'ageLimits.socialMediaMinimumAge': 13 }],
    ['A class social media account may only be opened once the Principal has authorised it.', {}],
    ['Setting up a school social media account must be approved by the Head Teacher.', { 'decisions.accounts': ['headteacher'] }],
  ])('%s', (sentence, expected) => expect(settings(sentence)).toEqual(expected));

  it.each([
    // Twice a year or every two years: no interval.
    'This policy is reviewed bi-annually.',
    'The policy will be looked at semi-annually by governors.',
    // Staff's or parents' naming, a condition, and someone else's approval of a personal account.
    'Staff should not name pupils on their own social media.',
    'Parents must not name other children in comments on the school Facebook page.',
    'We do not name children in the newsletter unless their parents agree.',
    'Using a personal account for school business must be approved by the Head.',
    // Consent for something else, a club, a route told "in the first instance".
    'Parents give consent for trips on the admission form.',
    'Pupils may join the media club each term.',
    'If you have a concern about a child, speak to the class teacher in the first instance.',
    'Staff training is reviewed each September.',
  ])('nothing from: %s', (sentence) => expect(settings(sentence)).toEqual({}));
});

describe('dev set 2: who approves and signs, and header dates on one row', () => {
  const settings = (text: string) => Object.fromEntries(proposeSettings(text).proposals.map((p) => [p.setting, p.value]));

  it.each([
    ['Approving body: Local Governing Body', { 'policyReview.approvingBody': 'Local Governing Body' }],
    // A person is never the approving body (bench/proposals-keying.md).
    ['Approved by: Executive Principal', {}],
    ['Reviewed: every year', { 'policyReview.intervalMonths': 12 }],
    ['Issued: March 2024    Review date: March 2025', { 'policyReview.intervalMonths': 12 }],
    ['Adopted: 1 May 2023 | Review: May 2025', { 'policyReview.intervalMonths': 24 }],
    [
      'Head of School: A Person   Signed: __________\nChair of Governors: B Person   Signed: __________',
      { 'policyReview.signatories': ['Head of school', 'Chair of governors'] },
    ],
  ])('%s', (text, expected) => expect(settings(text)).toEqual(expected));

  it.each([
    // A person and a body together, a chief executive (no body), a last review with no next, a review with no date.
    'Approved by the Principal and the Trustees in June 2024.',
    'Approved by: CEO',
    'Last review: May 2024',
    'Review: when legislation changes',
    // A signer whose role we do not read makes the list partial.
    'Headteacher: A Person   Signed: ______\nSchool Business Manager: C Person   Signed: ______',
  ])('nothing from: %s', (text) => expect(settings(text)).toEqual({}));
});

describe('dev set 2: consent lists, naming and routes in more words', () => {
  const settings = (text: string) => Object.fromEntries(proposeSettings(text).proposals.map((p) => [p.setting, p.value]));

  it.each([
    [
      'Carers’ permission is needed before pictures are used:\n- on our website\n- in the local paper',
      { 'consent.purposes.website.active': true, 'consent.purposes.press.active': true },
    ],
    [
      'Every family completes a consent form in Reception. The form covers pictures on the website and in the prospectus.',
      { 'consent.purposes.website.active': true, 'consent.purposes.publications.active': true },
    ],
    ['Families fill in an image permission form covering our Instagram page.', { 'consent.purposes.social-media.active': true }],
    ['Pictures of pupils are only posted on Facebook once parents have agreed.', { 'consent.purposes.social-media.active': true }],
    ['Photos are used in the newsletter only with written consent.', { 'consent.purposes.publications.active': true }],
    ['On the website, pupils are not identified by name.', { 'photos.channels.website.naming': 'none', 'consent.purposes.website.active': true }],
    [
      'Pictures in the prospectus will not be captioned with children’s names.',
      { 'photos.channels.prospectus.naming': 'none', 'consent.purposes.publications.active': true },
    ],
    ['Staff worried about a colleague’s posts online should tell the Principal.', { 'concerns.routes.staff-misuse.notify': ['headteacher'] }],
    [
      'A disclosure of abuse made through a chat app is passed to the DSL at once.',
      { 'concerns.routes.safeguarding.notify': ['dsl'], 'concerns.routes.safeguarding.immediate': true },
    ],
    ['Incidents of sexting are referred to the Designated Safeguarding Lead.', { 'concerns.routes.safeguarding.notify': ['dsl'] }],
    ['Any contact from a pupil via Snapchat must be reported to the DSL.', { 'concerns.routes.contact-attempt.notify': ['dsl'] }],
  ])('%s', (text, expected) => expect(settings(text)).toEqual(expected));

  it.each([
    // Consent for something other than images, a staff member's permission, advice, a negation, other people's abuse.
    'Consent is needed for trips to the newspaper offices.',
    'Staff may only post on the website with the Head’s permission.',
    'The permission form covers trips and swimming lessons.',
    'Photographs are not only used on the website with consent but also in assemblies.',
    'Abuse aimed at staff online must be reported to the Head immediately.',
    'Staff concerned about a colleague’s workload should tell the Head.',
    'Misuse of the school network is reported to the ICT lead.',
  ])('nothing from: %s', (text) => expect(settings(text)).toEqual({}));
});

describe('dev set 2: more names for the same roles and channels', () => {
  it.each([
    ['the safeguarding lead', ['dsl']],
    ['our Safeguarding Officer', ['dsl']],
    ['the DSP', ['dsl']],
    ['the HT', ['headteacher']],
    ['the Head of Academy', ['headteacher']],
    ['the DHT', ['deputy-headteacher']],
    // Not roles: a team with no lead, words that contain the letters.
    ['our safeguarding team', []],
    ['the height of the display', []],
    ['an HTML page', []],
  ])('%s → %j', (text, roles) => expect(rolesIn(text.toLowerCase())).toEqual(roles));

  it('television is the press’s use; a YouTube channel is social media', () => {
    expect(read(consentPatterns, 'We ask your consent before pupils are filmed for television news.')).toEqual({ 'consent.purposes.press.active': true });
    expect(read(photoPatterns, 'Pupils are never named in videos on our YouTube channel.')).toEqual({ 'photos.channels.social-media.naming': 'none' });
    expect(read(consentPatterns, 'Pupils watch television in the hall on Fridays.')).toEqual({});
  });
});
