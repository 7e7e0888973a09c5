import { describe, expect, it } from 'vitest';
import { ageTable } from './ages.table.ts';
import { concernPatterns } from './concerns.table.ts';
import { reviewPatterns } from './review.table.ts';
import { blocks, proposals, read } from '../../../../test/helpers/proposals.ts';

/**
 * Round 15 (b): the policy's header and footer, concern routes and age limits as schools anywhere write them, from the
 * kinds met on a fifth real dev set and on an earlier sealed set (described in words only). Every sentence here is
 * written for the test, with other schools, roles and structures; each kind has must-propose-nothing cases.
 */

describe('Irish and Northern Irish boards approve: Board of Management, BoM, Board of Governors', () => {
  it.each([
    ['(Updated and ratified by the Board of Management on 14 March 2016)', 'Board of Management'],
    ['Reviewed and approved by the Board of Governors, Spring 2020.', 'Board of Governors'],
    ['This policy was adopted by the Board of Management on 4/6/2019.', 'Board of Management'],
    ['The AUP was first adopted by our school Board of Management at its meeting in March 2011.', 'Board of Management'],
    ['This revision was discussed, approved and ratified by the Board of Management at its meeting of 2 May 2019.', 'Board of Management'],
    ['The Code of Behaviour was formally adopted by the BoM in September 2018.', 'Board of Management'],
    ['Ratified by BOM: March 2022', 'Board of Management'],
    ['Approved by: Board of Governors', 'Board of Governors'],
    ['Our mobile phone policy has been reviewed, amended and approved by the Board of Management.', 'Board of Management'],
  ])('%s → %s', (sentence, body) => expect(read(reviewPatterns, sentence)).toEqual({ 'policyReview.approvingBody': body }));

  it.each([
    // Reviewed, discussed or sent to a board is no approval; a person is never the approving body.
    'The Board of Management will review the AUP annually or sooner if needed.',
    'The AUP was reviewed by the Board of Management in May 2019.',
    'This update was discussed by the Board of Management at its meeting.',
    'The policy was drafted by the Principal and will be sent to the Board of Management.',
    'Updated and approved by the Principal, June 2020.',
    'Approved by: Headteacher',
    'This policy was approved by the Executive Principal in May 2024.',
    // A template's choices, or a blank to fill in.
    'Ratified by the Board of Management / Board of Governors on: ________',
    'Approved by: __________',
    // Negated or conditional.
    'This policy has not yet been ratified by the Board of Management.',
    'If the policy is adopted by the Board of Management, it will apply from September.',
  ])('no approver from: %s', (sentence) => expect(read(reviewPatterns, sentence)).not.toHaveProperty('policyReview.approvingBody'));
});

describe('a footer that gives the approval and the review interval in one line', () => {
  it.each([
    ['Ratified by the Board of Management on 3 May 2021 and to be reviewed annually.', 12],
    ['Approved by the Board of Management, October 2020 – to be reviewed every three years.', 36],
    ['Adopted by the governors in June 2022 and will be reviewed every two years.', 24],
    ['Agreed by the Full Governing Body on 1 July 2023; to be reviewed biennially.', 24],
    ['This policy was ratified by the Board of Management on 12 March 2019 and will be reviewed every two years.', 24],
  ])('%s → %s months', (sentence, months) => expect(read(reviewPatterns, sentence)['policyReview.intervalMonths']).toBe(months));

  it('"To be reviewed annually." after the footer’s approval', () => {
    expect(
      proposals('Mobile Phone Policy\n\nPhones stay in bags.\n\nRatified by the Board of Management on 3 May 2021. To be reviewed every two years.'),
    ).toEqual({
      'policyReview.approvingBody': 'Board of Management',
      'policyReview.intervalMonths': 24,
    });
  });

  it.each([
    // Something else is reviewed, or the review is no interval.
    'Approved by the Principal on 3 May 2021, pupils’ passwords are to be reviewed annually.',
    'Ratified by the Board of Management on 3 May 2021 and to be reviewed as required.',
    'Ratified by the Board of Management on 3 May 2021 and not to be reviewed before 2024.',
  ])('no interval from: %s', (sentence) => expect(read(reviewPatterns, sentence)).not.toHaveProperty('policyReview.intervalMonths'));

  it.each(['Pupils’ logins are to be reviewed annually.', 'Phones handed in are to be reviewed every two years.'])(
    'a bare "to be reviewed" without an approval before it: %s',
    (sentence) => expect(proposals(`Mobile Phone Policy\n\nPhones stay in bags.\n\n${sentence}`)).not.toHaveProperty('policyReview.intervalMonths'),
  );
});

