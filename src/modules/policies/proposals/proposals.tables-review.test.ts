import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ageTable } from './ages.table.ts';
import { concernPatterns } from './concerns.table.ts';
import { consentPatterns } from './consent.table.ts';
import { decisionPatterns } from './decisions.table.ts';
import { proposeSettings } from './engine.ts';
import { reviewPatterns } from './review.table.ts';
import { blocks, read } from '../../../../test/helpers/proposals.ts';

const run = promisify(execFile);

/**
 * The pattern tables, as designed, continued: the review, the minimum age, who decides, any layout, words with two
 * meanings. Roles, routes, photographs, naming and consent are in proposals.tables.test.ts.
 */

describe('the policy’s review, approval and signatures', () => {
  it.each([
    ['This policy will be reviewed annually by the governing body.', { 'policyReview.intervalMonths': 12 }],
    ['The Governing Body shall be responsible for reviewing this policy every two years.', { 'policyReview.intervalMonths': 24 }],
    ['This policy is reviewed every three years or sooner if legislation changes.', { 'policyReview.intervalMonths': 36 }],
    ['Approved by: Full Governing Body', { 'policyReview.approvingBody': 'Full governing body' }],
    ['This policy was ratified by the Board of Trustees.', { 'policyReview.approvingBody': 'Board of trustees' }],
    ['Approved by: Curriculum Committee', { 'policyReview.approvingBody': 'Curriculum committee' }],
    ['Date ratified by governors: 5 February 2023', { 'policyReview.approvingBody': 'Governors' }],
    ['Version: 2.1 Approved by: Trust Board Date approved: July 2024', { 'policyReview.approvingBody': 'Trust board' }],
    ['Review cycle: Annual', { 'policyReview.intervalMonths': 12 }],
    ['Review frequency: every 2 years', { 'policyReview.intervalMonths': 24 }],
    ['Approved by: Governing Body  Date: March 2024  Review: Annually', { 'policyReview.approvingBody': 'Governing body', 'policyReview.intervalMonths': 12 }],
    ['This policy is reviewed on a two-yearly cycle.', { 'policyReview.intervalMonths': 24 }],
    ['Approved by: Finance & Resources Committee', { 'policyReview.approvingBody': 'Finance & resources committee' }],
    ['This policy was approved by the Curriculum and Standards Committee in May 2024.', { 'policyReview.approvingBody': 'Curriculum and standards committee' }],
    // A committee named by a list keeps the whole list, not the words after its last comma.
    ['Approved by: Teaching, Learning and Standards Committee', { 'policyReview.approvingBody': 'Teaching, learning and standards committee' }],
    ['The policy was adopted by the Pupils, Premises & Finance Committee.', { 'policyReview.approvingBody': 'Pupils, premises & finance committee' }],
    ['This policy is subject to annual review.', { 'policyReview.intervalMonths': 12 }],
    ['The online safety policy will be reviewed every year by the governors.', { 'policyReview.intervalMonths': 12 }],
  ])('%s', (sentence, expected) => expect(read(reviewPatterns, sentence)).toEqual(expected));

  it.each([
    'Staff should review their privacy settings annually.',
    'All social media accounts must be approved by the Headteacher.',
    'The Governing Body has responsibility for handling complaints.',
    'Next review: Autumn 2025',
  ])('nothing from: %s', (sentence) => expect(read(reviewPatterns, sentence)).toEqual({}));

  it('reads signatures in a block or a table, "Acting" dropped and each role once', () => {
    // (A post as written: "Head Teacher" stays two words, the keying guide's convention.)
    expect(blocks('Signed by:\n\nJo Bloggs\tHead Teacher\tMay 2024\nSam Smith\tActing Chair of Governors\tMay 2024')).toEqual({
      'policyReview.signatories': ['Head Teacher', 'Chair of governors'],
    });
    expect(blocks('Signed\tChair of the Governing Body\nSigned\tPrincipal')).toEqual({
      'policyReview.signatories': ['Chair of the governing body', 'Principal'],
    });
    expect(blocks('Signed\tMick Saunders')).toEqual({});
    expect(blocks('Signed: ________ Headteacher          Signed: ________ Chair of Governors')).toEqual({
      'policyReview.signatories': ['Headteacher', 'Chair of governors'],
    });
  });

  it.each([
    'Signed ______________ Deputy Headteacher',
    'Signed by:\n\nJo Bloggs\tHeadteacher\nSam Smith\tDesignated Safeguarding Lead',
    'Signed:\nHead Teacher\nSigned:\nSafeguarding Governor',
    'Signature ____ Principal    Signature ____ Vice Principal',
  ])('proposes no signatories when someone else signs too: %s', (text) => expect(blocks(text)).toEqual({}));

  // Round 14: a co-chair named on the signature line is who signs, with the title as written (a deputy is still unread).
  it.each([
    ['Signed: ________ Headteacher          Signed: ________ Co-Chair of Governors', ['Headteacher', 'Co-chair of governors']],
    ['Signed ____ Co Chair of the Governing Body', ['Co chair of the governing body']],
    // (Session 16: a committee's chair on a signature line signs, the post as written, as keyers read it.)
    ['Signed: ________ Headteacher          Signed: ________ Chair of the Finance Committee', ['Headteacher', 'Chair of the finance committee']],
  ])('proposes a co-chair who signs: %s', (text, expected) => expect(blocks(text)).toEqual({ 'policyReview.signatories': expected }));

  it('works out the interval from this review and the next, in terms, months or days; not from one date', () => {
    expect(blocks('Date of this review: Autumn 2021\nDate of next review: Autumn 2023')).toEqual({ 'policyReview.intervalMonths': 24 });
    expect(blocks('Last reviewed: 14.09.2023\nNext review due: September 2024')).toEqual({ 'policyReview.intervalMonths': 12 });
    expect(blocks('Date of review April 2017')).toEqual({});
    expect(blocks('Version: 2.1   Approved by: Trust Board   Date approved: July 2024   Next review: July 2027')).toEqual({
      'policyReview.intervalMonths': 36,
    });
    expect(blocks('Last reviewed: March 2023\nNext review: July 2023')).toEqual({});
    // A header's bare "Date:" is the policy's own date.
    expect(blocks('Date: September 2019\nReview date: September 2021')).toEqual({ 'policyReview.intervalMonths': 24 });
    expect(blocks('Date: 3 March 2024\nNext review due: March 2025')).toEqual({ 'policyReview.intervalMonths': 12 });
  });
});

describe('the social media minimum age (ageLimits.socialMediaMinimumAge)', () => {
  it.each([
    ['Most social networking sites require users to be at least 13 years of age.', 13],
    ['No pupil under the age of 13 should have a social media account.', 13],
    ['The minimum age for WhatsApp is 16.', 16],
    ['Children under 13 must not use Facebook or Instagram.', 13],
  ])('%s → %s', (sentence, age) => expect(read(ageTable, sentence)).toEqual({ 'ageLimits.socialMediaMinimumAge': age }));

  it.each([
    'Pupils must not visit sites unsuitable for primary-aged pupils.',
    'Staff should not follow past pupils (under the age of 18) on social media sites.',
    'Pupils under 11 are supervised at all times.',
    'Facebook requires users to be 13, though WhatsApp requires users to be 16.',
  ])('nothing from: %s', (sentence) => expect(read(ageTable, sentence)).toEqual({}));
});

describe('who decides (decisions.*)', () => {
  it.each([
    [
      'All social media accounts created on behalf of the school must be approved by the Head teacher or Deputy Headteacher in advance.',
      { 'decisions.accounts': ['headteacher', 'deputy-headteacher'] },
    ],
    ['The final decision on whether access should be granted to a site will be made by the Principal.', { 'decisions.unblock': ['headteacher'] }],
    ['Photographs must be approved by the Headteacher before they are published on the website.', { 'photos.channels.website.headteacherApproval': true }],
    [
      'Photographs must be approved by the Headteacher or Deputy Head before they are published.',
      { 'decisions.photoPublication': ['headteacher', 'deputy-headteacher'] },
    ],
    ['The Head decides which images are published.', { 'decisions.photoPublication': ['headteacher'] }],
    ['Official academy accounts may only be set up with the written approval of the Principal.', { 'decisions.accounts': ['headteacher'] }],
    ['The Headteacher is responsible for approving any photograph before it is posted online.', { 'decisions.photoPublication': ['headteacher'] }],
    [
      "The Principal will approve all images before they are posted on the school's Twitter account.",
      { 'photos.channels.social-media.headteacherApproval': true },
    ],
  ])('%s', (sentence, expected) => expect(read(decisionPatterns, sentence)).toEqual(expected));

  it.each([
    'Parents must not publish photographs of other children.',
    'Staff accounts are personal and should not be used for school business.',
    'Requests to unblock a site may be made by email to the ICT lead.',
  ])('nothing from: %s', (sentence) => expect(read(decisionPatterns, sentence)).toEqual({}));
});