describe('a signature line for a body names no post, so the block names nobody', () => {
  it.each([
    'Signed on behalf of the Governing Body:\n\nSigned on behalf of the Headteacher:',
    'Signed for the Trust Board: ____________\nSigned: ____________ Headteacher',
    'Signature on behalf of the Board of Management: ________\nSignature: ________ Principal',
  ])('nothing from: %s', (text) => expect(blocks(text)).not.toHaveProperty('policyReview.signatories'));

  it.each([
    ['Signed: ____________ Headteacher\nSigned: ____________ Chair of Governors', ['Headteacher', 'Chair of governors']],
    ['Signed: ____________ Chair of the Board of Governors\nSigned: ____________ Principal', ['Chair of the board of governors', 'Principal']],
  ])('posts on their own lines still sign: %s', (text, posts) => {
    const found = blocks(text)['policyReview.signatories'] as string[];
    expect(found.map((p) => p.toLowerCase()).sort()).toEqual(posts.map((p) => p.toLowerCase()).sort());
  });
});

describe('an acceptable use policy’s rule for unsuitable material found online: pupils (and staff) tell a named person at once', () => {
  it.each([
    [
      'Pupils will immediately report any inappropriate material they come across online to their class teacher.',
      { 'concerns.routes.inappropriate-content.notify': ['class-teacher'], 'concerns.routes.inappropriate-content.immediate': true },
    ],
    [
      'Pupils and staff must tell the Principal at once if they accidentally access unsuitable material on the internet.',
      { 'concerns.routes.inappropriate-content.notify': ['headteacher'], 'concerns.routes.inappropriate-content.immediate': true },
    ],
    [
      'Any pupil who encounters offensive images online is to inform the class teacher immediately.',
      { 'concerns.routes.inappropriate-content.notify': ['class-teacher'], 'concerns.routes.inappropriate-content.immediate': true },
    ],
    [
      'Students should report accidental accessing of inappropriate materials to the Head Teacher without delay.',
      { 'concerns.routes.inappropriate-content.notify': ['headteacher'], 'concerns.routes.inappropriate-content.immediate': true },
    ],
    [
      'Children who find harmful websites while online are required to tell their class teacher or the Head.',
      { 'concerns.routes.inappropriate-content.notify': ['class-teacher', 'headteacher'] },
    ],
  ])('%s', (sentence, expected) => expect(read(concernPatterns, sentence)).toEqual(expected));

  it.each([
    // Advice or teaching, not the school's rule.
    'We encourage pupils to tell their class teacher straight away if they see inappropriate content.',
    'Pupils are taught to report inappropriate content to their class teacher.',
    'Children are reminded that they should tell the Principal about offensive images.',
    // Negated.
    'Pupils must not search for inappropriate material online.',
    'Pupils will not be asked to report inappropriate material to the Principal.',
    // Parents told what to do about their own child.
    'Parents should tell the class teacher at once if their child sees inappropriate content at home.',
    // Another kind of concern stays advice to pupils.
    'Pupils who experience cyberbullying must tell their class teacher immediately.',
  ])('nothing from: %s', (sentence) => expect(read(concernPatterns, sentence)).toEqual({}));
});