describe('any layout', () => {
  it('reads numbered, bulleted and Markdown clauses, a tabbed table and web-page copy, and lines a PDF wrapped', () => {
    const text = [
      'Home | About | Policies | Contact',
      '## 4.2 Reporting',
      '- 4.2.1 **Any** cyber bullying must be reported to',
      'the Designated Safeguarding Lead.',
      '* (b) Photographs will **not** be taken of pupils in the swimming pool.',
      'Policy\tReviewed\tApproved by:\tThe Governing Body',
      '© 2025 Oak School | Cookies',
    ].join('\n');
    const { proposals } = proposeSettings(text);
    expect(proposals).toEqual([
      {
        setting: 'concerns.routes.cyber-bullying.notify',
        value: ['dsl'],
        quote: 'Any cyber bullying must be reported to the Designated Safeguarding Lead.',
        line: 3,
      },
      { setting: 'photos.prohibitedContexts', value: ['swimming'], quote: 'Photographs will not be taken of pupils in the swimming pool.', line: 5 },
      { setting: 'policyReview.approvingBody', value: 'Governing Body', quote: 'Policy Reviewed Approved by: The Governing Body', line: 6 },
    ]);
  });

  it('proposes nothing two sentences disagree on', () => {
    const { proposals } = proposeSettings('Photographs are deleted after two years.\n\nImages are deleted after three years.');
    expect(proposals).toEqual([]);
  });

  it('proposes no review interval when the header dates and the text disagree', () => {
    const { proposals } = proposeSettings(
      'Online Safety Policy\nDate: September 2019\nReview date: September 2021\n\nThis policy will be reviewed annually by the governors.',
    );
    expect(proposals.filter((p) => p.setting === 'policyReview.intervalMonths')).toEqual([]);
  });

  it('reads a 20-page policy in under a second', async () => {
    // In a process of its own, so that other files' garbage is not counted against it (test/helpers/policy-read-speed.ts).
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'test/helpers/policy-read-speed.ts']);
    const ms = Number(stdout.split('\n')[0]);
    expect(ms).toBeGreaterThan(0);
    expect(ms).toBeLessThan(1000);
  });
});

describe('words with two meanings', () => {
  it('"display" the verb is no purpose; "contact from the media" is an enquiry', () => {
    expect(read(consentPatterns, 'We will ask for consent before we display any photograph on the website.')).toEqual({
      'consent.purposes.website.active': true,
    });
    expect(read(concernPatterns, 'Any contact from the media should be passed to the Head.')).toEqual({
      'concerns.routes.media-enquiry.notify': ['headteacher'],
    });
  });
});