describe('on a safeguarding policy, "any concerns" are safeguarding concerns', () => {
  const page = (last: string, extra = '') =>
    [
      'Keeping Children Safe',
      '',
      'Designated Safeguarding Lead',
      '- DSL: Mrs A Rahman',
      '- Deputy: Mr T Okafor',
      '',
      'Types of Abuse',
      '- Physical abuse',
      '- Sexual abuse',
      '- Emotional abuse',
      '- Neglect',
      extra,
      '',
      'What staff do',
      '- Staff watch for signs of abuse.',
      '- Child protection records are kept securely.',
      `- ${last}`,
    ].join('\n');

  it.each([
    [
      'All concerns must be passed to the Designated Safeguarding Lead without delay.',
      { 'concerns.routes.safeguarding.notify': ['dsl'], 'concerns.routes.safeguarding.immediate': true },
    ],
    [
      'Staff must report any worries or concerns to the Head or the DSL on the same day.',
      { 'concerns.routes.safeguarding.notify': ['headteacher', 'dsl'], 'concerns.routes.safeguarding.deadline': 'same-day' },
    ],
    [
      'Any concerns will be referred to the designated person immediately.',
      { 'concerns.routes.safeguarding.notify': ['dsl'], 'concerns.routes.safeguarding.immediate': true },
    ],
  ])('%s', (last, expected) => expect(proposals(page(last))).toEqual(expected));

  it.each([
    // "You", a family, the policy itself, a discretion, concerns about something else.
    'If you have any concerns, please speak to the DSL.',
    'Any concerns about this policy should be raised with the Head.',
    'Parents with any concerns should contact the Head immediately.',
    'Any concerns may be discussed with the DSL.',
    'Concerns about the curriculum go to the Head.',
    'Any concerns must not be discussed with the Head.',
  ])('nothing from: %s', (last) => expect(proposals(page(last))).toEqual({}));

  it('not on a page that names another kind of concern', () => {
    expect(proposals(page('Any concerns must be passed to the Head immediately.', '- Cyberbullying'))).toEqual({});
  });

  it('not on a page that speaks of safeguarding only in passing', () => {
    const photos =
      'Photography Policy\n\nWe take photographs for our website, and safeguarding is at the heart of this. Images are stored securely. Staff do not use their own phones. Any concerns must be reported to the Head immediately.';
    expect(proposals(photos)).not.toHaveProperty('concerns.routes.safeguarding.notify');
    expect(proposals(photos)).not.toHaveProperty('concerns.routes.safeguarding.immediate');
  });
});

describe('a time for telling someone outside the staff is not the route’s own deadline', () => {
  it.each([
    ['Allegations against staff need to be notified to the LADO within one working day.', { 'concerns.routes.staff-misuse.tell': ['lado'] }],
    ['All allegations against a member of staff have to be referred to the LADO within 24 hours.', { 'concerns.routes.staff-misuse.tell': ['lado'] }],
    ['Cyberbullying incidents will be reported to parents within 24 hours.', { 'concerns.routes.cyber-bullying.tell': ['carers'] }],
    [
      'Allegations against staff must be reported to the Headteacher within 24 hours, who will inform the LADO.',
      {
        'concerns.routes.staff-misuse.notify': ['headteacher'],
        'concerns.routes.staff-misuse.tell': ['lado'],
        'concerns.routes.staff-misuse.deadline': '24-hours',
      },
    ],
    [
      'Incidents of cyberbullying must be reported to the Head on the same day and parents will be informed.',
      {
        'concerns.routes.cyber-bullying.notify': ['headteacher'],
        'concerns.routes.cyber-bullying.tell': ['carers'],
        'concerns.routes.cyber-bullying.deadline': 'same-day',
      },
    ],
  ])('%s', (sentence, expected) => expect(read(concernPatterns, sentence)).toEqual(expected));

  it.each(['Allegations against staff may need to be notified to the LADO.', 'Allegations against staff need not be notified to the LADO within 24 hours.'])(
    'nothing from: %s',
    (sentence) => expect(read(concernPatterns, sentence)).toEqual({}),
  );
});

describe('a site only for users of an age is the social media minimum age', () => {
  it.each([
    ['Facebook’s terms say the site should only be used by those aged 13 and over.', 13],
    ['Instagram is only for people aged 13 or older, so none of our pupils should have an account.', 13],
    ['WhatsApp can only be joined by users aged 16 and above.', 16],
    ['TikTok is intended for users 13+ only.', 13],
    ['Snapchat is open to young people aged 13 and above.', 13],
  ])('%s → %s', (sentence, age) => expect(read(ageTable, sentence)).toEqual({ 'ageLimits.socialMediaMinimumAge': age }));

  it.each([
    // A range for a children's site, an age for something else, two ages.
    'Our children’s social network is only open to children aged 6 to 12.',
    'The film club is only for pupils aged 11 and over.',
    'Facebook is for users aged 13 and over, and WhatsApp for those aged 16 and over.',
    'Staff must not follow former pupils aged 18 and over on social media.',
  ])('nothing from: %s', (sentence) => expect(read(ageTable, sentence)).toEqual({}));
});

describe('accidental access and objectionable sites are unsuitable material found online', () => {
  it('"in the event of accidentally accessing any of the above sites, the pupil will … report the incident to the class teacher"', () => {
    const page = [
      'Internet Acceptable Use Policy',
      '',
      'Pupils will not knowingly visit websites that hold obscene, hateful or otherwise objectionable material.',
      '',
      'In the event of accidentally accessing any of the above sites, the pupil will immediately close the page and report the incident to the class teacher.',
    ].join('\n');
    expect(proposals(page)).toEqual({
      'concerns.routes.inappropriate-content.notify': ['class-teacher'],
      'concerns.routes.inappropriate-content.immediate': true,
    });
  });

  it.each([
    ['Inadvertent access to blocked sites must be reported to the computing lead.', { 'concerns.routes.inappropriate-content.notify': ['ict-lead'] }],
    [
      'If a member of staff accidentally comes across pornographic content on a school laptop, it must be reported to the Head immediately.',
      { 'concerns.routes.inappropriate-content.notify': ['headteacher'], 'concerns.routes.inappropriate-content.immediate': true },
    ],
  ])('%s', (sentence, expected) => expect(read(concernPatterns, sentence)).toEqual(expected));

  it.each([
    'Accidental damage to a laptop must be reported to the office.',
    'Pupils must not try to access objectionable sites.',
    'Accidental access to distressing material may be discussed with the class teacher.',
  ])('no route from: %s', (sentence) => expect(read(concernPatterns, sentence)).not.toHaveProperty('concerns.routes.inappropriate-content.notify'));
});

describe('a discretion names no recipient; a "may" inside the subject’s clause does not make one', () => {
  it.each([
    'Concerns about cyberbullying may be raised with the Head of Year or the Head.',
    'Incidents of online bullying can be passed to the DSL.',
    'Unsuitable websites might also be reported to the computing lead.',
  ])('no recipient from: %s', (sentence) => expect(Object.keys(read(concernPatterns, sentence)).filter((k) => k.endsWith('.notify'))).toEqual([]));

  it('"Any member of staff who is worried that a pupil may be at risk must speak to the DSL" is still a route', () => {
    expect(read(concernPatterns, 'Any member of staff who is worried that a pupil may be at risk must speak to the DSL at once.')).toEqual({
      'concerns.routes.safeguarding.notify': ['dsl'],
      'concerns.routes.safeguarding.immediate': true,
    });
  });
});

describe('the approval date and the next review date in one sentence', () => {
  it.each([
    ['This policy was ratified by the Board of Management on 5th May 2022 and will be reviewed in May 2024.', 24],
    ['Adopted by the governors in September 2023; to be reviewed by September 2024.', 12],
    ['The policy was approved by the Trust Board on 1 March 2021 and is due to be reviewed in March 2024.', 36],
  ])('%s → %s months', (sentence, months) => expect(read(reviewPatterns, sentence)['policyReview.intervalMonths']).toBe(months));

  it.each([
    // Not a whole number of years, a review that may happen, one date only, no approval.
    'This policy was ratified by the Board of Management in May 2022 and will be reviewed in January 2023.',
    'This policy was ratified by the Board of Management in May 2022 and may be reviewed in May 2023.',
    'This policy was ratified by the Board of Management in May 2022 and will be reviewed when legislation changes.',
    'Pupils joined in May 2022 and will be reviewed in May 2023.',
  ])('no interval from: %s', (sentence) => expect(read(reviewPatterns, sentence)).not.toHaveProperty('policyReview.intervalMonths'));
});
